"""The mentions one paragraph holds before any context is read: quoted speech split from
scare quotes, sources that introduce a quotation with a colon, unnamed sources marked by a
phrase, and people named outside quotations (for pronoun resolution). Used by
:mod:`analysis.sourcing.detect`, which documents the rules."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right

from analysis import lexicon as lx
from analysis.sourcing import names
from analysis.sourcing import phrases as ph
from analysis.sourcing.attribution import Source, SpanIndex
from analysis.text import Paragraph, Span

SCARE_MAX_WORDS = 3
# A capital not preceded by a word character (the look-behind, after the capital, spans the
# character before it): the same runs as "\b[A-Z]...", but starting with the capital lets
# the engine skip straight to capitals instead of testing every position.
_PERSON_RUN = re.compile(r"[A-Z](?<!\w.)[\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|von|van|de|al|bin))*")
_INSTITUTION_BEFORE = re.compile(r"(?:\b(?:the|The)|[A-Z]\w*\s+(?:for|of|and|at))\s+$")
_WORDS = re.compile(r"\w+")
_PHRASE_TAIL = re.compile(r"[^,;:.!?()“”\"]*")
_NP_WORD = re.compile(r"[\w’'-]+")
_NEXT_WORD = re.compile(r"\s+([a-z][\w’']*)")


def accept(par: Paragraph, spans: list[Span], found: list[Source]) -> tuple[list[Span], list[Span]]:
    """Split quoted spans into speech and scare quotes."""
    speech: list[Span] = []
    scare: list[Span] = []
    starts = [s.start for s in found]
    for q in spans:
        words = len(_WORDS.findall(par.text[q.start : q.end]))
        if words > SCARE_MAX_WORDS:
            speech.append(q)
            continue
        s = par.sentence_at(q.start)
        near = starts[bisect_left(starts, s.start) : bisect_left(starts, s.end)]
        attributed = any(not (q.start <= i < q.end) for i in near)
        (speech if attributed and words else scare).append(q)
    return speech, scare


def quoted_words(par: Paragraph, speech: list[Span]) -> int:
    return sum(len(par.tokens_within(q.start, q.end)) for q in speech)


def colon_speakers(par: Paragraph, mask: str, quotes: list[Span], sources: list[Source]) -> list[Source]:
    """``Ruth Steere marvels at how …: “…”``: the subject of the introducing sentence,
    when that sentence has no attribution of its own."""
    out: list[Source] = []
    starts = [s.start for s in sources]
    text = par.text
    for q in quotes:
        colon = q.start - 1
        while colon >= 0 and text[colon].isspace():
            colon -= 1
        if colon < 0 or text[colon] != ":":
            continue
        s = par.sentence_at(colon)
        if bisect_left(starts, s.start) < bisect_left(starts, colon):
            continue
        begin = max(s.start, colon - ph.WINDOW)
        run = names.subject_run(mask[begin:colon])
        if not run:
            continue
        start = mask.find(run, begin, colon)
        verdict = names.classify(run)
        if start < 0 or not verdict.kind or verdict.role:
            continue
        out.append(Source(start, start + len(run), run, verdict.kind, verdict.name,
                          verdict.why + "; introduces a quotation with a colon", clause_start=start))
    return out


@functools.cache
def _phrase_pattern() -> re.Pattern[str]:
    terms = [e.term for e in lx.load(names.LEXICON).entries if e.category == "anon_phrase"]
    alt = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(terms, key=len, reverse=True))
    # The look-ahead for the terms' first letters changes no match; it lets the engine
    # skip the positions where no term can start (several times faster).
    heads = "".join(sorted({re.escape(t[0]) for t in terms if t[:1].isalnum()}))
    first = f"(?=[{heads}])" if terms and all(t[:1].isalnum() for t in terms) else ""
    return re.compile(rf"{first}\b(?:{alt})\b", re.IGNORECASE)


def anonymous_phrases(par: Paragraph, speech: list[Span], sources: list[Source],
                       found_verbs: list[lx.Match]) -> list[Source]:
    """"a document seen by this publication", "people familiar with the matter": an
    unnamed source marked by the phrase itself, with or without a reporting verb."""
    out = []
    text = par.text
    inside = SpanIndex(speech)
    starts = [s.start for s in sources]
    verb_starts = [v.start for v in found_verbs]
    for m in _phrase_pattern().finditer(text):
        if inside.covers(m.start()):
            continue
        lo = max(0, m.start() - ph.WINDOW)
        clause = max(text.rfind(ch, lo, m.start()) for ch in ",;:.(“”\"") + 1
        start = _np_start(text, max(clause, lo), m.start())
        tail = _PHRASE_TAIL.match(text[m.end() : m.end() + 120])
        end = m.end() + (tail.end() if tail else 0)
        while end > m.end() and text[end - 1].isspace():
            end -= 1
        near = range(max(0, bisect_left(starts, start) - 1), bisect_right(starts, end))
        if any(sources[k].start < end and start < sources[k].end for k in near):
            continue
        sentence = par.sentence_at(m.start())
        k = bisect_left(verb_starts, m.end())
        verb = found_verbs[k] if k < len(found_verbs) and found_verbs[k].start < sentence.end else None
        src = Source(start, end, text[start:end], "anonymous", text[start:end],
                     f"'{m.group()}': an unnamed source", clause_start=start)
        if verb is not None:
            src.verb, src.verb_start, src.verb_end = text[verb.start : verb.end], verb.start, verb.end
            src.verb_category = verb.entry.category
        out.append(src)
    return out


def _np_start(text: str, clause: int, i: int) -> int:
    """Start of the noun phrase ending just before ``i``: the nearest article or
    quantifier within five words, else the clause start."""
    words = list(_NP_WORD.finditer(text[clause:i]))[-5:]
    for w in words:
        if w.group().lower() in ("a", "an", "the", "people", "sources", "officials", "one", "two"):
            return clause + w.start()
    return clause + words[0].start() if words else i


@functools.cache
def _source_nouns() -> frozenset[str]:
    return names.words_of("anon_role") | names.words_of("org_head") | names.words_of("document")


def person_mentions(par: Paragraph, speech: list[Span]) -> list[Source]:
    """People named outside quotations, for pronoun resolution: a run of two or more
    capitalised words that reads as a personal name (``Holger von Neuhoff``), or one word
    followed by a verb-like lower-case word (``Planas invited``, ``Tabata doesn’t``)."""
    out = []
    text = par.text
    inside = SpanIndex(speech)
    nouns = _source_nouns()
    for m in _PERSON_RUN.finditer(text):
        if inside.covers(m.start()):
            continue
        verdict = names.classify(m.group())  # cached; most capitalised runs are no person
        if verdict.kind != "person" or _INSTITUTION_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            continue
        if " " not in verdict.name:
            nxt = _NEXT_WORD.match(text[m.end() : m.end() + 40])
            word = nxt.group(1) if nxt else ""
            if not word or word in names.STOPWORDS or word in nouns or word.endswith("’s"):
                continue
        out.append(Source(m.start(), m.end(), m.group(), "person", verdict.name, verdict.why))
    return out
