"""Lexicons: versioned word lists with categories and weights, and a matcher with offsets.

A lexicon is one CSV in ``data/lexicons/`` (``term,category,weight,note``; lowercase,
sorted, unique; multi-word entries allowed; a trailing ``*`` matches any word ending, as in
LIWC dictionaries) and an entry in ``data/lexicons/manifest.json`` giving its version,
source, licence, citation, date and SHA-256. Loading checks the checksum, so an edited
lexicon whose manifest was not bumped fails loudly instead of producing unversioned scores.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "data"
LEXICON_DIR = DATA / "lexicons"
MANIFEST = LEXICON_DIR / "manifest.json"


@dataclass(frozen=True)
class Entry:
    term: str
    category: str
    weight: float
    note: str = ""


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    entry: Entry

    def __init__(self, start: int, end: int, entry: Entry) -> None:
        # Straight into the instance dict rather than dataclass's frozen __init__ (one
        # object.__setattr__ per field): a scan builds one Match per cue. Still frozen.
        fields = self.__dict__
        fields["start"], fields["end"], fields["entry"] = start, end, entry


class LexiconError(RuntimeError):
    pass


@dataclass(frozen=True)
class Lexicon:
    name: str
    version: str
    entries: tuple[Entry, ...]
    source: str = ""
    licence: str = ""
    citation: str = ""

    @functools.cached_property
    def _exact(self) -> dict[str, Entry]:
        return {e.term: e for e in self.entries if not e.term.endswith("*")}

    @functools.cached_property
    def _prefixes(self) -> list[tuple[str, Entry]]:
        pre = [(e.term[:-1], e) for e in self.entries if e.term.endswith("*")]
        return sorted(pre, key=lambda p: -len(p[0]))

    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        """Every term in one regex, on word boundaries, the longest term winning.

        The terms are folded into a character trie so the regex engine follows one path
        per position instead of trying every term in turn (several times faster than a
        flat alternation on a 200-term lexicon)."""
        body = _trie_regex(_trie(e.term for e in self.entries))
        return re.compile(rf"(?<![\w'’-]){body}(?![\w'’]|-\w)", re.IGNORECASE)

    @functools.cached_property
    def _scanner(self) -> re.Pattern[str]:
        """``pattern`` with the same matches, faster: the first character of each term is
        written out in every form that case-insensitive matching accepts for it (``s``,
        ``S``, ``ſ``) and only the rest of the term folds case. The regex engine then skips
        a term whose first letter differs with one comparison instead of a case-folded
        one, which makes the scan a third cheaper. Only for terms that start with an ASCII
        letter or digit (every shipped lexicon); otherwise ``pattern`` itself."""
        trie = _trie(e.term for e in self.entries)
        if not trie or not all(ch in _ASCII_ALNUM for ch in trie):
            return self.pattern
        branches = [re.escape(form) + (f"(?i:{rest})" if (rest := _trie_regex(child)) else "")
                    for ch, child in sorted(trie.items()) for form in case_forms(ch)]
        return re.compile(rf"(?<![\w'’-])(?:{'|'.join(branches)})(?![\w'’]|-\w)")

    @property
    def categories(self) -> list[str]:
        return sorted({e.category for e in self.entries})

    def lookup(self, matched: str) -> Entry | None:
        fast = self._exact.get(matched.lower())
        if fast is not None:
            return fast
        key = canonical(matched)
        if key in self._exact:
            return self._exact[key]
        for prefix, entry in self._prefixes:
            if key.startswith(prefix):
                return entry
        return None

    def finditer(self, text: str) -> Iterator[Match]:
        for m in self._scanner.finditer(text):
            entry = self.lookup(m.group())
            if entry is not None:
                yield Match(m.start(), m.end(), entry)


def canonical(term: str) -> str:
    """Lowercase, straight apostrophes, single spaces, plain hyphens."""
    term = term.lower().replace("’", "'").replace("‘", "'")
    term = re.sub(r"[‐‑–]", "-", term)
    return re.sub(r"\s+", " ", term).strip()


_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
# Characters beyond the two cases that re.IGNORECASE matches to an ASCII letter (the
# Kelvin sign, the long s, the dotted and dotless i); the tests check this against every
# code point.
_OTHER_FORMS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def case_forms(ch: str) -> list[str]:
    """Every character that matches the ASCII letter or digit ``ch`` under re.IGNORECASE."""
    candidates = {ch, ch.upper(), ch.lower(), *_OTHER_FORMS.get(ch, "")}
    return sorted(c for c in candidates if re.fullmatch(re.escape(ch), c, re.IGNORECASE))


_END = ""
_WILDCARD = "*"
_ATOMS = {" ": r"\s+", "'": "['’]", "-": "[-‐‑–]", _WILDCARD: r"[\w'’-]*"}


def _trie(terms: Iterable[str]) -> dict[str, Any]:
    root: dict[str, Any] = {}
    for term in terms:
        node = root
        for ch in term:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return root


def _trie_regex(node: dict[str, Any]) -> str:
    """Regex for a trie node: a greedy optional group where a term may end here, so a
    longer term is preferred and a shorter one remains as the fallback."""
    alts = [_ATOMS.get(ch, re.escape(ch)) + _trie_regex(child)
            for ch, child in sorted(node.items()) if ch != _END]
    if not alts:
        return ""
    group = f"(?:{'|'.join(alts)})"
    return group + "?" if _END in node else group


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def manifest() -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return data


@functools.cache
def load(name: str) -> Lexicon:
    """Load a shipped lexicon by name, checking its checksum against the manifest."""
    info = manifest().get(name)
    if info is None:
        raise LexiconError(f"no lexicon named {name!r} in {MANIFEST}")
    path = LEXICON_DIR / info["file"]
    digest = checksum(path)
    if digest != info["sha256"]:
        raise LexiconError(
            f"{path.name} changed but its manifest entry did not: bump the version and "
            f"the sha256 in manifest.json (file {digest[:12]}…, manifest {info['sha256'][:12]}…)"
        )
    return Lexicon(
        name=name,
        version=info["version"],
        entries=tuple(read_csv(path)),
        source=info.get("source", ""),
        licence=info.get("licence", ""),
        citation=info.get("citation", ""),
    )


def read_csv(path: Path) -> list[Entry]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            Entry(
                term=canonical(row["term"]),
                category=row["category"].strip(),
                weight=float(row["weight"]),
                note=(row.get("note") or "").strip(),
            )
            for row in csv.DictReader(fh)
        ]
