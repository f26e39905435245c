"""SQLite plumbing: open safely, set damaged files aside, retry when another writer holds the lock.

- WAL journal (readers never block the writer), ``synchronous=NORMAL`` (in WAL mode a
  commit survives a killed process; only a power cut can lose the last commits, never
  corrupt the file), foreign keys on, a busy timeout, and on top a retry with backoff so
  that "database is locked" never reaches a user.
- Every write runs in ``BEGIN IMMEDIATE ... COMMIT``: the whole change or nothing.
- A file that is not a SQLite database, or fails ``PRAGMA integrity_check``, is renamed
  ``<name>.damaged-<UTC time>`` (with its -wal/-shm companions) and a fresh database is
  started; the old file is never overwritten or deleted.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from analysis.store.schema import SCHEMA, SCHEMA_VERSION

BUSY_MS = 5_000
RETRIES = 8
T = TypeVar("T")


class StoreError(RuntimeError):
    """A workspace problem with a message fit for the user."""


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=BUSY_MS / 1000, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def _locked(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


DISK_FULL = ("the disk holding the workspaces is full: this change was not saved, and everything saved "
             "before it is intact. Free some space (or ask the server's administrator) and try again")
DISK_ERROR = ("the workspace database could not be written (the disk may be full or failing): this change "
              "was not saved, and everything saved before it is intact")


def _disk(exc: sqlite3.OperationalError) -> str | None:
    """A message for the user when SQLite could not write to the disk, else None."""
    text = str(exc).lower()
    if "disk is full" in text:  # SQLITE_FULL: "database or disk is full"
        return DISK_FULL
    if "disk i/o error" in text:  # SQLITE_IOERR, e.g. EFBIG past a file-size limit
        return DISK_ERROR
    return None


def retry(fn: Callable[[], T]) -> T:
    """Run ``fn``; when SQLite reports the database locked or busy, wait and try again.
    A full disk becomes a StoreError saying so (the transaction was rolled back whole)."""
    for attempt in range(RETRIES):
        try:
            return fn()
        except sqlite3.OperationalError as exc:
            if _disk(exc):
                raise StoreError(_disk(exc)) from None
            if not _locked(exc) or attempt == RETRIES - 1:
                if _locked(exc):
                    raise StoreError("the workspace is busy (another import is writing); try again") from None
                raise
            time.sleep(min(2.0, 0.05 * 2**attempt) * (0.5 + random.random()))
    raise AssertionError("unreachable")


@contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction on ``conn``: committed, or rolled back on error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextmanager
def transaction(path: Path) -> Iterator[sqlite3.Connection]:
    """One write transaction on a fresh connection (committed, or rolled back on error)."""
    conn = connect(path)
    try:
        with immediate(conn):
            yield conn
    finally:
        conn.close()


@contextmanager
def reading(path: Path) -> Iterator[sqlite3.Connection]:
    conn = connect(path)
    try:
        yield conn
    finally:
        conn.close()


def open_database(path: Path) -> str | None:
    """Make ``path`` a healthy database with our schema. Returns a notice for the user
    when a damaged file had to be set aside, else None."""
    path.parent.mkdir(parents=True, exist_ok=True)
    notice = None
    problem = _problem(path)
    if problem:
        aside = set_aside(path)
        notice = (f"The workspace database {path.name} was damaged ({problem}). It was kept as "
                  f"{aside.name} and a new, empty database was started.")
    conn = connect(path)
    try:
        retry(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone())
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"{path.name} was written by a newer Narrative Lens (schema {version}); "
                             "upgrade, or choose another data folder")
        if version < SCHEMA_VERSION:
            def create() -> None:
                with immediate(conn):
                    for statement in SCHEMA:
                        conn.execute(statement)
                    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            retry(create)
    finally:
        conn.close()
    return notice


def _problem(path: Path) -> str | None:
    """Why the file at ``path`` is not a usable database, or None (also None when absent).

    The file is read only through SQLite, never with Python's ``open``: closing any other
    descriptor of a database file drops every POSIX lock this process holds on it, and a
    connection whose locks vanished can have its WAL deleted under it by another process."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        conn = connect(path)
        try:
            rows = retry(lambda: conn.execute("PRAGMA integrity_check").fetchall())
        finally:
            conn.close()
    except StoreError:
        raise
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError) and (_disk(exc) or _locked(exc)):
            raise StoreError(f"the workspace database cannot be opened: {exc}") from None
        if "not a database" in str(exc).lower():
            return "it is not a SQLite database"
        return f"SQLite cannot read it: {exc}"
    result = [r[0] for r in rows]
    return None if result == ["ok"] else f"integrity check failed: {'; '.join(result[:3])}"


def set_aside(path: Path) -> Path:
    """Rename ``path`` (and its -wal/-shm files) to a timestamped name that does not exist yet."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(target.with_name(target.name + suffix))
    return target
