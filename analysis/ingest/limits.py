"""How much text one upload may hand to the scorer: caps checked after extraction, before scoring.

A file under the 20 MiB upload limit can still hold more text than the server can score in
reasonable time and memory, and some shapes of text cost far more per word than prose. Every
reader (``load``, ``load_bytes``, ``load_text``, ``load_url``) and the batch command check the
extracted text with :func:`check` before anything segments or scores it:

- ``words`` (white-space separated) and ``chars``: the size of the text. Scoring time and
  memory grow linearly with both.
- ``lines``: lines that hold a word, an upper bound on the paragraphs the segmenter can make.
  Each paragraph costs about 0.2 ms and 8 KB however short it is, so 100,000 one-word
  paragraphs cost more than 500,000 words of prose. The cap is ``words / 12.5`` (20,000 at
  the default): raising the word cap raises it in proportion.
- ``sentence_words``: the longest sentence, as the segmenter will split it. VADER's cost per
  sentence grows with the square of its length (one 20,000-word sentence: 6.6 s; 100,000
  words: 234 s), so a run of 1,000 words without a sentence end is refused: that is not prose.

The defaults come from ``python -m bench.bench_upload_cap`` on the development machine (2
cores shared with other work, load average 4 to 6): at the caps, the costliest shape (every
word a lexicon term, 242,000 words filling the character cap, 20,000 paragraphs) took 7.8 s
of CPU and 436 MiB on the command line, 7.2 s and 463 MiB in the scoring worker; prose of
250,000 words 4.5 s and 316 MiB; the slowest wall-clock time was 16.5 s. Under the heaviest
load seen here wall-clock time ran three to four times the CPU time, which keeps scoring any
accepted text within 60 s and 1 GB. (Exports cost more than scoring; see docs/deployment.md.)

Raising the caps: ``--max-words N`` / ``--max-chars N`` on the command line, or the
environment variables ``NARRATIVE_LENS_MAX_WORDS`` / ``NARRATIVE_LENS_MAX_CHARS`` for the
server (read only by :func:`from_environment`).
"""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

from analysis.ingest.errors import UnreadableInput

ENV_WORDS = "NARRATIVE_LENS_MAX_WORDS"
ENV_CHARS = "NARRATIVE_LENS_MAX_CHARS"
MAX_WORDS = 250_000
MAX_CHARS = 2_000_000
WORDS_PER_LINE = 12.5  # the line cap is words / 12.5
MAX_SENTENCE_WORDS = 1_000

_WORD = re.compile(r"\S+")
_LINE_WITH_WORD = re.compile(r"^[^\r\n]*\w[^\r\n]*$", re.MULTILINE)
_BLANK_LINE = re.compile(r"(?:\r\n|\r|\n)[^\S\r\n]*(?:\r\n|\r|\n)")


class BadSetting(ValueError):
    """A server setting (environment variable) that is not a usable number."""


class TooMuchText(UnreadableInput):
    """Extracted text over one of the caps; the message names the cap and how to raise it."""


@dataclass(frozen=True)
class TextLimits:
    """The caps on one text (see the module docstring for what each bounds and why)."""

    words: int = MAX_WORDS
    chars: int = MAX_CHARS
    sentence_words: int = MAX_SENTENCE_WORDS

    @property
    def lines(self) -> int:
        return max(1, round(self.words / WORDS_PER_LINE))

    def __post_init__(self) -> None:
        for field, value in (("words", self.words), ("chars", self.chars), ("sentence_words", self.sentence_words)):
            if not isinstance(value, int) or value < 1:
                raise ValueError(f"the {field} cap must be a whole number of at least 1, not {value!r}")


def from_environment(environ: Mapping[str, str] | None = None) -> TextLimits:
    """The server's caps: the defaults, or ``NARRATIVE_LENS_MAX_WORDS``/``_CHARS`` when set.
    The one place these variables are read."""
    env = os.environ if environ is None else environ
    caps = {}
    for field, var in (("words", ENV_WORDS), ("chars", ENV_CHARS)):
        raw = env.get(var, "").strip().replace("_", "").replace(",", "")
        if not raw:
            continue
        if not raw.isdigit() or int(raw) < 1:
            raise BadSetting(f"{var} must be a whole number of {field} (at least 1), not {env.get(var)!r}")
        caps[field] = int(raw)
    return TextLimits(**caps)


def with_overrides(words: int | None = None, chars: int | None = None) -> TextLimits:
    """The server's caps with the command line's ``--max-words``/``--max-chars`` on top."""
    base = from_environment()
    return TextLimits(words=words or base.words, chars=chars or base.chars,
                      sentence_words=base.sentence_words)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--max-words N`` and ``--max-chars N`` for a command that reads texts."""
    parser.add_argument("--max-words", type=_positive, metavar="N",
                        help=f"refuse a text of more than N words (default: ${ENV_WORDS}, else {MAX_WORDS:,}); "
                             f"also allows one paragraph per {WORDS_PER_LINE:g} words")
    parser.add_argument("--max-chars", type=_positive, metavar="N",
                        help=f"refuse a text of more than N characters (default: ${ENV_CHARS}, else {MAX_CHARS:,})")


def _positive(raw: str) -> int:
    value = raw.replace("_", "").replace(",", "")
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {raw!r}")
    return int(value)


_RAISE = {"words": f"--max-words N on the command line, or {ENV_WORDS} on the server",
          "chars": f"--max-chars N on the command line, or {ENV_CHARS} on the server"}


def check(text: str, name: str, limits: TextLimits | None = None) -> None:
    """Raise :class:`TooMuchText` when ``text`` is over a cap. The cheapest count comes first;
    the character cap bounds the others' cost, and no count holds a list of the words."""
    lim = limits or from_environment()
    if len(text) > lim.chars:
        raise TooMuchText(f"{name}: {len(text):,} characters of text is over the limit of {lim.chars:,} "
                          f"characters for one text (it would take too long to score); to raise it: "
                          f"{_RAISE['chars']}")
    words = _count(_WORD, text)
    if words > lim.words:
        raise TooMuchText(f"{name}: {words:,} words is over the limit of {lim.words:,} words "
                          f"for one text (it would take too long to score); to raise it: {_RAISE['words']}")
    lines = _count(_LINE_WITH_WORD, text)
    if lines > lim.lines:
        raise TooMuchText(f"{name}: {lines:,} lines of text, each of which may become a "
                          f"paragraph; the limit is {lim.lines:,} (one per {WORDS_PER_LINE:g} words of "
                          f"the word limit: every paragraph costs time and memory however short it is); "
                          f"join short lines into paragraphs, or raise the word limit: {_RAISE['words']}")
    longest = longest_sentence(text, lim.sentence_words)
    if longest > lim.sentence_words:
        raise TooMuchText(f"{name}: it has a sentence of {longest:,} words (as sentences are split here: a "
                          "full stop, question or exclamation mark followed by a capital ends one); the limit "
                          f"is {lim.sentence_words:,} words, because the time to score a sentence grows with "
                          "the square of its length. Is it prose? Add the sentence ends, or blank lines "
                          "between its parts")


def _count(pattern: re.Pattern[str], text: str, stop: int | None = None) -> int:
    """Matches of ``pattern`` in ``text`` (counting stops once past ``stop``)."""
    n = 0
    for _ in pattern.finditer(text):
        n += 1
        if stop is not None and n > stop:
            break
    return n


def longest_sentence(text: str, enough: int) -> int:
    """The word count of the longest sentence the segmenter will make, exactly when it is over
    ``enough`` (otherwise some number up to ``enough``).

    Paragraphs never cross a blank line, so each blank-line block is checked on its own. A
    block of at most ``enough`` words cannot hold a longer sentence. Otherwise
    ``text.split_sentences`` over the whole block splits at a subset of the places the
    segmenter splits (it sees the same full stops, but not the paragraph ends inside the
    block), so its sentences can only be longer; only when one is too long does the block
    go through the segmenter itself, to count exactly."""
    from analysis.text import segment, split_sentences

    longest = 0
    start = 0
    for brk in [*_BLANK_LINE.finditer(text), None]:
        end = brk.start() if brk else len(text)
        block = text[start:end]
        start = brk.end() if brk else len(text)
        if _count(_WORD, block, enough) <= enough:
            continue
        if all(len(block[s.start:s.end].split()) <= enough for s in split_sentences(block)):
            continue
        for par in segment(block).paragraphs:
            for s in par.sentences:
                longest = max(longest, len(par.text[s.start:s.end].split()))
    return longest
