"""Quotations, their speakers, and every source of one paragraph.

``detect(par)`` returns a :class:`Finding`:

- ``quotes``: direct quotations (text.py's spans between double quotes, straight or curly,
  including those that run over a paragraph break). A quoted fragment of three words or
  fewer with no reporting verb in its sentence is a scare quote ("an “excruciating” nerve"),
  kept apart in ``scare`` and not counted as speech.
- ``sources``: attributions found by :mod:`analysis.sourcing.attribution`, with pronouns
  resolved and the quotations each one carries counted (``quotes > 0`` = direct).
- a quotation's speaker is, in this order: an attribution right after it (``“…,” said X``)
  or right before it (``X said: “…”``); one in the same sentence; the subject of a sentence
  that introduces it with a colon; the speaker of the paragraph's previous quotation; for a
  paragraph that opens inside a quotation, the last speaker of the previous paragraph.

Pronouns: "he"/"she" take the most recent person (or unnamed individual) named before them
in the paragraph, or the last one of the previous paragraph; unresolved, they count as a
named person (news style names a person before calling them "he") and say so in the note.
"they" takes the most recent organisation or group (else: anonymous); "it" an organisation
or document (else: not a source).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from analysis import lexicon as lx
from analysis.sourcing import attribution, names
from analysis.sourcing.attribution import Source
from analysis.text import Paragraph, Span, paragraph

SCARE_MAX_WORDS = 3
_ADJACENT = re.compile(r"^[\s,:—–-]*$")
_SINGULAR_ROLES = frozenset(
    "spokesperson spokesman spokeswoman official source insider expert analyst observer critic "
    "scientist researcher editor correspondent waiter man woman person prosecutor".split()
)


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


def _sentence(par: Paragraph, i: int) -> Span:
    for s in par.sentences:
        if s.start <= i < s.end:
            return s
    return Span(0, len(par.text))


def _accept(par: Paragraph, spans: list[Span]) -> tuple[list[Span], list[Span]]:
    """Split quoted spans into speech and scare quotes: a fragment of three words or fewer
    is speech only when its sentence attributes something to a source."""
    speech: list[Span] = []
    scare: list[Span] = []
    starts = [s.start for s in attribution.find(par, spans)]
    for q in spans:
        words = len(re.findall(r"\w+", par.text[q.start : q.end]))
        s = _sentence(par, q.start)
        attributed = any(s.start <= i < s.end and not (q.start <= i < q.end) for i in starts)
        (speech if words > SCARE_MAX_WORDS or (attributed and words) else scare).append(q)
    return speech, scare


def detect(par: Paragraph, context: bool = True) -> Finding:
    """Everything the sourcing measure reports for ``par``. With ``context``, the previous
    paragraph (``par.previous_text``) is read too, to resolve pronouns and to give a
    quotation that runs on from it its speaker."""
    speech, scare = _accept(par, par.quotes)
    sources = attribution.find(par, speech)
    quotes = [Quote(q.start, q.end) for q in speech]
    prev = _previous(par.previous_text) if context and par.previous_text else None
    _colon_speakers(par, speech, quotes, sources)
    sources.extend(_anonymous_phrases(par, speech, sources))
    sources.sort(key=lambda s: s.start)
    _resolve(par, sources, prev)
    _assign(par, quotes, sources, prev)
    for s in sources:
        s.quotes = sum(1 for q in quotes if q.speaker is s)
    quoted = sum(1 for t in par.tokens if any(q.start <= t[0] and t[1] <= q.end for q in quotes))
    return Finding(quotes, sources, scare, quoted, _person_mentions(par, speech))


@functools.lru_cache(maxsize=256)
def _previous(text: str) -> Finding:
    return detect(paragraph(text), context=False)


def _colon_speakers(par: Paragraph, speech: list[Span], quotes: list[Quote], sources: list[Source]) -> None:
    """``Ruth Steere marvels at how …: “…”``: the subject of the introducing sentence,
    when that sentence has no attribution of its own."""
    mask = attribution.masked(par, speech)
    for q in quotes:
        before = par.text[: q.start].rstrip()
        if not before.endswith(":"):
            continue
        s = _sentence(par, max(0, len(before) - 1))
        if any(s.start <= x.start < len(before) for x in sources):
            continue
        run = names.subject_run(mask[s.start : len(before)])
        if not run:
            continue
        start = mask.find(run, s.start)
        verdict = names.classify(run)
        if start < 0 or not verdict.kind or verdict.role:
            continue
        if not any(x.start == start for x in sources):
            sources.append(Source(start, start + len(run), run, verdict.kind, verdict.name,
                                  verdict.why + "; introduces a quotation with a colon",
                                  clause_start=start))


@functools.cache
def _phrase_pattern() -> re.Pattern[str]:
    terms = [e.term for e in lx.load(names.LEXICON).entries if e.category == "anon_phrase"]
    alt = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})\b", re.IGNORECASE)


def _anonymous_phrases(par: Paragraph, speech: list[Span], sources: list[Source]) -> list[Source]:
    """"a document seen by this publication", "people familiar with the matter": an
    unnamed source marked by the phrase itself, with or without a reporting verb."""
    out = []
    text = par.text
    for m in _phrase_pattern().finditer(text):
        if any(q.start <= m.start() < q.end for q in speech):
            continue
        clause = max(text.rfind(ch, 0, m.start()) for ch in ",;:.(|“”\"") + 1
        start = _np_start(text, clause, m.start())
        tail = re.match(r"[^,;:.!?()“”\"]*", text[m.end() :])
        end = m.end() + (tail.end() if tail else 0)
        end = len(text[:end].rstrip())
        if any(s.start < end and start < s.end for s in sources):
            continue
        sentence = _sentence(par, m.start())
        verb = next((v for v in attribution.verbs(par, speech)
                     if sentence.start <= v.start < sentence.end and v.start >= m.end()), None)
        src = Source(start, end, text[start:end], "anonymous", text[start:end],
                     f"'{m.group()}': an unnamed source", clause_start=start)
        if verb is not None:
            src.verb, src.verb_start, src.verb_end = text[verb.start : verb.end], verb.start, verb.end
            src.verb_category = verb.entry.category
        out.append(src)
    return out


def _np_start(text: str, clause: int, i: int) -> int:
    """Start of the noun phrase that ends just before ``i``: the nearest article or
    quantifier within four words, else the clause start."""
    words = list(re.finditer(r"[\w’'-]+", text[clause:i]))[-5:]
    for w in words:
        if w.group().lower() in ("a", "an", "the", "people", "sources", "officials", "one", "two"):
            return clause + w.start()
    return clause + words[0].start() if words else i


def _candidates(sources: list[Source], before: int | None = None) -> list[Source]:
    return [s for s in sources if s.kind != "pronoun" and (before is None or s.start < before)]


def _fits(pron: str, s: Source) -> bool:
    if pron in ("he", "she"):
        if s.kind == "person":
            return True
        head = names.head_words(s.text.split())
        return s.kind == "anonymous" and bool(head) and names._bare(head[-1]) in _SINGULAR_ROLES
    if pron == "it":
        return s.kind == "organisation"
    return s.kind in ("organisation", "anonymous")


def _resolve(par: Paragraph, sources: list[Source], prev: Finding | None) -> None:
    initial = _person_mentions(par, par.quotes)
    for s in sources:
        if s.kind != "pronoun":
            continue
        pron = names.PRONOUNS.get(s.text.lower(), s.text.lower())
        # Sources before the pronoun first; people merely named, when no source fits.
        here = [c for c in _candidates(sources, s.start) if _fits(pron, c)]
        here = here or [c for c in initial if c.start < s.start and _fits(pron, c)]
        back = [c for c in (prev.sources + prev.people if prev else []) if _fits(pron, c)]
        back.sort(key=lambda c: c.start)
        target = here[-1] if here else (back[-1] if back else None)
        if target is not None:
            s.kind, s.resolved = target.kind, target.resolved or target.name
            s.why = f"'{s.text}' refers to {s.resolved}"
        elif pron in ("he", "she"):
            s.kind, s.why = "person", f"'{s.text}': a named person not found nearby (counted as named)"
        elif pron == "they":
            s.kind, s.why = "anonymous", "'they' with no group or organisation before it"
        else:
            s.kind = ""
    sources[:] = [s for s in sources if s.kind]


_PERSON_RUN = re.compile(r"\b[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|von|van|de|al|bin))*")


def _person_mentions(par: Paragraph, quotes: list[Span]) -> list[Source]:
    """People named outside quotations, for pronoun resolution: a run of two or more
    capitalised words that reads as a personal name (``Holger von Neuhoff``), or one word
    followed by a verb-like lower-case word (``Planas invited``, ``Tabata doesn’t``)."""
    out = []
    text = par.text
    nouns = names.words_of("anon_role") | names.words_of("org_head") | names.words_of("document")
    for m in _PERSON_RUN.finditer(text):
        if any(q.start <= m.start() < q.end for q in quotes):
            continue
        run = m.group()
        if re.search(r"(?:\b(?:the|The)|[A-Z]\w*\s+(?:for|of|and|at))\s+$", text[max(0, m.start() - 30) : m.start()]):
            continue  # "the Royal Armouries", "Institute for Forensic Medicine": an institution
        verdict = names.classify(run)
        if verdict.kind != "person":
            continue
        if " " not in verdict.name:
            nxt = re.match(r"\s+([a-z][\w’']*)", text[m.end() :])
            word = nxt.group(1) if nxt else ""
            if not word or word in names.STOPWORDS or word in nouns or word.endswith("’s"):
                continue
        out.append(Source(m.start(), m.end(), run, "person", verdict.name, verdict.why))
    return out


def speaker_name(s: Source) -> str:
    """The name a source stands for: the resolved name of a pronoun, else its name."""
    return s.resolved or s.name


def _assign(par: Paragraph, quotes: list[Quote], sources: list[Source], prev: Finding | None) -> None:
    text = par.text
    for i, q in enumerate(quotes):
        after = [s for s in sources if s.clause_start >= q.end and _ADJACENT.match(text[q.end : s.clause_start])]
        before = [s for s in sources
                  if max(s.end, s.verb_end) <= q.start and _ADJACENT.match(text[max(s.end, s.verb_end) : q.start])]
        sent = _sentence(par, q.start)
        same = [s for s in sources if sent.start <= s.start < sent.end and not (q.start <= s.start < q.end)]
        if after:
            q.speaker, q.how = after[0], "attribution after the quotation"
        elif before:
            q.speaker, q.how = before[-1], "attribution before the quotation"
        elif same:
            q.speaker = min(same, key=lambda s: min(abs(s.start - q.end), abs(q.start - s.end)))
            q.how = "attribution in the same sentence"
        elif i > 0 and quotes[i - 1].speaker is not None:
            q.speaker, q.how = quotes[i - 1].speaker, "continues the previous quotation's speaker"
        elif q.start == _first_char(text) and prev is not None and prev.quotes and prev.quotes[-1].speaker:
            q.speaker, q.how = prev.quotes[-1].speaker, "runs on from the previous paragraph"
        else:
            earlier = [s for s in sources if s.end <= q.start]
            if earlier:
                q.speaker, q.how = earlier[-1], "last source before the quotation"


def _first_char(text: str) -> int:
    return len(text) - len(text.lstrip())
