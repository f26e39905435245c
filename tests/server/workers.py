"""Child-process bodies for the fault tests: each runs as its own OS process, as a second
app process (another `streamlit run`, the CLI) would, and prints one JSON line.

    python -m tests.server.workers import DATA_DIR OWNER WORKSPACE TAG COUNT GO_FILE
    python -m tests.server.workers hog DATA_DIR SECONDS GO_FILE
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from pathlib import Path

PARAGRAPHS = [
    "The flood barrier on the lower river failed on Tuesday night, officials said, after the water rose "
    "higher than at any time since records began.",
    "Engineers may have underestimated the pressure on the old gates, according to a report seen by this "
    "newspaper, although the agency says the design met every standard.",
    "Residents described a terrifying night as water poured into the streets.",
]
SHARED = "Shared wire copy\n\n" + "\n\n".join(PARAGRAPHS)  # both processes import this one


def article(tag: str, i: int) -> str:
    return f"Report {tag}-{i}\n\n" + "\n\n".join(f"{p} ({tag} {i})" for p in PARAGRAPHS)


def _wait(go: str) -> None:
    deadline = time.monotonic() + 30
    while not Path(go).exists():
        if time.monotonic() > deadline:
            raise SystemExit("no go signal")
        time.sleep(0.005)


def run_import(data_dir: str, owner: str, name: str, tag: str, count: int, go: str) -> dict[str, object]:
    from analysis import analyze
    from analysis.ingest import load_text
    from analysis.store import Store, db

    if os.environ.get("NL_TEST_NO_PROTECTION"):  # the control run: SQLite's defaults, no retry
        db.BUSY_MS, db.RETRIES = 0, 1
    texts = [article(tag, i) for i in range(count)] + [SHARED]
    prepared = [(load_text(t, f"{tag}-{i}.txt"), analyze(t, f"{tag}-{i}.txt")) for i, t in enumerate(texts)]
    store = Store.open(data_dir)
    ws = store.find(owner, name)
    assert ws is not None
    _wait(go)
    imported = duplicates = 0
    errors: list[str] = []
    for loaded, result in prepared:
        try:
            got = store.add_article(ws, loaded, result)
            duplicates += got.duplicate
            imported += not got.duplicate
            store.update_article(ws, got.article.id, outlet=f"outlet {tag}")
            store.articles(ws)
        except Exception as exc:  # noqa: BLE001 - reported to the test, which fails on any
            errors.append(f"{type(exc).__name__}: {exc}")
    return {"imported": imported, "duplicates": duplicates, "errors": errors}


def run_hog(data_dir: str, seconds: float, go: str) -> dict[str, object]:
    """Hold the write lock again and again (0.4 s each), as a long import in a third process would."""
    from analysis.store import db_path

    conn = sqlite3.connect(db_path(data_dir), isolation_level=None, timeout=30)
    _wait(go)
    held = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        conn.execute("BEGIN IMMEDIATE")
        time.sleep(0.4)
        conn.execute("COMMIT")
        held += 1
        time.sleep(0.02)
    return {"held": held}


if __name__ == "__main__":
    op, *args = sys.argv[1:]
    if op == "import":
        out = run_import(args[0], args[1], args[2], args[3], int(args[4]), args[5])
    else:
        out = run_hog(args[0], float(args[1]), args[2])
    print(json.dumps(out))
