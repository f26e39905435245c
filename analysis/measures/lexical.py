"""A factory for lexicon measures: a word list with categories and weights, optional rules,
turned into a registered :class:`Measure` with its columns, evidence and article summary.

Shipped measures (alarm, hedging) and a researcher's own dictionaries are built the same way,
so each category, sub-scale and composite is a column with a declared meaning, every match is
an evidence span, and the article-level values are pooled over all words:

    rate(category) = sum of the weights of the category's matches / words x 100

A match whose term the lexicon lists under several categories adds a span to each (LIWC counts
a word in every category it belongs to); a multi-word entry is one match. A ``rule`` sees each
match in its paragraph and returns the reading that counts (weight, category, the reason shown
on the evidence) or None when the match is not an instance at all. ``negation`` applies the
shared negation scope of :func:`analysis.measures.base.negation` (off for plain dictionaries);
cues inside direct quotations are always marked ``quoted``, and ``quoted_column`` adds the
composite's rate inside quotations.

Columns (per paragraph and article): the composite ``name`` (when ``composite_column``: the
matches of every sub-scale marked ``composite``, or of every category when there are no
sub-scales), ``<name>_quoted`` (when ``quoted_column``), each sub-scale's column, and each
category's column (``column_name(category)``; when ``category_columns``: a measure whose
sub-scales are its columns may leave them out, the evidence keeps the category). NaN for a
paragraph without words.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from analysis.lexicon import Lexicon, Match
from analysis.measures.base import (
    Column,
    Evidence,
    Measure,
    Scored,
    Subscale,
    negation,
    per_100_words,
    quoted_note,
)
from analysis.text import Document, Paragraph


@dataclass(frozen=True)
class Reading:
    """What a rule makes of one match: the weight it counts with, its category (a rule may move
    a match to another category: "some 40" is an approximator, not a vague quantifier) and the
    reason shown on the evidence ("" when the lexicon's reading stands)."""

    weight: float
    category: str
    note: str = ""

    def __init__(self, weight: float, category: str, note: str = "") -> None:
        # Straight into the instance dict, as Evidence does: a rule reads every match, and
        # dataclass's frozen __init__ (one object.__setattr__ per field) doubled the cost of
        # building one. Still frozen, equal and hashed as before.
        fields = self.__dict__
        fields["weight"], fields["category"], fields["note"] = weight, category, note


Rule = Callable[[Paragraph, Match, Reading], "Reading | None"]


@dataclass(frozen=True)
class Spec:
    """Everything a lexicon measure is made of. ``lexicon`` is the lexicon, or a function
    returning it (a shipped one is loaded on first use, not at import:
    ``functools.partial(lexicon.load, "alarm")``). Keep every part picklable (module-level
    functions and partials, no lambdas), so a measure can travel to a worker process."""

    name: str
    version: str
    lexicon: Lexicon | Callable[[], Lexicon]
    categories: tuple[str, ...]
    label: str
    unit: str
    direction: str
    description: str
    column_name: Callable[[str], str] | None = None  # default: f"{name}_{category}"
    category_label: Callable[[str], str] | None = None
    rule: Rule | None = None
    negation: bool = True
    exclude_quoted: bool = False  # a match inside a direct quotation counts 0 (shown, with the reason)
    composite_column: bool = True
    quoted_column: bool = True
    subscales: tuple[Subscale, ...] = ()
    category_columns: bool = True  # a column per category (off: the sub-scales are the columns)
    digits: int = 2

    def load(self) -> Lexicon:
        return self.lexicon if isinstance(self.lexicon, Lexicon) else self.lexicon()

    def column_of(self, category: str) -> str:
        return self.column_name(category) if self.column_name else f"{self.name}_{category}"

    def composite_categories(self) -> frozenset[str]:
        if not self.subscales:
            return frozenset(self.categories)
        return frozenset(c for s in self.subscales if s.composite for c in s.categories)


def _readings(spec: Spec, par: Paragraph) -> list[Evidence]:
    """Every match of the lexicon in the paragraph, read by the rule, as evidence spans."""
    evidence: list[Evidence] = []
    text = par.text
    for m in spec.load().finditer(text, par.tokens):
        term = text[m.start : m.end]
        negated: tuple[float, str] | None = None  # worked out once, when a reading needs it
        quoted = par.in_quote(m.start, m.end)
        for entry in m.entries:
            reading = Reading(entry.weight, entry.category)
            if spec.rule is not None:
                ruled = spec.rule(par, m, reading)
                if ruled is None:
                    continue  # not an instance at all ("about the theft" is no approximation)
                reading = ruled
            if not spec.negation or (reading.weight == 0 and spec.rule is not None):
                factor, neg_note = 1.0, ""  # a rule's reading that counts 0 keeps the rule's reason alone
            else:
                negated = negated or negation(par, m.start)
                factor, neg_note = negated
            note = f"{reading.note}; {neg_note}" if reading.note and neg_note else reading.note or neg_note
            weight = reading.weight * factor
            if quoted:
                note = quoted_note(note)
                if spec.exclude_quoted:
                    weight, note = 0.0, f"{note}: not counted (quoted speech is left out)"
            evidence.append(Evidence(m.start, m.end, reading.category, term, weight, note, quoted))
    return evidence


Plan = tuple[frozenset[str], tuple[tuple[str, tuple[str, ...]], ...], tuple[tuple[str, str], ...]]


def plan(spec: Spec) -> Plan:
    """What ``_rates`` needs of a spec, worked out once per measure: the composite's
    categories, each sub-scale's column and categories, each category's column."""
    return (spec.composite_categories(), tuple((s.name, s.categories) for s in spec.subscales),
            tuple((cat, spec.column_of(cat)) for cat in spec.categories if spec.category_columns))


def _rates(spec: Spec, evidence: Sequence[Evidence], words: int, planned: Plan) -> dict[str, float | str]:
    """The measure's values from its evidence: composite, quoted part, sub-scales, categories."""
    # Sums run in evidence order (reading order), so a figure is the same to the last bit
    # however the evidence is grouped.
    by_category: dict[str, float] = {}
    total = quoted_total = 0.0
    composite, subscales, category_columns = planned
    for e in evidence:
        by_category[e.category] = by_category.get(e.category, 0.0) + e.weight
        if e.category in composite:
            total += e.weight
            if e.quoted:
                quoted_total += e.weight
    values: dict[str, float | str] = {}
    if spec.composite_column:
        values[spec.name] = per_100_words(total, words)
    if spec.quoted_column:
        values[f"{spec.name}_quoted"] = per_100_words(quoted_total, words)
    get = by_category.get
    for name, categories in subscales:
        sub: float = 0  # as sum() starts, so every figure is the same to the last bit
        for c in categories:
            sub += get(c, 0.0)
        values[name] = per_100_words(sub, words)
    for cat, column in category_columns:
        values[column] = per_100_words(get(cat, 0.0), words)
    return values


def columns(spec: Spec) -> tuple[Column, ...]:
    """The declared columns of a lexicon measure, in the order of its values."""
    lo, unit, digits = 0, spec.unit, spec.digits
    out: list[Column] = []
    if spec.composite_column:
        out.append(Column(spec.name, spec.label, unit, lo, None, spec.direction, spec.description, digits))
    if spec.quoted_column:
        out.append(Column(f"{spec.name}_quoted", f"{spec.label} in quotes", unit, lo, None,
                          f"{spec.direction} in quoted speech",
                          f"The part of the {spec.label.lower()} rate that falls inside direct quotations "
                          "(someone else's words).", digits))
    for sub in spec.subscales:
        inside = "counted in" if sub.composite else "NOT counted in"
        out.append(Column(sub.name, sub.label, unit, lo, None, spec.direction,
                          f"{sub.description} ({inside} the headline {spec.label.lower()} rate.)"
                          if spec.composite_column else sub.description, digits))
    label = spec.category_label or (lambda c: f"{spec.label}: {c.replace('_', ' ')}")
    for cat in spec.categories if spec.category_columns else ():
        out.append(Column(spec.column_of(cat), label(cat), unit, lo, None, spec.direction,
                          f"Matches of the category '{cat}' (weighted) per 100 words.", digits))
    return tuple(out)


def score(spec: Spec, planned: Plan, par: Paragraph) -> Scored:
    """One paragraph's values and evidence under ``spec``."""
    evidence = _readings(spec, par)
    return Scored(_rates(spec, evidence, par.words, planned), evidence)


def summarize(spec: Spec, planned: Plan, doc: Document, scored: Sequence[Scored]) -> dict[str, float | str]:
    """The article's values: every paragraph's evidence pooled over all its words. An article
    of one paragraph (a headline, a post) has that paragraph's values: the same evidence over
    the same words."""
    if len(scored) == 1 and len(doc.paragraphs) == 1:
        return dict(scored[0].values)
    return _rates(spec, [e for s in scored for e in s.evidence], doc.words, planned)


def lexicon_measure(spec: Spec, *, method: str = "", methods: str = "", citation: str = "",
                    limits: str = "", references: tuple[str, ...] = (),
                    lexicon_name: str | None = None) -> Measure:
    """The :class:`Measure` for ``spec``. ``lexicon_name`` names a shipped lexicon (for the
    versions and the Methods page); a researcher's dictionary leaves it None and is versioned
    by the measure's own ``version`` (its file hash)."""

    return Measure(name=spec.name, version=spec.version, columns=columns(spec),
                   score=functools.partial(score, spec, plan(spec)),
                   summarize=functools.partial(summarize, spec, plan(spec)),
                   lexicon=lexicon_name, citation=citation, limits=limits,
                   method=method, methods=methods, references=references, subscales=spec.subscales)
