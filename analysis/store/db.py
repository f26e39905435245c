"""SQLite plumbing: open safely, set damaged files aside, retry when another writer holds the lock.

- WAL journal (readers never block the writer), ``synchronous=NORMAL`` (in WAL mode a
  commit survives a killed process; only a power cut can lose the last commits, never
  corrupt the file), foreign keys on, a busy timeout, and on top a retry with backoff so
  that "database is locked" never reaches a user.
- Every write runs in ``BEGIN IMMEDIATE ... COMMIT``: the whole change or nothing.
- A file that is not a SQLite database, or fails ``PRAGMA integrity_check``, is renamed
  ``<name>.damaged-<UTC time>`` (with its -wal/-shm companions) and a fresh database is
  started; the old file is never overwritten or deleted.
- Permissions are not damage. Only those two findings set a file aside. A data folder or
  database file this process may not write, or a -shm file it may not open (another user's
  server holds the database), opens the store **read-only** with a notice saying why:
  workspaces can be read, every change is refused with a clear message, and nothing is
  renamed. A file it may not even read is a clear error, also without a rename.
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

from analysis.store.schema import SCHEMA, SCHEMA_VERSION

BUSY_MS = 5_000
RETRIES = 8
T = TypeVar("T")


class StoreError(RuntimeError):
    """A workspace problem with a message fit for the user."""


class ReadOnly(StoreError):
    """SQLite refused a write or an open for lack of access; ``cause`` is its error."""

    def __init__(self, message: str, cause: BaseException | None = None) -> None:
        super().__init__(message)
        self.cause = cause


MODES = ("rw", "ro", "immutable")  # how a connection opens the file: read-write, read-only,
# or read-only without locks or the -shm file (SQLite's immutable=1: when even a read-only open
# cannot use the -shm; changes another process makes meanwhile may not be seen)


def connect(path: Path, mode: str = "rw") -> sqlite3.Connection:
    if mode == "rw":
        target: str | Path = path
    else:
        target = f"file:{quote(str(path.resolve()))}?{'mode=ro' if mode == 'ro' else 'immutable=1'}"
    conn = sqlite3.connect(target, timeout=BUSY_MS / 1000, isolation_level=None, check_same_thread=False,
                           uri=mode != "rw")
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def _locked(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _code(exc: BaseException | None) -> str:
    """SQLite's error name ("SQLITE_READONLY_DIRECTORY", "SQLITE_CANTOPEN", ...) or ""."""
    return str(getattr(exc, "sqlite_errorname", "") or "")


def damaged(exc: BaseException) -> bool:
    """Whether SQLite's error says the file itself is damaged (not a database, corrupt)."""
    return _code(exc).startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")) or "not a database" in str(exc).lower()


def _denied(exc: BaseException) -> bool:
    """Whether SQLite's error is about access (permissions, read-only files or folders)."""
    return _code(exc).startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH",
                                  "SQLITE_IOERR_SHM"))


DISK_FULL = ("the disk holding the workspaces is full: this change was not saved, and everything saved "
             "before it is intact. Free some space (or ask the server's administrator) and try again")
DISK_ERROR = ("the workspace database could not be written (the disk may be full or failing): this change "
              "was not saved, and everything saved before it is intact")
READ_ONLY = ("the workspaces are read-only here (this process may not write the data folder or the "
             "database): this change was not saved, and everything saved before it is intact")


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
            if _denied(exc):  # permissions taken away while the store was open
                raise ReadOnly(READ_ONLY, exc) from None
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
def reading(path: Path, mode: str = "rw") -> Iterator[sqlite3.Connection]:
    conn = connect(path, mode)
    try:
        yield conn
    finally:
        conn.close()


@dataclass(frozen=True)
class Opened:
    """What ``open_database`` found: a notice for the user (a file set aside, or why the
    store is read-only), and the mode every connection must use (see MODES)."""

    notice: str | None = None
    mode: str = "rw"

    @property
    def readonly(self) -> bool:
        return self.mode != "rw"


class _Denied(Exception):
    """Access, not damage: the file cannot be opened or written the normal way."""


def open_database(path: Path) -> Opened:
    """Make ``path`` a healthy database with our schema, or open it read-only when this
    process may not write it (see the module docstring)."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"the data folder {folder} cannot be created ({exc.strerror or exc}); set "
                         "NARRATIVE_LENS_DATA (or --data-dir) to a folder this process may write") from None
    exists = path.exists() and path.stat().st_size > 0
    why_not = _why_not_writable(path, exists)
    if not exists and why_not:
        raise StoreError(f"the data folder {folder} is read-only here: no workspace database can be made in "
                         "it; set NARRATIVE_LENS_DATA (or --data-dir) to a folder this process may write")
    if why_not is None:
        try:
            problem = _problem(path, "rw")
        except _Denied as exc:
            why_not = str(exc)
        else:
            notice = None
            if problem:
                aside = set_aside(path)
                notice = (f"The workspace database {path.name} was damaged ({problem}). It was kept as "
                          f"{aside.name} and a new, empty database was started.")
            _create(path)
            return Opened(notice, "rw")
    return _open_read_only(path, why_not)


def _why_not_writable(path: Path, exists: bool) -> str | None:
    """Why this process may not write the store at ``path`` (the permission bits, and a
    read-only file system, as the kernel reports them for this user), or None."""
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return "the data folder is read-only"
    if exists and not os.access(path, os.W_OK):
        return "the database file is read-only"
    return None


def _open_read_only(path: Path, why: str) -> Opened:
    """Open read-only: with locks if SQLite can, else immutable (no -shm). Never renames."""
    last: BaseException | None = None
    for mode in ("ro", "immutable"):
        try:
            problem = _problem(path, mode)
        except _Denied as exc:
            last = exc
            continue
        if problem:
            raise StoreError(f"the workspace database {path.name} is damaged ({problem}), and it cannot be set "
                             f"aside because {why}; ask the server's administrator to move it")
        version = _user_version(path, mode)
        if version != SCHEMA_VERSION:
            raise StoreError(f"{path.name} has schema {version}, this Narrative Lens needs {SCHEMA_VERSION}, and "
                             f"it cannot be upgraded because {why}")
        unlocked = (" It is read without locks (its -shm file cannot be opened or made), so changes another process "
                    "makes meanwhile may not show.") if mode == "immutable" else ""
        return Opened(f"The workspace database {path} is read-only here ({why}): workspaces can be opened and "
                      "read, not changed. To change them, give this process write access to the data folder "
                      f"and to its files (the database and its -wal and -shm companions).{unlocked}", mode)
    if not os.access(path, os.R_OK):
        reason = "permission denied"
    else:
        reason = str(last) if last else "it cannot be opened"
    raise StoreError(f"the workspace database {path} cannot be read ({reason}); nothing was changed. Give this "
                     "process read access to it, or set NARRATIVE_LENS_DATA (or --data-dir) to another folder")


def _user_version(path: Path, mode: str) -> int:
    conn = connect(path, mode)
    try:
        return int(retry(lambda: conn.execute("PRAGMA user_version").fetchone()[0]))
    finally:
        conn.close()


def _create(path: Path) -> None:
    """WAL journal and the schema (created, or upgraded), on a writable database."""
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


def _problem(path: Path, mode: str) -> str | None:
    """Why the file at ``path`` is damaged, or None (also None when absent). Raises
    ``_Denied`` when access, not the file, is the problem.

    The file is read only through SQLite, never with Python's ``open``: closing any other
    descriptor of a database file drops every POSIX lock this process holds on it, and a
    connection whose locks vanished can have its WAL deleted under it by another process."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        conn = connect(path, mode)
        try:
            rows = retry(lambda: conn.execute("PRAGMA integrity_check").fetchall())
        finally:
            conn.close()
    except ReadOnly as exc:
        raise _Denied(_denial(exc.cause)) from None
    except sqlite3.DatabaseError as exc:
        if damaged(exc):
            return "it is not a SQLite database" if "not a database" in str(exc).lower() else \
                f"SQLite cannot read it: {exc}"
        if _denied(exc):
            raise _Denied(_denial(exc)) from None
        if isinstance(exc, sqlite3.OperationalError) and (_disk(exc) or _locked(exc)):
            raise StoreError(f"the workspace database cannot be opened: {exc}") from None
        raise StoreError(f"the workspace database cannot be opened ({exc}); nothing was changed") from None
    result = [r[0] for r in rows]
    return None if result == ["ok"] else f"integrity check failed: {'; '.join(result[:3])}"


def _denial(exc: BaseException | None) -> str:
    code = _code(exc)
    if code == "SQLITE_READONLY_DIRECTORY":
        return "the data folder is read-only"
    if code.startswith("SQLITE_READONLY"):
        return "the database cannot be written"
    if code.startswith(("SQLITE_CANTOPEN", "SQLITE_IOERR_SHM")):
        return ("the database or its -shm file cannot be opened; another user's server may hold it, or "
                "permissions forbid it")
    return f"access denied: {exc}"


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
