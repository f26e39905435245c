"""Named workspaces of articles, kept in SQLite (see ``db`` for the safety rules).

Every call that touches a workspace takes the :class:`Workspace` returned by
``workspace(owner, id)``/``find``/``create_workspace``, which checked the owner: one
user's key never reaches another user's articles.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from analysis.ingest import Loaded
from analysis.pipeline import Analysis, digest
from analysis.store import db, paths
from analysis.store.db import StoreError

ROLES = ("focus", "comparison")
EDITABLE = ("title", "outlet", "date", "url", "author", "role")
MAX_FIELD = 500


@dataclass(frozen=True)
class Workspace:
    id: int
    owner: str
    name: str
    created: str
    articles: int = 0


@dataclass(frozen=True)
class StoredArticle:
    """An article's row without its text (``Store.text`` fetches that)."""

    id: int
    workspace_id: int
    title: str
    outlet: str
    date: str
    url: str
    author: str
    role: str
    file_name: str
    format: str
    encoding: str
    sha256: str
    words: int
    paragraphs: int
    analysis_version: str
    created: str


@dataclass(frozen=True)
class Imported:
    article: StoredArticle
    duplicate: bool  # True: the same text was already in the workspace; nothing was written


_ARTICLE_COLS = ", ".join(f.name for f in fields(StoredArticle))
_WORKSPACES = ("SELECT w.id, w.owner, w.name, w.created, count(a.id) AS articles FROM workspaces w "
               "LEFT JOIN articles a ON a.workspace_id = w.id WHERE w.owner = ?{} GROUP BY w.id "
               "ORDER BY w.name COLLATE NOCASE")
_ARTICLES = (f"SELECT {_ARTICLE_COLS} FROM articles WHERE workspace_id = ?{{}} "
             "ORDER BY role = 'comparison', created, id")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _json(value: Any) -> Any:
    """JSON has no NaN: a score that cannot be computed is stored as null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return _json(value.item())
    return value


class Store:
    """The workspace database at ``path``. ``notice`` says if a damaged file was set aside or
    why the store is read-only; ``readonly``: every change raises StoreError (db.READ_ONLY)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        opened = db.open_database(self.path)
        self.notice = opened.notice
        self.readonly = opened.readonly
        self._mode = opened.mode
        # One connection held open for the Store's life keeps the -wal and -shm files in place
        # (SQLite deletes them when its last connection closes and must create them again on
        # the next open, which fails on a full disk): reading stays possible when writing is not.
        self._keeper = db.connect(self.path, self._mode)
        db.retry(lambda: self._keeper.execute("SELECT count(*) FROM workspaces").fetchone())

    def close(self) -> None:
        self._keeper.close()

    @classmethod
    def open(cls, data_dir: str | os.PathLike[str] | None = None) -> Store:
        return cls(paths.db_path(data_dir))

    def _read(self, query: str, params: tuple[Any, ...]) -> list[sqlite3.Row]:
        """The rows of one read-only query, on a fresh connection (see ``db.reading``)."""
        with db.reading(self.path, self._mode) as conn:
            return db.retry(lambda: conn.execute(query, params).fetchall())

    def _writable(self) -> None:
        if self.readonly:
            raise StoreError(db.READ_ONLY)

    # ---- workspaces ------------------------------------------------------------------

    def workspaces(self, owner: str) -> list[Workspace]:
        return [Workspace(**dict(r)) for r in self._read(_WORKSPACES.format(""), (owner,))]

    def workspace(self, owner: str, workspace_id: int) -> Workspace:
        rows = self._read(_WORKSPACES.format(" AND w.id = ?"), (owner, workspace_id))
        if not rows:
            raise StoreError("that workspace does not exist (it may have been deleted)")
        return Workspace(**dict(rows[0]))

    def find(self, owner: str, name: str) -> Workspace | None:
        rows = self._read(_WORKSPACES.format(" AND w.name = ?"), (owner, name.strip()))
        return Workspace(**dict(rows[0])) if rows else None

    def create_workspace(self, owner: str, name: str) -> Workspace:
        self._writable()
        name = _name(name)

        def write() -> int:
            with db.transaction(self.path) as conn:
                try:
                    cur = conn.execute("INSERT INTO workspaces (owner, name, created) VALUES (?, ?, ?)",
                                       (owner, name, _now()))
                except sqlite3.IntegrityError:
                    raise StoreError(f"a workspace named {name!r} already exists") from None
                return int(cur.lastrowid or 0)

        return self.workspace(owner, db.retry(write))

    def ensure_workspace(self, owner: str, name: str) -> Workspace:
        """The owner's workspace ``name``, created if it does not exist yet, in one write
        transaction: two processes asking for the same new workspace at once both get it
        (find-then-create let the second fail on the unique name)."""
        name = _name(name)
        found = self.find(owner, name)
        if found is not None:
            return found
        self._writable()

        def write() -> int:
            with db.transaction(self.path) as conn:
                conn.execute("INSERT OR IGNORE INTO workspaces (owner, name, created) VALUES (?, ?, ?)",
                             (owner, name, _now()))
                row = conn.execute("SELECT id FROM workspaces WHERE owner = ? AND name = ?", (owner, name)).fetchone()
                return int(row[0])

        return self.workspace(owner, db.retry(write))

    def rename_workspace(self, ws: Workspace, name: str) -> Workspace:
        self._writable()
        name = _name(name)

        def write() -> None:
            with db.transaction(self.path) as conn:
                try:
                    conn.execute("UPDATE workspaces SET name = ? WHERE id = ? AND owner = ?",
                                 (name, ws.id, ws.owner))
                except sqlite3.IntegrityError:
                    raise StoreError(f"a workspace named {name!r} already exists") from None

        db.retry(write)
        return self.workspace(ws.owner, ws.id)

    def delete_workspace(self, ws: Workspace) -> None:
        self._writable()
        def write() -> None:
            with db.transaction(self.path) as conn:
                conn.execute("DELETE FROM workspaces WHERE id = ? AND owner = ?", (ws.id, ws.owner))

        db.retry(write)

    # ---- articles ----------------------------------------------------------------------

    def add_article(self, ws: Workspace, loaded: Loaded, result: Analysis,
                    role: str = "comparison") -> Imported:
        """Store one article with its scores in ONE transaction; a duplicate (same SHA-256
        in this workspace) writes nothing and returns the existing row."""
        self._writable()
        if role not in ROLES:
            raise StoreError(f"role must be one of {ROLES}")
        summary = {k: _json(v) for k, v in result.summary.iloc[0].to_dict().items()}
        score_rows = [(int(row["paragraph"]), json.dumps({k: _json(v) for k, v in row.items() if k != "text"}))
                      for row in result.paragraphs.to_dict(orient="records")]
        values = {
            "workspace_id": ws.id, "title": _field(loaded.title), "outlet": _field(loaded.outlet),
            "date": _field(loaded.date), "url": _field(loaded.url), "author": _field(loaded.author),
            "role": role, "file_name": loaded.name, "format": loaded.format, "encoding": loaded.encoding,
            "text": loaded.text, "sha256": loaded.sha256, "words": int(result.summary["words"].iloc[0]),
            "paragraphs": len(result.paragraphs), "summary": json.dumps(summary),
            "analysis_version": digest(result.meta["versions"]), "created": _now(),  # what scored it
        }

        def write() -> tuple[int, bool]:
            with db.transaction(self.path) as conn:
                same = conn.execute("SELECT id FROM articles WHERE workspace_id = ? AND sha256 = ?",
                                    (ws.id, loaded.sha256)).fetchone()
                if same:
                    return int(same[0]), True
                if role == "focus":
                    conn.execute("UPDATE articles SET role = 'comparison' WHERE workspace_id = ?", (ws.id,))
                try:
                    cur = conn.execute(f"INSERT INTO articles ({', '.join(values)}) VALUES "
                                       f"({', '.join('?' * len(values))})", tuple(values.values()))
                except sqlite3.IntegrityError:
                    raise StoreError("the workspace no longer exists (deleted in another window?)") from None
                article_id = int(cur.lastrowid or 0)
                conn.executemany("INSERT INTO scores (article_id, paragraph, data) VALUES (?, ?, ?)",
                                 [(article_id, p, data) for p, data in score_rows])
                return article_id, False

        article_id, duplicate = db.retry(write)
        return Imported(self.article(ws, article_id), duplicate)

    def articles(self, ws: Workspace) -> list[StoredArticle]:
        return [StoredArticle(**dict(r)) for r in self._read(_ARTICLES.format(""), (ws.id,))]

    def article(self, ws: Workspace, article_id: int) -> StoredArticle:
        rows = self._read(_ARTICLES.format(" AND id = ?"), (ws.id, article_id))
        if not rows:
            raise StoreError("that article is no longer in the workspace")
        return StoredArticle(**dict(rows[0]))

    def text(self, ws: Workspace, article_id: int) -> str:
        rows = self._read("SELECT text FROM articles WHERE id = ? AND workspace_id = ?", (article_id, ws.id))
        if not rows:
            raise StoreError("that article is no longer in the workspace")
        return str(rows[0][0])

    def scores(self, ws: Workspace, article_id: int) -> list[dict[str, Any]]:
        """Per-paragraph scores as stored at import (NaN stored as None)."""
        rows = self._read("SELECT s.data FROM scores s JOIN articles a ON a.id = s.article_id "
                          "WHERE a.id = ? AND a.workspace_id = ? ORDER BY s.paragraph", (article_id, ws.id))
        return [json.loads(r[0]) for r in rows]

    def update_article(self, ws: Workspace, article_id: int, **changes: str) -> StoredArticle:
        """Edit metadata (title, outlet, date, url, author, role); making one article the
        focus makes every other article of the workspace comparison coverage."""
        self._writable()
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise StoreError(f"cannot edit {', '.join(sorted(unknown))}")
        clean = {k: _field(v) for k, v in changes.items()}
        if "role" in clean and clean["role"] not in ROLES:
            raise StoreError(f"role must be one of {ROLES}")
        if clean.get("url") and not clean["url"].lower().startswith(("http://", "https://")):
            raise StoreError("a URL must start with http:// or https://")

        def write() -> None:
            with db.transaction(self.path) as conn:
                if clean.get("role") == "focus":
                    conn.execute("UPDATE articles SET role = 'comparison' WHERE workspace_id = ? AND id != ?",
                                 (ws.id, article_id))
                if clean:
                    sets = ", ".join(f"{k} = ?" for k in clean)
                    conn.execute(f"UPDATE articles SET {sets} WHERE id = ? AND workspace_id = ?",
                                 (*clean.values(), article_id, ws.id))

        db.retry(write)
        return self.article(ws, article_id)

    def delete_article(self, ws: Workspace, article_id: int) -> None:
        self._writable()
        def write() -> None:
            with db.transaction(self.path) as conn:
                conn.execute("DELETE FROM articles WHERE id = ? AND workspace_id = ?", (article_id, ws.id))

        db.retry(write)


def _name(name: str) -> str:
    cleaned = " ".join(str(name).split())
    if not cleaned:
        raise StoreError("a workspace needs a name")
    if len(cleaned) > 120:
        raise StoreError("a workspace name can have at most 120 characters")
    return cleaned


def _field(value: object) -> str:
    text = "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)
    return " ".join(text.split())[:MAX_FIELD]
