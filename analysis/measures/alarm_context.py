"""What the alarm rules read around a match: the words after it or in its sentence, and facts
about its paragraph that several matches ask for, worked out once per paragraph."""

from __future__ import annotations

import operator
import re

from analysis.text import Paragraph

CLAUSE = re.compile("[,;:.!?()—–\"“”]")
SENTENCE_END = re.compile("[.!?]")
_WORD_OF = operator.itemgetter(2)  # a token's lowercase form
# What a paragraph is scanned for (``Context``): words of armed combat or unrest, and of critics.
COMBAT = frozenset("""troops soldier soldiers army armies military militants militant rebels rebel insurgents
militia militias shelling shells airstrike airstrikes missiles missile bombs bombing bombings gunfire tanks
killed wounded casualties civilians fighters armed guns artillery navy marines jihadists taliban nato
invaded occupied occupation frontlines warplanes drones ceasefire refugees protests protesters protest
demonstrators demonstrations riots rioters unrest clashes violence""".split())
CRITICS = frozenset("""critics commentators columnists opponents campaigners detractors pundits mps senators
politicians newspapers tabloids""".split())
CRITICAL_ATTACK = frozenset({"verbal", "personal", "scathing", "blistering", "withering"})


def after_words(par: Paragraph, end: int, n: int, stop: re.Pattern[str] = CLAUSE) -> list[str]:
    """The first ``n`` words after ``end`` (lowercase), up to the first ``stop`` mark."""
    text, out, pos = par.text, [], end
    for t in par.tokens_after(end, n):
        if t[0] > pos + 1 and stop.search(text, pos, t[0]):  # a single space needs no search
            break
        out.append(t[2])
        pos = t[1]
    return out


def sentence_words(par: Paragraph, start: int) -> set[str]:
    """The words (lowercase) of the sentence around ``start``."""
    sentence = par.sentence_at(start)
    return {t[2] for t in par.tokens_within(sentence.start, sentence.end)}


def clause_tokens(par: Paragraph, start: int, end: int, n: int) -> tuple[list[str], list[str]]:
    """Up to ``n`` words after ``end`` and before ``start`` (nearest first), within the clause."""
    text = par.text
    before, pos = [], start
    for t in reversed(par.tokens_before(start, n)):
        if pos > t[1] + 1 and CLAUSE.search(text, t[1], pos):
            break
        before.append(t[2])
        pos = t[0]
    return after_words(par, end, n), before


class Context:
    """Facts about a paragraph that several of its matches ask for, each worked out once, on
    first use (plain attributes: functools.cached_property takes a lock on every first use)."""

    __slots__ = ("par", "_combat", "_title_case", "_critics")

    def __init__(self, par: Paragraph) -> None:
        self.par = par
        self._combat: str | None = None
        self._title_case: bool | None = None
        self._critics: tuple[int, ...] | None = None

    @property
    def combat(self) -> str:
        """The first word of armed combat in the paragraph, or ""."""
        if self._combat is None:
            found = COMBAT.intersection(map(_WORD_OF, self.par.tokens))
            self._combat = next((t[2] for t in self.par.tokens if t[2] in found), "") if found else ""
        return self._combat

    @property
    def critics(self) -> tuple[int, ...]:
        """Where the paragraph names critics or a verbal attack (word offsets)."""
        if self._critics is None:
            words = set(map(_WORD_OF, self.par.tokens))
            if words.isdisjoint(CRITICS) and words.isdisjoint(CRITICAL_ATTACK):
                self._critics = ()
            else:
                self._critics = tuple(t[0] for t in self.par.tokens if t[2] in CRITICS or t[2] in CRITICAL_ATTACK)
        return self._critics

    @property
    def title_case(self) -> bool:
        """Written in title case or capitals (a headline): capitals do not mark names. Read on
        the words of more than three letters that begin with a letter ("10th", "2019" are no
        evidence either way)."""
        if self._title_case is None:
            words = [t for t in self.par.tokens if len(t[2]) > 3 and t[2][0].isalpha()]
            capitals = sum(self.par.text[t[0]].isupper() for t in words)
            self._title_case = bool(words) and capitals >= TITLE_CASE_SHARE * len(words)
        return self._title_case


TITLE_CASE_SHARE = 0.8  # of the words over three letters: a headline in title case, not prose with names
_LAST = [Context.__new__(Context)]  # one slot: the matches of a paragraph are read one after another
_LAST[0].par = None  # type: ignore[assignment]


def context(par: Paragraph) -> Context:
    last = _LAST[0]
    if last.par is par:
        return last
    last = _LAST[0] = Context(par)
    return last
