"""Checks and clean-ups shared by the codebook and the codings: each raises StoreError with a
message fit for the user."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from analysis.store.db import StoreError
from analysis.store.workspace import Workspace

MAX_NOTE = 2_000


def now() -> str:
    """UTC now, ISO 8601 with microseconds (the form every stored time has)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def utc_time(value: str | None) -> str:
    """A time as UTC ISO 8601 with microseconds (a time without a zone is taken as UTC); now when empty."""
    if not value:
        return now()
    try:
        when = datetime.fromisoformat(str(value).strip())
    except ValueError:
        raise StoreError(f"{value!r} is not a date and time (ISO 8601, e.g. 2026-12-03T18:44:27Z)") from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).isoformat(timespec="microseconds")


def label(value: object, what: str, limit: int) -> str:
    """A one-line name: whitespace runs collapsed, not empty, at most ``limit`` characters."""
    text = " ".join(str(value or "").split())
    if not text:
        raise StoreError(f"{what} cannot be empty")
    if len(text) > limit:
        raise StoreError(f"{what} can have at most {limit} characters")
    return text


def note(value: object) -> str:
    """Free text (a note, a description): kept as written, less surrounding whitespace."""
    text = str(value or "").strip()
    if len(text) > MAX_NOTE:
        raise StoreError(f"a note or description can have at most {MAX_NOTE:,} characters")
    return text


def colour(value: str) -> str:
    """``#rrggbb`` in lower case (``#rgb`` is widened)."""
    text = str(value).strip().lower()
    if len(text) == 4 and text.startswith("#"):
        text = "#" + "".join(ch * 2 for ch in text[1:])
    if len(text) != 7 or not text.startswith("#") or any(ch not in "0123456789abcdef" for ch in text[1:]):
        raise StoreError(f"a colour is written #rrggbb (for example #cc6677), not {value!r}")
    return text


def workspace_exists(conn: sqlite3.Connection, ws: Workspace) -> None:
    if conn.execute("SELECT 1 FROM workspaces WHERE id = ? AND owner = ?", (ws.id, ws.owner)).fetchone() is None:
        raise StoreError("that workspace does not exist (it may have been deleted)")
