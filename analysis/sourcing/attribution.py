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
_NOT_A_CLAUSE = frozenset("to in for so of about on with out but or".split())
_NO_TO = frozenset("reply replies replied respond responds responded answer answers answered".split())
_ASK = frozenset("ask asks asked".split())
_NEGATION = frozenset("not never n't wouldn't won't didn't doesn't don't couldn't can't cannot".split())
# Verbs that take an object: after a comma ("…, accused Anthropic of hypocrisy") the noun
# phrase after them is the object unless nothing follows it.
_OBJECT_VERBS = frozenset(
    """accuse accused accuses blame blamed blames criticise criticised criticize criticized praise
    praised praises condemn condemned condemns urge urged urges warn warned warns call called calls
    describe described describes dismiss dismissed dismisses slam slammed slams tell told tells
    ask asked asks deny denied denies""".split()
)
_ADD = frozenset("add added adds adding".split())
_ADD_REPORTS = re.compile(r"\s*(?:[:,;.“\"”—–]|that\b|$)")  # "added that", "he added.", "adding:"
_STATE = frozenset("state states".split())
_CITE = frozenset("cite cited cites citing quote quoted quotes quoting".split())
_COORDINATED = ("and ", "but ", "And ", "But ")  # just before a verb: "…, but said"
_BY_AGENT = re.compile(r"\s+by\s+(?!\w+ing\b)")
_AS_SAYING = re.compile(r"\s+as\s+(?:saying|telling|stating|describing)\b")
_QUOTED_AS = re.compile(r"\b(?:(?P<passive>(?:was|were|is|are|been|being)\s+)?(?:quoted|cited)|quoting|citing)\s+(?P<obj>.*?)\s*as\s*$",
                        re.IGNORECASE | re.DOTALL)
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
        term, category = m.entry.term, m.entry.category
        before = _words_before(text, m.start, 2)
        if before:
            last = before[-1]
            if last in (_DETS if term.endswith("ing") else _DETS_PREPOSITIONS):
                continue  # "the claims", "his findings", "to add", "via state media"
            if last in _NEGATION:
                continue  # "wouldn't say if", "did not call for": nothing is credited
            if last.endswith(("'s", "’s")):
                continue  # "Upjohn's estimates": a noun
            if (last in _BE or len(before) > 1 and before[-2] in _BE and last.endswith("ly")) \
                    and not _passive_reports(text, m.end, term, category):
                continue  # "is said to", "was widely reported", "is claiming a domain"
            if term in _STATE and text[m.start - len(last) - 1 : m.start].strip()[:1].isupper():
                continue  # "New York state", "member States"
        if text[m.start].isupper() and (term in _STATE or _inside_name(text, m.start)):
            continue  # "the United States", "State Department", "Replied State Department"
        if (term in _NEEDS_AFTER or category == "verb_cognitive") and not _reports_after(text, m, term, category):
            continue
        out.append(m)
    return tuple(out)


_ACCUSE = frozenset("accuse accused accuses accusing".split())
_NEEDS_AFTER = _NO_TO | _CLAUSE_ONLY | _ASK | _ADD | _ACCUSE | frozenset("call called calls calling".split())


def _passive_reports(text: str, end: int, term: str, category: str) -> bool:
    """A verb after a form of "be" still reports when "by" names the agent, or when it is
    progressive ("were predicting", "is warning that")."""
    if text.startswith(" by ", end) and _BY_AGENT.match(text, end):
        return True
    return term.endswith("ing") and (category == "verb_cognitive" or _clause_follows(_words_after(text, end, 10)))


def _reports_after(text: str, m: lx.Match, term: str, category: str) -> bool:
    """The checks that read the words after the verb."""
    if term in _ADD:  # "added a provision", "adding capacity": an action
        return bool(_ADD_REPORTS.match(text, m.end) or _after_quote_or_comma(text, m.start))
    after = _words_after(text, m.end, 10)
    if term in _ACCUSE:  # "accused X of …", not "the accused doctor killer"
        return "of" in after[:7] or after[:1] == ["that"] or _quote_next(text, m.end) or not after
    if term.startswith("call"):
        return bool(after) and (after[0] in _CALL_OBJECTS or _quote_next(text, m.end))
    if term in _NO_TO and after[:1] == ["to"]:
        return False  # "replied to a post" is an action, not a report
    if term in _CLAUSE_ONLY and not (_clause_follows(after) or _quote_next(text, m.end)):
        return False
    if term in _ASK and (after[:1] in (["not"], ["to"]) or "to" in after[1:3]):
        return False  # "asked her to help", "who asked not to be named": a request
    return not (category == "verb_cognitive" and (not after or after[0] in _NOT_A_CLAUSE))


def _words_before(text: str, i: int, n: int) -> list[str]:
    """The last ``n`` words (lower case) of the clause piece that ends at ``i``, looking
    back 48 characters at most."""
    window = text[max(0, i - 48) : i]
    cut = _NO_CUT_BEFORE.match(window[::-1])  # the piece after the last cut mark
    seg = window[len(window) - cut.end() :] if cut else window
    return [w.lower() for w in ph.WORD.findall(seg)[-n:]]


def _words_after(text: str, i: int, n: int) -> list[str]:
    cut = _NO_CUT_AFTER.match(text, i, i + 120)
    seg = text[i : cut.end()] if cut else ""
    return [w.lower() for w in ph.WORD.findall(seg)[:n]]


def _quote_next(text: str, i: int) -> bool:
    return bool(_QUOTE_NEXT.match(text[i : i + 60]))


def _after_quote_or_comma(text: str, i: int) -> bool:
    """The verb follows a comma or a closing quotation mark ("…,” added the company")."""
    return text[max(0, i - 3) : i].rstrip().endswith((",", "”", '"', "’"))


def _inside_name(text: str, i: int) -> bool:
    """A capitalised verb form after a capitalised word, in text that is not in title case,
    is part of a name ("the United States", "Replied State Department")."""
    if not text[i : i + 1].isupper():
        return False
    before = _words_before_raw(text, i)
    if not before or not before[:1].isupper():
        return False
    window = text[max(0, i - 120) : i + 120].split()
    long_words = [w for w in window if len(w) > 3 and w[:1].isalpha()]
    return sum(w[:1].isupper() for w in long_words) < 0.7 * len(long_words)


def _words_before_raw(text: str, i: int) -> str:
    j = i
    while j > 0 and text[j - 1] == " ":
        j -= 1
    k = j
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] in ".'’-"):
        k -= 1
    return text[k:j]


def _clause_follows(after: list[str]) -> bool:
    if after[:1] == ["it"]:  # "announced it would accept", not "found it difficult"
        return len(after) > 1 and after[1] in _FINITE
    if not after or after[0] in ("to", "out"):
        return False
    return after[0] == "that" or any(w in _FINITE for w in after[:8])


def find(par: Paragraph, quotes: list[Span], found_verbs: list[lx.Match] | None = None,
         mask: str | None = None) -> list[Source]:
    """Every attribution in the paragraph: one Source per verb whose source is found (two
    for "X, citing Y,": X and Y), merged when two verbs credit the same expression.
    ``mask``: ``ph.masked(par, quotes)`` when the caller has it already."""
    text = par.text
    if mask is None:
        mask = ph.masked(par, quotes)
    out: dict[tuple[int, int], Source] = {}
    all_verbs = verbs(par, quotes) if found_verbs is None else found_verbs
    dateline = ph.DATELINE.match(mask) if mask[1:2].isupper() else None
    dateline_end = dateline.end() if dateline is not None else 0
    current, previous_end = -1, 0  # the sentence, and the end of its last finite reporting verb
    for n, m in enumerate(all_verbs):
        sentence = par.sentence_at(m.start)
        s_start = max(sentence.start, m.start - ph.WINDOW)
        s_end = min(sentence.end, m.end + ph.WINDOW)
        if sentence.start == 0 and dateline_end:  # "WASHINGTON (AP) -- The FBI …": no subject
            s_start = max(s_start, dateline_end)
        if sentence.start != current:
            current, previous_end = sentence.start, s_start
        floor = max(s_start, previous_end)
        term = m.entry.term
        ing = term.endswith("ing")
        if not ing and term not in _CITE:  # a finite verb: what follows is its report
            previous_end = m.end
        found: tuple[int, int, int] | None
        agent = (_BY_AGENT.match(text, m.end) if not ing and text.startswith(" by ", m.end)
                 and term != "according to" else None)
        quoted_as = _QUOTED_AS.search(text, max(s_start, m.start - 160), m.start) if term == "saying" else None
        if term == "according to":
            found = ph.right(mask, m.end, s_end)
        elif quoted_as is not None:  # "ABC quoted X as saying", "Yeltsin was quoted as saying"
            found = _quoted_speaker(mask, quoted_as, s_start)
            by = _BY_AGENT.match(text, m.end)
            if quoted_as.group("passive") and by:  # "… as saying by the Interfax news agency"
                _add(out, text, m, ph.right(mask, by.end(), s_end))
        elif agent is not None:  # "forecast by economists", "criticised by the union"
            found = ph.right(mask, agent.end(), s_end)
        elif ing and ph.after_comma(mask, m.start):
            found = ph.subject(mask, s_start, m.start)
        elif not ing and text.endswith(_COORDINATED, max(0, m.start - 5), m.start):
            # "X did not call for …, but said", "He sold it and said": the subject of the sentence
            found = ph.subject(mask, s_start, m.start) or ph.left(mask, floor, m.start)
        elif ph.inverted(mask, m.start, s_start):
            found = ph.right(mask, m.end, s_end, object_verb=term in _OBJECT_VERBS)
            kind = names.classify(text[found[0] : found[1]]).kind if found is not None else ""
            if not kind or kind == "pronoun" and not mask[s_start : m.start].rstrip().endswith("|"):
                found = ph.left(mask, s_start, m.start)  # "X, …, said it would": "it" opens the report
        else:
            found = ph.left(mask, floor, m.start)
            if found is None and mask[s_start : m.start].rstrip().endswith(","):
                found = ph.subject(mask, s_start, m.start)  # "The newspaper, quoting …, said"
        _add(out, text, m, found)
        if term in _CITE and agent is None and not _AS_SAYING.search(text, m.end, s_end):  # "citing unnamed sources"
            nxt = all_verbs[n + 1].start if n + 1 < len(all_verbs) else s_end
            obj = ph.right(mask, m.end, min(s_end, nxt))
            if obj is not None and names.classify(text[obj[0] : obj[1]]).kind not in ("", "pronoun"):
                _add(out, text, m, obj)
    return sorted(out.values(), key=lambda s: s.start)


def _quoted_speaker(mask: str, m: re.Match[str], s_start: int) -> tuple[int, int, int] | None:
    """The speaker of "quoted X as saying" (X) or of "X was quoted as saying" (the subject)."""
    if m.group("passive"):
        return ph.left(mask, s_start, m.start())
    b, e = m.span("obj")
    while b < e and mask[b].isspace():
        b += 1
    return (b, e, b) if b < e and names.classify(mask[b:e]).kind else None


def _add(out: dict[tuple[int, int], Source], text: str, m: lx.Match, found: tuple[int, int, int] | None) -> None:
    if found is None:
        return
    start, end, clause = found
    verdict = names.classify(text[start:end])
    if not verdict.kind:
        return
    if verdict.kind == "person" and " " not in verdict.name and _WHICH_NEXT.match(text[end : end + 20]):
        verdict = names.Named("organisation", verdict.name, "a name followed by 'which': an institution")
    key = (start, end)
    if key in out:
        return
    out[key] = Source(start, end, text[start:end], verdict.kind, verdict.name, verdict.why,
                      text[m.start : m.end], m.start, m.end, m.entry.category,
                      clause_start=min(clause, m.start))
