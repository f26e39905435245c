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
from itertools import accumulate

from analysis import structure

# A line that ends a sentence ends with one of these (possibly followed by closing quotes
# or brackets). A short line without one is a title or a section heading.
_FINAL = ".!?…:;"
_CLOSERS = "\"'”’»)]"
_BULLET = re.compile(r"^[ \t]*(?:[-*•–—▪●◦]|\d{1,3}[.)])[ \t]+")
_MD_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+")
_MD_TITLE = re.compile(r"^[ \t]*#[ \t]+")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_TOKEN = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")  # the same words, kept by split
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
    kind: str = "paragraph"  # "paragraph", "bullet", "social" (an embedded post) or "headline"
    section: str = ""
    sentences: list[Span] = field(default_factory=list)  # offsets relative to ``text``
    tokens: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, lower)
    quotes: list[Span] = field(default_factory=list)  # direct speech, relative to ``text``
    # The text of the paragraph before this one, for context (who "he" is, whose
    # quotation runs on); a string, not a link, so documents pickle without deep recursion.
    previous_text: str = field(default="", repr=False, compare=False)
    # A wire dateline opening the paragraph ("LONDON (Reuters) - "), relative to ``text``: a
    # place and an agency, not a speaker. None when there is none.
    dateline: Span | None = None

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

    def sentence_at(self, pos: int) -> Span:
        """The sentence holding ``pos`` (in O(log n)); the whole paragraph if none does."""
        i = bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and pos < self.sentences[i].end:
            return self.sentences[i]
        return Span(0, len(self.text))

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]


@dataclass
class Heading:
    start: int
    end: int
    text: str


@dataclass
class Block:
    """A part of the page that is not the outlet's own prose and is not scored as a paragraph:
    ``kind`` is "byline", "dateline", "caption", "promo" or "social_attribution". Offsets are
    into the whole original text."""

    start: int
    end: int
    text: str
    kind: str


@dataclass
class Document:
    """A segmented article. ``headline`` is the article's headline when it has one (scored on
    its own, never part of the paragraph arc); ``paragraphs`` the body that is scored;
    ``headings`` section headings; ``furniture`` bylines, captions, promos and the like."""

    raw: str
    paragraphs: list[Paragraph]
    headings: list[Heading]
    headline: Paragraph | None = None
    furniture: list[Block] = field(default_factory=list)

    @property
    def words(self) -> int:
        return sum(p.words for p in self.paragraphs)


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Word tokens as ``(start, end, lowercase form)``; curly apostrophes become straight.

    The text is lowered once and split at its words, the offsets summed from the pieces'
    lengths: the same tokens as lowering each word, when lowering keeps every character one
    character (no "İ") and needs no context (no capital sigma, whose lower form depends on its
    neighbours). Lowering never makes a word character of another or the reverse (a test checks
    every code point), so the words are found at the same places."""
    low = text.lower().replace("’", "'")
    if len(low) != len(text) or "Σ" in text:
        return [(m.start(), m.end(), m.group().lower().replace("’", "'")) for m in _TOKEN.finditer(text)]
    pieces = _TOKEN_SPLIT.split(low)  # between the words, a word, between, ..., between
    offsets = list(accumulate(map(len, pieces), initial=0))
    return list(zip(offsets[1:-1:2], offsets[2::2], pieces[1::2], strict=True))


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


_SPACE = re.compile(r"\s*")  # \s is str.isspace()'s white space


def _skip_space(text: str, i: int) -> int:
    """The first position from ``i`` on that is not white space."""
    m = _SPACE.match(text, i)
    return m.end() if m else i


def _starts_sentence(ch: str) -> bool:
    return ch.isupper() or ch.isdigit() or ch in "\"“‘'([" or not ch.isalpha() and not ch.islower()


def _word_before(text: str, i: int) -> str:
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "."):
        j -= 1
    return text[j:i]


_OPENERS = "“«"
_CLOSING = "\"”»"


def quote_spans(text: str, carried: bool = False) -> list[Span]:
    """Direct quotations in ``text``: spans between double quotes, straight or curly.

    Spans include the quote marks. News style opens every paragraph of a quotation that
    runs over paragraph breaks and closes only the last, so an unclosed quotation runs to
    the end of its paragraph and the next paragraph's opening mark starts a new span.
    ``carried`` says that the previous paragraph ended inside a quotation: when this
    paragraph then meets a closing mark before any opening one (the writer did not reopen
    the quotation), the span from the paragraph's start to that mark is quoted too.
    A closing curly mark with no quotation open, followed by a capital (``showed.” This is
    …,” said``, a mark typed the wrong way round), opens one when a closing mark follows.
    """
    spans: list[Span] = []
    start: int | None = None
    marks = list(re.finditer(r"[\"“”«»]", text))
    if carried and marks and _closes(text, marks[0].start()):
        spans.append(Span(0, marks[0].end()))
        marks = marks[1:]
    skip = -1
    for i, m in enumerate(marks):
        if i == skip:
            continue  # the closing mark of a nested quotation
        ch = m.group()
        opening = ch in _OPENERS or (ch == '"' and start is None)
        if start is None and not opening and ch == "”" and i + 1 < len(marks):
            opening = bool(re.match(r"\s*[A-Z0-9‘']", text[m.end() :]))
        if start is None and opening:
            start = m.start()
        elif start is not None and ch in _CLOSING:
            spans.append(Span(start, m.end()))
            start = None
        elif start is not None and ch in _OPENERS:
            if _nested(marks, i):  # “A “b” c,”: a quotation inside a quotation
                skip = next((k for k in range(i + 1, len(marks)) if marks[k].group() in "”»"), -1)
                continue
            spans.append(Span(start, m.start()))  # a new opening mark: the last one ran on
            start = m.start()
    if start is not None:
        spans.append(Span(start, len(text.rstrip())))
    return spans


def _nested(marks: list[re.Match[str]], i: int) -> bool:
    """An opening curly mark inside an open quotation is nested when the curly marks from
    it to the end of the paragraph close more often than they open (one of the closing
    marks is the outer quotation's); otherwise the outer quotation ran on unclosed."""
    rest = [m.group() for m in marks[i:]]
    return sum(ch in "”»" for ch in rest) > sum(ch in "“«" for ch in rest)


def _closes(text: str, i: int) -> bool:
    """Is the mark at ``i`` a closing one (curly closer, or a straight one after a word)?"""
    ch = text[i]
    if ch in "”»":
        return True
    return ch == '"' and i > 0 and not text[i - 1].isspace() and not text[i + 1 : i + 2].isalnum()


def ends_open(text: str, spans: list[Span]) -> bool:
    """True when the last quotation of a paragraph is still open at its end."""
    if not spans:
        return False
    last = spans[-1]
    return last.end >= len(text.rstrip()) and text[last.end - 1] not in _CLOSING


def paragraph(body: str, previous_text: str = "") -> Paragraph:
    """One standalone paragraph with its sentences, tokens and quotes (offsets into ``body``),
    read as following ``previous_text`` (a quotation left open there runs on into it)."""
    carried = ends_open(previous_text, quote_spans(previous_text)) if previous_text else False
    return Paragraph(index=0, start=0, end=len(body), text=body,
                     sentences=split_sentences(body), tokens=tokens(body),
                     quotes=quote_spans(body, carried), previous_text=previous_text)


def _is_heading(line: str, carried: bool = False) -> bool:
    """A short line without final punctuation, a Markdown ``#`` line, or a short line that ends
    in a quotation mark with no stop before it (a subheading quoting someone: ‘We are not a
    threat’). ``carried``: a quotation is open from the paragraph before, so a short line that
    closes it without reopening it ends that quotation and is no heading."""
    s = line.strip()
    if _MD_HEADING.match(s):
        return True
    if not s or s[-1] in _FINAL:
        return False
    if s[-1] in _CLOSERS:
        core = s.rstrip(_CLOSERS + " \t")
        if s[-1] not in _QUOTE_CLOSERS or not core or core[-1] in _FINAL + ",—–-":
            return False
        if carried and s[0] not in _QUOTE_OPENERS:
            return False
        if not (s[0].isupper() or s[0].isdigit() or s[0] in _QUOTE_OPENERS):
            return False
    return len(_TOKEN.findall(s)) <= HEADING_MAX_WORDS


_QUOTE_CLOSERS = "\"'”’»"
_QUOTE_OPENERS = "\"'“‘«"
HEADLINE_MAX_WORDS = 50  # a tabloid headline runs long; past this it is a paragraph without its stop
QUESTION_HEADLINE_MAX_WORDS = 25


def _headline(text: str, single_line: bool, spaced: bool) -> int | None:
    """Where the headline's text starts inside ``text``, the first block of a text of several
    blocks that is not furniture, or None if it is no headline.

    A headline is one line without a final stop. Followed by a blank line (or directly by a
    byline or dateline) it may run to HEADLINE_MAX_WORDS words, since tabloid headlines are
    long; followed by a single line break it must be short (HEADING_MAX_WORDS: it was a heading
    before, and a long line there is more likely a paragraph missing its stop). It may end in
    "?" or "!" ("Did China copy Claude?") when it is one sentence of at most
    QUESTION_HEADLINE_MAX_WORDS words and a blank line follows: a question standing alone above
    the text is how headlines ask, and a first paragraph of one question is rare. Closing
    quotation marks are looked through ("Lab chief: 'They took our work'" is a headline, a line
    ending '.”' is not), and a line that leaves a quotation open is no headline. A Markdown
    ``# Title`` is a headline whatever its ending; "## Section" is a section heading.
    """
    if not single_line or _BULLET.match(text):
        return None
    mark = _MD_TITLE.match(text)
    if mark:
        return mark.end()
    if _MD_HEADING.match(text):
        return None  # "## Section" opening a text is a section heading
    core = text.rstrip(_CLOSERS + " \t")
    if not core or core[-1] in ".:;,…":
        return None
    words = len(_TOKEN.findall(text))
    if not words or ends_open(text, quote_spans(text)):
        return None  # a headline does not leave a quotation open
    if core[-1] in "?!":
        one = len(split_sentences(text)) == 1
        return 0 if spaced and one and words <= QUESTION_HEADLINE_MAX_WORDS else None
    if words <= HEADING_MAX_WORDS or (spaced and words <= HEADLINE_MAX_WORDS):
        return 0
    return None


def _lines(raw: str) -> list[tuple[int, int]]:
    """Content ranges of every line (line break excluded), offsets into ``raw``."""
    out = []
    for m in _LINE.finditer(raw):
        if m.start() == m.end():
            break
        content = m.group().rstrip("\r\n")
        out.append((m.start(), m.start() + len(content)))
    return out


def _blocks(raw: str) -> list[tuple[int, int, bool, bool]]:
    """Blocks of text as ``(start, end, single_line, blank_after)``: lines separated by blank
    lines or single line breaks, a hard-wrapped line (it does not end a sentence and the next
    line starts in lower case) joined to the next; white space at either end left out."""
    blocks: list[tuple[int, int, bool, bool]] = []
    current: tuple[int, int] | None = None
    single = True
    for start, end in _lines(raw):
        line = raw[start:end]
        stripped = line.strip()
        if not stripped:
            if current:
                blocks.append((current[0], current[1], single, True))
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
                single = False
                continue
            blocks.append((current[0], current[1], single, False))
        current = (start, end)
        single = True
    if current:
        blocks.append((current[0], current[1], single, False))
    return blocks


def _paragraph(raw: str, start: int, end: int, index: int, kind: str, section: str,
               quotes: list[Span], previous_text: str) -> Paragraph:
    body = raw[start:end]
    par = Paragraph(index=index, start=start, end=end, text=body, kind=kind, section=section,
                    sentences=split_sentences(body), tokens=tokens(body), quotes=quotes,
                    previous_text=previous_text)
    if kind == "paragraph":
        lead = structure.wire_dateline(body)
        if lead:
            par.dateline = Span(0, lead)
    return par


def _plan(raw: str, blocks: list[tuple[int, int, bool, bool]]
          ) -> tuple[list[str | None], set[int], int, int, dict[int, int]]:
    """What each block of a text of several blocks is: its furniture kind (or None), the
    blocks that are embedded posts, the headline's block (-1: none) and where its text starts,
    and the question subheadings ({block: length of the question})."""
    kinds = [structure.furniture(raw[b[0] : b[1]]) for b in blocks]
    content = [i for i, k in enumerate(kinds) if k is None]
    social = {i - 1 for i, k in enumerate(kinds) if k == "social_attribution" and i and kinds[i - 1] is None}
    first, lead = -1, 0
    if len(content) > 1 and content[0] not in social:
        i = content[0]
        spaced = blocks[i][3] or (i + 1 < len(kinds) and kinds[i + 1] in ("byline", "dateline"))
        found = _headline(raw[blocks[i][0] : blocks[i][1]], blocks[i][2], spaced)
        if found is not None:
            first, lead = i, found
    # Questions with a subheading's form that open a paragraph or stand alone: subheadings when
    # the article has two or more (an explainer's), or in title case; else rhetorical prose.
    openers: dict[int, int] = {}
    for i in content:
        body = raw[blocks[i][0] : blocks[i][1]]
        if i != first and i not in social and not _BULLET.match(body):
            n = structure.question_opener(body)
            if n:
                openers[i] = n
    if len(openers) < 2:
        openers = {i: n for i, n in openers.items()
                   if structure.title_case(raw[blocks[i][0] : blocks[i][0] + n])}
    return kinds, social, first, lead, openers


def segment(raw: str) -> Document:
    """Split an article into its headline, headings, paragraphs and page furniture.

    Paragraphs are separated by blank lines and by single line breaks (news text uses
    both). A line that was hard-wrapped (it does not end a sentence and the next line
    starts in lower case) is joined to the next. The first line is the headline when it
    looks like one (see ``_headline``); a text of one line is a body, never a headline.
    Bylines, dateline blocks, captions, promos and the attribution line of an embedded
    social post are furniture (:mod:`analysis.structure`); the post above such a line is a
    paragraph of kind ``social`` quoted whole. A short line without final punctuation is a
    heading, not a paragraph; a Markdown ``#`` line likewise; so is a short line ending in a
    quotation mark, and a question with a subheading's form (``structure.question_opener``)
    when the article has two or more or it is in title case, also when it is glued to the
    start of the paragraph it heads (split off with exact offsets). Bullet items are
    paragraphs of kind ``bullet`` with the bullet mark left out of their span. A paragraph's
    ``section`` is the last heading above it, else the headline.
    """
    blocks = _blocks(raw)
    if len(blocks) > 1:
        kinds, social, first, lead, openers = _plan(raw, blocks)
    else:  # a text of one block is a body whatever it looks like (the validation sets score
        # single sentences, headlines and even bylines as texts of one paragraph)
        kinds, social, first, lead, openers = [None] * len(blocks), set(), -1, 0, {}

    paragraphs: list[Paragraph] = []
    headings: list[Heading] = []
    furniture: list[Block] = []
    headline: Paragraph | None = None
    section = ""
    carried = False
    for number, (start, end, _single, _blank) in enumerate(blocks):
        body = raw[start:end]
        if kinds[number] is not None:
            furniture.append(Block(start, end, body, kinds[number] or ""))
            continue
        if number == first:
            start += lead
            body = raw[start:end]
            headline = Paragraph(index=-1, start=start, end=end, text=body, kind="headline",
                                 sentences=split_sentences(body), tokens=tokens(body), quotes=quote_spans(body))
            section = body
            continue
        kind = "paragraph"
        last = number == len(blocks) - 1
        bullet = _BULLET.match(body)
        if number in social:
            kind = "social"
        elif bullet:
            kind = "bullet"
            start += bullet.end()
            body = raw[start:end]
        elif not last and (_is_heading(body, carried) or (openers and openers.get(number) == len(body))):
            mark = _MD_HEADING.match(body)
            if mark:
                start += mark.end()
            headings.append(Heading(start, end, raw[start:end]))
            section = raw[start:end]
            continue
        if not _TOKEN.search(body):
            continue  # punctuation only, a rule line: nothing to score
        if openers and kind == "paragraph" and openers.get(number, len(body)) < len(body):  # a glued question
            q = openers[number]
            headings.append(Heading(start, start + q, body[:q]))
            section = body[:q]
            start += _skip_space(body, q)
            body = raw[start:end]
        if kind == "social":
            quotes = [Span(0, len(body))]  # someone else's words, quoted whole
            carried = False
        else:
            quotes = quote_spans(body, carried)
            carried = ends_open(body, quotes)
        paragraphs.append(_paragraph(raw, start, end, len(paragraphs), kind, section, quotes,
                                     paragraphs[-1].text if paragraphs else ""))
    return Document(raw=raw, paragraphs=paragraphs, headings=headings, headline=headline, furniture=furniture)

