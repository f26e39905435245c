"""A workspace's codes as CSV, one row per code, and back.

Columns (``COLUMNS``), one row per coder's current decision (``history=True``: every
decision ever recorded, withdrawals included, oldest first):

- ``article_id``: the article's id in this workspace; ``sha256``: SHA-256 of its text (what
  an import matches, so codes move between workspaces and databases); ``article``: its
  title, or file name;
- ``coder``; ``kind`` (``code``, ``verdict``, ``missed``, ``reviewed``); ``decision``
  (``applied``, ``correct``, ``wrong``, ``removed``);
- ``code``, ``colour``, ``description``: the codebook code of a ``code`` row;
- ``measure``, ``category``: of a verdict or a miss;
- ``paragraph``: the paragraph a code is on, numbered from 1; ``start``, ``end``: a span's
  character offsets into the article's text (0-based, end exclusive); ``text``: the coded text
  (the span, or the whole paragraph);
- ``note``; ``time`` (UTC, ISO 8601).

Written with ``analysis.export.to_csv`` (UTF-8, CRLF rows, text cells that a spreadsheet
would run as a formula get a leading ``'``, which an import takes off again). An import
checks every row first (the article is in the workspace, the span or paragraph exists, the
``text`` column, when filled, is the text at that place) and writes nothing when any row is
wrong: the message names the rows (numbered as a spreadsheet shows them, the header being row 1).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import pandas as pd

from analysis import export
from analysis.store import codebook, codes
from analysis.store.db import StoreError
from analysis.store.workspace import Store, StoredArticle, Workspace

COLUMNS = ["article_id", "sha256", "article", "coder", "kind", "decision", "code", "colour", "description",
           "measure", "category", "paragraph", "start", "end", "text", "note", "time"]
MAX_BYTES = 20 * 1024 * 1024
SHOWN_PROBLEMS = 5


def to_csv(store: Store, ws: Workspace, *, history: bool = False) -> bytes:
    """The workspace's codes as CSV bytes (see the module docstring)."""
    return export.to_csv(table(store, ws, history=history))


def table(store: Store, ws: Workspace, *, history: bool = False) -> pd.DataFrame:
    """The rows ``to_csv`` writes, as a frame."""
    listed = codes.history(store, ws) if history else codes.current(store, ws)
    articles = {a.id: a for a in store.articles(ws)}
    book = {c.id: c for c in codebook.codes(store, ws)}
    texts = {a: store.text(ws, a) for a in {c.article_id for c in listed}}
    bounds = {a: codes.paragraph_bounds(store, ws, a) for a in texts}
    rows = []
    for c in listed:
        art, text = articles[c.article_id], texts[c.article_id]
        entry = book.get(c.code_id) if c.code_id is not None else None
        if c.paragraph_index is not None:
            s, e = bounds[c.article_id][c.paragraph_index]
            coded = text[s:e]
        else:
            coded = text[c.start:c.end] if c.start is not None else ""
        rows.append({
            "article_id": art.id, "sha256": art.sha256, "article": art.title or art.file_name, "coder": c.coder,
            "kind": c.kind, "decision": c.decision, "code": entry.name if entry else "",
            "colour": entry.colour if entry else "", "description": entry.description if entry else "",
            "measure": c.measure or "", "category": c.category or "",
            "paragraph": None if c.paragraph_index is None else c.paragraph_index + 1,
            "start": c.start, "end": c.end, "text": coded, "note": c.note, "time": c.time})
    out = pd.DataFrame(rows, columns=COLUMNS)
    for name in ("article_id", "paragraph", "start", "end"):
        out[name] = out[name].astype("Int64")
    return out


def from_csv(store: Store, ws: Workspace, data: bytes, name: str = "codes.csv") -> codes.Imported:
    """Import codes written by ``to_csv`` (or by hand with the same columns) into ``ws``.
    All or nothing; a code name the codebook lacks is added (with the row's colour and
    description); a row equal to its coder's current decision is counted as unchanged."""
    rows = _rows(data, name)
    articles = store.articles(ws)
    by_sha = {a.sha256: a for a in articles}
    by_id = {a.id: a for a in articles}
    texts: dict[int, str] = {}
    bounds: dict[int, list[tuple[int, int]]] = {}
    problems: list[str] = []
    decisions: list[codes.Coding] = []
    specs: dict[str, codes.CodeSpec] = {}
    for line, row in rows:
        try:
            art = _article(row, by_sha, by_id)
            if art.id not in texts:
                texts[art.id] = store.text(ws, art.id)
                bounds[art.id] = codes.paragraph_bounds(store, ws, art.id)
            decision = _decision(row, art, texts[art.id], bounds[art.id])
        except StoreError as exc:
            problems.append(f"row {line}: {exc}")
            continue
        decisions.append(decision)
        if decision.kind == "code" and decision.code:
            specs.setdefault(decision.code.casefold(), codes.CodeSpec(decision.code, row.get("description", ""),
                                                                      row.get("colour") or None))
    if problems:
        more = f" (and {len(problems) - SHOWN_PROBLEMS} more)" if len(problems) > SHOWN_PROBLEMS else ""
        raise StoreError(f"{name}: nothing was imported; {len(problems)} row(s) cannot be used: "
                         + "; ".join(problems[:SHOWN_PROBLEMS]) + more)
    return codes.import_decisions(store, ws, list(specs.values()), decisions)



def _rows(data: bytes, name: str) -> list[tuple[int, dict[str, str]]]:
    if len(data) > MAX_BYTES:
        raise StoreError(f"{name}: over the {MAX_BYTES // 2**20} MiB limit")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise StoreError(f"{name}: not UTF-8 text (save the CSV as UTF-8)") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip() for h in reader.fieldnames or []]
    needed = {"coder", "kind", "decision"}
    if not needed <= set(header) or not {"sha256", "article_id"} & set(header):
        raise StoreError(f"{name}: not a codes CSV (it needs the columns coder, kind, decision and sha256 or "
                         "article_id; export one to see them all)")
    reader.fieldnames = header
    rows = []
    for number, row in enumerate(reader, start=2):  # as a spreadsheet numbers rows: the header is row 1
        cleaned = {k: _literal(v) for k, v in row.items() if k is not None}
        if any(cleaned.values()):
            rows.append((number, cleaned))
    if not rows:
        raise StoreError(f"{name}: no codes in the file")
    return rows


def _literal(value: Any) -> str:
    """A cell as written before the export neutralised it (a leading ' before =, +, -, @ ...)."""
    text = "" if value is None else str(value)
    if text.startswith("'") and text[1:].startswith(export.DANGEROUS):
        return text[1:]
    return text


def _article(row: Mapping[str, str], by_sha: Mapping[str, StoredArticle],
             by_id: Mapping[int, StoredArticle]) -> StoredArticle:
    sha = row.get("sha256", "").strip().lower()
    if sha:
        if sha not in by_sha:
            raise StoreError(f"the article with SHA-256 {sha[:12]}… is not in this workspace (import it first)")
        return by_sha[sha]
    number = _int(row.get("article_id", ""), "article_id")
    if number is None or number not in by_id:
        raise StoreError(f"article {row.get('article_id')!r} is not in this workspace")
    return by_id[number]


def _decision(row: Mapping[str, str], art: StoredArticle, text: str,
              bounds: list[tuple[int, int]]) -> codes.Coding:
    paragraph = _int(row.get("paragraph", ""), "paragraph")
    start, end = _int(row.get("start", ""), "start"), _int(row.get("end", ""), "end")
    kind = row.get("kind", "").strip()
    coding = codes.Coding(
        article_id=art.id, coder=row.get("coder", ""), kind=kind, decision=row.get("decision", "").strip(),
        paragraph_index=None if paragraph is None else paragraph - 1, start=start, end=end,
        measure=row.get("measure") or None, category=row.get("category") or None, note=row.get("note", ""),
        time=row.get("time") or None, code=" ".join(row.get("code", "").split()) or None)
    if kind == "code" and not coding.code:
        raise StoreError("a code row needs its code's name")
    checked = codes.check(coding if kind != "code" else _with_placeholder_code(coding))
    if checked.paragraph_index is not None:
        if not 0 <= checked.paragraph_index < len(bounds):
            raise StoreError(f"the article has no paragraph {checked.paragraph_index + 1} (it has {len(bounds)})")
        s, e = bounds[checked.paragraph_index]
    elif checked.start is not None and checked.end is not None:
        if checked.end > len(text):
            raise StoreError(f"the span {checked.start}-{checked.end} runs past the end of the article "
                             f"({len(text)} characters)")
        s, e = checked.start, checked.end
    else:
        s = e = 0
    expected = row.get("text", "")
    if expected and text[s:e] != expected:
        raise StoreError(f"the text at {s}-{e} is {_clip(text[s:e])}, not {_clip(expected)}: "
                         "the CSV was made from another version of the article")
    return coding


def _with_placeholder_code(coding: codes.Coding) -> codes.Coding:
    """``check`` wants a code id on a code decision; the name is resolved at import."""
    return replace(coding, code_id=0)


def _int(value: str, what: str) -> int | None:
    text = (value or "").strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        raise StoreError(f"{what} must be a whole number, not {text!r}") from None
    if not number.is_integer():
        raise StoreError(f"{what} must be a whole number, not {text!r}")
    return int(number)


def _clip(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "…")
