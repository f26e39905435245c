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

import functools

from analysis import lexicon as lx
from analysis.measures.lexical import Spec, lexicon_measure

NAME = "alarm"
VERSION = "1.0"
LEXICON = "alarm"
CATEGORIES = ("catastrophe", "conflict_metaphor", "escalation_crisis", "fear_panic",
              "manipulation_control", "sensational", "threat_danger", "urgency")

SPEC = Spec(
    name=NAME,
    version=VERSION,
    lexicon=functools.partial(lx.load, LEXICON),
    categories=CATEGORIES,
    label="Alarm",
    unit="weighted alarm words per 100 words",
    direction="higher = more alarmist wording",
    description=("Weighted alarm words (threat, fear, crisis, catastrophe, conflict metaphors, "
                 "urgency, manipulation, sensational intensifiers) per 100 words; negated cues "
                 "count 0 or half."),
)

MEASURE = lexicon_measure(
    SPEC,
    lexicon_name=LEXICON,
    method="Sum of alarm-word weights (2 strong, 1 ordinary, 0.5 weak; negated x0 or x0.5) / words x 100.",
    methods=("Alarm is the weighted count of alarm words per 100 words (strong cues 2, ordinary 1, weak "
             "0.5; a cue negated in the three words before it, within its clause, counts 0, or half "
             "after 'hardly'), from the project's alarm lexicon."),
    limits=(
        "Our own curated list, validated only against a weak proxy (clickbait headlines). "
        "It counts words, not stance: a report about a crisis uses crisis words without "
        "being alarmist, so compare articles on the same event rather than reading levels alone."
    ),
)
score = MEASURE.score
summarize = MEASURE.summarize
