"""kill -9 in the middle of imports: the database reopens intact, every article whole or absent."""

from __future__ import annotations

import json
import os
import pickle
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import analysis
from analysis.pipeline import content_hash
from analysis.store import Store, db

ROOT = Path(__file__).resolve().parents[3]
ROUNDS = 10

# The child imports articles of 120 paragraphs forever, one transaction each, and says
# "ready" after its first commit. The analysis is computed once by the parent and pickled:
# the test is about the writes, and a big transaction (one article row + 120 score rows)
# widens the window in which a kill lands mid-transaction.
BASE = "\n\n".join(f"Paragraph {i} says the barrier may fail, officials warn." for i in range(120))
CHILD = r"""
import pickle, sys
from analysis.ingest import load_text
from analysis.store import Store
store = Store.open(sys.argv[1])
ws = store.find("k", "kill") or store.create_workspace("k", "kill")
base, result = pickle.loads(open(sys.argv[3], "rb").read())
n = int(sys.argv[2])
while True:
    store.add_article(ws, load_text(base + f"\n\nRound {sys.argv[2]}, article {n}."), result)
    if n == int(sys.argv[2]):
        print("ready", flush=True)
    n += 1
"""


def _check(folder: Path) -> int:
    store = Store.open(folder)
    assert store.notice is None, store.notice  # nothing had to be set aside
    with db.reading(store.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall()[0][0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = conn.execute("SELECT id, text, sha256, paragraphs, summary FROM articles").fetchall()
        for art_id, text, sha, paragraphs, summary in rows:
            assert content_hash(text) == sha
            assert json.loads(summary)["paragraphs"] == paragraphs
            stored = conn.execute("SELECT count(*) FROM scores WHERE article_id = ?", (art_id,)).fetchone()[0]
            assert stored == paragraphs == 120, f"article {art_id}: {stored} of {paragraphs} score rows"
        orphans = conn.execute("SELECT count(*) FROM scores WHERE article_id NOT IN "
                               "(SELECT id FROM articles)").fetchone()[0]
        assert orphans == 0
    return len(rows)


def test_kill_9_mid_import_leaves_articles_whole_or_absent(tmp_path):
    rng = random.Random(int(os.environ.get("KILL_SEED", "2026")))
    pickled = tmp_path / "analysis.pickle"
    pickled.write_bytes(pickle.dumps((BASE, analysis.analyze(BASE))))
    data = tmp_path / "data"
    counts = []
    for round_ in range(ROUNDS):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(data), str(round_ * 100_000),
                                  str(pickled)],
                                 cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready", child.stderr.read() if child.stderr else ""
            time.sleep(rng.uniform(0.0, 0.4))
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
        assert child.returncode == -signal.SIGKILL
        counts.append(_check(data))
    assert counts == sorted(counts) and counts[-1] >= ROUNDS  # imports happened and none was lost
