"""Segmentation: paragraphs, sentences, tokens and quotations, all with character offsets.

Nothing here rewrites the text. CRLF line ends, curly quotes and non-breaking spaces stay
where they are, so every offset reported anywhere in the project slices the text the user
gave (``raw[start:end]``). Sentence splitting is a rule-based splitter that needs no model
or download.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property

# A line that ends a sentence ends with one of these (possibly followed by closing quotes
# or brackets). A short line without one is a title or a section heading.
_FINAL = ".!?…:;"
_CLOSERS = "\"'”’»)]"
_BULLET = re.compile(r"^[ \t]*(?:[-*•–—▪●◦]|\d{1,3}[.)])[ \t]+")
_MD_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_TOKEN = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)
HEADING_MAX_WORDS = 14

# Abbreviations after which a full stop does not end a sentence (lowercase, no final dot).
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st sr jr gen col lt sgt capt cmdr adm gov sen rep pres rev hon
    mt ft no nos vol vols fig figs p pp ed eds inc ltd co corp plc llc dept univ est approx
    vs etc e.g i.e cf al jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.k u.n e.u a.m p.m""".split()
)
# Abbreviations that only stand before a number ("No. 10", "p. 4"): elsewhere "no." ends.
_BEFORE_NUMBER = frozenset("no nos p pp vol vols fig figs".split())
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+|$)")


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` into the original text."""

    start: int
    end: int


@dataclass
class Paragraph:
    """One scored paragraph. Offsets are into the whole original text."""

    index: int
    start: int
    end: int
    text: str
    kind: str = "paragraph"  # "paragraph" or "bullet"
    section: str = ""
    sentences: list[Span] = field(default_factory=list)  # offsets relative to ``text``
    tokens: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, lower)
    quotes: list[Span] = field(default_factory=list)  # direct speech, relative to ``text``

    @property
    def words(self) -> int:
        return len(self.tokens)

    @cached_property
    def _token_ends(self) -> list[int]:
        return [t[1] for t in self.tokens]

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t[0] for t in self.tokens]

    def tokens_before(self, pos: int, n: int) -> list[tuple[int, int, str]]:
        """The last ``n`` tokens ending at or before ``pos`` (in O(log n))."""
        i = bisect_right(self._token_ends, pos)
        return self.tokens[max(0, i - n) : i]

    def tokens_after(self, pos: int, n: int) -> list[tuple[int, int, str]]:
        """The first ``n`` tokens starting at or after ``pos``."""
        i = bisect_left(self._token_starts, pos)
        return self.tokens[i : i + n]

    def tokens_within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        i = bisect_left(self._token_starts, start)
        j = bisect_right(self._token_ends, end)
        return self.tokens[i:j]

    def sentence_texts(self) -> list[str]:
        return [self.text[s.start : s.end] for s in self.sentences]

    def in_quote(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` (paragraph-relative) lies inside quoted speech."""
        i = bisect_right(self._quote_starts, start) - 1
        return i >= 0 and end <= self.quotes[i].end

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [q.start for q in self.quotes]


@dataclass
class Heading:
    start: int
    end: int
    text: str


@dataclass
class Document:
    raw: str
    paragraphs: list[Paragraph]
    headings: list[Heading]

    @property
    def words(self) -> int:
        return sum(p.words for p in self.paragraphs)


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Word tokens as ``(start, end, lowercase form)``; curly apostrophes become straight."""
    return [
        (m.start(), m.end(), m.group().lower().replace("’", "'"))
        for m in _TOKEN.finditer(text)
    ]


def split_sentences(text: str) -> list[Span]:
    """Sentence spans of ``text`` (offsets relative to it), without any model or download.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes) followed by
    white space and then a capital, a digit or an opening quote, unless the word before the
    full stop is a known abbreviation or a single initial ("Dr.", "U.S.", "J.").
    """
    spans: list[Span] = []
    begin = _skip_space(text, 0)
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        nxt = _skip_space(text, end)
        if nxt >= len(text):
            break
        if not _starts_sentence(text[nxt]):
            continue
        if m.group()[0] == "." and len(m.group().rstrip(_CLOSERS)) == 1:
            word = _word_before(text, m.start()).lower()
            if word in _BEFORE_NUMBER:
                if text[nxt].isdigit():
                    continue
            elif word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        if end > begin:
            spans.append(Span(begin, end))
        begin = nxt
    tail_end = len(text.rstrip())
    if tail_end > begin:
        spans.append(Span(begin, tail_end))
    return spans


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _starts_sentence(ch: str) -> bool:
    return ch.isupper() or ch.isdigit() or ch in "\"“‘'([" or not ch.isalpha() and not ch.islower()


def _word_before(text: str, i: int) -> str:
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "."):
        j -= 1
    return text[j:i]


def quote_spans(text: str) -> list[Span]:
    """Direct quotations in ``text``: spans between double quotes, straight or curly.

    Spans include the quote marks. News style opens every paragraph of a quotation that
    runs over paragraph breaks and closes only the last, so an unclosed quotation runs to
    the end of its paragraph and the next paragraph's opening mark starts a new span.
    """
    spans: list[Span] = []
    start: int | None = None
    for m in re.finditer(r"[\"“”«»]", text):
        ch = m.group()
        opening = ch in "“«" or (ch == '"' and start is None)
        if start is None and opening:
            start = m.start()
        elif start is not None and ch in "\"”»":
            spans.append(Span(start, m.end()))
            start = None
        elif start is not None and ch in "“«":  # a new opening mark: the last one ran on
            spans.append(Span(start, m.start()))
            start = m.start()
    if start is not None:
        spans.append(Span(start, len(text.rstrip())))
    return spans


def _is_heading(line: str) -> bool:
    s = line.strip()
    if _MD_HEADING.match(s):
        return True
    if not s or s[-1] in _FINAL or s[-1] in _CLOSERS:
        return False
    return len(_TOKEN.findall(s)) <= HEADING_MAX_WORDS


def _lines(raw: str) -> list[tuple[int, int]]:
    """Content ranges of every line (line break excluded), offsets into ``raw``."""
    out = []
    for m in _LINE.finditer(raw):
        if m.start() == m.end():
            break
        content = m.group().rstrip("\r\n")
        out.append((m.start(), m.start() + len(content)))
    return out


def segment(raw: str) -> Document:
    """Split an article into headings and paragraphs with sentences, tokens and quotes.

    Paragraphs are separated by blank lines and by single line breaks (news text uses
    both). A line that was hard-wrapped (it does not end a sentence and the next line
    starts in lower case) is joined to the next. A short line without final punctuation is
    a heading, not a paragraph; a Markdown ``#`` line likewise. Bullet items are paragraphs
    of kind ``bullet`` with the bullet mark left out of their span.
    """
    blocks: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for start, end in _lines(raw):
        line = raw[start:end]
        stripped = line.strip()
        if not stripped:
            if current:
                blocks.append(current)
            current = None
            continue
        lead = len(line) - len(line.lstrip())
        start, end = start + lead, start + lead + len(stripped)
        if current is not None:
            prev = raw[current[0] : current[1]]
            wrapped = (
                prev[-1] not in _FINAL + _CLOSERS
                and stripped[0].islower()
                and not _BULLET.match(stripped)
            )
            if wrapped:
                current = (current[0], end)
                continue
            blocks.append(current)
        current = (start, end)
    if current:
        blocks.append(current)

    paragraphs: list[Paragraph] = []
    headings: list[Heading] = []
    section = ""
    for number, (start, end) in enumerate(blocks):
        body = raw[start:end]
        kind = "paragraph"
        last = number == len(blocks) - 1
        bullet = _BULLET.match(body)
        if bullet:
            kind = "bullet"
            start += bullet.end()
            body = raw[start:end]
        elif not last and _is_heading(body):  # a heading heads something
            mark = _MD_HEADING.match(body)
            if mark:
                start += mark.end()
            headings.append(Heading(start, end, raw[start:end]))
            section = raw[start:end]
            continue
        if not _TOKEN.search(body):
            continue  # punctuation only, a rule line: nothing to score
        paragraphs.append(
            Paragraph(
                index=len(paragraphs),
                start=start,
                end=end,
                text=body,
                kind=kind,
                section=section,
                sentences=split_sentences(body),
                tokens=tokens(body),
                quotes=quote_spans(body),
            )
        )
    return Document(raw=raw, paragraphs=paragraphs, headings=headings)
