"""Quotations, their speakers, and every source of one paragraph.

``detect(par)`` returns a :class:`Finding`:

- ``quotes``: direct quotations (text.py's spans between double quotes, straight or curly,
  including those that run over a paragraph break). A quoted fragment of three words or
  fewer is speech only when its sentence attributes something to a source; otherwise it is
  a scare quote ("an “excruciating” nerve"), kept apart in ``scare`` and not counted.
- ``sources``: attributions found by :mod:`analysis.sourcing.attribution`, sources that
  introduce a quotation with a colon, and unnamed sources marked by a phrase ("a document
  seen by", "people familiar with"), with pronouns resolved and the quotations each one
  carries counted (``quotes > 0`` = direct).
- a quotation's speaker is, in this order: an attribution right after it (``“…,” said X``)
  or right before it (``X said: “…”``); one in the same sentence; the speaker of the
  paragraph's previous quotation; for a paragraph that opens inside a quotation, the last
  speaker of the previous paragraph; else the last source before it.

Pronouns: "he"/"she" take the most recent source before them in the paragraph that is a
person or an unnamed individual ("a spokesperson … she said"), else the most recent person
merely named in it, else the last such source or person of the previous paragraph;
unresolved, they count as a named person (news style names a person before calling them
"he") and the note says so. "they" takes the most recent organisation or group (else:
anonymous); "it" an organisation or document (else: not a source).

Every step is linear or O(n log n) in the paragraph's length.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

from analysis import lexicon as lx
from analysis.sourcing import attribution, names
from analysis.sourcing import phrases as ph
from analysis.sourcing.attribution import Source, SpanIndex
from analysis.text import Paragraph, Span, paragraph

SCARE_MAX_WORDS = 3
_ADJACENT = re.compile(r"^[\s,:—–-]*$")
_SINGULAR_ROLES = frozenset(
    "spokesperson spokesman spokeswoman official source insider expert analyst observer critic "
    "scientist researcher editor correspondent waiter man woman person prosecutor".split()
)
_PERSON_RUN = re.compile(r"\b[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|von|van|de|al|bin))*")
_INSTITUTION_BEFORE = re.compile(r"(?:\b(?:the|The)|[A-Z]\w*\s+(?:for|of|and|at))\s+$")


@dataclass
class Quote:
    start: int
    end: int
    speaker: Source | None = None
    how: str = ""  # how the speaker was found


@dataclass
class Finding:
    quotes: list[Quote] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    scare: list[Span] = field(default_factory=list)
    quoted_words: int = 0
    people: list[Source] = field(default_factory=list)  # persons named outside quotations


def speaker_name(s: Source) -> str:
    """The name a source stands for: the resolved name of a pronoun, else its name."""
    return s.resolved or s.name


def detect(par: Paragraph, context: bool = True) -> Finding:
    """Everything the sourcing measure reports for ``par``. With ``context``, the previous
    paragraph (``par.previous_text``) is read too, to resolve pronouns and to give a
    quotation that runs on from it its speaker."""
    all_verbs = attribution.verbs(par, par.quotes)
    first = attribution.find(par, par.quotes, all_verbs)
    speech, scare = _accept(par, par.quotes, first)
    if scare:  # verbs and sources again, now that short fragments are plain text
        found_verbs = attribution.verbs(par, speech)
        sources = attribution.find(par, speech, found_verbs)
    else:
        found_verbs, sources = all_verbs, first
    quotes = [Quote(q.start, q.end) for q in speech]
    prev = _previous(par.previous_text) if context and par.previous_text else None
    mask = ph.masked(par, speech)
    sources += _colon_speakers(par, mask, quotes, sources)
    sources.sort(key=lambda s: s.start)
    sources += _anonymous_phrases(par, speech, sources, found_verbs)
    sources.sort(key=lambda s: s.start)
    people = _person_mentions(par, speech)
    _resolve(sources, people, prev)
    _assign(par, quotes, sources, prev)
    carried = Counter(id(q.speaker) for q in quotes if q.speaker is not None)
    for s in sources:
        s.quotes = carried.get(id(s), 0)
    return Finding(quotes, sources, scare, _quoted_words(par, speech), people)


@functools.lru_cache(maxsize=256)
def _previous(text: str) -> Finding:
    return detect(paragraph(text), context=False)


def _accept(par: Paragraph, spans: list[Span], found: list[Source]) -> tuple[list[Span], list[Span]]:
    """Split quoted spans into speech and scare quotes."""
    speech: list[Span] = []
    scare: list[Span] = []
    starts = [s.start for s in found]
    for q in spans:
        words = len(re.findall(r"\w+", par.text[q.start : q.end]))
        if words > SCARE_MAX_WORDS:
            speech.append(q)
            continue
        s = par.sentence_at(q.start)
        near = starts[bisect_left(starts, s.start) : bisect_left(starts, s.end)]
        attributed = any(not (q.start <= i < q.end) for i in near)
        (speech if attributed and words else scare).append(q)
    return speech, scare


def _quoted_words(par: Paragraph, speech: list[Span]) -> int:
    return sum(len(par.tokens_within(q.start, q.end)) for q in speech)


def _colon_speakers(par: Paragraph, mask: str, quotes: list[Quote], sources: list[Source]) -> list[Source]:
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
    return re.compile(rf"\b(?:{alt})\b", re.IGNORECASE)


def _anonymous_phrases(par: Paragraph, speech: list[Span], sources: list[Source],
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
        tail = re.match(r"[^,;:.!?()“”\"]*", text[m.end() : m.end() + 120])
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
    words = list(re.finditer(r"[\w’'-]+", text[clause:i]))[-5:]
    for w in words:
        if w.group().lower() in ("a", "an", "the", "people", "sources", "officials", "one", "two"):
            return clause + w.start()
    return clause + words[0].start() if words else i


def _person_mentions(par: Paragraph, speech: list[Span]) -> list[Source]:
    """People named outside quotations, for pronoun resolution: a run of two or more
    capitalised words that reads as a personal name (``Holger von Neuhoff``), or one word
    followed by a verb-like lower-case word (``Planas invited``, ``Tabata doesn’t``)."""
    out = []
    text = par.text
    inside = SpanIndex(speech)
    nouns = names.words_of("anon_role") | names.words_of("org_head") | names.words_of("document")
    for m in _PERSON_RUN.finditer(text):
        if inside.covers(m.start()) or _INSTITUTION_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            continue
        verdict = names.classify(m.group())
        if verdict.kind != "person":
            continue
        if " " not in verdict.name:
            nxt = re.match(r"\s+([a-z][\w’']*)", text[m.end() : m.end() + 40])
            word = nxt.group(1) if nxt else ""
            if not word or word in names.STOPWORDS or word in nouns or word.endswith("’s"):
                continue
        out.append(Source(m.start(), m.end(), m.group(), "person", verdict.name, verdict.why))
    return out


_CLASSES = ("he", "it", "they")


def _fits(pron: str, s: Source) -> bool:
    if pron == "he":
        if s.kind == "person":
            return True
        head = names.head_words(s.text.split())
        return s.kind == "anonymous" and bool(head) and names._bare(head[-1]) in _SINGULAR_ROLES
    if pron == "it":
        return s.kind == "organisation"
    return s.kind in ("organisation", "anonymous")


def _resolve(sources: list[Source], people: list[Source], prev: Finding | None) -> None:
    """Resolve pronoun sources in one sweep, keeping the last fitting source and the last
    named person for each pronoun class."""
    back: dict[str, Source | None] = dict.fromkeys(_CLASSES)
    if prev is not None:
        for c in sorted(prev.sources + prev.people, key=lambda c: c.start):
            for cls in _CLASSES:
                if _fits(cls, c):
                    back[cls] = c
    last: dict[str, Source | None] = dict.fromkeys(_CLASSES)
    named: dict[str, Source | None] = dict.fromkeys(_CLASSES)
    events = sorted([(s.start, 1, s) for s in sources] + [(p.start, 0, p) for p in people],
                    key=lambda e: (e[0], e[1]))
    for _, is_source, s in events:
        if is_source and s.kind == "pronoun":
            pron = names.PRONOUNS.get(s.text.lower(), s.text.lower())
            cls = "he" if pron in ("he", "she") else pron
            target = last.get(cls) or named.get(cls) or back.get(cls)
            if target is not None:
                s.kind, s.resolved = target.kind, target.resolved or target.name
                s.why = f"'{s.text}' refers to {s.resolved}"
            elif cls == "he":
                s.kind, s.why = "person", f"'{s.text}': a named person not found nearby (counted as named)"
            elif cls == "they":
                s.kind, s.why = "anonymous", "'they' with no group or organisation before it"
            else:
                s.kind = ""
        for cls in _CLASSES:
            if s.kind and _fits(cls, s):
                (last if is_source else named)[cls] = s
    sources[:] = [s for s in sources if s.kind]


def _assign(par: Paragraph, quotes: list[Quote], sources: list[Source], prev: Finding | None) -> None:
    text = par.text
    by_clause = sorted(sources, key=lambda s: s.clause_start)
    clause_starts = [s.clause_start for s in by_clause]
    by_end = sorted(sources, key=lambda s: max(s.end, s.verb_end))
    ends = [max(s.end, s.verb_end) for s in by_end]
    starts = [s.start for s in sources]
    opening = len(text) - len(text.lstrip())
    for i, q in enumerate(quotes):
        k = bisect_left(clause_starts, q.end)
        after = by_clause[k] if k < len(by_clause) else None
        if after is not None and (after.clause_start - q.end > 12
                                  or not _ADJACENT.match(text[q.end : after.clause_start])):
            after = None
        k = bisect_right(ends, q.start) - 1
        before = by_end[k] if k >= 0 else None
        if before is not None and (q.start - ends[k] > 12 or not _ADJACENT.match(text[ends[k] : q.start])):
            before = None
        sent = par.sentence_at(q.start)
        lo, hi = max(sent.start, q.start - ph.WINDOW), min(sent.end, q.end + ph.WINDOW)
        same = [s for s in sources[bisect_left(starts, lo) : bisect_left(starts, hi)]
                if not (q.start <= s.start < q.end)]
        if after is not None:
            q.speaker, q.how = after, "attribution after the quotation"
        elif before is not None:
            q.speaker, q.how = before, "attribution before the quotation"
        elif same:
            q.speaker = min(same, key=lambda s: min(abs(s.start - q.end), abs(q.start - s.end)))
            q.how = "attribution in the same sentence"
        elif i > 0 and quotes[i - 1].speaker is not None:
            q.speaker, q.how = quotes[i - 1].speaker, "continues the previous quotation's speaker"
        elif q.start == opening and prev is not None and prev.quotes and prev.quotes[-1].speaker:
            q.speaker, q.how = prev.quotes[-1].speaker, "runs on from the previous paragraph"
        else:
            k = bisect_right(ends, q.start) - 1
            if k >= 0:
                q.speaker, q.how = by_end[k], "last source before the quotation"
