"""The Compare page under AppTest: three comparison articles uploaded through the page's own
uploader, the bundled article as the focus, all four views drawn without an exception."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from devkit import fixtures as fx
from views.escape import md

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "pages" / "3_Compare.py")
DEV = ROOT / "tests" / "fixtures" / "compare" / "dev"


def _files(*names: str) -> list[tuple[str, bytes, str]]:
    return [(n, (DEV / n).read_bytes(), "text/plain") for n in names]


@pytest.fixture(scope="module")
def page():
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.run()
    assert not at.exception
    assert any("Add at least one other report" in i.value for i in at.info)
    at.sidebar.get("file_uploader")[0].set_value(_files("herald.txt", "ledger.txt", "wire.txt"))
    at.run()
    assert not at.exception, at.exception
    return at


def test_three_uploads_become_comparison_articles(page):
    arts = page.session_state["comparison_articles"]
    assert [a.title for a in arts] == ["herald.txt", "ledger.txt", "wire.txt"]
    assert all(a.source.startswith("upload:") for a in arts)
    assert page.multiselect[0].value == ["herald.txt", "ledger.txt", "wire.txt"]
    assert page.selectbox[0].label == "Focus article"
    assert page.selectbox[0].value == "AI model theft accusation (bundled article)"


def test_all_four_views_are_drawn(page):
    assert [t.label for t in page.tabs] == ["Profile", "Aligned arcs", "Distinguishing words",
                                            "Claim coverage"]
    charts = page.get("plotly_chart")
    assert len(charts) == 4
    assert len(page.dataframe) == 3  # profile table, words, the side-by-side scores
    assert any('class="nl-kwic"' in h.proto.body for h in page.get("html"))  # the contexts, as on Read
    assert not page.exception


def test_words_show_contexts_and_coverage_shows_both_paragraphs(page):
    contexts_box = next(s for s in page.selectbox if s.label == "Contexts of")
    assert any("occurrence(s)" in m.value for m in page.markdown)
    focus_box = next(s for s in page.selectbox if s.label == "Focus paragraph")
    outlet_box = next(s for s in page.selectbox if s.label == "Outlet")
    assert outlet_box.options == ["herald.txt", "ledger.txt", "wire.txt"]
    assert contexts_box.value
    outlet_box.set_value("wire.txt")
    focus_box.set_value(focus_box.options[0])
    page.run()
    assert not page.exception
    html = " ".join(h.proto.body for h in page.get("html"))
    assert "<div" in html and html.count("<div") == 2  # the two paragraphs side by side


def test_an_unreadable_upload_is_a_message_and_loses_nothing():
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.run()
    at.sidebar.get("file_uploader")[0].set_value(
        _files("herald.txt") + [("empty.txt", b"", "text/plain"), ("bin.txt", b"\x00\x01\x02binary", "text/plain")])
    at.run()
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert md("empty.txt") in warnings and md("bin.txt") in warnings
    assert [a.title for a in at.session_state["comparison_articles"]] == ["herald.txt"]
    assert len(at.get("plotly_chart")) == 4


def test_word_and_pdf_files_are_read_like_text():
    """The page's uploader takes every format the readers take, as the picker and Coverage do."""
    paragraphs = [p for p in (DEV / "ledger.txt").read_text(encoding="utf-8").split("\n\n") if p.strip()]
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.run()
    uploader = at.sidebar.get("file_uploader")[0]
    assert {"docx", "pdf", "html", "md", "txt"} <= {t.lstrip(".") for t in uploader.proto.type}
    uploader.set_value([
        ("ledger.docx", fx.docx("The Ledger", paragraphs),
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("ledger.pdf", fx.pdf("The Ledger in print", paragraphs[:3]), "application/pdf"),
    ])
    at.run()
    assert not at.exception
    assert not at.warning, [w.value for w in at.warning]
    arts = at.session_state["comparison_articles"]
    assert len(arts) == 2 and all(a.text.strip() for a in arts)
    assert len(at.get("plotly_chart")) == 4
