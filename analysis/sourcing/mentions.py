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
_SINGLE = re.compile(r"['‘’]")
DOUBLE_MARKS = re.compile(r"[\"“”«»]")
# A capital not preceded by a word character (the look-behind, after the capital, spans the
# character before it): the same runs as "\b[A-Z]...", but starting with the capital lets
# the engine skip straight to capitals instead of testing every position.
_PERSON_RUN = re.compile(r"[A-Z](?<!\w.)[\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|von|van|de|al|bin))*")
_INSTITUTION_BEFORE = re.compile(r"(?:\b(?:the|The)|[A-Z]\w*\s+(?:for|of|and|at))\s+$")
_WORDS = re.compile(r"\w+")
_PHRASE_TAIL = re.compile(r"[^,;:.!?()“”\"]*")
_NP_WORD = re.compile(r"[\w’'-]+")
_NEXT_WORD = re.compile(r"\s+([a-z][\w’']*)")
# A phrase inside a clause that describes the source just before it ("said one former
# official, who asked not to be named", "a spokesman, speaking on condition of anonymity"):
# the same person, so no second mention.
_ATTACHED = re.compile(r"[\s,]*(?:(?:who|whom|whose|which|speaking|asked|on condition|on the condition)\b|$)")
# Between a quoted fragment and the verb that attributes it: "," or a short subject.
_THEN_VERB = re.compile(r"[\s,]*(?:[\w.'’-]+\s+){0,4}$")
# Words before a quoted fragment that name or label it ("the so-called “distillation”").
_NAMING = re.compile(r"(?:so-called|so called|dubbed|known as|termed|the term|the word|the words|the phrase|"
                     r"the label|the slogan|nicknamed|called|titled|entitled|headlined|named|the section about)"
                     r"\s*$", re.IGNORECASE)
# An explanation after a quoted fragment: it is a term being defined ("a “tronc” – a
# standard pay arrangement", "“fully exploited,” meaning").
_EXPLAINED = re.compile(r"\s*(?:[,–—]\s*(?:a|an|the|meaning|which means|i\.e\.)\b|-\s+(?:a|an|the)\b|\(|meaning\b)")


def accept(par: Paragraph, spans: list[Span], found: list[Source],
           verb_starts: list[int] | None = None) -> tuple[list[Span], list[Span]]:
    """Split quoted spans into speech and scare quotes. A fragment of three words or fewer
    is speech only when a reporting verb of its sentence stands before it (it is part of
    what is reported: "calling them “baseless”", "says she was “flabbergasted”"), whether or
    not the verb's source is found (``verb_starts``: every reporting verb); never when
    words before it name it ("so-called", "dubbed", "titled") or an explanation follows it
    (a term being defined). A longer span is speech unless such words name it."""
    if not spans:
        return [], []
    speech: list[Span] = []
    scare: list[Span] = []
    text = par.text
    verbs = sorted(verb_starts if verb_starts is not None else (s.verb_start for s in found if s.verb_start >= 0))
    for q in spans:
        words = len(_WORDS.findall(text[q.start : q.end]))
        named = bool(_NAMING.search(text[max(0, q.start - 30) : q.start]))
        if words > SCARE_MAX_WORDS:
            (scare if named else speech).append(q)
            continue
        s = par.sentence_at(q.start)
        k = bisect_left(verbs, s.start)
        reported = k < len(verbs) and verbs[k] < q.start
        j = bisect_left(verbs, q.end)
        if not reported and j < len(verbs) and verbs[j] < s.end and (
                text[q.start : q.end].rstrip("”\"’' ").endswith(",") or text[q.end : q.end + 1] == ","):
            reported = bool(_THEN_VERB.match(text, q.end, verbs[j]))  # "“choice and value,” said X"
        inside = text.rfind("(", s.start, q.start) > text.rfind(")", s.start, q.start)
        explained = bool(_EXPLAINED.match(text, q.end))
        ok = words and reported and not named and not explained and not inside
        (speech if ok else scare).append(q)
    return speech, scare


def single_quotes(text: str) -> list[Span]:
    """Quotations in single marks, for text that uses no double ones (British headlines:
    'You've stolen data too'): an opening mark at the start or after a space or bracket and
    before a letter or digit, closed by a mark after a non-space and before a space,
    punctuation or the end. Apostrophes inside words ("You've") close nothing; a span left
    open is dropped."""
    out: list[Span] = []
    start: int | None = None
    for m in _SINGLE.finditer(text):
        i = m.start()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if start is None:
            if (before.isspace() or before in "([{—–-:") and after.isalnum():
                start = i
        elif not before.isspace() and not after.isalnum():
            if len(_WORDS.findall(text[start:i])) >= 1:
                out.append(Span(start, i + 1))
            start = None
    return out


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


@functools.cache
def _phrase_keys() -> tuple[str, ...]:
    """The longest word of each unnamed-source phrase: a paragraph without any of them holds
    no phrase, and its search is skipped."""
    terms = [e.term for e in lx.load(names.LEXICON).entries if e.category == "anon_phrase"]
    return tuple(sorted({max(t.split(), key=len) for t in terms}))


def anonymous_phrases(par: Paragraph, speech: list[Span], sources: list[Source],
                       found_verbs: list[lx.Match]) -> list[Source]:
    """"a document seen by this publication", "people familiar with the matter": an
    unnamed source marked by the phrase itself, with or without a reporting verb."""
    text = par.text
    low = text.lower()
    if not any(k in low for k in _phrase_keys()):
        return []  # no phrase can match (most paragraphs): skip the search
    out = []
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
        k = bisect_left(verb_starts, m.end())
        if k < len(verb_starts) and verb_starts[k] < end:
            end = verb_starts[k]  # "those close to the talks | said"
        while end > m.end() and text[end - 1].isspace():
            end -= 1
        near = range(max(0, bisect_left(starts, start) - 1), bisect_right(starts, end))
        if any(sources[k].start < end and start < sources[k].end for k in near):
            continue
        sentence = par.sentence_at(m.start())
        j = bisect_left(starts, start) - 1
        if j >= 0 and sources[j].end >= sentence.start and _ATTACHED.match(text[sources[j].end : start]):
            continue  # a clause about the source before it: one person, one mention
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


_ORG_SUFFIX = r"(?:Inc|Corp|Co|Cos|Ltd|PLC|plc|LLC|Group|Holdings|Bank|Airlines|International|S\.A|AG|N\.V)\b"
_IT_AFTER = re.compile(r"\s+(?:that\s+)?(?:[\w,]+\s+){0,4}?(?:its\b|it\s+(?:\w+ed\b|has\b|had\b|expects\b|plans\b|intends\b|"
                       r"hopes\b|(?:will|would|could|may|might|can)\s+(?!be\b|not\b|have\b)))")


@functools.lru_cache(maxsize=1024)
def _with_suffix(name: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(name)}(?:['’]s)?\s+{_ORG_SUFFIX}")


def institutions(par: Paragraph, sources: list[Source]) -> None:
    """Re-read one-word "persons" that the paragraph shows to be institutions: the name with
    a company suffix in the paragraph or the one before it ("Cilcorp Inc."), or a report
    whose subject is then "it" ("Crane said it expects", "Cilcorp said its")."""
    for s in sources:
        if s.kind != "person" or " " in s.name or not s.name[:1].isupper():
            continue
        suffix = _with_suffix(s.name)
        lo, hi = max(0, s.start - ph.WINDOW), s.end + ph.WINDOW
        it = s.verb_end >= 0 and s.verb_start > s.start and _IT_AFTER.match(par.text, s.verb_end)
        if (it or suffix.search(par.text, lo, hi)
                or par.previous_text and suffix.search(par.previous_text, max(0, len(par.previous_text) - ph.WINDOW))):
            s.kind = "organisation"
            s.why = "a one-word name the paragraph shows to be an institution (a company suffix, or 'it' after its verb)"


_DEFINITE_HEAD = re.compile(r"^(?:the|The)\s+([a-z]+)$")


@functools.lru_cache(maxsize=256)
def _name_ending(word: str) -> re.Pattern[str]:
    """A capitalised name that ends with ``word`` capitalised ("Middle East News Agency")."""
    return re.compile(rf"(?:[A-Z][\w'’&.-]*\s+(?:(?:of|for|and|the|de)\s+)?)+{word.capitalize()}\b")


def refer_back(par: Paragraph, sources: list[Source]) -> None:
    """"the agency" after "Egypt's official Middle East News Agency": a definite description
    whose head ends a capitalised name earlier in the paragraph or in the one before takes
    that name's kind, and the name as what it refers to."""
    for s in sources:
        if s.kind not in ("organisation", "government") or s.text[:4] not in ("the ", "The "):
            continue
        m = _DEFINITE_HEAD.match(s.text)
        if m is None:
            continue
        cap = m.group(1).capitalize()
        lo, prev = max(0, s.start - ph.WINDOW), par.previous_text
        p_lo = max(0, len(prev) - ph.WINDOW)
        here, there = par.text.find(cap, lo, s.start) >= 0, bool(prev) and prev.find(cap, p_lo) >= 0
        if not (here or there):
            continue  # the usual case: no capitalised name ends with the head
        name = _name_ending(m.group(1))
        found = [x.group() for x in name.finditer(par.text, lo, s.start)] if here else []
        if not found and there:
            found = [x.group() for x in name.finditer(prev, p_lo)]
        if found:
            verdict = names.classify(found[-1])
            if verdict.kind in ("organisation", "government"):
                s.kind, s.resolved = verdict.kind, found[-1]
                s.why = f"'{s.text}' refers to {found[-1]}: {verdict.why}"
