"""The Compare page under AppTest, on a real SQLite workspace in a tmp folder: articles imported
on the Coverage page are there without an upload, named by outlet; the page's own uploads are
saved in the workspace and there after a reload (a new session on the same address); the focus
chosen is kept; all four views drawn; unreadable files are a message and lose nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analysis.store import Store
from devkit import fixtures as fx
from ui import compare_articles, state
from views.escape import md

ROOT = Path(__file__).resolve().parents[2]
COMPARE, COVERAGE = "pages/3_Compare.py", "pages/4_Coverage.py"
DEV = ROOT / "tests" / "fixtures" / "compare" / "dev"
TITLES = {n: (DEV / n).read_text(encoding="utf-8").split("\n", 1)[0] for n in ("herald.txt", "ledger.txt", "wire.txt",
                                                                              "focus.txt")}
BUNDLED = state.BUNDLED_TITLE


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.setenv("NARRATIVE_LENS_DATA", str(tmp_path))
    return tmp_path


def _open(page: str, query: dict[str, str] | None = None) -> AppTest:
    """A new browser session on ``page`` (from the entrypoint, as `streamlit run app.py` does);
    with ``query``, the address of an earlier session: a reload."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180).run()
    at.switch_page(page)
    if query:
        at.query_params.update(query)
    return at.run()


def _files(*names: str) -> list[tuple[str, bytes, str]]:
    return [(n, (DEV / n).read_bytes(), "text/plain") for n in names]


def _upload(at: AppTest, files: list[tuple[str, bytes, str]]) -> AppTest:
    at.sidebar.get("file_uploader")[0].set_value(files)
    return at.run()


def _box(at: AppTest, label: str):  # noqa: ANN202
    return next(s for s in at.selectbox if s.label == label)


def _compared(at: AppTest) -> list[str]:
    return next(m for m in at.multiselect if m.label == "Compared with").value


def _stored(data: Path, at: AppTest) -> list:
    store = Store.open(data)
    return store.articles(store.workspace("session:" + at.query_params["scope"], int(at.query_params["ws"])))


def _clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def _coverage_import(at: AppTest, files: list[tuple[str, bytes, str]]) -> AppTest:
    at.file_uploader[0].set_value(files)
    next(b for b in at.button if b.label == "Import files").click()
    return at.run()


OUTLETS = [("herald.html", fx.outlet_html((DEV / "herald.txt").read_text(encoding="utf-8"), "Northern Herald"),
            "text/html"),
           ("wire.html", fx.outlet_html((DEV / "wire.txt").read_text(encoding="utf-8"), "Press Wire"), "text/html")]


def test_uploads_are_saved_in_the_workspace_and_there_after_a_reload(data):
    at = _open(COMPARE)
    _clean(at)
    assert any("Add at least one other report" in i.value for i in at.info)
    at = _upload(at, _files("herald.txt", "ledger.txt", "wire.txt"))
    _clean(at)
    names = [TITLES[n] for n in ("herald.txt", "ledger.txt", "wire.txt")]  # no outlet: the title the text opens with
    assert _compared(at) == names
    assert _box(at, "Focus article").value == BUNDLED
    stored = _stored(data, at)
    assert sorted(a.file_name for a in stored) == ["herald.txt", "ledger.txt", "wire.txt"]
    assert {a.role for a in stored} == {"comparison"}
    assert not at.sidebar.get("file_uploader")[0].value  # emptied: the files are in the workspace now
    captions = " ".join(c.value for c in at.sidebar.caption)
    assert all(md(f"Added {n}") in captions for n in ("herald.txt", "ledger.txt", "wire.txt"))

    again = _open(COMPARE, dict(at.query_params))  # a reload: a new session, the same address
    _clean(again)
    assert _compared(again) == names and _box(again, "Focus article").value == BUNDLED
    stranger = _open(COMPARE)  # another browser without the address sees none of them
    assert any("Add at least one other report" in i.value for i in stranger.info)


def test_coverage_imports_are_on_compare_named_by_outlet(data):
    at = _coverage_import(_open(COVERAGE), OUTLETS)
    _clean(at)
    at.switch_page(COMPARE).run()  # the same session, no upload
    _clean(at)
    assert _compared(at) == ["Northern Herald", "Press Wire"]
    arcs = next(c for c in at.get("plotly_chart") if "position in the article" in c.proto.spec)
    legend = [t["name"] for t in json.loads(arcs.proto.spec)["data"] if t.get("showlegend")]
    assert {"Northern Herald", "Press Wire"} <= set(legend)
    assert _box(at, "Outlet").options == ["Northern Herald", "Press Wire"]
    again = _open(COMPARE, dict(at.query_params))
    _clean(again)
    assert _compared(again) == ["Northern Herald", "Press Wire"]


def test_study_this_article_makes_it_the_focus_of_compare_and_a_reload_keeps_it(data):
    at = _coverage_import(_open(COVERAGE), OUTLETS)
    wire = next(a.id for a in _stored(data, at) if a.outlet == "Press Wire")
    _box(at, "Focus article for the other pages").set_value(wire)
    next(b for b in at.button if b.label == "Study this article").click()
    at.run()
    _clean(at)
    assert "Compare" in [link.proto.page for link in at.get("page_link")]
    at.switch_page(COMPARE).run()
    _clean(at)
    assert _box(at, "Focus article").value == "Press Wire" and _compared(at) == ["Northern Herald"]
    again = _open(COMPARE, dict(at.query_params))
    _clean(again)
    assert _box(again, "Focus article").value == "Press Wire"  # not the bundled article
    assert again.session_state[state.FOCUS].source.startswith("workspace:")
    assert any(md(TITLES["wire.txt"]) in c.value for c in again.sidebar.caption)  # every page shows it


def test_the_focus_chosen_on_compare_is_kept_and_so_is_going_back_to_the_bundled_article(data):
    at = _upload(_open(COMPARE), _files("herald.txt", "focus.txt"))
    _box(at, "Focus article").set_value(TITLES["focus.txt"]).run()
    _clean(at)
    assert at.session_state[state.FOCUS].text.strip() == (DEV / "focus.txt").read_text(encoding="utf-8").strip()
    assert {a.file_name: a.role for a in _stored(data, at)} == {"herald.txt": "comparison", "focus.txt": "focus"}
    compared = next(m for m in at.multiselect if m.label == "Compared with")
    assert compared.options == [TITLES["herald.txt"], BUNDLED]  # the focus it replaced stays, for this session,
    assert compared.value == [TITLES["herald.txt"]]  # but the bundled demo is not compared unless chosen
    again = _open(COMPARE, dict(at.query_params))
    assert _box(again, "Focus article").value == TITLES["focus.txt"]  # a reload keeps the choice
    assert _compared(again) == [TITLES["herald.txt"]]  # the bundled article was never saved in the workspace
    _box(at, "Focus article").set_value(BUNDLED).run()  # back to the bundled article, in the first session
    _clean(at)
    assert {a.role for a in _stored(data, at)} == {"comparison"}  # the workspace has no focus now
    third = _open(COMPARE, dict(at.query_params))
    assert _box(third, "Focus article").value == BUNDLED


def test_another_workspace_can_be_chosen_and_is_the_coverage_pages_too(data):
    at = _upload(_open(COMPARE), _files("herald.txt"))
    store = Store.open(data)
    owner = "session:" + at.query_params["scope"]
    other = store.create_workspace(owner, "Second story")
    from devkit.fixtures import outlet_html
    from ui import coverage

    loaded = coverage.load_bytes(outlet_html((DEV / "wire.txt").read_text(encoding="utf-8"), "Press Wire"), "w.html")
    store.add_article(other, loaded, __import__("analysis").analyze(loaded.text))
    at.run()
    box = at.sidebar.selectbox[0]
    assert box.label == "Workspace" and len(box.options) == 2
    box.set_value(other.id).run()
    _clean(at)
    assert _compared(at) == ["Press Wire"] and at.query_params["ws"] == str(other.id)
    at.switch_page(COVERAGE).run()
    assert at.selectbox(key="coverage_ws").format_func(at.selectbox(key="coverage_ws").value) == "Second story"


def test_a_name_saved_in_the_workspace_is_the_name_on_every_view(data):
    at = _coverage_import(_open(COVERAGE), OUTLETS)
    at.switch_page(COMPARE).run()
    store = Store.open(data)
    ws = store.workspace("session:" + at.query_params["scope"], int(at.query_params["ws"]))
    editor = pd.DataFrame(
        [{"id": a.id, "name": a.outlet, "outlet": a.outlet, "title": a.title, "file": a.file_name}
         for a in store.articles(ws)]).set_index("id")
    edited = editor.copy()
    herald = next(i for i in editor.index if editor.at[i, "outlet"] == "Northern Herald")
    edited.at[herald, "outlet"] = ""  # no outlet: the title names it
    wire = next(i for i in editor.index if i != herald)
    edited.at[wire, "outlet"] = "Press Wire (evening)"
    assert compare_articles.save_names(store, ws, editor, edited) == []
    at.run()
    _clean(at)
    assert _compared(at) == [TITLES["herald.txt"], "Press Wire (evening)"]
    names = {a.id: (a.outlet, a.title) for a in store.articles(ws)}
    assert names[herald] == ("", TITLES["herald.txt"]) and names[wire][0] == "Press Wire (evening)"
    with_bad = edited.copy()
    with_bad.at[wire, "outlet"] = "x"
    store.delete_article(ws, wire)  # deleted meanwhile in another tab: a message, the rest saved
    assert "no longer in the workspace" in " ".join(compare_articles.save_names(store, ws, edited, with_bad))


def test_all_four_views_are_drawn_and_claims_read_well(data):
    at = _upload(_open(COMPARE), _files("herald.txt", "ledger.txt", "wire.txt", "focus.txt"))
    _box(at, "Focus article").set_value(TITLES["focus.txt"]).run()
    _clean(at)
    assert [t.label for t in at.tabs] == ["Profile", "Aligned arcs", "Distinguishing words", "Claim coverage"]
    assert len(at.get("plotly_chart")) == 4
    assert any('class="nl-kwic"' in h.proto.body for h in at.get("html"))  # the contexts, as on Read
    outlet = _box(at, "Outlet")
    assert outlet.options == [TITLES[n] for n in ("herald.txt", "ledger.txt", "wire.txt")]  # not the demo
    outlet.set_value(TITLES["wire.txt"])
    _box(at, "Focus paragraph").set_value(3)
    at.run()
    _clean(at)
    html = " ".join(h.proto.body for h in at.get("html"))
    assert html.count("<div") >= 2  # the two paragraphs side by side
    right = " ".join(m.value for m in at.markdown)
    assert md(TITLES["wire.txt"]) in right and "· matched" in right
    assert any(c.value.startswith("Rests on ") and "similarity" in c.value for c in at.caption)
    table = next(t.value for t in at.table if "focus ¶" in t.value.columns)
    assert table["focus ¶"].tolist() == [f"¶ {i}" for i in range(1, len(table) + 1)]
    assert (table[f"in {TITLES['wire.txt']}"] == "¶ 2").sum() >= 1


def test_one_outlet_paragraph_carrying_several_focus_paragraphs_says_so(data):
    dev2 = ROOT / "tests" / "fixtures" / "compare" / "dev2"
    files = [(n, (dev2 / n).read_bytes(), "text/plain") for n in ("focus.txt", "business.txt")]
    at = _upload(_open(COMPARE), files)
    focus_title = (dev2 / "focus.txt").read_text(encoding="utf-8").split("\n", 1)[0]
    business = (dev2 / "business.txt").read_text(encoding="utf-8").split("\n", 1)[0]
    _box(at, "Focus article").set_value(focus_title).run()
    _box(at, "Outlet").set_value(business)
    _box(at, "Focus paragraph").set_value(2)
    at.run()
    _clean(at)
    captions = [c.value for c in at.caption]
    assert any(c.startswith("This paragraph also carries focus ¶ 1 and ¶ 3") for c in captions), captions
    assert f"{md(business)} ¶ 2 carries focus ¶ 1, ¶ 2 and ¶ 3." in captions, captions


def test_an_unreadable_upload_is_a_message_and_loses_nothing(data):
    at = _upload(_open(COMPARE), _files("herald.txt") + [("empty.txt", b"", "text/plain"),
                                                         ("bin.txt", b"\x00\x01\x02binary", "text/plain")])
    _clean(at)
    warnings = " ".join(w.value for w in at.sidebar.warning)
    assert md("empty.txt") in warnings and md("bin.txt") in warnings
    assert [a.file_name for a in _stored(data, at)] == ["herald.txt"]
    assert len(at.get("plotly_chart")) == 4


def test_word_and_pdf_files_are_read_like_text(data):
    """The page's uploader takes every format the readers take, as the picker and Coverage do."""
    paragraphs = [p for p in (DEV / "ledger.txt").read_text(encoding="utf-8").split("\n\n") if p.strip()]
    at = _open(COMPARE)
    uploader = at.sidebar.get("file_uploader")[0]
    assert {"docx", "pdf", "html", "md", "txt"} <= {t.lstrip(".") for t in uploader.proto.type}
    at = _upload(at, [("ledger.docx", fx.docx("The Ledger", paragraphs),
                       "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                      ("ledger.pdf", fx.pdf("The Ledger in print", paragraphs[:3]), "application/pdf")])
    _clean(at)
    assert not at.sidebar.warning, [w.value for w in at.sidebar.warning]
    assert sorted(_compared(at)) == ["The Ledger", "The Ledger in print"]
    assert sorted(a.format for a in _stored(data, at)) == ["docx", "pdf"]
    assert len(at.get("plotly_chart")) == 4


def test_without_a_usable_database_uploads_are_kept_for_the_session(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("NARRATIVE_LENS_DATA", str(blocker / "data"))
    at = _upload(_open(COMPARE), _files("herald.txt", "ledger.txt"))
    assert not at.exception
    assert any("kept for this browser session only" in w.value for w in at.warning)
    assert _compared(at) == [TITLES["herald.txt"], TITLES["ledger.txt"]]
    assert len(at.get("plotly_chart")) == 4
