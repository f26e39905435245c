"""Readers for the dictionary files researchers bring: LIWC ``.dic`` (2007 and 2015 style),
LIWC-22 ``.dicx``, quanteda-style YAML and CSV (term, category, weight).

Each reader returns the categories in file order and one :class:`Term` per entry with the
categories it belongs to. A malformed file raises :class:`DictionaryError` naming the line and
the reason; nothing here can hang on a hostile file: the size and the number of entries are
capped before parsing, terms are plain strings (never regular expressions), and YAML is read
with the safe loader and refused beyond a small nesting depth.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

MAX_BYTES = 20 * 2**20  # a large real dictionary (LIWC-22's own) is under 2 MB
MAX_ENTRIES = 250_000
MAX_CATEGORIES = 1_000
MAX_TERM_CHARS = 200
MAX_DEPTH = 8  # YAML nesting
_TERM_OK = re.compile(r"^[^\x00-\x1f\x7f]+$")


class DictionaryError(ValueError):
    """A dictionary file that cannot be used; the message names the line and the reason."""


@dataclass(frozen=True)
class Term:
    term: str  # lowercase, single spaces, a trailing * for a wildcard
    categories: tuple[str, ...]
    weight: float = 1.0
    line: int = 0


@dataclass(frozen=True)
class Parsed:
    format: str
    categories: tuple[str, ...]
    terms: tuple[Term, ...]
    warnings: tuple[str, ...] = ()


def clean_term(raw: str, where: str) -> str:
    """A dictionary term as matched: lowercase, curly apostrophes straight, single spaces.
    A ``*`` may only end the term (LIWC's wildcard)."""
    term = " ".join(raw.replace("’", "'").replace("‘", "'").lower().split())
    if not term:
        raise DictionaryError(f"{where}: an empty term")
    if len(term) > MAX_TERM_CHARS:
        raise DictionaryError(f"{where}: a term of {len(term):,} characters (at most {MAX_TERM_CHARS})")
    if not _TERM_OK.match(term):
        raise DictionaryError(f"{where}: the term contains control characters")
    if "*" in term[:-1]:
        raise DictionaryError(f"{where}: '*' may only end a term (a wildcard), not stand inside {term!r}")
    if term == "*":
        raise DictionaryError(f"{where}: a lone '*' would match every word")
    return term


def _lines(text: str) -> Iterator[tuple[int, str]]:
    yield from enumerate(text.splitlines(), start=1)


def read_dic(text: str, name: str) -> Parsed:
    """LIWC ``.dic``: a header of numbered categories between two lines holding only ``%``,
    then one entry a line: the term and the numbers of its categories (tabs or spaces).
    LIWC 2007's conditional codes ("(02 134)125/464": category 125 after a word of category
    2 or 134, else 464) are read as their unconditional part and reported as a warning."""
    lines = list(_lines(text))
    body = [(n, line) for n, line in lines if line.strip()]
    if not body or body[0][1].strip() != "%":
        raise DictionaryError(f"{name}, line {body[0][0] if body else 1}: a LIWC .dic starts with a line "
                              "holding only '%' before its numbered categories")
    ids: dict[str, str] = {}
    order: list[str] = []
    k = 1
    while k < len(body) and body[k][1].strip() != "%":
        number, line = body[k]
        parts = line.split(None, 1)
        if len(parts) < 2:
            raise DictionaryError(f"{name}, line {number}: a category line needs a number and a name")
        ident, label = parts[0].strip(), parts[1].split("\t")[0].strip()
        label = re.sub(r"\s*\(.*\)\s*$", "", label) or label  # "posemo (Positive emotion)"
        if not re.fullmatch(r"\w+", ident):
            raise DictionaryError(f"{name}, line {number}: category number {ident!r} is not a number or code")
        if ident in ids:
            raise DictionaryError(f"{name}, line {number}: category {ident} is declared twice")
        if label in order:
            raise DictionaryError(f"{name}, line {number}: category name {label!r} is used twice")
        ids[ident] = label
        order.append(label)
        k += 1
    if k >= len(body):
        raise DictionaryError(f"{name}: the category header is not closed by a second '%' line")
    _check_categories(order, name)
    terms: list[Term] = []
    warnings: list[str] = []
    conditional = 0
    for number, line in body[k + 1:]:
        where = f"{name}, line {number}"
        raw_term, codes = _split_entry(line, ids, where)
        cats: list[str] = []
        for code in codes:
            if code.startswith("("):
                conditional += 1
                found = re.fullmatch(r"\([\w\s]+\)\w+/(\w+)", code)
                if found is None:
                    continue  # a condition with no default: the entry counts nowhere here
                code = found.group(1)
            if code not in ids:
                raise DictionaryError(f"{where}: category {code} is not declared in the header")
            if ids[code] not in cats:
                cats.append(ids[code])
        if not cats and not conditional:
            raise DictionaryError(f"{where}: the term {raw_term!r} belongs to no category")
        if cats:
            terms.append(Term(clean_term(raw_term, where), tuple(cats), 1.0, number))
        _check_size(len(terms), name)
    if conditional:
        warnings.append(f"{conditional} LIWC 2007 conditional codes (such as '(02 134)125/464') were read "
                        "as their default category; the condition on the word before is not applied")
    return Parsed("LIWC .dic", tuple(order), tuple(terms), tuple(warnings))


def _split_entry(line: str, ids: dict[str, str], where: str) -> tuple[str, list[str]]:
    """A .dic entry line into its term (which may have spaces: a multi-word entry) and its
    category codes. The codes are the trailing fields that are declared category numbers or
    LIWC 2007 conditional codes; everything before them is the term."""
    fields = line.split("\t") if "\t" in line else line.split()
    fields = [f.strip() for f in fields if f.strip()]
    tokens: list[str] = []
    for f in fields:  # "(02 134)125/464" holds a space: keep it whole
        if tokens and tokens[-1].startswith("(") and ")" not in tokens[-1]:
            tokens[-1] += " " + f
        else:
            tokens.append(f)
    split = len(tokens)
    while split > 1 and (tokens[split - 1] in ids or tokens[split - 1].startswith("(")
                         or re.fullmatch(r"\d+", tokens[split - 1])):
        split -= 1
    if split == len(tokens):
        raise DictionaryError(f"{where}: no category number after the term")
    return " ".join(tokens[:split]), tokens[split:]


def read_dicx(text: str, name: str) -> Parsed:
    """LIWC-22 ``.dicx``: a CSV whose first column is the term and whose other columns are
    the categories, with a mark (X) where the term belongs."""
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise DictionaryError(f"{name}: the file is empty") from None
    if len(header) < 2:
        raise DictionaryError(f"{name}, line 1: a .dicx has a term column and at least one category column")
    order = [h.strip() for h in header[1:]]
    if any(not h for h in order):
        raise DictionaryError(f"{name}, line 1: a category column without a name")
    dupes = sorted({h for h in order if order.count(h) > 1})
    if dupes:
        raise DictionaryError(f"{name}, line 1: category name {dupes[0]!r} is used twice")
    _check_categories(order, name)
    terms = []
    for row in reader:
        number = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        where = f"{name}, line {number}"
        cats = tuple(order[i] for i, cell in enumerate(row[1:len(order) + 1]) if cell.strip())
        if not cats:
            raise DictionaryError(f"{where}: the term {row[0]!r} belongs to no category")
        terms.append(Term(clean_term(row[0], where), cats, 1.0, number))
        _check_size(len(terms), name)
    return Parsed("LIWC-22 .dicx", tuple(order), tuple(terms))


def read_yaml(text: str, name: str) -> Parsed:
    """quanteda-style YAML: each key a category holding a list of terms; nested keys are
    sub-categories, named ``parent.child``."""
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f", line {mark.line + 1}" if mark is not None else ""
        reason = getattr(exc, "problem", None) or "not valid YAML"
        raise DictionaryError(f"{name}{line}: {reason}") from None
    if not isinstance(data, dict) or not data:
        raise DictionaryError(f"{name}: a YAML dictionary maps category names to lists of terms")
    order: list[str] = []
    grouped: dict[str, list[str]] = {}

    def walk(node: object, path: tuple[str, ...]) -> None:
        if len(path) > MAX_DEPTH:
            raise DictionaryError(f"{name}: categories nested more than {MAX_DEPTH} deep")
        label = ".".join(path)
        if isinstance(node, dict):
            for key, child in node.items():
                walk(child, (*path, str(key).strip()))
        elif isinstance(node, list):
            if label in grouped:
                raise DictionaryError(f"{name}: category {label!r} appears twice")
            order.append(label)
            grouped[label] = []
            for item in node:
                if not isinstance(item, str | int | float):
                    raise DictionaryError(f"{name}: category {label!r} holds a {type(item).__name__}, not a term")
                grouped[label].append(str(item))
        elif isinstance(node, str):
            walk([node], path)
        else:
            raise DictionaryError(f"{name}: category {label!r} holds no list of terms")

    walk(data, ())
    _check_categories(order, name)
    by_term: dict[str, list[str]] = {}
    for label in order:
        for raw in grouped[label]:
            term = clean_term(raw, f"{name}, category {label!r}")
            cats = by_term.setdefault(term, [])
            if label not in cats:
                cats.append(label)
            _check_size(len(by_term), name)
    terms = tuple(Term(t, tuple(c)) for t, c in by_term.items())
    return Parsed("quanteda YAML", tuple(order), terms)


def read_csv(text: str, name: str) -> Parsed:
    """CSV with the columns ``term``, ``category`` and optionally ``weight``."""
    reader = csv.DictReader(io.StringIO(text))
    fields = {f.strip().lower() for f in reader.fieldnames or ()}
    if not {"term", "category"} <= fields:
        raise DictionaryError(f"{name}, line 1: a dictionary CSV has the columns term, category and "
                              "optionally weight")
    order: list[str] = []
    rows: dict[tuple[str, str], Term] = {}
    for raw in reader:
        row = {k.strip().lower(): (v or "") for k, v in raw.items() if k is not None}
        where = f"{name}, line {reader.line_num}"
        category = row.get("category", "").strip()
        if not category:
            raise DictionaryError(f"{where}: a row needs a category")
        term = clean_term(row.get("term", ""), where)
        weight_text = row.get("weight", "").strip()
        try:
            weight = float(weight_text) if weight_text else 1.0
        except ValueError:
            raise DictionaryError(f"{where}: weight {weight_text!r} is not a number") from None
        if weight != weight or abs(weight) == float("inf"):
            raise DictionaryError(f"{where}: weight {weight_text!r} is not a finite number")
        if category not in order:
            order.append(category)
            _check_categories(order, name)
        rows[(term, category)] = Term(term, (category,), weight, reader.line_num)
        _check_size(len(rows), name)
    return Parsed("CSV", tuple(order), tuple(rows.values()))


def _check_categories(order: list[str], name: str) -> None:
    if not order:
        raise DictionaryError(f"{name}: no categories")
    if len(order) > MAX_CATEGORIES:
        raise DictionaryError(f"{name}: more than {MAX_CATEGORIES:,} categories")


def _check_size(n: int, name: str) -> None:
    if n > MAX_ENTRIES:
        raise DictionaryError(f"{name}: more than {MAX_ENTRIES:,} entries; split the dictionary")


READERS = {".dic": read_dic, ".dicx": read_dicx, ".yml": read_yaml, ".yaml": read_yaml, ".csv": read_csv}
