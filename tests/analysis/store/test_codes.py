"""Coders' decisions in the workspace database (real SQLite files, real processes)."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import analysis
from analysis.ingest import load_text
from analysis.store import Store, StoreError, codebook, codes, db
from analysis.store.schema import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[3]
V1 = ROOT / "tests" / "fixtures" / "store" / "workspaces-v1.sqlite3"
TEXT = ("Flood barrier may fail, officials warn.\n\nThe council said the repairs are urgent. "
        "Experts fear a disaster.\n\nResidents were told to prepare.")


@pytest.fixture
def store(tmp_path):
    return Store.open(tmp_path)


@pytest.fixture
def ws(store):
    return store.create_workspace("me", "Flood coverage")


@pytest.fixture
def article(store, ws):
    return store.add_article(ws, load_text(TEXT, "flood.txt"), analysis.analyze(TEXT)).article


def test_every_kind_of_decision_and_its_checks(store, ws, article):
    blame = codebook.define(store, ws, "Blame")
    start = TEXT.index("urgent")
    codes.code_paragraph(store, ws, article.id, "ana", 1, blame.id, note="the council")
    codes.code_span(store, ws, article.id, "ana", start, start + 6, blame.id)
    codes.judge(store, ws, article.id, "ana", start, start + 6, "alarm", "urgency", "correct")
    codes.missed(store, ws, article.id, "ana", TEXT.index("fear"), TEXT.index("fear") + 4, "alarm", "fear_panic",
                 note="a verb")
    codes.mark_reviewed(store, ws, article.id, "ana")
    got = codes.current(store, ws)
    assert [(c.kind, c.decision, c.paragraph_index, c.start, c.note) for c in got] == [
        ("code", "applied", 1, None, "the council"),
        ("code", "applied", None, start, ""),
        ("verdict", "correct", None, start, ""),
        ("missed", "applied", None, TEXT.index("fear"), "a verb"),
        ("reviewed", "applied", None, None, ""),
    ]
    bad = [
        (lambda: codes.code_span(store, ws, article.id, "ana", 5, 5_000, blame.id), "runs past the end"),
        (lambda: codes.code_span(store, ws, article.id, "ana", 9, 3, blame.id), "0 <= start < end"),
        (lambda: codes.code_paragraph(store, ws, article.id, "ana", 3, blame.id), "no paragraph 4"),
        (lambda: codes.code_paragraph(store, ws, article.id, " ", 0, blame.id), "coder's name cannot be empty"),
        (lambda: codes.judge(store, ws, article.id, "ana", 0, 5, "alarm", "urgency", "maybe"), "must be one of"),
        (lambda: codes.missed(store, ws, article.id, "ana", 0, 5, "alarm", ""), "category cannot be empty"),
        (lambda: codes.record(store, ws, codes.Decision(article.id, "ana", "code", code_id=blame.id)),
         "on a paragraph or on a span"),
        (lambda: codes.record(store, ws, codes.Decision(article.id, "ana", "note")), "kind must be one of"),
    ]
    for call, message in bad:
        with pytest.raises(StoreError, match=message):
            call()
    assert len(codes.history(store, ws)) == 5  # nothing half-written by the refused calls


def test_last_decision_wins_for_that_coder_only(store, ws, article):
    blame = codebook.define(store, ws, "Blame")
    codes.code_paragraph(store, ws, article.id, "ana", 0, blame.id)
    codes.code_paragraph(store, ws, article.id, "ben", 0, blame.id)
    codes.code_paragraph(store, ws, article.id, "ana", 0, blame.id, remove=True)
    codes.judge(store, ws, article.id, "ana", 0, 5, "alarm", "urgency", "correct")
    codes.judge(store, ws, article.id, "ben", 0, 5, "alarm", "urgency", "wrong")
    codes.judge(store, ws, article.id, "ana", 0, 5, "alarm", "urgency", "wrong", note="on reflection")
    now = {(c.coder, c.kind): (c.decision, c.note) for c in codes.current(store, ws)}
    assert now == {("ben", "code"): ("applied", ""), ("ben", "verdict"): ("wrong", ""),
                   ("ana", "verdict"): ("wrong", "on reflection")}
    withdrawn = codes.current(store, ws, coder="ana", include_removed=True)
    assert [(c.kind, c.decision) for c in withdrawn] == [("code", "removed"), ("verdict", "wrong")]
    # the same decision again writes nothing; the log keeps every change
    again = codes.judge(store, ws, article.id, "ben", 0, 5, "alarm", "urgency", "wrong")
    assert len(codes.history(store, ws)) == 6 and again.id == codes.current(store, ws, coder="ben")[1].id
    assert codes.coders(store, ws) == ["ana", "ben"]


def test_record_many_is_all_or_nothing(store, ws, article):
    blame = codebook.define(store, ws, "Blame")
    good = codes.Decision(article.id, "ana", "code", paragraph_index=0, code_id=blame.id)
    bad = codes.Decision(article.id, "ana", "code", paragraph_index=7, code_id=blame.id)
    with pytest.raises(StoreError, match="no paragraph 8"):
        codes.record_many(store, ws, [good, bad])
    assert codes.history(store, ws) == []


def test_nothing_lost_on_reload_and_article_deletion_takes_its_codings(tmp_path, store, ws, article):
    blame = codebook.define(store, ws, "Blame")
    codes.code_paragraph(store, ws, article.id, "ana", 2, blame.id)
    store.close()
    again = Store.open(tmp_path)
    ws2 = again.workspace("me", ws.id)
    [kept] = codes.current(again, ws2)
    assert (kept.coder, kept.paragraph_index, kept.code) == ("ana", 2, "Blame")
    assert codes.paragraph_bounds(again, ws2, article.id)[2] == (TEXT.index("Residents"), len(TEXT))
    again.delete_article(ws2, article.id)
    assert codes.history(again, ws2) == [] and len(codebook.codes(again, ws2)) == 1


def test_frame_has_one_row_per_coding_with_nullable_numbers(store, ws, article):
    blame = codebook.define(store, ws, "Blame")
    codes.code_paragraph(store, ws, article.id, "ana", 2, blame.id)
    codes.mark_reviewed(store, ws, article.id, "ana")
    table = codes.frame(codes.current(store, ws))
    assert list(table.columns) == codes.COLUMNS and len(table) == 2
    assert str(table["start"].dtype) == "Int64" and table["start"].isna().all()
    assert codes.frame([]).columns.tolist() == codes.COLUMNS


def test_version_1_database_is_upgraded_in_place(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(V1, folder / "workspaces.sqlite3")
    with sqlite3.connect(folder / "workspaces.sqlite3") as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 1
        assert raw.execute("SELECT count(*) FROM sqlite_master WHERE name = 'codings'").fetchone()[0] == 0
    store = Store.open(folder)
    assert store.notice is None  # upgraded, not set aside
    with db.reading(store.path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    ws = store.find("local", "Flood coverage")
    [art] = store.articles(ws)
    assert (art.file_name, art.role, art.paragraphs) == ("flood.txt", "focus", 3)
    assert store.text(ws, art.id) == TEXT and len(store.scores(ws, art.id)) == 3
    blame = codebook.define(store, ws, "Blame")
    codes.code_paragraph(store, ws, art.id, "ana", 1, blame.id)
    store.close()
    assert [c.code for c in codes.current(Store.open(folder), ws)] == ["Blame"]
    assert not list(folder.glob("*.damaged-*"))


CHILD = r"""
import sys, time
from pathlib import Path
from analysis.store import Store, codebook, codes
store = Store.open(sys.argv[1])
coder, rounds = sys.argv[2], int(sys.argv[3])
ws = store.find("me", "Flood coverage")
[art] = store.articles(ws)
[code] = codebook.codes(store, ws)
print("ready", flush=True)
while not Path(sys.argv[4]).exists():
    time.sleep(0.005)
for i in range(rounds):
    remove = (i // 3) % 2 == 1
    codes.code_paragraph(store, ws, art.id, coder, i % 3, code.id, remove=remove)
    codes.judge(store, ws, art.id, coder, 0, 5, "alarm", "urgency", "wrong" if remove else "correct")
print("done", flush=True)
"""


def test_two_processes_coding_at_once_never_overwrite_each_other(tmp_path, store, ws, article):
    codebook.define(store, ws, "Blame")
    go = tmp_path / "go"
    # ana ends on an "apply" round for each paragraph (63 = 21 per paragraph), ben on a "remove" (60)
    plan = {"ana": 63, "ben": 60}
    children = {coder: subprocess.Popen([sys.executable, "-c", CHILD, str(tmp_path), coder, str(n), str(go)],
                                        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for coder, n in plan.items()}
    for child in children.values():
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    go.touch()
    for child in children.values():
        out, err = child.communicate(timeout=300)
        assert child.returncode == 0 and out.strip() == "done", err
    reloaded = Store.open(tmp_path)  # what a reload sees
    now = codes.current(reloaded, ws, include_removed=True)
    state = {(c.coder, c.kind, c.paragraph_index): c.decision for c in now}
    assert state == {
        **{("ana", "code", p): "applied" for p in range(3)}, ("ana", "verdict", None): "correct",
        **{("ben", "code", p): "removed" for p in range(3)}, ("ben", "verdict", None): "wrong",
    }
    log = codes.history(reloaded, ws)
    # each round flips its paragraph's code (one row per round); the verdict flips once per
    # block of three rounds and repeats in between (a repeat writes nothing)
    for coder, rounds in plan.items():
        mine = [c for c in log if c.coder == coder]
        assert sum(c.kind == "code" for c in mine) == rounds
        assert sum(c.kind == "verdict" for c in mine) == rounds // 3
