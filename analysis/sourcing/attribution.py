"""Find reporting verbs and the sources they credit, in one paragraph.

A reporting verb (lexicon ``sources``: neutral ``said``, framing ``claimed``/``denied``,
cognitive ``believes``/``found``) outside quotation marks is paired with its source:

- ``according to X`` and inversion after a comma or a closing quotation mark (``…,” said
  X``; ``…, says X``): the noun phrase after the verb;
- a participle (``…, saying``/``calling them``): the subject at the head of the sentence;
- otherwise the noun phrase before the verb, walking back over comma-separated appositions
  and relative clauses (``X, a spokesperson for Y, who …, said``) to the name they describe.

Skipped: verbs inside quotations (the speaker's own reporting), passives (``is said to``),
nouns (``the claims``), cognitive verbs not followed by a clause (``found piles of cash``),
``call`` that names rather than reports (``a book called …``).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass

from analysis import lexicon as lx
from analysis.sourcing import names
from analysis.sourcing import phrases as ph
from analysis.text import Paragraph, Span

VERB_CATEGORIES = ("verb_neutral", "verb_framing", "verb_cognitive")
_BE = frozenset("is are was were be been being".split())
_DETS = frozenset("the a an his her its their these those this that our my your".split())
_FINITE = frozenset(
    "is are was were will would could can may might has have had should must do does did "
    "won't wouldn't can't couldn't isn't aren't wasn't weren't".split()
)
_PREPOSITIONS = frozenset("to via of in on by for from with at into through under".split())
_DETS_PREPOSITIONS = _DETS | _PREPOSITIONS
_CALL_OBJECTS = frozenset("for on it them him her this these those".split())
# Verbs that often take a plain object ("found piles of cash", "announced a review"):
# counted only when a clause follows. Other cognitive verbs only refuse "to"/"in"/"for".
_CLAUSE_ONLY = frozenset(
    """find finds found show shows showed shown observe observes observed announce announces
    announced announcing reveal reveals revealed""".split()
)
_NOT_A_CLAUSE = frozenset("to in for so of about on with out".split())
_NO_TO = frozenset("reply replies replied respond responds responded answer answers answered".split())
_NO_CUT_BEFORE = re.compile(r"[^.;:!?|“”\"]*")
_NO_CUT_AFTER = re.compile(r"[^.;:!?|]*")
_QUOTE_NEXT = re.compile(r"[\s,:]*(?:\w+\s+){0,3}[“\"]")
_WHICH_NEXT = re.compile(r"\s*[,(]\s*which\b")


@dataclass
class Source:
    """A source mention: ``start``/``end`` (paragraph-relative) cover the expression."""

    start: int
    end: int
    text: str
    kind: str  # person, organisation, anonymous, pronoun (until resolved)
    name: str
    why: str
    verb: str = ""
    verb_start: int = -1
    verb_end: int = -1
    verb_category: str = ""
    quotes: int = 0  # quotations it carries; > 0 means direct
    resolved: str = ""  # for pronouns: the name they stand for, "" when not found
    clause_start: int = -1  # where the attribution clause begins (for quote adjacency)


class SpanIndex:
    """Sorted, non-overlapping spans with an O(log n) membership test."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = sorted(spans, key=lambda s: s.start)
        self.starts = [s.start for s in self.spans]

    def covers(self, i: int) -> bool:
        j = bisect_right(self.starts, i) - 1
        return j >= 0 and i < self.spans[j].end


@functools.cache
def _verb_lexicon() -> lx.Lexicon:
    """The reporting verbs of the ``sources`` lexicon alone (a smaller, faster pattern)."""
    full = lx.load(names.LEXICON)
    return lx.Lexicon(full.name, full.version, tuple(e for e in full.entries if e.category in VERB_CATEGORIES))


def verbs(par: Paragraph, quotes: list[Span]) -> list[lx.Match]:
    """Reporting verbs outside quotations that are used as reporting verbs."""
    inside = SpanIndex(quotes)
    return [m for m in _reporting(par.text) if not inside.covers(m.start)]


@functools.lru_cache(maxsize=64)
def _reporting(text: str) -> tuple[lx.Match, ...]:
    """Every lexicon verb of ``text`` used as a reporting verb, wherever the quotation
    marks are (the checks read the words around it, not the quotations)."""
    out = []
    for m in _verb_lexicon().finditer(text):
        before = _words_before(text, m.start, 2)
        term = m.entry.term
        # The words after are read only by the checks below that need them.
        needs_after = (term.startswith("call") or term in _NO_TO or term in _CLAUSE_ONLY
                       or m.entry.category == "verb_cognitive")
        after = _words_after(text, m.end, 10) if needs_after else []
        blocked = _DETS if term.endswith("ing") else _DETS_PREPOSITIONS  # "by saying" is fine
        if before and before[-1] in blocked:
            continue  # "the claims", "his findings", "to add", "via state media"
        if before and before[-1] in _BE or len(before) > 1 and before[-2] in _BE and before[-1].endswith("ly"):
            continue  # "is said to", "was widely reported"
        if term.startswith("call") and not (after and (after[0] in _CALL_OBJECTS or _quote_next(text, m.end))):
            continue
        if term in _NO_TO and after[:1] == ["to"]:
            continue  # "replied to a post" is an action, not a report
        if term in _CLAUSE_ONLY and not _clause_follows(after):
            continue
        if m.entry.category == "verb_cognitive" and (not after or after[0] in _NOT_A_CLAUSE):
            continue
        out.append(m)
    return tuple(out)


def _words_before(text: str, i: int, n: int) -> list[str]:
    """The last ``n`` words (lower case) of the clause piece that ends at ``i``, looking
    back 80 characters at most."""
    window = text[max(0, i - 80) : i]
    cut = _NO_CUT_BEFORE.match(window[::-1])  # the piece after the last cut mark
    seg = window[len(window) - cut.end() :] if cut else window
    return [w.lower() for w in ph.WORD.findall(seg)[-n:]]


def _words_after(text: str, i: int, n: int) -> list[str]:
    cut = _NO_CUT_AFTER.match(text, i, i + 120)
    seg = text[i : cut.end()] if cut else ""
    return [w.lower() for w in ph.WORD.findall(seg)[:n]]


def _quote_next(text: str, i: int) -> bool:
    return bool(_QUOTE_NEXT.match(text[i : i + 60]))


def _clause_follows(after: list[str]) -> bool:
    if not after or after[0] in ("to", "out", "it"):
        return False
    return after[0] == "that" or any(w in _FINITE for w in after[:8])


def find(par: Paragraph, quotes: list[Span], found_verbs: list[lx.Match] | None = None,
         mask: str | None = None) -> list[Source]:
    """Every attribution in the paragraph: one Source per verb whose source is found,
    merged when two verbs credit the same expression. ``mask``: ``ph.masked(par, quotes)``
    when the caller has it already."""
    text = par.text
    if mask is None:
        mask = ph.masked(par, quotes)
    out: dict[tuple[int, int], Source] = {}
    for m in verbs(par, quotes) if found_verbs is None else found_verbs:
        sentence = par.sentence_at(m.start)
        s_start = max(sentence.start, m.start - ph.WINDOW)
        s_end = min(sentence.end, m.end + ph.WINDOW)
        term = m.entry.term
        found: tuple[int, int, int] | None
        if term == "according to":
            found = ph.right(mask, m.end, s_end)
        elif term.endswith("ing") and ph.after_comma(mask, m.start):
            found = ph.subject(mask, s_start, m.start)
        elif ph.inverted(mask, m.start, s_start):
            found = ph.right(mask, m.end, s_end)
            if found is None or not names.classify(text[found[0] : found[1]]).kind:
                found = ph.left(mask, s_start, m.start)
        else:
            found = ph.left(mask, s_start, m.start)
        if found is None:
            continue
        start, end, clause = found
        verdict = names.classify(text[start:end])
        if not verdict.kind:
            continue
        if verdict.kind == "person" and " " not in verdict.name and _WHICH_NEXT.match(text[end : end + 20]):
            verdict = names.Named("organisation", verdict.name, "a name followed by 'which': an institution")
        key = (start, end)
        if key in out:
            continue
        out[key] = Source(start, end, text[start:end], verdict.kind, verdict.name, verdict.why,
                          text[m.start : m.end], m.start, m.end, m.entry.category,
                          clause_start=min(clause, m.start))
    return sorted(out.values(), key=lambda s: s.start)
