"""A researcher's own dictionaries as measures: LIWC ``.dic``/``.dicx``, quanteda YAML or CSV.

    >>> from analysis import dictionaries
    >>> d = dictionaries.load("moral.dic")                  # doctest: +SKIP
    >>> analysis.analyze(text, measures=(*REGISTRY, d.measure()))  # doctest: +SKIP

Every category becomes a column ``<file stem>.<category>``: its matches per 100 words, as
LIWC reports percentages, a multi-word entry counting as one match and a word in several
categories counting in each. Words are matched as LIWC matches them: whole words, any case,
``*`` ending a term matches any ending; an exact entry wins over a wildcard, a longer wildcard
stem over a shorter one, and a longer multi-word entry over a shorter one starting at the same
word. Negation and quoted speech are off by default (LIWC counts words plainly); with
``negation`` a match negated in the three words before it counts 0 (half after "hardly"), and
with ``exclude_quoted`` a match inside a direct quotation counts 0 (shown as evidence, so the
journalist's own words can be read apart). The measure's version is the file's SHA-256 (first
12 hex digits), so every score names the exact file that produced it.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

from analysis.dictionaries.formats import MAX_BYTES, READERS, DictionaryError, Parsed, Term
from analysis.dictionaries.matcher import TokenLexicon
from analysis.ingest.errors import UnreadableInput
from analysis.ingest.plain import decode
from analysis.lexicon import Entry
from analysis.measures.base import Measure
from analysis.measures.lexical import Spec, lexicon_measure

__all__ = ["Dictionary", "DictionaryError", "load", "load_bytes", "FORMATS"]
FORMATS = tuple(sorted(READERS))


@dataclass(frozen=True)
class Dictionary:
    """A parsed dictionary: where it came from, its categories in file order and its terms."""

    name: str  # the file stem: the prefix of every column
    file_name: str
    sha256: str
    format: str
    categories: tuple[str, ...]
    terms: tuple[Term, ...]
    warnings: tuple[str, ...] = ()
    origin_sha256: str = ""  # the uploaded file's SHA-256 when its terms were edited since
    edits: int = 0

    @property
    def version(self) -> str:
        return self.sha256[:12]

    def column(self, category: str) -> str:
        return f"{self.name}.{category}"

    def term_counts(self) -> dict[str, int]:
        """How many entries each category has (a term in two categories counts in both)."""
        counts = dict.fromkeys(self.categories, 0)
        for t in self.terms:
            for c in t.categories:
                counts[c] += 1
        return counts

    def wildcards(self) -> int:
        return sum(t.term.endswith("*") for t in self.terms)

    @functools.cached_property
    def lexicon(self) -> TokenLexicon:
        entries = tuple(Entry(t.term, c, t.weight) for t in self.terms for c in t.categories)
        return TokenLexicon(name=self.name, version=self.version, entries=entries, source=self.file_name)

    def measure(self, negation: bool = False, exclude_quoted: bool = False) -> Measure:
        """This dictionary as a measure: one column per category, no composite."""
        handling = [h for h, on in (("negation-aware", negation), ("quoted speech left out", exclude_quoted)) if on]
        how = ", ".join(handling) if handling else "every match counted plainly (no negation or quotation rules)"
        # The options change the scores, so they are part of the version ("4530dbf0c047+negation").
        version = "+".join([self.version, *(o for o, on in (("negation", negation), ("no-quotes", exclude_quoted))
                                            if on)])
        spec = Spec(
            name=self.name, version=version, lexicon=self.lexicon, categories=self.categories,
            label=self.name, unit="matches per 100 words", direction="higher = more of the category's words",
            description=f"Matches of the dictionary {self.file_name} per 100 words.",
            column_name=functools.partial(_column, self.name), category_label=functools.partial(_label, self.name),
            negation=negation, exclude_quoted=exclude_quoted, composite_column=False, quoted_column=False,
        )
        counts = self.term_counts()
        sizes = "; ".join(f"{c} {n:,}" for c, n in counts.items())
        edited = (f", edited in Narrative Lens ({self.edits:,} changes to the uploaded file, SHA-256 "
                  f"{self.origin_sha256[:12]}…)" if self.edits else "")
        return lexicon_measure(
            spec,
            method=f"Matches of each category's terms per 100 words ({how}).",
            methods=(f"The researcher's dictionary {self.file_name} ({self.format}; SHA-256 {self.sha256[:12]}…"
                     f"{edited}; "
                     f"{len(self.terms):,} terms, {self.wildcards():,} with a wildcard; terms per category: "
                     f"{sizes}) was applied as matches per 100 words per category, {how}, a multi-word "
                     "entry counting as one match and a word in several categories counting in each."),
            limits="A word list counts words, not meanings: read the matched words before the rates.",
        )


def _column(name: str, category: str) -> str:
    return f"{name}.{category}"


def _label(name: str, category: str) -> str:
    return f"{name}: {category}"


def load(path: str | Path) -> Dictionary:
    """Read a dictionary file; :class:`DictionaryError` says what is wrong and on which line."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DictionaryError(f"{path.name}: cannot read it ({exc.strerror or exc})") from None
    if size > MAX_BYTES:
        raise DictionaryError(f"{path.name}: {size / 2**20:,.1f} MiB is larger than the "
                              f"{MAX_BYTES // 2**20} MiB a dictionary may have")
    return load_bytes(path.read_bytes(), path.name)


def load_bytes(data: bytes, file_name: str) -> Dictionary:
    """A dictionary from its bytes and file name (the extension chooses the reader)."""
    suffix = Path(file_name).suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        raise DictionaryError(f"{file_name}: unknown dictionary format {suffix or '(no extension)'}; "
                              f"use one of {', '.join(FORMATS)}")
    if len(data) > MAX_BYTES:
        raise DictionaryError(f"{file_name}: {len(data) / 2**20:,.1f} MiB is larger than the "
                              f"{MAX_BYTES // 2**20} MiB a dictionary may have")
    try:
        text = decode(data, file_name).text
    except UnreadableInput as exc:
        raise DictionaryError(str(exc)) from None
    stem = _stem(file_name)
    if stem in _BUILT_IN:
        raise DictionaryError(f"{file_name}: a dictionary may not be named like a built-in measure ({stem}); "
                              "rename the file (its name becomes the prefix of its columns)")
    parsed: Parsed = reader(text, file_name)
    return Dictionary(stem, file_name, hashlib.sha256(data).hexdigest(), parsed.format, parsed.categories,
                      parsed.terms, parsed.warnings)


_BUILT_IN = frozenset({"sentiment", "hedging", "alarm", "readability", "sources"})  # checked in a test


def _stem(file_name: str) -> str:
    """The column prefix: the file's stem with anything but letters, digits, - and _ made _."""
    stem = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in Path(file_name).stem).strip("_")
    return stem or "dictionary"
