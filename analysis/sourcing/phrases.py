"""Noun phrases that speak: the source before, after or at the head of a reporting verb.

All functions read ``mask`` (the paragraph with quotations blanked to ``|`` and asides in
parentheses to spaces, see :func:`masked`) and return half-open offsets into it, which are
offsets into the paragraph. Every search stays within the verb's sentence and within
``WINDOW`` characters of the verb, so a megabyte-long paragraph costs linear time.
"""

from __future__ import annotations

import re

from analysis.sourcing import names
from analysis.text import Paragraph, Span

WINDOW = 400
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
_SUBJECT_LEADS = names.DETERMINERS | frozenset(names.PRONOUNS)  # words that open a subject
WORD = re.compile(r"[\w&.’'-]+", re.UNICODE)  # a word of a source expression (attribution uses it too)
MAX_SOURCE_WORDS = 12
_ASIDE = re.compile(r"\([^()|]*\)")
_COMMA_END = re.compile(r"(?:,|\bby|\bbefore|\bafter)\s*$")
_ABBREV_END = re.compile(r"\b[A-Z][a-z]?\.$")
_CHUNK_CUT = re.compile(r"[,—–]|\s-\s")
_CLAUSE_WORD = re.compile(r"\b(?:that|who|which|and|but|while|because|when|as|if|so|where)\b")
_NEXT_CHAR = re.compile(r"\s+(\S)")
_UNTIL_STOP = re.compile(r"[^,;:.!?|()—–]*")
_RELATIVE_WORD = re.compile(r"\b(?:who|which|that|whose)\b")
_APPOSITION = re.compile(r"\s*,\s*([^,;:.!?|()]+)")


def masked(par: Paragraph, quotes: list[Span]) -> str:
    """The paragraph with quotation contents turned into a boundary mark and parenthesised
    asides blanked out, so that the source search neither reads inside speech nor stops at
    "(which checks …)". Offsets are unchanged."""
    text = par.text
    if quotes:
        parts: list[str] = []
        pos = 0
        for q in sorted(quotes, key=lambda q: q.start):
            begin = max(q.start, pos)
            if q.end > begin:
                parts += (text[pos:begin], "|" * (q.end - begin))
                pos = q.end
        parts.append(text[pos:])
        text = "".join(parts)
    return _ASIDE.sub(_blank, text) if "(" in text else text


def _blank(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


def after_comma(mask: str, i: int) -> bool:
    seg = mask[max(0, i - 40) : i].rstrip()
    return seg.endswith(",") or bool(_COMMA_END.search(seg))


def inverted(mask: str, verb_start: int, sent_start: int) -> bool:
    """``…,” said X`` / ``…, says X`` / a verb at the head of its sentence."""
    seg = mask[sent_start:verb_start].rstrip()
    return not seg or seg.endswith((",", "|", "—", "–"))


def _strip(mask: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not (mask[start].isalnum() or mask[start] in "‘'"):
        start += 1
    while end > start and not mask[end - 1].isalnum() and mask[end - 1] not in ".’'":
        end -= 1
    while end > start and mask[end - 1] == "." and not _ABBREV_END.search(mask[start:end]):
        end -= 1
    return start, end


def _trim_words(mask: str, start: int, end: int, lead: frozenset[str], trail: frozenset[str]) -> tuple[int, int]:
    """``mask[start:end]`` without its leading ``lead`` words and trailing ``trail`` words
    (an empty range when nothing is left). Words are maximal runs of ``WORD``'s
    characters, so they are read from each end and the middle is never tokenised."""
    seg = mask[start:end]
    first = next((m for m in WORD.finditer(seg) if m.group().lower() not in lead), None)
    if first is None:
        return start, start
    n = len(seg)
    for m in WORD.finditer(seg[::-1]):  # the same runs, last first
        if n - m.end() < first.start():
            break
        if m.group()[::-1].lower() not in trail:
            return start + first.start(), start + n - m.start()
    return start, start


def _chunks(mask: str, start: int, end: int) -> list[tuple[int, int]]:
    """Comma/dash-separated pieces of ``mask[start:end]``, nearest last."""
    out, begin = [], start
    for m in _CHUNK_CUT.finditer(mask[start:end]):
        out.append((begin, start + m.start()))
        begin = start + m.end()
    out.append((begin, end))
    return out


def left(mask: str, sent_start: int, verb_start: int) -> tuple[int, int, int] | None:
    """The source before the verb: the nearest comma piece that names someone, walking
    back over descriptions (``a fellow at …``) and relative clauses to the name."""
    region_start = sent_start
    cut = max(mask.rfind("|", sent_start, verb_start), mask.rfind(":", sent_start, verb_start),
              mask.rfind(";", sent_start, verb_start))
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
            subject = lead[:1].isupper() or lead.lower() in _SUBJECT_LEADS
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
    for m in _CLAUSE_WORD.finditer(mask[begin:end]):
        around = _NEXT_CHAR.match(mask[begin + m.end() : end])
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


def right(mask: str, verb_end: int, sent_end: int) -> tuple[int, int, int] | None:
    m = _UNTIL_STOP.match(mask[verb_end:sent_end])
    end = verb_end + (m.end() if m else 0)
    rel = _RELATIVE_WORD.search(mask[verb_end:end])
    if rel:  # "according to US researchers who used …"
        end = verb_end + rel.start()
    begin, end = _strip(mask, verb_end, end)
    begin, end = _trim_words(mask, begin, end, _CONNECTORS, _TRAILING)
    if begin >= end or len(WORD.findall(mask[begin:end])) > MAX_SOURCE_WORDS:
        return None
    verdict = names.classify(mask[begin:end])
    if not verdict.kind or verdict.role or verdict.kind == "anonymous" and _describes(mask, begin, end):
        nxt = _APPOSITION.match(mask[end:sent_end])
        if nxt:  # "said Lemnos Mayor, Dimitris Marinakis": the apposition is the name
            b, e = _strip(mask, end + nxt.start(1), end + nxt.end(1))
            if names.classify(mask[b:e]).kind in ("person", "organisation"):
                return b, e, begin
    if verdict.kind in ("", "pronoun") and mask[begin:end].split()[0].lower() in names.FIRST_PERSON:
        return None
    return begin, end, begin


def subject(mask: str, sent_start: int, verb_start: int) -> tuple[int, int, int] | None:
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
