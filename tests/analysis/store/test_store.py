"""The workspace store on a real SQLite file."""

from __future__ import annotations

import sqlite3
import threading

import pytest

import analysis
from analysis.ingest import load_bytes, load_text
from analysis.store import Store, StoreError, data_dir, db
from tests import fixtures_gen as fx


@pytest.fixture
def store(tmp_path):
    return Store.open(tmp_path)


def _add(store, ws, text, name="a.txt", role="comparison"):
    loaded = load_bytes(text.encode(), name)
    return store.add_article(ws, loaded, analysis.analyze(loaded.text, name), role=role)


def test_wal_and_foreign_keys(store):
    with db.reading(store.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == db.BUSY_MS


def test_article_with_metadata_text_scores_and_version(store):
    ws = store.create_workspace("me", "Flood coverage")
    got = store.add_article(ws, load_bytes(fx.make("article.html"), "courier.html"),
                            analysis.analyze(fx.ARTICLE))
    art = got.article
    assert not got.duplicate
    assert (art.title, art.outlet, art.date, art.author) == (fx.TITLE, "The River Courier", "2025-02-11",
                                                             "Dana Example")
    assert (art.format, art.encoding, art.file_name, art.role) == ("html", "utf-8", "courier.html", "comparison")
    assert art.analysis_version == analysis.versions_digest()  # every measure, lexicon and library version
    assert store.text(ws, art.id).startswith(fx.TITLE)
    scores = store.scores(ws, art.id)
    assert len(scores) == art.paragraphs and "hedging" in scores[0]
    assert any(row["reading_ease"] is None for row in scores) or all(
        isinstance(row["reading_ease"], float) for row in scores)


def test_duplicate_recognised_by_content(store):
    ws = store.create_workspace("me", "w")
    first = _add(store, ws, fx.ARTICLE, "one.txt")
    again = store.add_article(ws, load_bytes(fx.ARTICLE.encode("utf-16"), "two.txt"),
                              analysis.analyze(fx.ARTICLE))
    assert again.duplicate and again.article.id == first.article.id
    assert len(store.articles(ws)) == 1
    other = store.create_workspace("me", "other")  # the same article may sit in another workspace
    assert not _add(store, other, fx.ARTICLE).duplicate


def test_workspaces_create_rename_delete_and_owner_scope(store):
    a = store.create_workspace("alice", "  Flood   set ")
    assert a.name == "Flood set"
    with pytest.raises(StoreError, match="already exists"):
        store.create_workspace("alice", "Flood set")
    store.create_workspace("bob", "Flood set")  # same name, other owner: fine
    b2 = store.create_workspace("alice", "Second")
    with pytest.raises(StoreError, match="already exists"):
        store.rename_workspace(b2, "Flood set")
    renamed = store.rename_workspace(a, "Barrier failure")
    assert [w.name for w in store.workspaces("alice")] == ["Barrier failure", "Second"]
    assert store.find("alice", "Barrier failure") == renamed
    with pytest.raises(StoreError, match="does not exist"):
        store.workspace("bob", a.id)  # bob cannot open alice's workspace by id
    with pytest.raises(StoreError, match="needs a name"):
        store.create_workspace("alice", "   ")


def test_delete_workspace_cascades(store):
    ws = store.create_workspace("me", "w")
    art = _add(store, ws, fx.ARTICLE).article
    store.delete_workspace(ws)
    assert store.workspaces("me") == []
    with db.reading(store.path) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM scores WHERE article_id = ?", (art.id,)).fetchone()[0] == 0


def test_edit_metadata_and_single_focus(store):
    ws = store.create_workspace("me", "w")
    one = _add(store, ws, fx.ARTICLE, role="focus").article
    two = _add(store, ws, fx.PARAGRAPHS[0]).article
    edited = store.update_article(ws, two.id, title="Barrier", outlet="Courier", date="2025-02-12",
                                  url="https://x.example/a", role="focus")
    assert (edited.title, edited.outlet, edited.role) == ("Barrier", "Courier", "focus")
    assert store.article(ws, one.id).role == "comparison"
    with pytest.raises(StoreError, match="http"):
        store.update_article(ws, one.id, url="javascript:alert(1)")
    with pytest.raises(StoreError, match="cannot edit"):
        store.update_article(ws, one.id, text="rewritten")
    with pytest.raises(StoreError, match="role"):
        store.update_article(ws, one.id, role="hero")


def test_delete_article(store):
    ws = store.create_workspace("me", "w")
    art = _add(store, ws, fx.ARTICLE).article
    store.delete_article(ws, art.id)
    assert store.articles(ws) == []
    with pytest.raises(StoreError, match="no longer"):
        store.text(ws, art.id)


def test_reopen_keeps_everything(tmp_path):
    first = Store.open(tmp_path)
    ws = first.create_workspace("me", "w")
    _add(first, ws, fx.ARTICLE)
    again = Store.open(tmp_path)
    assert again.notice is None
    assert [a.title for a in again.articles(again.find("me", "w"))] == [fx.TITLE]


def test_not_a_database_is_set_aside_never_overwritten(tmp_path):
    path = tmp_path / "workspaces.sqlite3"
    path.write_bytes(b"this is a spreadsheet, not a database" * 100)
    store = Store.open(tmp_path)
    assert store.notice and "not a SQLite database" in store.notice
    aside = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is a spreadsheet")
    assert aside[0].name in store.notice
    ws = store.create_workspace("me", "fresh")  # and the new database works
    assert store.workspaces("me") == [ws]


def test_corrupted_pages_fail_integrity_and_are_set_aside(tmp_path):
    store = Store.open(tmp_path)
    ws = store.create_workspace("me", "w")
    for i in range(30):
        _add(store, ws, f"{fx.ARTICLE}\n\nVariant {i}.")
    with sqlite3.connect(store.path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = bytearray(store.path.read_bytes())
    # From each page's start: its header (or an overflow page's next-page pointer) is structure
    # that PRAGMA integrity_check reads. Bytes 100-900 only, as before, fell inside overflow
    # pages' payload once the stored score rows grew (hedging sub-scale columns), which
    # integrity_check does not read, and the damage went unseen.
    for offset in range(4096 * 2, len(raw) - 4096, 4096 * 3):
        raw[offset: offset + 800] = b"\xde\xad\xbe\xef" * 200
    store.path.write_bytes(bytes(raw))
    reopened = Store.open(tmp_path)
    assert reopened.notice and ("integrity" in reopened.notice or "cannot read" in reopened.notice)
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("workspaces.sqlite3.damaged-")
             and not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1 and aside[0].read_bytes() == bytes(raw)
    assert reopened.workspaces("me") == []


def test_concurrent_writers_never_see_locked(tmp_path):
    store = Store.open(tmp_path)
    ws = store.create_workspace("me", "w")
    loaded = [load_text(f"{fx.ARTICLE}\n\nWriter {i}.") for i in range(24)]
    result = analysis.analyze(fx.ARTICLE)
    errors: list[BaseException] = []

    def work(items):
        own = Store.open(tmp_path)  # its own connections, as another server thread would
        for item in items:
            try:
                own.add_article(ws, item, result)
                own.update_article(ws, own.articles(ws)[0].id, outlet=item.sha256[:6])
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)

    threads = [threading.Thread(target=work, args=(loaded[i::4],)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(store.articles(ws)) == 24


def test_data_dir_resolution(tmp_path, monkeypatch):
    monkeypatch.setenv("NARRATIVE_LENS_DATA", str(tmp_path / "env"))
    assert data_dir() == tmp_path / "env"
    assert data_dir(tmp_path / "flag") == tmp_path / "flag"
    monkeypatch.delenv("NARRATIVE_LENS_DATA")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert data_dir() == tmp_path / "xdg" / "narrative-lens"
