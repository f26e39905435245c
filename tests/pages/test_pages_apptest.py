"""Every page runs under AppTest without an exception or an error message, and the article
picker (paste, upload, an unreadable upload) changes what the pages show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import analysis
from analysis import paths
from analysis.measures import HEADLINE, REGISTRY, column
from ui.page import PASTE, UPLOAD
from views.escape import md

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))
TIMEOUT = 90

NEW_TEXT = (
    "Officials may have known about the breach for weeks, according to people familiar with the matter.\n\n"
    "The ministry said the risk to the public was low and that no data had been lost in the incident.\n\n"
    "Critics warn of a looming catastrophe and urge immediate action before panic spreads further."
)


def home() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.run()
    return at


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]  # ui.page.guard turns failures into st.error


def shown_numbers(at: AppTest) -> list[str]:
    return [m.value for m in at.metric]


def expected_numbers(text: str) -> list[str]:
    summary = analysis.analyze(text).summary.iloc[0]
    return [column(m).format(float(summary[m])) for m in HEADLINE]


def test_pages_found_by_glob_include_the_ones_this_issue_ships() -> None:
    assert {"pages/1_Read.py", "pages/9_Methods.py"} <= set(PAGES)


@pytest.mark.parametrize("page", ["app.py", *PAGES])
def test_every_page_runs_on_the_bundled_article(page: str) -> None:
    at = home()
    if page != "app.py":
        at.switch_page(page).run()
    assert_clean(at)


def test_home_shows_the_bundled_articles_figures_and_charts() -> None:
    from ui.state import BUNDLED

    at = home()
    assert_clean(at)
    assert shown_numbers(at) == expected_numbers(BUNDLED.read_text(encoding="utf-8"))
    assert len(at.get("plotly_chart")) == 2
    assert at.dataframe[0].value["paragraph"].tolist() == list(range(1, 11))  # numbered from 1


def test_pasted_text_becomes_the_article_on_every_page() -> None:
    at = home()
    before = shown_numbers(at)
    at.sidebar.radio[0].set_value(PASTE).run()
    at.sidebar.text_input[0].input("Breach briefing")
    at.sidebar.text_area[0].input(NEW_TEXT)
    at.sidebar.button[0].click().run()
    assert_clean(at)
    assert shown_numbers(at) == expected_numbers(NEW_TEXT) != before
    assert at.dataframe[0].value["paragraph"].tolist() == [1, 2, 3]
    at.switch_page("pages/1_Read.py").run()
    assert_clean(at)
    assert any("Breach briefing" in m.value for m in at.markdown)


def test_empty_paste_is_refused_with_a_message() -> None:
    at = home()
    before = shown_numbers(at)
    at.sidebar.radio[0].set_value(PASTE).run()
    at.sidebar.text_area[0].input("   \n ")
    at.sidebar.button[0].click().run()
    assert [w.value for w in at.warning if "empty" in w.value]
    assert shown_numbers(at) == before


def test_uploaded_file_becomes_the_article() -> None:
    at = home()
    at.sidebar.radio[0].set_value(UPLOAD).run()
    at.sidebar.get("file_uploader")[0].set_value(("briefing.txt", NEW_TEXT.encode("cp1252"), "text/plain"))
    at.run()
    assert_clean(at)
    assert shown_numbers(at) == expected_numbers(NEW_TEXT)
    assert any(md("briefing.txt") in c.value for c in at.sidebar.caption)
    at.switch_page("pages/9_Methods.py").run()  # the article survives a change of page
    at.switch_page("app.py").run()
    assert shown_numbers(at) == expected_numbers(NEW_TEXT)


def test_unreadable_upload_gives_a_clear_message_and_keeps_the_article() -> None:
    at = home()
    before = shown_numbers(at)
    at.sidebar.radio[0].set_value(UPLOAD).run()
    at.sidebar.get("file_uploader")[0].set_value(("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "text/plain"))
    at.run()
    assert not at.exception
    messages = [e.value for e in at.error]
    assert len(messages) == 1 and "Could not read this file" in messages[0] and md("photo.txt") in messages[0]
    assert "Traceback" not in messages[0]
    assert shown_numbers(at) == before


def test_methods_page_has_a_section_per_registered_measure_and_no_invented_validation() -> None:
    at = home()
    at.switch_page("pages/9_Methods.py").run()
    assert_clean(at)
    heads = [m for m in at.markdown if m.value == "**What it counts**"]
    assert len(heads) == len(REGISTRY)
    if not paths.VALIDATION.exists():
        assert sum("Not yet measured" in c.value for c in at.caption) == len(REGISTRY)
    text = " ".join(w.value for w in at.warning)
    assert "0.492" in text  # VADER's agreement on NYT editorial sentences, from its paper


def test_methods_page_shows_validation_rows_when_they_exist(tmp_path, monkeypatch) -> None:
    path = tmp_path / "validation.json"
    path.write_text(json.dumps({"results": [{"measure": "hedging", "dataset": "test set", "n": 40,
                                             "metric": "f1", "value": 0.123, "reference": None}]}),
                    encoding="utf-8")
    monkeypatch.setattr(paths, "VALIDATION", path)
    at = home()
    at.switch_page("pages/9_Methods.py").run()
    assert_clean(at)
    frames = [t.value for t in at.table if "metric" in t.value.columns]
    assert len(frames) == 1
    assert frames[0].to_dict("records") == [{"evaluation set": "test set", "sub-scale": "—", "part": "—",
                                             "metric": "F1", "value": "0.123",
                                             "95% interval": "—", "n": "40", "published reference": "—",
                                             "floor (tests)": "—"}]  # no "None" where nothing was recorded
    assert sum("Not yet measured" in c.value for c in at.caption) == len(REGISTRY) - 1


def test_pages_cope_with_an_article_without_evidence_or_paragraphs() -> None:
    for text in ("The cat sat on the mat today and then it went home for its dinner at six.",
                 "Just A Heading\nAnother Heading"):
        at = home()
        at.sidebar.radio[0].set_value(PASTE).run()
        at.sidebar.text_area[0].input(text)
        at.sidebar.button[0].click().run()
        for page in PAGES:
            at.switch_page(page).run()
            assert_clean(at)
        at.switch_page("app.py").run()
        assert not at.exception and not at.error


def test_guard_turns_an_unexpected_error_into_a_message() -> None:
    def script() -> None:
        from ui import page

        with page.guard("the test page"):
            raise ValueError("boom <b>")

    at = AppTest.from_function(script, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception
    assert len(at.error) == 1 and "the test page" in at.error[0].value and "ValueError: boom" in at.error[0].value


def test_back_to_the_bundled_article_and_focus_set_elsewhere_is_kept() -> None:
    from ui.state import FOCUS, Article

    at = home()
    bundled_numbers = shown_numbers(at)
    at.sidebar.radio[0].set_value(UPLOAD).run()
    at.sidebar.get("file_uploader")[0].set_value(("briefing.txt", NEW_TEXT.encode(), "text/plain"))
    at.run()
    assert shown_numbers(at) == expected_numbers(NEW_TEXT)
    at.sidebar.radio[0].set_value("Bundled article").run()
    assert shown_numbers(at) == bundled_numbers
    # Another page (a workspace) puts an article in focus: a rerun of the picker keeps it.
    at.session_state[FOCUS] = Article("From a workspace", NEW_TEXT, "workspace:1")
    at.run()
    assert shown_numbers(at) == expected_numbers(NEW_TEXT)


HARD_TEXT = ("Notwithstanding unprecedented interdepartmental institutionalisation, contemporaneous administrative "
             "reorganisations necessitated extraordinarily comprehensive reconsiderations of intergovernmental "
             "responsibilities, constitutional accountabilities and international telecommunications "
             "infrastructure modernisation programmes.")


def test_a_value_below_zero_says_why_on_its_card() -> None:
    """Flesch reading ease has no lower bound: a card showing a negative value explains it;
    the bundled article's cards (all within range) carry no such note."""
    at = home()
    assert not [c for c in at.caption if "Below 0" in c.value]
    at.sidebar.radio[0].set_value(PASTE).run()
    at.sidebar.text_area[0].input(HARD_TEXT)
    at.sidebar.button[0].click().run()
    assert_clean(at)
    assert shown_numbers(at)[3].startswith("-")
    notes = [c.value for c in at.caption if "Below 0" in c.value]
    assert len(notes) == 1 and "no lower bound" in notes[0]
