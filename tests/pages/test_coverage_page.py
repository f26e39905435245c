"""pages/4_Coverage.py under AppTest: real uploads of every fixture, real SQLite in a tmp folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis.store import Store
from devkit import fixtures as fx
from ui import state
from views.escape import md

ROOT = Path(__file__).resolve().parents[2]
PAGE = "pages/4_Coverage.py"


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.setenv("NARRATIVE_LENS_DATA", str(tmp_path))
    return tmp_path


def _page(query: dict[str, str] | None = None) -> AppTest:
    # Start from the entrypoint, as `streamlit run app.py` does, so that st.page_link to
    # pages/1_Read.py resolves (run on its own, the page would be its own entrypoint).
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    at.switch_page(PAGE)
    if query:
        at.query_params.update(query)
    return at.run()


def _click(at: AppTest, label: str) -> AppTest:
    next(b for b in at.button if b.label == label).click()
    return at.run()


def _texts(elements) -> list[str]:
    return [e.value for e in elements]


def test_first_visit_makes_a_workspace_and_puts_it_in_the_url(data):
    at = _page()
    assert not at.exception
    assert at.query_params["ws"] and len(at.query_params["scope"]) >= 22
    assert at.selectbox(key="coverage_ws").format_func(at.selectbox(key="coverage_ws").value).startswith(
        "Comparison set 1")


def test_one_upload_of_everything_hostile_loses_nothing(data):
    at = _page()
    good = [(n, fx.make(n), "application/octet-stream") for n in fx.GOOD]
    hostile = [(n, fx.make(n), "application/octet-stream") for n in fx.HOSTILE]
    # Streamlit itself refuses a NUL in an uploaded name before the page runs (and no browser
    # can send one); the ingest tests cover that name.
    names = [raw for raw in fx.HOSTILE_NAMES if "\x00" not in raw]
    named = [(raw, fx.ARTICLE.replace("flood", f"flood {i}").encode(), "text/plain")
             for i, raw in enumerate(names)]
    at.file_uploader[0].set_value(good[:4] + hostile[:5] + good[4:] + hostile[5:] + named)
    at = _click(at, "Import files")
    assert not at.exception
    errors = " ".join(_texts(at.error))
    for name, (_, phrase) in fx.HOSTILE.items():
        assert f"Refused:** {md(name)}" in errors, name
        assert phrase.lower().split()[0] in errors.lower()
    assert len(at.error) == len(fx.HOSTILE)
    imported = _texts(at.success)
    duplicates = [t for t in _texts(at.info) if t.startswith("**Already there")]
    assert len(imported) + len(duplicates) == len(fx.GOOD) + len(names)
    assert any(md("utf8.txt") in s and md("text, utf-8") in s for s in imported)
    assert any(md("cp1252.txt") in d for d in duplicates)  # the same text in another encoding
    for raw in names:  # markup, separators and NUL never reach the page or the store
        assert not any(raw in s for s in imported)
    store = Store.open(data)
    ws = store.workspace("session:" + at.query_params["scope"], int(at.query_params["ws"]))
    stored = store.articles(ws)
    assert len(stored) == len(imported)
    assert {a.file_name for a in stored} >= {"passwd.txt", "img src_x onerror_alert(1)_.txt"}
    assert {a.format for a in stored} >= {"text", "markdown", "html"}


def test_reload_with_the_url_finds_the_articles(data):
    at = _page()
    at.file_uploader[0].set_value([("a.html", fx.make("article.html"), "text/html"),
                                   ("b.md", fx.make("article.md"), "text/markdown")])
    at = _click(at, "Import files")
    again = _page(dict(at.query_params))  # a reload: a new session, the same address
    assert not again.exception
    table = again.dataframe[0].value
    assert sorted(table["format"]) == ["html", "markdown"]
    assert "The River Courier" in set(table["outlet"])
    stranger = _page()  # another browser without the address: its own, empty workspaces
    assert stranger.query_params["scope"] != at.query_params["scope"]
    assert len(stranger.dataframe) == 0


@pytest.mark.parametrize("chosen", ["attacker_chosen_key_0001", "A" * 22, "A" * 22 + "." + "A" * 22,
                                    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"])
def test_a_key_the_server_did_not_issue_opens_a_fresh_workspace(data, chosen):
    """The attack: someone sends a link with a key they chose; whoever opens it must not
    import into workspaces the sender can open later. Before, any 22-64 character key of
    the right alphabet (the issue's attacker_chosen_key_0001, "AAAA...") was honoured."""
    victim = _page({"scope": chosen})
    assert not victim.exception
    assert victim.query_params["scope"] != chosen
    assert any("not issued by this server" in w.value for w in victim.warning)
    victim.file_uploader[0].set_value([("a.html", fx.make("article.html"), "text/html")])
    victim = _click(victim, "Import files")
    assert len(victim.dataframe[0].value) == 1
    attacker = _page({"scope": chosen})  # the sender opens the same link later
    assert attacker.query_params["scope"] not in (chosen, victim.query_params["scope"])
    assert len(attacker.dataframe) == 0
    store = Store.open(data)
    assert store.workspaces("session:" + chosen) == []


def test_an_issued_key_reopens_without_a_warning(data):
    at = _page()
    again = _page(dict(at.query_params))
    assert again.query_params["scope"] == at.query_params["scope"]
    assert not any("not issued" in w.value for w in again.warning)


def test_paste_and_url_messages(data):
    at = _page()
    at.text_area[0].set_value("   ")
    at = _click(at, "Import text")
    assert "nothing was pasted" in " ".join(_texts(at.error))
    at.text_area[0].set_value(fx.ARTICLE)
    at = _click(at, "Import text")
    assert any("pasted text" in s for s in _texts(at.success))
    url_box = next(t for t in at.text_input if t.label.startswith("Address"))
    url_box.set_value("http://127.0.0.1:9/admin")
    at = _click(at, "Fetch and import")
    assert md("resolves to 127.0.0.1") in " ".join(_texts(at.error))
    url_box = next(t for t in at.text_input if t.label.startswith("Address"))
    url_box.set_value("https://news.invalid/story")
    at = _click(at, "Fetch and import")
    assert md("could not reach news.invalid") in " ".join(_texts(at.error))
    assert not at.exception


def test_manage_workspaces(data):
    at = _page()
    new = next(t for t in at.text_input if t.label == "New workspace")
    new.set_value("Barrier failure")
    at = _click(at, "Create")
    assert not at.exception
    box = at.selectbox(key="coverage_ws")
    assert box.format_func(box.value).startswith("Barrier failure")
    again = next(t for t in at.text_input if t.label == "New workspace")
    again.set_value("Barrier failure")
    at = _click(at, "Create")
    assert "already exists" in " ".join(_texts(at.error))
    ren = next(t for t in at.text_input if t.label == "Rename this workspace")
    ren.set_value("Barrier failure, Feb 2025")
    at = _click(at, "Rename")
    box = at.selectbox(key="coverage_ws")
    assert box.format_func(box.value).startswith("Barrier failure, Feb 2025")
    assert next(b for b in at.button if b.label == "Delete workspace").disabled  # not before confirming
    at = at.checkbox[0].check().run()
    at = _click(at, "Delete workspace")
    names = at.selectbox(key="coverage_ws").options  # AppTest gives the formatted labels
    assert len(names) == 1 and names[0].startswith("Comparison set 1")


def test_choose_focus_and_delete(data):
    at = _page()
    at.file_uploader[0].set_value([("a.html", fx.make("article.html"), "text/html"),
                                   ("b.md", fx.make("article.md"), "text/markdown")])
    at = _click(at, "Import files")
    pick = next(s for s in at.selectbox if s.label.startswith("Focus article"))
    md_id = next(a.id for a in Store.open(data).articles(Store.open(data).workspace(
        "session:" + at.query_params["scope"], int(at.query_params["ws"]))) if a.format == "markdown")
    pick.set_value(md_id)
    at = _click(at, "Study this article")
    focus = at.session_state[state.FOCUS]
    assert focus.text == fx.make("article.md").decode() and focus.source.startswith("workspace:")
    assert list(at.dataframe[0].value.sort_values("role")["role"]) == ["comparison", "focus"]
    doomed = next(m for m in at.multiselect if m.label == "Delete articles")
    at = doomed.set_value([md_id]).run()
    at = _click(at, "Delete selected")
    assert list(at.dataframe[0].value["format"]) == ["html"]
    assert not at.exception


def test_save_edits_writes_metadata_back(data):
    from ui import coverage as cov

    store = Store.open(data)
    ws = store.create_workspace("me", "w")
    for name in ("article.html", "article.md"):
        loaded = cov.load_bytes(fx.make(name), name)
        store.add_article(ws, loaded, __import__("analysis").analyze(loaded.text))
    before = cov.frame(store.articles(ws))
    after = before.copy()
    first, second = list(after.index)
    after.at[first, "outlet"] = "Courier (print)"
    after.at[second, "date"] = "2025-02-13"
    after.at[second, "role"] = "focus"
    after.at[first, "url"] = "ftp://nope"
    problems = cov.save_edits(store, ws, before, after)
    assert problems == [f"Article {first}: a URL must start with http:// or https://"]
    rows = {a.id: a for a in store.articles(ws)}
    assert rows[first].outlet == "The River Courier"  # the failed row is written not at all
    assert (rows[second].date, rows[second].role) == ("2025-02-13", "focus")
    after.at[first, "url"] = ""
    assert cov.save_edits(store, ws, before, after) == []
    assert store.article(ws, first).outlet == "Courier (print)"


def test_damaged_database_is_reported_and_set_aside(data):
    (data / "workspaces.sqlite3").write_bytes(b"not a database at all " * 50)
    at = _page()
    assert not at.exception
    warning = " ".join(_texts(at.warning))
    assert "damaged" in warning and "not a SQLite database" in warning
    kept = [p for p in data.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"not a database")
    assert md(kept[0].name) in warning


def test_workspace_deleted_in_another_tab(data):
    at = _page()
    new = next(t for t in at.text_input if t.label == "New workspace")
    new.set_value("Soon gone")
    at = _click(at, "Create")
    store = Store.open(data)
    owner = "session:" + at.query_params["scope"]
    store.delete_workspace(store.find(owner, "Soon gone"))  # as another tab of the same session would
    at = at.run()
    assert not at.exception
    box = at.selectbox(key="coverage_ws")
    assert box.options == ["Comparison set 1"]


def test_focus_on_an_article_deleted_in_another_tab(data):
    at = _page()
    at.file_uploader[0].set_value([("a.html", fx.make("article.html"), "text/html")])
    at = _click(at, "Import files")
    store = Store.open(data)
    ws = store.workspace("session:" + at.query_params["scope"], int(at.query_params["ws"]))
    store.delete_article(ws, store.articles(ws)[0].id)
    at = _click(at, "Study this article")  # the rerun reads the workspace afresh: nothing to study
    assert not at.exception
    assert len(at.dataframe) == 0 and "No articles yet" in " ".join(_texts(at.info))


def test_a_word_file_without_a_title_property_takes_its_opening_heading(data):
    import io

    import docx as python_docx

    def word(heading: str, where: int) -> bytes:
        doc = python_docx.Document()
        for i, text in enumerate(fx.PARAGRAPHS[:2]):
            if i == where:
                doc.add_heading(heading, level=1)
            doc.add_paragraph(text)
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()

    at = _page()
    at.file_uploader[0].set_value([
        ("first.docx", word("Harbour wall opens after two years", 0), "application/octet-stream"),
        ("later.docx", word("Reaction", 1), "application/octet-stream"),
        ("titled.docx", fx.docx("The title property", ["A different article about the harbour wall, which "
                                                        "opened on Monday after two years of work."]),
         "application/octet-stream")])
    at = _click(at, "Import files")
    assert not at.exception
    titles = dict(zip(at.dataframe[0].value["file_name"], at.dataframe[0].value["title"], strict=True))
    assert titles["first.docx"] == "Harbour wall opens after two years"
    assert titles["later.docx"] == ""  # a heading inside the article is not its title
    assert titles["titled.docx"] == "The title property"  # the file's own title wins


def test_the_sidebar_names_a_workspace_article_without_its_ids(data):
    at = _page()
    at.file_uploader[0].set_value([("a.html", fx.make("article.html"), "text/html")])
    at = _click(at, "Import files")
    at = _click(at, "Study this article")
    shown = " ".join(c.value for c in at.sidebar.caption)
    assert "from a saved workspace" in shown and "workspace:" not in shown
