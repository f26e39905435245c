"""Alarm: how much a paragraph's wording signals threat, fear or crisis, per 100 words.

Lexicon ``alarm`` (data/lexicons/alarm.csv), eight categories: threat and danger, fear and
panic, escalation and crisis, catastrophe, war and conflict metaphors, urgency,
manipulation and control, sensational intensifiers. Each match adds its weight (2 strong,
1 ordinary, 0.5 weak: "risk", "huge"). Negation in the three words before a cue, within
its clause, cancels it ("no threat", weight 0) or halves it ("hardly a crisis"); "not a
minor breach" is not a negation. Cues in direct quotations are marked ``quoted``.

Range 0 and up; higher = more alarmist wording. NaN for a paragraph without words.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis import lexicon as lx
from analysis.measures.base import (
    Column,
    Evidence,
    Measure,
    Scored,
    lexicon_rates,
    negation,
    pooled_lexicon_rates,
    quoted_note,
)
from analysis.text import Document, Paragraph

NAME = "alarm"
VERSION = "1.0"
LEXICON = "alarm"
CATEGORIES = ("catastrophe", "conflict_metaphor", "escalation_crisis", "fear_panic",
              "manipulation_control", "sensational", "threat_danger", "urgency")


def score(par: Paragraph) -> Scored:
    evidence: list[Evidence] = []
    for m in lx.load(LEXICON).finditer(par.text):
        factor, note = negation(par, m.start)
        quoted = par.in_quote(m.start, m.end)
        if quoted:
            note = quoted_note(note)
        evidence.append(Evidence(m.start, m.end, m.entry.category, par.text[m.start : m.end],
                                 m.entry.weight * factor, note, quoted))
    return Scored(lexicon_rates(NAME, CATEGORIES, evidence, par.words), evidence)


def summarize(doc: Document, scored: Sequence[Scored]) -> dict[str, float | str]:
    return pooled_lexicon_rates(NAME, CATEGORIES, doc, scored)


MEASURE = Measure(
    name=NAME,
    version=VERSION,
    columns=(
        Column(NAME, "Alarm", "weighted alarm words per 100 words", 0, None,
               "higher = more alarmist wording",
               "Weighted alarm words (threat, fear, crisis, catastrophe, conflict metaphors, "
               "urgency, manipulation, sensational intensifiers) per 100 words; negated cues "
               "count 0 or half."),
        Column("alarm_quoted", "Alarm in quotes", "weighted alarm words per 100 words", 0, None,
               "higher = more alarm in quoted speech",
               "The part of the alarm rate that falls inside direct quotations (someone else's words)."),
        *(Column(f"{NAME}_{c}", f"Alarm: {c.replace('_', ' ')}", "weighted alarm words per 100 words",
                 0, None, "higher = more alarmist wording", f"Alarm words of category '{c}' per 100 words.")
          for c in CATEGORIES),
    ),
    score=score,
    summarize=summarize,
    lexicon=LEXICON,
    method="Sum of alarm-word weights (2 strong, 1 ordinary, 0.5 weak; negated x0 or x0.5) / words x 100.",
    limits=(
        "Our own curated list, validated only against a weak proxy (clickbait headlines). "
        "It counts words, not stance: a report about a crisis uses crisis words without "
        "being alarmist, so compare articles on the same event rather than reading levels alone."
    ),
)
