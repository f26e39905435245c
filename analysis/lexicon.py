"""Lexicons: versioned word lists with categories and weights, and a matcher with offsets.

A lexicon is one CSV in ``data/lexicons/`` (``term,category,weight,note``; lowercase,
sorted, unique; multi-word entries allowed; a trailing ``*`` matches any word ending, as in
LIWC dictionaries; a trailing ``+`` matches the lemma and its regular inflections,
``analysis.inflection``: "alarm+" finds alarms, alarmed, alarming, alarmingly; `` ... ``
between two words of a fixed phrase lets up to four words stand between them, within a
clause: "window ... narrowing" finds "the window to fix it is narrowing") and an entry in
``data/lexicons/manifest.json`` giving its version, source, licence, citation, date and
SHA-256. Loading checks the checksum, so an edited lexicon whose manifest was not bumped
fails loudly instead of producing unversioned scores. A manifest entry may ask for
``"fold_ligatures": true``: typographic ligatures in the text (U+FB00-FB06: "ﬁght") are then
read as their letters for matching, and the offsets still slice the original text.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis import paths
from analysis.inflection import forms as inflected_forms

LEXICON_DIR = paths.LEXICONS
MANIFEST = LEXICON_DIR / "manifest.json"


@dataclass(frozen=True)
class Entry:
    term: str
    category: str
    weight: float
    note: str = ""


@dataclass(frozen=True)
class Match:
    """One occurrence of a term: ``entry`` is its first (or only) entry; ``entries`` all the
    entries of that term, one per category (a LIWC-style dictionary may list a word in
    several categories; the shipped lexicons list each term once)."""

    start: int
    end: int
    entry: Entry
    entries: tuple[Entry, ...] = field(repr=False)

    def __init__(self, start: int, end: int, entry: Entry, entries: tuple[Entry, ...] = ()) -> None:
        # Straight into the instance dict rather than dataclass's frozen __init__ (one
        # object.__setattr__ per field): a scan builds one Match per cue. Still frozen.
        fields = self.__dict__
        fields["start"], fields["end"], fields["entry"] = start, end, entry
        fields["entries"] = entries or (entry,)


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
    fold_ligatures: bool = False  # read "ﬁ" as "fi" when matching (offsets stay the text's)

    @functools.cached_property
    def _exact(self) -> dict[str, Entry]:
        """The first entry of each exact term."""
        return {t: found[0] for t, found in self._exact_all.items()}

    @functools.cached_property
    def _exact_all(self) -> dict[str, tuple[Entry, ...]]:
        """Every surface form a term matches exactly -> its entries. A term written out wins
        over the same form generated from a lemma with ``+`` ("alarming" over "alarm+")."""
        out: dict[str, tuple[Entry, ...]] = {}
        generated: dict[str, tuple[Entry, ...]] = {}
        for e in self.entries:
            if e.term.endswith(INFLECTED):
                lemma = e.term[: -len(INFLECTED)]
                out[lemma] = (*out.get(lemma, ()), e)
                for form in inflected_forms(lemma)[1:]:
                    generated[form] = (*generated.get(form, ()), e)
            elif not e.term.endswith(_WILDCARD):
                out[e.term] = (*out.get(e.term, ()), e)
        for form, found in generated.items():
            out.setdefault(form, found)
        return out

    @functools.cached_property
    def _surfaces(self) -> list[str]:
        """What the regex looks for: exact terms and forms, and wildcard stems with their ``*``."""
        return [*self._exact_all, *(e.term for e in self.entries if e.term.endswith(_WILDCARD))]

    @functools.cached_property
    def _prefixes(self) -> list[tuple[str, tuple[Entry, ...]]]:
        """Wildcard entries by their stem, longest stem first (the most specific wins)."""
        grouped: dict[str, tuple[Entry, ...]] = {}
        for e in self.entries:
            if e.term.endswith("*"):
                grouped[e.term[:-1]] = (*grouped.get(e.term[:-1], ()), e)
        return sorted(grouped.items(), key=lambda p: -len(p[0]))

    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        """Every term in one regex, on word boundaries, the longest term winning.

        The terms are folded into a character trie so the regex engine follows one path
        per position instead of trying every term in turn (several times faster than a
        flat alternation on a 200-term lexicon)."""
        body = _trie_regex(_trie(_gap_marked(self._surfaces)))
        return re.compile(rf"(?<![\w'’-]){body}(?![\w'’]|-\w)", re.IGNORECASE)

    @functools.cached_property
    def _scanner(self) -> re.Pattern[str]:
        """``pattern`` with the same matches, faster: the first character of each term is
        written out in every form that case-insensitive matching accepts for it (``s``,
        ``S``, ``ſ``) and only the rest of the term folds case. The regex engine then skips
        a term whose first letter differs with one comparison instead of a case-folded
        one, which makes the scan a third cheaper. Only for terms that start with an ASCII
        letter or digit (every shipped lexicon); otherwise ``pattern`` itself."""
        trie = _trie(_gap_marked(self._surfaces))
        if not trie or not all(ch in _ASCII_ALNUM for ch in trie):
            return self.pattern
        branches = [re.escape(form) + (f"(?i:{rest})" if (rest := _trie_regex(child)) else "")
                    for ch, child in sorted(trie.items()) for form in case_forms(ch)]
        return re.compile(rf"(?<![\w'’-])(?:{'|'.join(branches)})(?![\w'’]|-\w)")

    @property
    def categories(self) -> list[str]:
        return sorted({e.category for e in self.entries})

    def lookup(self, matched: str) -> Entry | None:
        found = self.lookup_all(matched)
        return found[0] if found else None

    def lookup_all(self, matched: str) -> tuple[Entry, ...]:
        """Every entry of the term ``matched`` stands for: its exact entries, else those of the
        longest wildcard stem it starts with (an exact term wins over a wildcard)."""
        fast = self._exact_all.get(matched.lower())
        if fast is not None:
            return fast
        key = canonical(matched)
        if key in self._exact_all:
            return self._exact_all[key]
        for phrase, entries in self._gapped:
            if phrase.fullmatch(key):
                return entries
        for prefix, entries in self._prefixes:
            if key.startswith(prefix):
                return entries
        return ()

    @functools.cached_property
    def _gapped(self) -> list[tuple[re.Pattern[str], tuple[Entry, ...]]]:
        """Each form of a term with a gap (`` ... ``), as an expression over a canonical match."""
        return [(re.compile(_GAP_WORDS.join(map(re.escape, form.split(GAP)))), entries)
                for form, entries in self._exact_all.items() if GAP in form]

    def finditer(self, text: str, tokens: Sequence[tuple[int, int, str]] | None = None) -> Iterator[Match]:
        """Every match of a term in ``text``, left to right, without overlaps, the longest term
        winning. ``tokens``: the word tokens of ``text`` (``analysis.text.tokens(text)``, a
        paragraph's ``tokens``), when the caller has them: the terms are then tried only where
        a word starts that can begin one of them (see :meth:`_first_words`), with the same
        matches as scanning the whole text. With ``fold_ligatures``, a text holding a
        ligature is scanned with its letters written out, and each match is given back with
        the offsets of the original text."""
        if self.fold_ligatures and not text.isascii() and _LIGATURE.search(text):
            folded, where = unfold_ligatures(text)
            for found in self.finditer(folded):
                yield Match(where[found.start], where[found.end], found.entry, found.entries)
            return
        index = self._first_words if tokens is not None else None
        if index is None:
            for m in self._scanner.finditer(text):
                entries = self.lookup_all(m.group())
                if entries:
                    yield Match(m.start(), m.end(), entries[0], entries)
            return
        exact, stems = index
        pattern = self.pattern  # tried only where a term can start: the expression the scan uses
        seen = self._starters
        if len(seen) > _WORDS_KEPT:
            seen.clear()  # a long-running process meets an open vocabulary
        done = 0  # matches do not overlap: a word inside the last match is not tried
        for start, _, word in tokens:  # type: ignore[union-attr]
            if start < done:
                continue
            starts = seen.get(word)
            if starts is None:
                starts = seen[word] = word in exact or word.startswith(stems) or not word.isascii()
            if not starts:
                continue
            hit = pattern.match(text, start)
            if hit is not None:
                done = hit.end()
                entries = self.lookup_all(hit.group())
                if entries:
                    yield Match(hit.start(), hit.end(), entries[0], entries)

    @functools.cached_property
    def _first_words(self) -> tuple[frozenset[str], tuple[str, ...]] | None:
        """The first word token of every exact term, and of every wildcard term's stem; None
        when the token path cannot be shown to find what the scan finds.

        Why it finds the same matches: a term starts with an ASCII letter or digit and a match
        is not preceded by a word character, an apostrophe or a hyphen, so every match starts
        where a word token starts. The term's first word (``\\w+`` with inner apostrophes) is
        followed in the term by the end of the term (and the match may not be followed by a
        word character or an apostrophe), a space, a hyphen or another mark that ends a token,
        so the text's word there is that first word, in some case; and when that word is
        ASCII, lowering it gives the term's first word exactly (an exact term) or a word that
        begins with its stem's first word (a wildcard term). Words that are not ASCII (where
        case-insensitive matching can pair letters that lowering does not) are always tried
        with every term. A lexicon with a term that is not ASCII, or that starts with anything
        but a letter or digit, is scanned whole."""
        exact: set[str] = set()
        stems: set[str] = set()
        for term in self._surfaces:  # every form the scan looks for, inflections of "+" terms included
            first = _FIRST_WORD.match(term)
            if first is None or not term.isascii() or term[0] not in _ASCII_ALNUM:
                return None
            (stems if term.endswith("*") else exact).add(first.group())
        return frozenset(exact), tuple(sorted(stems))

    def __getstate__(self) -> dict[str, Any]:
        """Pickled without the word cache of the token path (a measure sent to a worker
        process should not carry the vocabulary of every text scored so far)."""
        state = dict(self.__dict__)
        state.pop("_starters", None)
        return state

    @functools.cached_property
    def _starters(self) -> dict[str, bool]:
        """Per word met in a text, whether a term can start where it starts."""
        return {}

    @classmethod
    def from_csv(cls, path: str | Path, name: str | None = None, version: str | None = None) -> Lexicon:
        """A lexicon from any CSV with the columns ``term``, ``category`` and optional
        ``weight`` (default 1) and ``note``: the shipped format, for a researcher's own list.
        ``name`` defaults to the file's stem and ``version`` to the first 12 hex digits of
        its SHA-256, so scores name exactly the file that produced them. A row without a term
        or category, or with a weight that is not a finite number, is refused with its line."""
        path = Path(path)
        entries = read_csv(path, strict=True)
        return cls(name=name or path.stem, version=version or checksum(path)[:12], entries=tuple(entries),
                   source=path.name)


def canonical(term: str) -> str:
    """Lowercase, straight apostrophes, single spaces, plain hyphens."""
    term = term.lower().replace("’", "'").replace("‘", "'")
    term = re.sub(r"[‐‑–]", "-", term)
    return re.sub(r"\s+", " ", term).strip()


_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_WORDS_KEPT = 50_000  # words remembered per lexicon by the token path
_FIRST_WORD = re.compile(r"\w+(?:['’]\w+)*")  # a word token, as analysis.text tokenises
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
INFLECTED = "+"
GAP = " ... "  # in a term: up to four words may stand here ("window ... narrowing")
_GAP_MARK = "\uffff"  # GAP in the trie: sorts after every letter, so a term written out is tried first
_GAP_WORDS = r"(?: [\w'’-]+){0,4}? "  # GAP over a canonical match (single spaces)
_ATOMS = {" ": r"\s+", "'": "['’]", "-": "[-‐‑–]", _WILDCARD: r"[\w'’-]*",
          _GAP_MARK: r"(?:\s+[\w'’-]+){0,4}?\s+"}  # words only: a gap never crosses a comma or a stop
_LIGATURE = re.compile("[\ufb00-\ufb06]")
_LIGATURE_LETTERS = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                     "\ufb05": "st", "\ufb06": "st"}


def unfold_ligatures(text: str) -> tuple[str, list[int]]:
    """``text`` with its ligatures written out as letters ("ﬁght" -> "fight"), and for every
    offset of that text (its end included) the offset of the original text it comes from: a
    ligature's letters all map to the ligature, so a match that starts or ends at a word's
    edge maps back to the same word's edge."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        letters = _LIGATURE_LETTERS.get(ch, ch)
        out.append(letters)
        where.extend([i] * len(letters))
    where.append(len(text))
    return "".join(out), where


def _gap_marked(surfaces: Iterable[str]) -> list[str]:
    return [s.replace(GAP, _GAP_MARK) for s in surfaces]


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
        fold_ligatures=bool(info.get("fold_ligatures", False)),
    )


def read_csv(path: Path, strict: bool = False) -> list[Entry]:
    """Entries of a lexicon CSV. ``strict`` (a file the researcher brings) checks every row
    and refuses the first bad one with its line number; the shipped files are checked by
    their checksum and tests instead."""
    with path.open(encoding="utf-8-sig" if strict else "utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if not strict:
            return [
                Entry(
                    term=canonical(row["term"]),
                    category=row["category"].strip(),
                    weight=float(row["weight"]),
                    note=(row.get("note") or "").strip(),
                )
                for row in reader
            ]
        missing = {"term", "category"} - set(reader.fieldnames or ())
        if missing:
            raise LexiconError(f"{path.name}, line 1: no {' or '.join(sorted(missing))} column "
                               "(a lexicon CSV has the columns term, category and optionally weight, note)")
        out = []
        for row in reader:
            line = reader.line_num
            term, category = canonical(row.get("term") or ""), (row.get("category") or "").strip()
            if not term or not category:
                raise LexiconError(f"{path.name}, line {line}: a row needs both a term and a category")
            raw = (row.get("weight") or "").strip()
            try:
                weight = float(raw) if raw else 1.0
            except ValueError:
                raise LexiconError(f"{path.name}, line {line}: weight {raw!r} is not a number") from None
            if weight != weight or weight in (float("inf"), float("-inf")):
                raise LexiconError(f"{path.name}, line {line}: weight {raw!r} is not a finite number")
            out.append(Entry(term, category, weight, (row.get("note") or "").strip()))
        return out
