"""Quotations, their speakers, and every source of one paragraph.

``detect(par)`` returns a :class:`Finding`:

- ``quotes``: direct quotations (text.py's spans between double quotes, straight or curly,
  including those that run over a paragraph break; in a paragraph with no double marks,
  spans between single ones: 'You've stolen data too'). A quoted fragment of three words or
  fewer is speech only when a reporting verb before it in its sentence (or right after it:
  "“choice and value,” said X") reports it, and never when words name it ("so-called") or an
  explanation follows it; otherwise it is a scare quote ("an “excruciating” nerve"), kept
  apart in ``scare`` (the measure's ``scare_quotes``).
- ``sources``: attributions found by :mod:`analysis.sourcing.attribution`, sources that
  introduce a quotation with a colon, and unnamed sources marked by a phrase ("a document
  seen by", "people familiar with") unless the phrase describes the source before it ("said
  one former official, who asked not to be named"), with one-word names re-read as
  institutions where the paragraph shows it ("Crane said it expects"), definite
  descriptions given the kind of the name they refer back to ("the agency" after "Middle
  East News Agency"), pronouns resolved, one mention kept per source per sentence, and the
  quotations each one carries counted (``quotes > 0`` = direct).
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
from collections.abc import Callable
from dataclasses import dataclass, field

from analysis.sourcing import attribution, names
from analysis.sourcing import mentions as mn
from analysis.sourcing import phrases as ph
from analysis.sourcing.attribution import Source
from analysis.text import Paragraph, Span, paragraph, quote_spans

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
    base: _Base | None = field(default=None, repr=False, compare=False)

    @property
    def people(self) -> list[Source]:
        """Persons named outside quotations (for pronoun resolution), found when first asked."""
        return list(self.base.people) if self.base is not None else []


def speaker_name(s: Source) -> str:
    """The name a source stands for: the resolved name of a pronoun, else its name."""
    return s.resolved or s.name


def detect(par: Paragraph, context: bool = True) -> Finding:
    """Everything the sourcing measure reports for ``par``. With ``context``, the previous
    paragraph (``par.previous_text``) is read too, to resolve pronouns and to give a
    quotation that runs on from it its speaker."""
    prev = functools.partial(_previous, par.previous_text) if context and par.previous_text else None
    return _finish(_base(_Key(par.text, par.quotes, par)), prev)


@dataclass(frozen=True)
class _Base:
    """What detection finds before it reads the previous paragraph: shared between calls
    through :func:`_base`'s cache, so it is copied before anything is changed in it.
    ``people`` is read only where a pronoun needs it, so it is found then."""

    par: Paragraph
    speech: list[Span]
    scare: list[Span]
    sources: list[Source]  # sorted, pronouns unresolved
    quoted_words: int

    @functools.cached_property
    def people(self) -> list[Source]:
        return mn.person_mentions(self.par, self.speech)


class _Key:
    """A paragraph as the cache of :func:`_base` sees it: its text and quotation spans
    (sentences and tokens follow from the text). ``par`` may be None: built when needed."""

    __slots__ = ("text", "spans", "par", "_hash")

    def __init__(self, text: str, quotes: list[Span], par: Paragraph | None) -> None:
        self.text, self.spans, self.par = text, tuple((q.start, q.end) for q in quotes), par
        self._hash = hash((text, self.spans))

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Key) and self.text == other.text and self.spans == other.spans


@functools.lru_cache(maxsize=512)
def _base(key: _Key) -> _Base:
    par = key.par if key.par is not None else paragraph(key.text)
    spans = par.quotes
    if not spans and ("'" in par.text or "‘" in par.text) and not mn.DOUBLE_MARKS.search(par.text):
        spans = mn.single_quotes(par.text)  # no double marks: single ones are quotation marks
    all_verbs = attribution.verbs(par, spans)
    mask = ph.masked(par, spans)
    first = attribution.find(par, spans, all_verbs, mask)
    speech, scare = mn.accept(par, spans, first, [v.start for v in all_verbs])
    if scare:  # verbs and sources again, now that short fragments are plain text
        found_verbs = attribution.verbs(par, speech)
        mask = ph.masked(par, speech)
        sources = attribution.find(par, speech, found_verbs, mask)
    else:
        found_verbs, sources = all_verbs, first
    sources += mn.colon_speakers(par, mask, speech, sources)
    sources.sort(key=lambda s: s.start)
    mn.institutions(par, sources)
    mn.refer_back(par, sources)
    sources += mn.anonymous_phrases(par, speech, sources, found_verbs)
    sources.sort(key=lambda s: s.start)
    return _Base(par, speech, scare, sources, mn.quoted_words(par, speech))


# The previous paragraph's finding, asked for only when a pronoun or a quotation that
# opens the paragraph needs it (most paragraphs need neither).
_Context = Callable[[], Finding] | None


def _finish(base: _Base, prev: _Context) -> Finding:
    """Resolve pronouns and assign speakers on fresh copies of ``base``'s sources."""
    sources = [_copy(s) for s in base.sources]
    quotes = [Quote(q.start, q.end) for q in base.speech]
    _resolve(sources, base, prev)
    _one_per_sentence(base.par, sources)
    _assign(base.par, quotes, sources, prev)
    carried: dict[int, int] = {}
    for q in quotes:
        if q.speaker is not None:
            carried[id(q.speaker)] = carried.get(id(q.speaker), 0) + 1
    for s in sources:
        s.quotes = carried.get(id(s), 0)
    return Finding(quotes, sources, list(base.scare), base.quoted_words, base)


def _copy(s: Source) -> Source:
    """A shallow copy (``copy.copy`` without its generic machinery)."""
    c = object.__new__(Source)
    c.__dict__.update(s.__dict__)
    return c


@functools.lru_cache(maxsize=256)
def _previous(text: str) -> Finding:
    """The previous paragraph read on its own (no context, no quotation carried into it)."""
    return _finish(_base(_Key(text, quote_spans(text), None)), None)


_CLASSES = ("he", "it", "they")


@functools.lru_cache(maxsize=4096)
def _singular(text: str) -> bool:
    """An expression headed by a singular role (``a spokeswoman for …``)."""
    head = names.head_words(text.split())
    return bool(head) and names._bare(head[-1]) in _SINGULAR_ROLES


def _fits(pron: str, s: Source) -> bool:
    if pron == "he":
        if s.kind == "person":
            return True
        return s.kind == "anonymous" and _singular(s.text)
    if pron == "it":
        return s.kind == "organisation"
    return s.kind in ("organisation", "anonymous")


def _back(prev: _Context) -> dict[str, Source | None]:
    """The last fitting source or person of the previous paragraph, per pronoun class."""
    back: dict[str, Source | None] = dict.fromkeys(_CLASSES)
    if prev is not None:
        found = prev()
        for c in sorted(found.sources + found.people, key=lambda c: c.start):
            for cls in _CLASSES:
                if _fits(cls, c):
                    back[cls] = c
    return back


def _resolve(sources: list[Source], base: _Base, prev: _Context) -> None:
    """Resolve pronoun sources in one sweep, keeping the last fitting source and the last
    named person for each pronoun class."""
    if all(s.kind and s.kind != "pronoun" for s in sources):
        return  # no pronoun to resolve and nothing to drop (most paragraphs)
    people = base.people
    back: dict[str, Source | None] | None = None  # read when first needed
    last: dict[str, Source | None] = dict.fromkeys(_CLASSES)
    named: dict[str, Source | None] = dict.fromkeys(_CLASSES)
    events = sorted([(s.start, 1, s) for s in sources] + [(p.start, 0, p) for p in people],
                    key=lambda e: (e[0], e[1]))
    for _, is_source, s in events:
        if is_source and s.kind == "pronoun":
            pron = names.PRONOUNS.get(s.text.lower(), s.text.lower())
            cls = "he" if pron in ("he", "she") else pron
            target = last.get(cls) or named.get(cls)
            if target is None:
                back = _back(prev) if back is None else back
                target = back.get(cls)
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


def _key_name(s: Source) -> str:
    name = (s.resolved or s.name).lower().replace("’", "'")
    name = re.sub(r"^(?:the|a|an)\s+|'s\b", "", name)
    return " ".join(name.split())


def _one_per_sentence(par: Paragraph, sources: list[Source]) -> None:
    """One mention per source per sentence: the same name (or the same pronoun referent) of
    the same kind credited by several verbs in one sentence ("Ms. Atimadi says … and she
    says …", "They believe …, the federal officials have said") is one mention, the first."""
    if len(sources) < 2:
        return
    starts = [s.start for s in par.sentences]
    sentences = [bisect_right(starts, s.start) for s in sources]
    if len(set(sentences)) == len(sentences):
        return  # one source per sentence already (the usual case)
    if len(set(sentences)) == len(sentences):
        return  # one source per sentence already (the usual case)
    seen: dict[tuple[int, str, str], Source] = {}
    kept: list[Source] = []
    for s, sentence in zip(sources, sentences, strict=True):
        key = (sentence, s.kind, _key_name(s))
        first = seen.get(key)
        if first is None:
            seen[key] = s
            kept.append(s)
        elif first.text.lower() in names.PRONOUNS and s.text.lower() not in names.PRONOUNS:
            kept[kept.index(first)] = seen[key] = s  # "They believe …, the officials said": the named one
        elif first.verb_start < 0 <= s.verb_start:
            first.verb, first.verb_start, first.verb_end, first.verb_category = (
                s.verb, s.verb_start, s.verb_end, s.verb_category)
    sources[:] = kept


def _assign(par: Paragraph, quotes: list[Quote], sources: list[Source], prev: _Context) -> None:
    if not quotes:
        return
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
        elif q.start == opening and prev is not None and prev().quotes and prev().quotes[-1].speaker:
            q.speaker, q.how = prev().quotes[-1].speaker, "runs on from the previous paragraph"
        else:
            k = bisect_right(ends, q.start) - 1
            if k >= 0:
                q.speaker, q.how = by_end[k], "last source before the quotation"
