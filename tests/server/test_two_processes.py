"""Fault (1): two app processes importing into one workspace database at the same time.

Two OS processes import 12 articles each plus one article both share, while a third holds
the write lock for 0.4 s at a time (a long import elsewhere). With the store's busy timeout
and retry, no "database is locked" reaches either process and the counts add up exactly. A
control run with SQLite's defaults (no busy timeout, no retry) shows the contention is real:
there the same schedule does produce "locked" errors.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from analysis.store import Store

ROOT = Path(__file__).resolve().parents[2]
COUNT = 12


def _start(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tests.server.workers", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _race(tmp_path: Path, protected: bool) -> tuple[Store, object, list[dict]]:
    store = Store.open(tmp_path)
    ws = store.create_workspace("session:lab", "Flood coverage")
    go = tmp_path / "go"
    env = {**os.environ}
    if not protected:
        env["NL_TEST_NO_PROTECTION"] = "1"
    procs = [_start(["import", str(tmp_path), "session:lab", "Flood coverage", tag, str(COUNT), str(go)], env)
             for tag in ("A", "B")]
    hog = _start(["hog", str(tmp_path), "2.5", str(go)], env)
    deadline = time.monotonic() + 120  # all three ready (articles analysed, connections open), then go
    while not all(Path(f"{go}.ready-{me}").exists() for me in ("A", "B", "hog")):
        assert time.monotonic() < deadline and all(p.poll() is None for p in [*procs, hog])
        time.sleep(0.02)
    go.touch()
    outs = []
    for p in [*procs, hog]:
        stdout, stderr = p.communicate(timeout=120)
        assert p.returncode == 0, stderr[-2000:]
        outs.append(json.loads(stdout.strip().splitlines()[-1]))
    return store, ws, outs


def test_two_processes_import_without_locked_errors(tmp_path):
    store, ws, (a, b, hog) = _race(tmp_path, protected=True)
    assert hog["held"] >= 3
    assert a["errors"] == [] and b["errors"] == []
    # every article once: 12 + 12 own ones, and the shared one imported by exactly one process
    assert a["imported"] + b["imported"] == 2 * COUNT + 1
    assert a["duplicates"] + b["duplicates"] == 1
    articles = store.articles(ws)
    assert len(articles) == 2 * COUNT + 1
    assert len({x.sha256 for x in articles}) == len(articles)
    for x in articles:  # each article's scores were written in its own transaction, all of them
        assert len(store.scores(ws, x.id)) == x.paragraphs == 3  # the first line is a title
    with __import__("sqlite3").connect(store.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_control_without_busy_timeout_does_see_locked(tmp_path):
    """The same race with no busy timeout and no retry: writes fail on the lock. This is what
    the store's busy timeout and retry prevent, so the test above can fail."""
    store, ws, (a, b, _) = _race(tmp_path, protected=False)
    errors = a["errors"] + b["errors"]
    # with no busy timeout and a single attempt SQLite gives up at once: "database is locked",
    # which the store's last line of defence words as "busy"
    assert errors and all("busy" in e or "locked" in e for e in errors)
    assert len(store.articles(ws)) == a["imported"] + b["imported"]  # what failed left nothing behind
