"""The pieces of text the claim alignment compares, with the evidence each one offers.

Each paragraph of each article becomes a list of ``Piece``: every sentence, and, when a
sentence joins two statements ("..., and the traffic was traced to ...", "...; ...",
"... - then ..."), each of its clauses too, so that a sentence that merges two claims can
be matched on each. A piece carries the lemma keys of its content words
(``tokens.is_content``, ``tokens.normal``, ``lemma.lemma``; numbers left out, since "7.4%"
would otherwise be the digits 7 and 4: they are read whole as figures), the word as first written for
each key (to explain a match in the reader's words), its figures and its names
(``anchors``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis.compare import anchors
from analysis.compare.lemma import lemma
from analysis.compare.tokens import is_content, normal
from analysis.text import Document, Paragraph

# Where a sentence joins two statements: a semicolon or colon, a dash between spaces, a
# comma before a coordinating or contrasting conjunction, and the "that" which opens what a
# reporting verb reports ("said on Tuesday that ...", "the accusation ..., that ..."), so
# that the claim stands apart from its attribution.
_REPORTING = r"(?:say|says|said|told|tells|allege[sd]?|claim(?:s|ed)?|add(?:s|ed)|warn(?:s|ed)|state[sd]?|insist(?:s|ed)|argue[sd]?|report(?:s|ed)|announce[sd]?|believe[sd]?|accus(?:e|es|ed|ation))"
_JOINT = re.compile(
    r"\s*[;:]\s+|\s+[-–—]\s+|,\s+(?=(?:and|but|while|whereas|although|though|then)\b)"
    rf"|,\s+that\s+|\b{_REPORTING}\b(?:\s+[\w'’-]+){{0,4}}?\s+that\s+", re.IGNORECASE)
MIN_CLAUSE_WORDS = 3  # a piece with fewer content words stays joined to its neighbour


@dataclass(frozen=True)
class Piece:
    """A sentence (``clause`` 0) or one clause of it (``clause`` 1, 2 ...); ``sentence`` is
    its sentence's number in the paragraph, from 1. ``words``: lemma keys of the content
    words, in order, repeats kept; ``forms``: key -> the word as written where it first
    occurs; ``figures``: (key, as written, value); ``names``: lowercased names."""

    text: str
    sentence: int
    clause: int
    words: tuple[str, ...]
    forms: dict[str, str] = field(default_factory=dict, compare=False)
    figures: tuple[tuple[str, str, float], ...] = ()
    names: frozenset[str] = frozenset()

    def name_keys(self, known: frozenset[str] = frozenset()) -> frozenset[str]:
        """The lemma keys of the words that are names here, or ``known`` names (a word
        capitalised inside a sentence anywhere in the comparison is a name everywhere, also
        as the first word of a sentence)."""
        out = set()
        for k, w in self.forms.items():
            low = w.lower().replace("’", "'").removesuffix("'s")
            if low in self.names or low in known:
                out.add(k)
        return frozenset(out)


def _content_words(text: str) -> int:
    return sum(is_content(w.lower()) for w in re.findall(r"\w+", text))


def clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the clauses of a sentence: one span, the whole sentence, when it has no
    joint; a piece with fewer than ``MIN_CLAUSE_WORDS`` content words joins its neighbour."""
    cuts = [0, *[m.end() for m in _JOINT.finditer(text)], len(text)]
    spans: list[tuple[int, int]] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        if start >= end:
            continue
        if spans and (_content_words(text[start:end]) < MIN_CLAUSE_WORDS
                      or _content_words(text[spans[-1][0] : spans[-1][1]]) < MIN_CLAUSE_WORDS):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans or [(0, len(text))]


def piece(text: str, tokens: list[tuple[int, int, str]], sentence: int = 1, clause: int = 0) -> Piece:
    """A piece from its text and its word tokens (offsets into ``text``)."""
    words: list[str] = []
    forms: dict[str, str] = {}
    for start, end, low in tokens:
        if not is_content(low):
            continue
        for form in normal(low):
            if form.isdigit():
                continue  # numbers are compared as figures (``anchors``), not as digit strings
            key = lemma(form)
            words.append(key)
            forms.setdefault(key, text[start:end])
    return Piece(text, sentence, clause, tuple(words), forms, anchors.figures(text), anchors.names(text))


def paragraph_pieces(par: Paragraph) -> list[Piece]:
    """Every sentence of a paragraph, each followed by its clauses when it has more than one."""
    spans = par.sentences or []
    if not spans:
        return [piece(par.text, par.tokens)]
    out = []
    for number, span in enumerate(spans, start=1):
        text = par.text[span.start : span.end]
        toks = [(s - span.start, e - span.start, w) for s, e, w in par.tokens_within(span.start, span.end)]
        out.append(piece(text, toks, number))
        parts = clauses(text)
        if len(parts) > 1:
            for k, (cs, ce) in enumerate(parts, start=1):
                sub = [(s - cs, e - cs, w) for s, e, w in toks if s >= cs and e <= ce]
                out.append(piece(text[cs:ce], sub, number, k))
    return out


def units(doc: Document) -> list[list[Piece]]:
    """Per paragraph (in order), its pieces."""
    return [paragraph_pieces(p) for p in doc.paragraphs]


def from_words(paragraphs: list[list[str]]) -> list[list[Piece]]:
    """Units from bare word lists, one sentence per paragraph (for tests and tools)."""
    return [[Piece(" ".join(ws), 1, 0, tuple(lemma(w) for w in ws), {lemma(w): w for w in ws})]
            for ws in paragraphs]
