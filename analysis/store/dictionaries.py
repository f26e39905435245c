"""The researcher's dictionaries, saved per owner (like workspaces) and applied on every page.

    >>> saved = dictionaries.save(store, owner, analysis.dictionaries.load("moral.dic"))
    >>> [d.name for d in dictionaries.listed(store, owner)]
    >>> dictionaries.edit_terms(store, owner, saved.id, [("harm*", "care", 1.0), ...])

A dictionary is kept as its categories and its terms (``term,category,weight`` rows), so the
researcher can view, edit and remove it; the uploaded file's name, format and SHA-256 stay with
it. Until its terms are edited its version is the file's hash; after, the hash of the edited
terms, and the methods text says how many changes were made to which file.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from analysis.dictionaries import Dictionary
from analysis.dictionaries.formats import MAX_ENTRIES, DictionaryError, Term, clean_term
from analysis.measures.base import Measure
from analysis.store import checks, db
from analysis.store.db import StoreError
from analysis.store.workspace import Store

_COLS = ("id, owner, name, file_name, format, file_sha256, categories, terms, edits, negation, exclude_quoted, "
         "created")


@dataclass(frozen=True)
class Saved:
    """One saved dictionary and how it is applied."""

    id: int
    owner: str
    dictionary: Dictionary
    negation: bool
    exclude_quoted: bool
    created: str

    @property
    def name(self) -> str:
        return self.dictionary.name

    def measure(self) -> Measure:
        return self.dictionary.measure(negation=self.negation, exclude_quoted=self.exclude_quoted)


def _rows_csv(terms: Iterable[Term]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["term", "category", "weight"])
    for t in terms:
        for c in t.categories:
            writer.writerow([t.term, c, repr(float(t.weight))])
    return out.getvalue()


def _terms(text: str) -> tuple[Term, ...]:
    """Stored rows back to terms, a term in several categories gathered as one."""
    order: dict[tuple[str, float], list[str]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        order.setdefault((row["term"], float(row["weight"])), []).append(row["category"])
    return tuple(Term(term, tuple(cats), weight) for (term, weight), cats in order.items())


def _saved(row: sqlite3.Row) -> Saved:
    terms_text = str(row["terms"])
    edits = int(row["edits"])
    sha = str(row["file_sha256"]) if not edits else hashlib.sha256(terms_text.encode("utf-8")).hexdigest()
    d = Dictionary(name=str(row["name"]), file_name=str(row["file_name"]), sha256=sha, format=str(row["format"]),
                   categories=tuple(json.loads(row["categories"])), terms=_terms(terms_text),
                   origin_sha256=str(row["file_sha256"]) if edits else "", edits=edits)
    return Saved(int(row["id"]), str(row["owner"]), d, bool(row["negation"]), bool(row["exclude_quoted"]),
                 str(row["created"]))


def listed(store: Store, owner: str) -> list[Saved]:
    """The owner's dictionaries, by name."""
    return [_saved(r) for r in store._read(f"SELECT {_COLS} FROM dictionaries WHERE owner = ? ORDER BY name",
                                           (owner,))]


def stamps(store: Store, owner: str) -> list[tuple[int, str, str]]:
    """Each of the owner's dictionaries as (id, name, stamp), by name, read without parsing its
    terms: what a page checks on every run to know whether the measures it built are current.
    The stamp changes whenever the terms (the uploaded file, or an edit: ``edits`` only grows)
    or the options do."""
    rows = store._read("SELECT id, name, file_sha256, edits, negation, exclude_quoted FROM dictionaries "
                       "WHERE owner = ? ORDER BY name", (owner,))
    return [(int(r["id"]), str(r["name"]),
             f"{r['file_sha256']}:{int(r['edits'])}:{int(r['negation'])}:{int(r['exclude_quoted'])}") for r in rows]


def get(store: Store, owner: str, dictionary_id: int) -> Saved:
    rows = store._read(f"SELECT {_COLS} FROM dictionaries WHERE id = ? AND owner = ?", (dictionary_id, owner))
    if not rows:
        raise StoreError("that dictionary is no longer saved (removed in another window?)")
    return _saved(rows[0])


def save(store: Store, owner: str, dictionary: Dictionary, negation: bool = False,
         exclude_quoted: bool = False) -> Saved:
    """Save an uploaded dictionary for ``owner``; a second one with the same name is refused
    (its columns would clash): remove the first, or rename the file."""

    def write() -> int:
        with db.transaction(store.path) as conn:
            try:
                cur = conn.execute(
                    "INSERT INTO dictionaries (owner, name, file_name, format, file_sha256, categories, terms, "
                    "negation, exclude_quoted, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (owner, dictionary.name, dictionary.file_name, dictionary.format, dictionary.sha256,
                     json.dumps(list(dictionary.categories)), _rows_csv(dictionary.terms), int(negation),
                     int(exclude_quoted), checks.now()))
            except sqlite3.IntegrityError:
                raise StoreError(f"a dictionary named {dictionary.name!r} is already saved: remove it first, "
                                 "or rename the file") from None
            return int(cur.lastrowid or 0)

    return get(store, owner, db.retry(write))


def remove(store: Store, owner: str, dictionary_id: int) -> None:
    def write() -> None:
        with db.transaction(store.path) as conn:
            conn.execute("DELETE FROM dictionaries WHERE id = ? AND owner = ?", (dictionary_id, owner))

    db.retry(write)


def set_options(store: Store, owner: str, dictionary_id: int, *, negation: bool, exclude_quoted: bool) -> Saved:
    def write() -> None:
        with db.transaction(store.path) as conn:
            conn.execute("UPDATE dictionaries SET negation = ?, exclude_quoted = ? WHERE id = ? AND owner = ?",
                         (int(negation), int(exclude_quoted), dictionary_id, owner))

    db.retry(write)
    return get(store, owner, dictionary_id)


def edit_terms(store: Store, owner: str, dictionary_id: int,
               rows: Iterable[tuple[str, str, float]]) -> Saved:
    """Replace the dictionary's terms with ``rows`` (term, category, weight), checked like an
    uploaded file: every category must be one of the dictionary's, every weight finite. The
    number of rows added, removed or reweighted is added to ``edits``."""
    before = get(store, owner, dictionary_id)
    known = set(before.dictionary.categories)
    new: dict[tuple[str, str], float] = {}
    for k, (raw, category, weight) in enumerate(rows, start=1):
        where = f"row {k}"
        try:
            term = clean_term(str(raw), where)
        except DictionaryError as exc:
            raise StoreError(str(exc)) from None
        if category not in known:
            raise StoreError(f"{where}: {category!r} is not a category of this dictionary")
        try:
            value = float(weight)
        except (TypeError, ValueError):
            raise StoreError(f"{where}: weight {weight!r} is not a number") from None
        if value != value or abs(value) == float("inf"):
            raise StoreError(f"{where}: weight {weight!r} is not a finite number")
        new[(term, category)] = value
        if len(new) > MAX_ENTRIES:
            raise StoreError(f"more than {MAX_ENTRIES:,} entries")
    old = {(t.term, c): t.weight for t in before.dictionary.terms for c in t.categories}
    changes = len(old.keys() ^ new.keys()) + sum(old[k] != new[k] for k in old.keys() & new.keys())
    if not changes:
        return before
    grouped: dict[tuple[str, float], list[str]] = {}
    for (term, category), value in new.items():
        grouped.setdefault((term, value), []).append(category)
    text = _rows_csv(Term(t, tuple(c), w) for (t, w), c in grouped.items())

    def write() -> None:
        with db.transaction(store.path) as conn:
            conn.execute("UPDATE dictionaries SET terms = ?, edits = edits + ? WHERE id = ? AND owner = ?",
                         (text, changes, dictionary_id, owner))

    db.retry(write)
    return get(store, owner, dictionary_id)
