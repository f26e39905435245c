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

import re
from dataclasses import dataclass

from analysis import lexicon as lx
from analysis.sourcing import names
from analysis.text import Paragraph, Span

VERB_CATEGORIES = ("verb_neutral", "verb_framing", "verb_cognitive")
_BE = frozenset("is are was were be been being".split())
_DETS = frozenset("the a an his her its their these those this that our my your".split())
_FINITE = frozenset(
    "is are was were will would could can may might has have had should must do does did "
    "won't wouldn't can't couldn't isn't aren't wasn't weren't".split()
)
_CONNECTORS = frozenset(
    """but and yet so however while though although when as because meanwhile instead now
    even also then still if ultimately historically furthermore indeed""".split()
)
_TRAILING = frozenset(
    """has have had also recently previously later then now even yet still would will could
    may might once always often already further repeatedly publicly privately again simply
    just last first since not never has also had already""".split()
)
_RELATIVE = frozenset("who which whose whom where".split())
_CALL_OBJECTS = frozenset("for on it them him her this these those".split())
# Verbs that often take a plain object ("found piles of cash", "announced a review"):
# counted only when a clause follows. Other cognitive verbs only refuse "to"/"in"/"for".
_CLAUSE_ONLY = frozenset(
    """find finds found show shows showed shown observe observes observed announce announces
    announced announcing reveal reveals revealed""".split()
)
_NOT_A_CLAUSE = frozenset("to in for so of about on with out".split())
_NO_TO = frozenset("reply replies replied respond responds responded answer answers answered".split())
_WORD = re.compile(r"[\w&.’'-]+", re.UNICODE)
MAX_SOURCE_WORDS = 12


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


def masked(par: Paragraph, quotes: list[Span]) -> str:
    """The paragraph with quotation contents turned into a boundary mark and parenthesised
    asides blanked out, so that the source search neither reads inside speech nor stops at
    "(which checks …)". Offsets are unchanged."""
    chars = list(par.text)
    for q in quotes:
        for i in range(q.start, q.end):
            chars[i] = "|"
    text = "".join(chars)
    for m in re.finditer(r"\([^()|]*\)", text):
        chars[m.start() : m.end()] = " " * (m.end() - m.start())
    return "".join(chars)


def verbs(par: Paragraph, quotes: list[Span]) -> list[lx.Match]:
    """Reporting verbs outside quotations that are used as reporting verbs."""
    out = []
    text = par.text
    for m in lx.load(names.LEXICON).finditer(text):
        if m.entry.category not in VERB_CATEGORIES:
            continue
        if any(q.start <= m.start < q.end for q in quotes):
            continue
        before = _words_before(text, m.start, 2)
        after = _words_after(text, m.end, 10)
        if before and before[-1] in _DETS | {"to"}:
            continue  # "the claims", "his findings", "to add"
        if before and before[-1] in _BE or len(before) > 1 and before[-2] in _BE and before[-1].endswith("ly"):
            continue  # "is said to", "was widely reported"
        term = m.entry.term
        if term.startswith("call") and not (after and (after[0] in _CALL_OBJECTS or _quote_next(text, m.end))):
            continue
        if term in _NO_TO and after[:1] == ["to"]:
            continue  # "replied to a post" is an action, not a report
        if term in _CLAUSE_ONLY and not _clause_follows(after):
            continue
        if m.entry.category == "verb_cognitive" and (not after or after[0] in _NOT_A_CLAUSE):
            continue
        out.append(m)
    return out


def _words_before(text: str, i: int, n: int) -> list[str]:
    seg = re.split(r"[.;:!?|“”\"]", text[max(0, i - 80) : i])[-1]
    return [w.lower() for w in _WORD.findall(seg)][-n:]


def _words_after(text: str, i: int, n: int) -> list[str]:
    seg = re.split(r"[.;:!?|]", text[i : i + 120])[0]
    return [w.lower() for w in _WORD.findall(seg)][:n]


def _quote_next(text: str, i: int) -> bool:
    return bool(re.match(r"[\s,:]*(?:\w+\s+){0,3}[“\"]", text[i:]))


def _clause_follows(after: list[str]) -> bool:
    if not after or after[0] in ("to", "out", "it"):
        return False
    return after[0] == "that" or any(w in _FINITE for w in after[:8])


def find(par: Paragraph, quotes: list[Span]) -> list[Source]:
    """Every attribution in the paragraph: one Source per verb whose source is found,
    merged when two verbs credit the same expression."""
    text = par.text
    mask = masked(par, quotes)
    out: dict[tuple[int, int], Source] = {}
    for m in verbs(par, quotes):
        sentence = _sentence_of(par, m.start)
        term = m.entry.term
        found: tuple[int, int, int] | None
        if term == "according to":
            found = _right(mask, m.end, sentence.end)
        elif term.endswith("ing") and _after_comma(mask, m.start):
            found = _subject(mask, sentence.start, m.start)
        elif _inverted(mask, m.start, sentence.start):
            found = _right(mask, m.end, sentence.end)
            if found is None or not names.classify(text[found[0] : found[1]]).kind:
                found = _left(mask, sentence.start, m.start)
        else:
            found = _left(mask, sentence.start, m.start)
        if found is None:
            continue
        start, end, clause = found
        verdict = names.classify(text[start:end])
        if not verdict.kind:
            continue
        if verdict.kind == "person" and " " not in verdict.name and re.match(r"\s*[,(]\s*which\b", text[end:]):
            verdict = names.Named("organisation", verdict.name, "a name followed by 'which': an institution")
        key = (start, end)
        if key in out:
            continue
        out[key] = Source(start, end, text[start:end], verdict.kind, verdict.name, verdict.why,
                          text[m.start : m.end], m.start, m.end, m.entry.category,
                          clause_start=min(clause, m.start))
    return sorted(out.values(), key=lambda s: s.start)


def _sentence_of(par: Paragraph, i: int) -> Span:
    for s in par.sentences:
        if s.start <= i < s.end:
            return s
    return Span(0, len(par.text))


def _after_comma(mask: str, i: int) -> bool:
    seg = mask[max(0, i - 40) : i].rstrip()
    return seg.endswith(",") or bool(re.search(r"(?:,|\bby|\bbefore|\bafter)\s*$", seg))


def _inverted(mask: str, verb_start: int, sent_start: int) -> bool:
    """``…,” said X`` / ``…, says X`` / a verb at the head of its sentence."""
    seg = mask[sent_start:verb_start].rstrip()
    return not seg or seg.endswith((",", "|", "—", "–"))


def _strip(mask: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not (mask[start].isalnum() or mask[start] in "‘'"):
        start += 1
    while end > start and not mask[end - 1].isalnum() and mask[end - 1] not in ".’'":
        end -= 1
    while end > start and mask[end - 1] == "." and not re.search(r"\b[A-Z][a-z]?\.$", mask[start:end]):
        end -= 1
    return start, end


def _trim_words(mask: str, start: int, end: int, lead: frozenset[str], trail: frozenset[str]) -> tuple[int, int]:
    words = [(m.start() + start, m.end() + start, m.group().lower()) for m in _WORD.finditer(mask[start:end])]
    while words and words[0][2] in lead:
        words.pop(0)
    while words and words[-1][2] in trail:
        words.pop()
    if not words:
        return start, start
    return words[0][0], words[-1][1]


def _chunks(mask: str, start: int, end: int) -> list[tuple[int, int]]:
    """Comma/dash-separated pieces of ``mask[start:end]``, nearest last."""
    out, begin = [], start
    for m in re.finditer(r"[,—–]|\s-\s", mask[start:end]):
        out.append((begin, start + m.start()))
        begin = start + m.end()
    out.append((begin, end))
    return out


def _left(mask: str, sent_start: int, verb_start: int) -> tuple[int, int, int] | None:
    """The source before the verb: the nearest comma piece that names someone, walking
    back over descriptions (``a fellow at …``) and relative clauses to the name."""
    region_start = sent_start
    cut = max(mask.rfind(ch, sent_start, verb_start) for ch in "|:;")
    if cut >= 0:
        region_start = cut + 1
    fallback: tuple[int, int, int] | None = None
    for begin, end in reversed(_chunks(mask, region_start, verb_start)[-4:]):
        begin, end = _trim_words(mask, begin, end, _CONNECTORS, _TRAILING)
        if begin >= end:
            continue
        if mask[begin:end].split()[0].lower() in _RELATIVE:
            # "which the government says": a subject inside the relative clause;
            # "which has been monitoring …": a clause about the name before it.
            b, e = _trim_words(mask, begin, end, _RELATIVE, _TRAILING)
            lead = mask[b:e].split()[0] if b < e else ""
            subject = lead[:1].isupper() or lead.lower() in names.DEFINITE | names.INDEFINITE | set(names.PRONOUNS)
            if subject and len(mask[b:e].split()) <= 6 and names.classify(mask[b:e]).kind:
                return b, e, b
            continue
        if len(mask[begin:end].split()) > 6:
            begin, end = _after_clause_word(mask, begin, end)
            if begin >= end or len(mask[begin:end].split()) > MAX_SOURCE_WORDS:
                return fallback
        verdict = names.classify(mask[begin:end])
        if verdict.kind in ("person", "pronoun", "organisation") and not verdict.role:
            return begin, end, begin
        if verdict.kind and fallback is None:
            fallback = (begin, end, begin)
        if not _describes(mask, begin, end):
            break
    return fallback


def _after_clause_word(mask: str, begin: int, end: int) -> tuple[int, int]:
    """The part of a long piece after its last clause word (``…, but Planas …``)."""
    last = None
    for m in re.finditer(r"\b(?:that|who|which|and|but|while|because|when|as|if|so|where)\b",
                         mask[begin:end]):
        around = re.match(r"\s+(\S)", mask[begin + m.end() : end])
        if m.group() == "and" and around and around.group(1).isupper():
            continue  # "Strength and Conditioning Coach": inside a name
        last = m
    if last is None:
        return begin, end
    return _trim_words(mask, begin + last.end(), end, _CONNECTORS, _TRAILING)


def _describes(mask: str, begin: int, end: int) -> bool:
    """A piece that reads as a description of someone named before it: it starts with an
    article, a possessive, a number or a lower-case word."""
    words = mask[begin:end].split()
    if not words:
        return False
    w = words[0]
    return (w.lower() in ("a", "an", "the", "one") or w[:1].islower() or w[:1].isdigit()
            or w.endswith(("’s", "'s")))


def _right(mask: str, verb_end: int, sent_end: int) -> tuple[int, int, int] | None:
    m = re.match(r"[^,;:.!?|()—–]*", mask[verb_end:sent_end])
    end = verb_end + (m.end() if m else 0)
    rel = re.search(r"\b(?:who|which|that|whose)\b", mask[verb_end:end])
    if rel:  # "according to US researchers who used …"
        end = verb_end + rel.start()
    begin, end = _strip(mask, verb_end, end)
    begin, end = _trim_words(mask, begin, end, _CONNECTORS, _TRAILING)
    if begin >= end or len(_WORD.findall(mask[begin:end])) > MAX_SOURCE_WORDS:
        return None
    verdict = names.classify(mask[begin:end])
    if not verdict.kind or verdict.role or verdict.kind == "anonymous" and _describes(mask, begin, end):
        nxt = re.match(r"\s*,\s*([^,;:.!?|()]+)", mask[end:sent_end])
        if nxt:  # "said Lemnos Mayor, Dimitris Marinakis": the apposition is the name
            b, e = _strip(mask, end + nxt.start(1), end + nxt.end(1))
            if names.classify(mask[b:e]).kind in ("person", "organisation"):
                return b, e, begin
    if verdict.kind in ("", "pronoun") and mask[begin:end].split()[0].lower() in names.FIRST_PERSON | {"me", "us"}:
        return None
    return begin, end, begin


def _subject(mask: str, sent_start: int, verb_start: int) -> tuple[int, int, int] | None:
    """The subject at the head of the sentence, or the name in its apposition."""
    pieces = _chunks(mask, sent_start, verb_start)
    for begin, end in pieces[:3]:
        begin, end = _trim_words(mask, begin, end, _CONNECTORS, frozenset())
        run = names.subject_run(mask[begin:end])
        if not run:
            continue
        end = begin + mask[begin:end].find(run) + len(run) if run in mask[begin:end] else end
        verdict = names.classify(mask[begin:end])
        if verdict.kind and not verdict.role:
            return begin, end, begin
    return None
