"""Child-process bodies for the fault tests: each runs as its own OS process, as a second
app process (another `streamlit run`, the CLI) would, and prints one JSON line.

    python -m tests.server.workers import DATA_DIR OWNER WORKSPACE TAG COUNT GO_FILE
    python -m tests.server.workers hog DATA_DIR SECONDS GO_FILE
    python -m tests.server.workers fsize DATA_DIR LIMIT_BYTES
    python -m tests.server.workers create-race DATA_DIR TAG ROUNDS GO_PREFIX
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


def _wait(go: str, me: str) -> None:
    """Say this process is ready (a file ``<go>.ready-<me>``), then wait for the go file."""
    Path(f"{go}.ready-{me}").touch()
    deadline = time.monotonic() + 120
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
    _wait(go, tag)
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
    _wait(go, "hog")
    held = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        conn.execute("BEGIN IMMEDIATE")
        time.sleep(0.4)
        conn.execute("COMMIT")
        held += 1
        time.sleep(0.02)
    return {"held": held}


def long_article(i: int, paragraphs: int = 60) -> str:
    """About 20 KB of distinct text (the index is in every paragraph)."""
    body = [f"{p} Paragraph {k} of report {i}." for k in range(paragraphs) for p in PARAGRAPHS[:1]]
    return f"Long report {i}\n\n" + "\n\n".join(body)


def run_fsize(data_dir: str, limit: int) -> dict[str, object]:
    """Import and export under RLIMIT_FSIZE: a write past ``limit`` bytes fails with EFBIG
    (SIGXFSZ ignored), as on a disk that has filled up."""
    import resource
    import signal

    from analysis import analyze
    from analysis.export import atomic_write
    from analysis.ingest import load_text
    from analysis.store import Store, StoreError

    store = Store.open(data_dir)
    ws = store.create_workspace("session:lab", "Full disk")
    texts = [long_article(i) for i in range(40)]
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    saved: list[str] = []
    error = ""
    for i, text in enumerate(texts):
        try:
            store.add_article(ws, load_text(text, f"r{i}.txt"), analyze(text, f"r{i}.txt"))
            saved.append(load_text(text).sha256)
        except StoreError as exc:
            error = str(exc)
            break
    export_error = ""
    try:
        atomic_write(Path(data_dir) / "export.csv", b"x" * (limit + 1))
    except OSError as exc:
        export_error = exc.strerror or ""
    return {"saved": saved, "error": error, "export_error": export_error}


def run_create_race(data_dir: str, tag: str, rounds: int, go: str) -> dict[str, object]:
    """Round k: wait for ``GO-k``, then run ``workspace import "race k" FILE`` through the
    command line's own code, as a second ``python -m analysis workspace import`` would."""
    import contextlib
    import io

    from analysis.__main__ import main

    source = Path(data_dir).parent / f"{tag}.txt"
    source.write_text(article(tag, 0), encoding="utf-8")
    main(["score", str(source)])  # warm up: the first import of the process pays for loading the lexicons
    codes: list[int] = []
    errors: list[str] = []
    for k in range(rounds):
        _wait(f"{go}-{k}", tag)
        err = io.StringIO()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            codes.append(main(["workspace", "--data-dir", data_dir, "--owner", "session:lab", "import",
                               f"race {k}", str(source)]))
        if err.getvalue():
            errors.append(f"round {k}: {err.getvalue().strip()}")
    return {"codes": codes, "errors": errors}


if __name__ == "__main__":
    op, *args = sys.argv[1:]
    if op == "create-race":
        print(json.dumps(run_create_race(args[0], args[1], int(args[2]), args[3])))
        sys.exit(0)
    if op == "import":
        out = run_import(args[0], args[1], args[2], args[3], int(args[4]), args[5])
    elif op == "fsize":
        out = run_fsize(args[0], int(args[1]))
    else:
        out = run_hog(args[0], float(args[1]), args[2])
    print(json.dumps(out))
