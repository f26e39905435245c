"""Hedging: how much a paragraph qualifies its claims, in hedge cues per 100 words.

Lexicon ``hedges`` (data/lexicons/hedges.csv): epistemic modals (may, might, could),
epistemic verbs (appears, suggests), hedging adverbs and adjectives (reportedly, alleged),
attribution hedges (according to, is said to), approximators (roughly, about 40) and vague
sources (some experts, insiders). Each match adds its weight (1 = a full cue, 0.5 = a weak
one). Context rules:

- "May" written with a capital in mid-sentence, or next to a day or year, is the month or a
  name, not the modal: weight 0, kept as evidence with the reason.
- approximators that only hedge a quantity ("about", "around", "some", "up to") count only
  before a number.
- a cue inside a direct quotation keeps its weight and is marked ``quoted``: it is the
  source's hedge, not the journalist's.

Range 0 and up; higher = more hedged. NaN for a paragraph without words.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis import lexicon as lx
from analysis.measures.base import (
    Column,
    Evidence,
    Measure,
    Scored,
    category_rates,
    per_100_words,
    pooled_rate,
)
from analysis.text import Document, Paragraph

NAME = "hedging"
VERSION = "1.0"
LEXICON = "hedges"

_NUMBER = re.compile(
    r"\s*(?:[$£€]\s*)?\d"
    r"|\s*(?:an? )?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|"
    r"dozen|half|third|quarter)\b",
    re.IGNORECASE,
)
# The lexicon's categories, declared here so the columns are known without reading it;
# a test checks that the CSV uses exactly these.
CATEGORIES = ("adverb", "approximator", "attribution", "epistemic_verb", "modal", "softener",
              "uncertain_adjective", "vague_source")
NUMERIC_ONLY = frozenset({"about", "around", "some", "up to", "over"})
_MONTH_CONTEXT = frozenset(
    "in on since until till by from early late mid last next this of during between "
    "before after through to and".split()
)


def _month_or_name(par: Paragraph, start: int, end: int) -> str:
    """Why a matched "may" is not the modal, or "" when it is the modal."""
    word = par.text[start:end]
    if word != "May":
        return ""
    prev = par.tokens_before(start, 1)
    nxt = par.tokens_after(end, 1)
    if nxt and nxt[0][2].isdigit() or prev and prev[-1][2].isdigit():
        return "'May' beside a day or year: the month, not the modal"
    if prev and prev[-1][2] in _MONTH_CONTEXT:
        return f"'{prev[-1][2]} May': the month, not the modal"
    sentence_start = any(s.start == start for s in par.sentences) or start == 0
    if not sentence_start:
        return "capitalised 'May' in mid-sentence: the month or a name, not the modal"
    return ""


def score(par: Paragraph) -> Scored:
    lex = lx.load(LEXICON)
    evidence: list[Evidence] = []
    for m in lex.finditer(par.text):
        entry = m.entry
        weight, note = entry.weight, ""
        if entry.term == "may":
            reason = _month_or_name(par, m.start, m.end)
            if reason:
                weight, note = 0.0, reason
        elif entry.term in NUMERIC_ONLY and not _NUMBER.match(par.text, m.end):
            continue  # "about the theft" is not an approximation
        quoted = par.in_quote(m.start, m.end)
        if quoted:
            note = "; ".join(filter(None, [note, "in quoted speech"]))
        evidence.append(
            Evidence(m.start, m.end, entry.category, par.text[m.start : m.end], weight, note, quoted)
        )
    total = sum(e.weight for e in evidence)
    values: dict[str, float | str] = {
        NAME: per_100_words(total, par.words),
        "hedging_quoted": per_100_words(sum(e.weight for e in evidence if e.quoted), par.words),
    }
    values.update(category_rates(NAME, CATEGORIES, evidence, par.words))
    return Scored(values, evidence)


def summarize(doc: Document, paragraphs: pd.DataFrame, evidence: pd.DataFrame) -> dict[str, float | str]:
    out: dict[str, float | str] = {NAME: pooled_rate(NAME, paragraphs, evidence)}
    words = int(paragraphs["words"].sum()) if len(paragraphs) else 0
    quoted = evidence[(evidence["measure"] == NAME) & evidence["quoted"]] if len(evidence) else evidence
    out["hedging_quoted"] = per_100_words(float(quoted["weight"].sum()) if len(quoted) else 0.0, words)
    for cat in CATEGORIES:
        out[f"{NAME}_{cat}"] = pooled_rate(NAME, paragraphs, evidence, cat)
    return out


def _columns() -> tuple[Column, ...]:
    cols = [
        Column(NAME, "Hedging", "hedges per 100 words", 0, None, "higher = more hedged",
               "Weighted hedge cues (modals, epistemic verbs, hedging adverbs, attribution "
               "hedges, approximators, vague sources) per 100 words."),
        Column("hedging_quoted", "Hedging in quotes", "hedges per 100 words", 0, None,
               "higher = more hedged quoted speech",
               "The part of the hedging rate that falls inside direct quotations."),
    ]
    for cat in CATEGORIES:
        cols.append(Column(f"{NAME}_{cat}", f"Hedging: {cat.replace('_', ' ')}",
                           "hedges per 100 words", 0, None, "higher = more hedged",
                           f"Hedge cues of category '{cat}' per 100 words."))
    return tuple(cols)


MEASURE = Measure(
    name=NAME,
    version=VERSION,
    columns=_columns(),
    score=score,
    summarize=summarize,
    lexicon=LEXICON,
    method="Sum of hedge-cue weights (1 full cue, 0.5 weak cue) / words x 100.",
    limits=(
        "A word list with context rules, not a parser: it cannot tell an epistemic 'could' "
        "from a past ability ('could swim'), nor see hedging done by syntax. Cues in quoted "
        "speech are counted and marked, so the journalist's voice can be read apart."
    ),
)
