"""Names and fixed terms in a sentence: words that a word-list measure must not read as opinion.

"Officials from the National Cyber Security Centre and the AI Safety Institute met" holds no
praise, but "Security" and "Safety" are positive words to VADER; so are "United" in United
States, "Innovation" in a ministry's name and "intelligence" in artificial intelligence. This
module finds such spans with rules only (offline, no tagger):

- **fixed terms** (lexicon ``fixed_terms``, data/lexicons/fixed_terms.csv), in any case:
  technical and institutional compounds whose evaluative-looking word names a thing
  ("artificial intelligence", "interest rates", "health care", "security forces");
- **capitalised names**: in running text English capitalises proper nouns, so a capitalised
  word that does not begin its sentence is part of a name, and so are its neighbours in an
  unbroken run of capitalised words, joined by "of", "for", "and", "the", "de", "&"
  ("Department of Justice", "Centre for Humanitarian Dialogue", "Tomb of the Unknown
  Soldier"). All-capital words join a run (AI, NHS) but a run needs one word in Title case:
  "NOT GOOD" is emphasis, not a name;
- the **first word of a sentence**, or of a quotation or a clause after a colon, is
  capitalised by position, so it is never taken for a name by its capital alone
  ("Great Britain" at a sentence start is found as a fixed term);
- a sentence in **Title Case** or in **capitals** (a headline: "Flu Vaccine Appears Safe
  for Young Children") carries no information in its capitals: only fixed terms are found
  there. Title Case = a capitalised first word, at least two capitalised words after it and
  no lower-case word of three letters or more outside the short words that headline styles
  leave lower case (a, an, and, as, at, but, by, for, from, in, into, nor, of, on, onto, or,
  over, per, the, to, up, via, vs, with; and is, are, was, be). A word added to a sentence can
  change this reading of the whole sentence: "the May May" reads as a headline, "the May May
  reportedly" as running text.

The fixed-term list is a lexicon for its checksum and provenance; its weight column is unused.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from analysis import lexicon as lx
from analysis.text import Paragraph, tokens

FIXED_TERMS = "fixed_terms"
JOINERS = frozenset("of for and the de du la von van der &".split())
HEADLINE_SMALL = frozenset(
    "a an and as at but by for from in into nor of on onto or over per the to up via vs with "
    "is are was be".split())
_OPENERS = frozenset("\"'“‘«(:—–[.!?")  # ".!?": a sentence end the splitter did not take


@dataclass(frozen=True)
class Name:
    """A span (offsets into the sentence text) that is a name or a fixed term, with the reason
    shown on the evidence."""

    start: int
    end: int
    text: str
    reason: str


@functools.cache
def _fixed() -> lx.Lexicon:
    return lx.load(FIXED_TERMS)


def _title(word: str) -> bool:
    """A capital, then at least one lower-case letter ("Security", "McCain", not "AI")."""
    rest = word[1:]
    return word[:1].isupper() and rest != rest.upper()  # a cased lower-case letter in the rest


def _capital(word: str) -> bool:
    """Title case ("Security", "McCain") or an all-capital word of two letters or more ("AI")."""
    if not word[:1].isupper() or word[:2] in ("I'", "I’"):
        return False  # "I'm", "I'll": the pronoun
    return _title(word) or (len(word) > 1 and word.isupper())


def typographic(text: str, toks: list[tuple[int, int, str]] | None = None) -> bool:
    """True when the sentence's capitals say nothing about names: Title Case or all capitals.
    ``toks``: its tokens (offsets into ``text``), when the caller has them."""
    toks = tokens(text) if toks is None else toks
    words = [text[s:e] for s, e, _ in toks if text[s].isalpha()]
    if len(words) < 3:
        return False
    if not _capital(words[0]):
        return False  # a headline in Title Case or capitals begins with a capital
    rest = words[1:]
    for w in rest:
        if w[:1].islower() and len(w) >= 3 and w.lower() not in HEADLINE_SMALL:
            # a lower-case word: Title Case is ruled out; capitals only if nearly all are
            return sum(x.isupper() for x in words) >= 0.8 * len(words)
    return sum(_capital(w) for w in rest) >= 2


def _initial(text: str, start: int, lo: int = 0) -> bool:
    """True when the word at ``start`` opens its sentence (which begins at ``lo``), a quotation
    or a clause after a colon or dash: only punctuation before it, or an opening mark or a
    full stop right before (the splitter keeps "U.S. Officials" or "’s. Reportedly" whole)."""
    before = text[lo:start].rstrip()
    return not before or before[-1] in _OPENERS or not any(c.isalnum() for c in before)


def names(text: str, lo: int = 0, hi: int | None = None,
          toks: list[tuple[int, int, str]] | None = None,
          fixed: list[lx.Match] | None = None) -> list[Name]:
    """The names and fixed terms of one sentence, ``text[lo:hi]`` (the whole text by default),
    in order, without overlaps; offsets into ``text``. ``toks`` (the sentence's tokens) and
    ``fixed`` (the fixed terms matched in ``text``), with offsets into ``text``, when the
    caller has them."""
    hi = len(text) if hi is None else hi
    toks = [(s + lo, e + lo, w) for s, e, w in tokens(text[lo:hi])] if toks is None else toks
    if not toks:
        return []
    if fixed is None:
        fixed = [lx.Match(m.start + lo, m.end + lo, m.entry) for m in _fixed().finditer(text[lo:hi])]
    found = [Name(m.start, m.end, text[m.start:m.end],
                  f"part of the fixed term '{text[m.start:m.end]}': {m.entry.note}")
             for m in fixed if lo <= m.start and m.end <= hi]
    if _UPPER.search(text, toks[0][1], hi):  # a capital after the first word
        capitals = [i for i, (s, _, _) in enumerate(toks) if text[s].isupper()]
        if capitals != [0] and not typographic(text, toks):
            found += _capital_runs(text, toks, capitals, lo)
    if len(found) > 1:
        found.sort(key=lambda n: (n.start, -n.end))
    out: list[Name] = []
    for n in found:
        if out and n.start < out[-1].end:
            continue  # inside a span already found (a fixed term wins: it is listed first)
        out.append(n)
    return out


def in_paragraph(par: Paragraph) -> list[list[Name]]:
    """The names and fixed terms of each sentence of ``par`` (offsets into the paragraph);
    the fixed terms are matched once for the whole paragraph."""
    fixed = list(_fixed().finditer(par.text, par.tokens))
    return [names(par.text, s.start, s.end, par.tokens_within(s.start, s.end), fixed)
            for s in par.sentences]


_UPPER = re.compile(r"[^\W\d_a-z]")  # an upper-case (or caseless) letter; refined by _capital


def _capital_runs(text: str, toks: list[tuple[int, int, str]], capitals: list[int], lo: int) -> list[Name]:
    out: list[Name] = []
    words = [text[s:e] for s, e, _ in toks]
    cap = [False] * len(toks)
    for i in capitals:
        cap[i] = _capital(words[i])
    i, n = 0, len(toks)
    while i < n:
        if not cap[i]:
            i += 1
            continue
        members = [i]
        k = i + 1
        while k < n:
            j = k
            while j < n and toks[j][2] in JOINERS and not cap[j]:
                j += 1  # "of", "for the": a joiner counts only between capitalised words
            if j >= n or not cap[j]:
                break
            if "and" in (t[2] for t in toks[k:j]) and j - k > 1:
                break  # "X and the Y": two names, not one
            if any(text[toks[m - 1][1]:toks[m][0]].strip(" -&") for m in range(k, j + 1)):
                break  # punctuation between: another phrase
            members.append(j)
            k = j + 1
        i = members[-1] + 1
        if _initial(text, toks[members[0]][0], lo):
            members = members[1:]  # capitalised by position: not evidence of a name
        if not members or not any(_title(words[m]) for m in members):
            continue
        start, end = toks[members[0]][0], toks[members[-1]][1]
        span = text[start:end]
        out.append(Name(start, end, span, f"part of the name '{span}': not an opinion"))
    return out
