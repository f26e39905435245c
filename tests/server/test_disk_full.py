"""Fault (2): the disk fills up during an import or an export.

The disk is real: a 1 MiB tmpfs mounted in the test's temporary folder (needs root and a
kernel that allows the mount; the tests skip otherwise). The same faults are also produced
without a mount, in a child process whose RLIMIT_FSIZE makes writes past a size fail with
EFBIG. Either way: a clear message, the articles saved before intact, no partial article and
no partial export file left behind.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from analysis import analyze
from analysis.export import atomic_write
from analysis.ingest import load_text
from analysis.store import Store, StoreError
from tests.server.workers import long_article

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mnt = tmp_path / "disk"
    mnt.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(mnt)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip()}); the RLIMIT_FSIZE test covers this")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def _fill(folder: Path, leave: int) -> Path:
    """Fill the filesystem until ``leave`` bytes are free; returns the filler file."""
    st = os.statvfs(folder)
    free = st.f_bavail * st.f_frsize
    filler = folder / "filler"
    with open(filler, "wb") as fh:
        fh.write(b"\0" * max(0, free - leave))
    return filler


def test_import_on_a_full_disk(small_disk):
    store = Store.open(small_disk)
    ws = store.create_workspace("session:lab", "Flood coverage")
    texts = [long_article(i) for i in range(60)]
    saved: dict[str, str] = {}
    message = ""
    for i, text in enumerate(texts):
        loaded = load_text(text, f"report-{i}.txt")
        try:
            store.add_article(ws, loaded, analyze(text, loaded.name))
        except StoreError as exc:
            message, failed = str(exc), loaded.sha256
            break
        saved[loaded.sha256] = text
    assert message, "the 1 MiB disk never filled up"
    assert len(saved) >= 3
    assert "disk" in message and "full" in message and "intact" in message
    # the articles saved before are all there, whole: text and every paragraph's scores
    reopened = Store.open(small_disk)
    articles = reopened.articles(ws)
    assert {a.sha256 for a in articles} == set(saved) and failed not in saved
    for a in articles:
        assert reopened.text(ws, a.id) == saved[a.sha256]
        assert len(reopened.scores(ws, a.id)) == a.paragraphs == 60
    with sqlite3.connect(reopened.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM scores").fetchone()[0] == 60 * len(saved)


def test_page_import_reports_the_full_disk_per_file(small_disk):
    """What the Coverage page runs: each file gets its outcome; the full disk is named."""
    from ui import coverage as cov

    store = Store.open(small_disk)
    ws = store.create_workspace("session:lab", "Flood coverage")
    first = long_article(0)
    assert cov.import_one(store, ws, "first.txt", lambda: load_text(first, "first.txt"), "comparison").status \
        == "imported"
    filler = _fill(small_disk, 16 * 1024)
    sources = [(f"r{i}.txt", lambda i=i: load_text(long_article(i), f"r{i}.txt")) for i in range(1, 4)]
    outcomes = cov.import_all(store, ws, sources, "comparison")
    assert [o.status for o in outcomes] == ["refused"] * 3
    assert all("disk" in o.detail and "full" in o.detail for o in outcomes)
    assert [a.file_name for a in store.articles(ws)] == ["first.txt"]
    filler.unlink()  # space freed: the same import now succeeds
    assert [o.status for o in cov.import_all(store, ws, sources, "comparison")] == ["imported"] * 3


def test_export_on_a_full_disk_leaves_no_partial_file(small_disk):
    """Exports (analysis.export.atomic_write, used by the command line's --out) go to a
    temporary file beside the target and are renamed into place."""
    target = small_disk / "scores.csv"
    atomic_write(target, b"article,paragraph\nold,0\n")  # an earlier export of the same name
    _fill(small_disk, 64 * 1024)
    with pytest.raises(OSError) as err:
        atomic_write(target, b"article,paragraph\n" + b"new,1\n" * 100_000)
    assert err.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"article,paragraph\nold,0\n"
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler", "scores.csv"]  # no .part left


def test_command_line_export_on_a_full_disk(small_disk, tmp_path):
    source = tmp_path / "long.txt"
    source.write_text(long_article(1) * 3, encoding="utf-8")
    _fill(small_disk, 16 * 1024)
    out = small_disk / "scores.json"
    done = subprocess.run([sys.executable, "-m", "analysis", "score", str(source), "--format", "json",
                           "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip() == "error: cannot write output: No space left on device"
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


def test_file_size_limit_fallback_without_a_mount(tmp_path):
    """No mount needed: a child process with RLIMIT_FSIZE = 600 KB imports until its writes
    fail with EFBIG, then tries an export bigger than the limit."""
    done = subprocess.run([sys.executable, "-m", "tests.server.workers", "fsize", str(tmp_path), str(600_000)],
                          cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["error"] and "not saved" in out["error"] and "intact" in out["error"]
    assert len(out["saved"]) >= 3
    assert out["export_error"] == "File too large"  # EFBIG, raised by the export's atomic write
    store = Store.open(tmp_path)
    ws = store.find("session:lab", "Full disk")
    assert ws is not None
    assert sorted(a.sha256 for a in store.articles(ws)) == sorted(out["saved"])
    assert not list(tmp_path.glob("export.csv*")) and not list(tmp_path.glob(".export.csv*"))
