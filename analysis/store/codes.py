"""Every coder's decisions, kept in the workspace database: codes on paragraphs and spans, verdicts on evidence.

    >>> code = codebook.define(store, ws, "Blame", "Someone is held responsible", "#cc6677")
    >>> codes.code_paragraph(store, ws, article_id, "ana@example.org", 2, code.id)
    >>> codes.judge(store, ws, article_id, "ana@example.org", 77, 86, "alarm", "conflict_metaphor", "wrong")
    >>> codes.current(store, ws)        # what each coder holds now, one Coding per decision

Every decision is one new row of the ``codings`` log (see ``schema``): nothing is updated in
place, so two coders working at once never overwrite each other, and a coder's later
decision about the same target (the same paragraph and code, the same evidence span ...)
supersedes only that coder's earlier one. Recording a decision that equals the coder's
current one writes nothing. The coder is any non-empty name the caller gives (the login
e-mail, or a name the user typed); it is kept as given, less surrounding whitespace.

Targets: ``paragraph_index`` is 0-based (``Analysis.paragraphs['paragraph']``, numbered from 1, minus 1); spans are
``start``/``end`` character offsets into the article's text (``end`` exclusive), checked
against the stored text.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields, replace

import pandas as pd

from analysis.store import checks, codebook, db
from analysis.store.db import StoreError
from analysis.store.workspace import Store, Workspace

KINDS = ("code", "verdict", "missed", "reviewed")
VERDICTS = ("correct", "wrong")
REMOVED = "removed"
APPLIED = "applied"
MAX_CODER = 200
MAX_LABEL = 80


@dataclass(frozen=True)
class Decision:
    """One decision to record (see the module docstring for the targets).

    ``kind`` ``code``: ``code_id`` and either ``paragraph_index`` or a span; ``verdict``: a span,
    ``measure``, ``category`` and ``decision`` ``correct``/``wrong``; ``missed``: a span,
    ``measure`` and ``category``; ``reviewed``: the article as a whole. ``decision``
    ``removed`` withdraws the coder's earlier decision about the same target."""

    article_id: int
    coder: str
    kind: str
    decision: str = APPLIED
    paragraph_index: int | None = None
    start: int | None = None
    end: int | None = None
    code_id: int | None = None
    measure: str | None = None
    category: str | None = None
    note: str = ""
    time: str | None = None  # UTC ISO 8601; now when None


@dataclass(frozen=True)
class Coding(Decision):
    """A recorded decision: its row ``id`` (the log's order), ``time`` and the code's ``name``."""

    id: int = 0
    code: str | None = None


COLUMNS = [f.name for f in fields(Coding)]
_SELECT = ("SELECT c.id, c.article_id, c.coder, c.kind, c.decision, c.paragraph_index, c.start, c.\"end\", "
           "c.code_id, b.name AS code, c.measure, c.category, c.note, c.time FROM codings c "
           "JOIN articles a ON a.id = c.article_id LEFT JOIN codebook b ON b.id = c.code_id "
           "WHERE a.workspace_id = ?")
_TARGET = "c.article_id, c.coder, c.kind, c.code_id, c.measure, c.category, c.paragraph_index, c.start, c.\"end\""


# ---- decisions ---------------------------------------------------------------------------

def code_paragraph(store: Store, ws: Workspace, article_id: int, coder: str, paragraph_index: int,
                   code_id: int, note: str = "", *, remove: bool = False) -> Coding:
    """Apply (or, with ``remove``, withdraw) a codebook code on a whole paragraph (0-based)."""
    return record(store, ws, Decision(article_id, coder, "code", REMOVED if remove else APPLIED,
                                      paragraph_index=paragraph_index, code_id=code_id, note=note))


def code_span(store: Store, ws: Workspace, article_id: int, coder: str, start: int, end: int,
              code_id: int, note: str = "", *, remove: bool = False) -> Coding:
    """Apply (or withdraw) a codebook code on the text ``start:end`` of the article."""
    return record(store, ws, Decision(article_id, coder, "code", REMOVED if remove else APPLIED,
                                      start=start, end=end, code_id=code_id, note=note))


def judge(store: Store, ws: Workspace, article_id: int, coder: str, start: int, end: int, measure: str,
          category: str, verdict: str, note: str = "") -> Coding:
    """Judge an evidence span of the tool ``correct`` or ``wrong`` (``removed`` withdraws the verdict)."""
    return record(store, ws, Decision(article_id, coder, "verdict", verdict, start=start, end=end,
                                      measure=measure, category=category, note=note))


def missed(store: Store, ws: Workspace, article_id: int, coder: str, start: int, end: int, measure: str,
           category: str, note: str = "", *, remove: bool = False) -> Coding:
    """Mark ``start:end`` as an instance of ``measure``/``category`` that the tool missed."""
    return record(store, ws, Decision(article_id, coder, "missed", REMOVED if remove else APPLIED,
                                      start=start, end=end, measure=measure, category=category, note=note))


def mark_reviewed(store: Store, ws: Workspace, article_id: int, coder: str, reviewed: bool = True) -> Coding:
    """Say the coder has read the whole article: its paragraphs without a code count as coded
    "absent" in the agreement between coders (an article with a code is counted anyway)."""
    return record(store, ws, Decision(article_id, coder, "reviewed", APPLIED if reviewed else REMOVED))


def record(store: Store, ws: Workspace, decision: Decision) -> Coding:
    """Record one decision; returns the coder's current state of that target."""
    return record_many(store, ws, [decision])[0]


def record_many(store: Store, ws: Workspace, decisions: Sequence[Decision]) -> list[Coding]:
    """Record decisions in ONE transaction (all or none), in order; each is checked against
    the workspace (article, code, paragraph, span) first. A decision equal to the coder's
    current one (same decision and note) writes nothing. Returns the current state of each
    target, in the order given."""
    clean = [check(d) for d in decisions]

    def write() -> list[int]:
        with db.transaction(store.path) as conn:
            return [_record(conn, ws, d)[0] for d in clean]

    return _by_ids(store, ws, db.retry(write))


@dataclass(frozen=True)
class CodeSpec:
    """A codebook code as an import describes it (matched by name, regardless of case)."""

    name: str
    description: str = ""
    colour: str | None = None


@dataclass(frozen=True)
class Imported:
    """What an import wrote: codes added to the codebook, decisions recorded, and decisions
    that equalled the coder's current one (written before, so nothing was written)."""

    codes_added: int
    recorded: int
    unchanged: int


def import_decisions(store: Store, ws: Workspace, specs: Sequence[CodeSpec],
                     decisions: Sequence[Decision | Coding]) -> Imported:
    """In ONE transaction (all or none): add the codes of ``specs`` that the codebook lacks,
    then record ``decisions``; a ``code`` decision without ``code_id`` names its code in
    ``code`` (a ``Coding``), added to the codebook if need be."""
    wanted = {_code_key(spec.name): spec for spec in specs}
    for d in decisions:
        if d.kind == "code" and d.code_id is None:
            wanted.setdefault(_code_key(getattr(d, "code", None)), CodeSpec(str(getattr(d, "code", ""))))

    def write() -> Imported:
        with db.transaction(store.path) as conn:
            checks.workspace_exists(conn, ws)
            ids = {_code_key(r["name"]): int(r["id"])
                   for r in conn.execute("SELECT id, name FROM codebook WHERE workspace_id = ?", (ws.id,))}
            added = 0
            for key, spec in wanted.items():
                if key not in ids:
                    ids[key] = codebook.add(conn, ws, spec.name, spec.description, spec.colour)
                    added += 1
            recorded = 0
            for d in decisions:
                plain = Decision(**{f.name: getattr(d, f.name) for f in fields(Decision)})
                if d.kind == "code" and d.code_id is None:
                    plain = replace(plain, code_id=ids[_code_key(getattr(d, "code", None))])
                recorded += _record(conn, ws, check(plain))[1]
            return Imported(added, recorded, len(decisions) - recorded)

    return db.retry(write)


def _code_key(name: object) -> str:
    return checks.label(name, "a code's name", codebook.MAX_NAME).casefold()


def _record(conn: sqlite3.Connection, ws: Workspace, d: Decision) -> tuple[int, bool]:
    """Write one checked decision unless it equals the coder's current one: (row id, written)."""
    _check_target(conn, ws, d)
    latest = conn.execute(
        "SELECT id, decision, note FROM codings c WHERE c.article_id = ? AND c.coder = ? AND c.kind = ? "
        "AND c.code_id IS ? AND c.measure IS ? AND c.category IS ? AND c.paragraph_index IS ? "
        "AND c.start IS ? AND c.\"end\" IS ? ORDER BY id DESC LIMIT 1",
        (d.article_id, d.coder, d.kind, d.code_id, d.measure, d.category, d.paragraph_index,
         d.start, d.end)).fetchone()
    if latest and (latest["decision"], latest["note"]) == (d.decision, d.note):
        return int(latest["id"]), False
    values = asdict(d)
    values["time"] = checks.utc_time(d.time)
    cur = conn.execute(
        "INSERT INTO codings (article_id, coder, kind, decision, paragraph_index, start, \"end\", "
        "code_id, measure, category, note, time) VALUES (:article_id, :coder, :kind, :decision, "
        ":paragraph_index, :start, :end, :code_id, :measure, :category, :note, :time)", values)
    return int(cur.lastrowid or 0), True


def _by_ids(store: Store, ws: Workspace, ids: list[int]) -> list[Coding]:
    if not ids:
        return []
    rows = {r["id"]: r for r in store._read(_SELECT + f" AND c.id IN ({','.join('?' * len(ids))})", (ws.id, *ids))}
    return [_coding(rows[i]) for i in ids]


# ---- reading -----------------------------------------------------------------------------

def current(store: Store, ws: Workspace, *, article_id: int | None = None, coder: str | None = None,
            include_removed: bool = False) -> list[Coding]:
    """What each coder holds now: their latest decision per target, withdrawn ones left out
    (unless ``include_removed``), in the order they were made."""
    where, params = _filters(article_id, coder)
    query = (f"SELECT * FROM (SELECT x.*, row_number() OVER (PARTITION BY {_TARGET.replace('c.', 'x.')} "
             f"ORDER BY x.id DESC) AS latest FROM ({_SELECT}{where}) x) WHERE latest = 1"
             + ("" if include_removed else f" AND decision != '{REMOVED}'") + " ORDER BY id")
    return [_coding(r) for r in store._read(query, (ws.id, *params))]


def history(store: Store, ws: Workspace, *, article_id: int | None = None, coder: str | None = None) -> list[Coding]:
    """Every decision ever recorded (withdrawals included), oldest first."""
    where, params = _filters(article_id, coder)
    return [_coding(r) for r in store._read(_SELECT + where + " ORDER BY c.id", (ws.id, *params))]


def coders(store: Store, ws: Workspace) -> list[str]:
    rows = store._read("SELECT DISTINCT c.coder FROM codings c JOIN articles a ON a.id = c.article_id "
                       "WHERE a.workspace_id = ? ORDER BY c.coder", (ws.id,))
    return [str(r[0]) for r in rows]


def paragraph_bounds(store: Store, ws: Workspace, article_id: int) -> list[tuple[int, int]]:
    """Each paragraph's (start, end) in the article's text, by 0-based paragraph index, as
    stored with its scores at import."""
    return [(int(row["start"]), int(row["end"])) for row in store.scores(ws, article_id)]


def frame(codings: Iterable[Coding]) -> pd.DataFrame:
    """Codings as a table (one row each, columns ``COLUMNS``; missing numbers are <NA>)."""
    out = pd.DataFrame([asdict(c) for c in codings], columns=COLUMNS)
    for name in ("paragraph_index", "start", "end", "code_id"):
        out[name] = out[name].astype("Int64")
    return out


# ---- checks ------------------------------------------------------------------------------

def _filters(article_id: int | None, coder: str | None) -> tuple[str, tuple[object, ...]]:
    where, params = "", []  # type: str, list[object]
    if article_id is not None:
        where, params = where + " AND c.article_id = ?", [*params, article_id]
    if coder is not None:
        where, params = where + " AND c.coder = ?", [*params, " ".join(coder.split())]
    return where, tuple(params)


def _coding(row: sqlite3.Row) -> Coding:
    return Coding(**{k: row[k] for k in row.keys() if k in COLUMNS})


def check(d: Decision) -> Decision:
    """The decision with its text fields cleaned, or StoreError saying what is wrong."""
    if d.kind not in KINDS:
        raise StoreError(f"a coding's kind must be one of {', '.join(KINDS)}")
    allowed = (*VERDICTS, REMOVED) if d.kind == "verdict" else (APPLIED, REMOVED)
    if d.decision not in allowed:
        raise StoreError(f"a {d.kind} decision must be one of {', '.join(allowed)}, not {d.decision!r}")
    span = d.start is not None or d.end is not None
    if span and (d.start is None or d.end is None or not 0 <= int(d.start) < int(d.end)):
        raise StoreError("a span needs 0 <= start < end")
    if d.kind == "code" and (d.code_id is None or (d.paragraph_index is None) == (not span)):
        raise StoreError("a code goes on a paragraph or on a span (not both), with a code of the codebook")
    if d.kind in ("verdict", "missed") and (not span or d.paragraph_index is not None):
        raise StoreError(f"a {d.kind} decision is about a span of text")
    if d.kind == "reviewed" and (span or d.paragraph_index is not None):
        raise StoreError("'reviewed' is about the whole article")
    measure = category = None
    if d.kind in ("verdict", "missed"):
        measure = checks.label(d.measure, "a measure", MAX_LABEL)
        category = checks.label(d.category, "a category", MAX_LABEL)
    return replace(d, coder=checks.label(d.coder, "the coder's name", MAX_CODER), note=checks.note(d.note),
                   measure=measure, category=category,
                   code_id=d.code_id if d.kind == "code" else None,
                   paragraph_index=None if d.paragraph_index is None else int(d.paragraph_index),
                   start=None if d.start is None else int(d.start), end=None if d.end is None else int(d.end))


def _check_target(conn: sqlite3.Connection, ws: Workspace, d: Decision) -> None:
    row = conn.execute("SELECT length(text) AS chars, paragraphs FROM articles WHERE id = ? AND workspace_id = ?",
                       (d.article_id, ws.id)).fetchone()
    if row is None:
        raise StoreError("that article is no longer in the workspace")
    if d.end is not None and d.end > row["chars"]:
        raise StoreError(f"the span {d.start}-{d.end} runs past the end of the article ({row['chars']} characters)")
    if d.paragraph_index is not None and not 0 <= d.paragraph_index < row["paragraphs"]:
        raise StoreError(f"the article has no paragraph {d.paragraph_index + 1} (it has {row['paragraphs']})")
    if d.code_id is not None and conn.execute("SELECT 1 FROM codebook WHERE id = ? AND workspace_id = ?",
                                              (d.code_id, ws.id)).fetchone() is None:
        raise StoreError("that code is not in this workspace's codebook (it may have been deleted)")
