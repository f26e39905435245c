"""A workspace's codebook: the researcher's own codes (name, description, colour).

    >>> blame = codebook.define(store, ws, "Blame", "Someone is held responsible", "#cc6677")
    >>> codebook.codes(store, ws)
    >>> codebook.edit(store, ws, blame.id, name="Responsibility")

Names are unique within a workspace regardless of case. A code's codings refer to its id, so
renaming or recolouring it carries them along; deleting a code in use is refused unless its
codings are deleted with it (``with_codings``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from analysis.store import checks, db
from analysis.store.db import StoreError
from analysis.store.workspace import Store, Workspace

# Paul Tol's "muted" scheme (colour-blind safe), distinct from the measures' Okabe-Ito colours.
PALETTE = ("#cc6677", "#332288", "#ddcc77", "#117733", "#88ccee", "#882255", "#44aa99", "#999933", "#aa4499")
MAX_NAME = 120
_COLS = "id, workspace_id, name, description, colour, created"


@dataclass(frozen=True)
class Code:
    """A codebook entry of one workspace; ``colour`` is ``#rrggbb``."""

    id: int
    workspace_id: int
    name: str
    description: str
    colour: str
    created: str


def codes(store: Store, ws: Workspace) -> list[Code]:
    """The workspace's codes, by name."""
    rows = store._read(f"SELECT {_COLS} FROM codebook WHERE workspace_id = ? ORDER BY name COLLATE NOCASE", (ws.id,))
    return [Code(**dict(r)) for r in rows]


def get(store: Store, ws: Workspace, code_id: int) -> Code:
    rows = store._read(f"SELECT {_COLS} FROM codebook WHERE id = ? AND workspace_id = ?", (code_id, ws.id))
    if not rows:
        raise StoreError("that code is not in this workspace's codebook (it may have been deleted)")
    return Code(**dict(rows[0]))


def define(store: Store, ws: Workspace, name: str, description: str = "", colour: str | None = None) -> Code:
    """Add a code; without ``colour``, the next colour of ``PALETTE``."""

    def write() -> int:
        with db.transaction(store.path) as conn:
            checks.workspace_exists(conn, ws)
            return add(conn, ws, name, description, colour)

    return get(store, ws, db.retry(write))


def add(conn: sqlite3.Connection, ws: Workspace, name: str, description: str = "", colour: str | None = None) -> int:
    """Insert a code inside the caller's transaction; returns its id."""
    clean = checks.label(name, "a code's name", MAX_NAME)
    text = checks.note(description)
    count = conn.execute("SELECT count(*) FROM codebook WHERE workspace_id = ?", (ws.id,)).fetchone()[0]
    shade = checks.colour(colour) if colour else PALETTE[count % len(PALETTE)]
    try:
        cur = conn.execute("INSERT INTO codebook (workspace_id, name, description, colour, created) "
                           "VALUES (?, ?, ?, ?, ?)", (ws.id, clean, text, shade, checks.now()))
    except sqlite3.IntegrityError:
        raise StoreError(f"the codebook already has a code named {clean!r}") from None
    return int(cur.lastrowid or 0)


def edit(store: Store, ws: Workspace, code_id: int, *, name: str | None = None, description: str | None = None,
         colour: str | None = None) -> Code:
    """Rename, redescribe or recolour a code."""
    changes: dict[str, str] = {}
    if name is not None:
        changes["name"] = checks.label(name, "a code's name", MAX_NAME)
    if description is not None:
        changes["description"] = checks.note(description)
    if colour is not None:
        changes["colour"] = checks.colour(colour)

    def write() -> None:
        with db.transaction(store.path) as conn:
            if changes:
                sets = ", ".join(f"{k} = ?" for k in changes)
                try:
                    conn.execute(f"UPDATE codebook SET {sets} WHERE id = ? AND workspace_id = ?",
                                 (*changes.values(), code_id, ws.id))
                except sqlite3.IntegrityError:
                    raise StoreError(f"the codebook already has a code named {changes.get('name')!r}") from None

    db.retry(write)
    return get(store, ws, code_id)


def delete(store: Store, ws: Workspace, code_id: int, *, with_codings: bool = False) -> None:
    """Remove a code. Refused while any coder's decision uses it, unless ``with_codings``:
    then those decisions (their whole history) go with it."""

    def write() -> None:
        with db.transaction(store.path) as conn:
            used = conn.execute("SELECT count(*) FROM codings WHERE code_id = ?", (code_id,)).fetchone()[0]
            if used and not with_codings:
                raise StoreError(f"this code is used in {used} coding decision(s); delete those with it "
                                 "explicitly, or keep the code")
            conn.execute("DELETE FROM codebook WHERE id = ? AND workspace_id = ?", (code_id, ws.id))

    db.retry(write)
