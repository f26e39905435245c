"""Hand-checked rules added in hedging 1.3 (lexicon hedges 1.3.0): "may" after a generic
subject, approximators as marginal cues, and criticism without its critics."""

from __future__ import annotations

import pytest

from analysis.measures import hedging

from .helpers import hits


def cues(text: str) -> list[tuple[str, float, str]]:
    return [(term.lower(), weight, note) for term, _, weight, note in hits(hedging.MEASURE, text)]


def may(text: str) -> tuple[float, str]:
    [(_, weight, note)] = [c for c in cues(text) if c[0] == "may"]
    return weight, note


@pytest.mark.parametrize("text", [
    "Players may choose either side.",
    "Young children may fall ill after the vaccine.",
    "You may apply online until Friday.",
    "Some visitors may worry about the cost.",
    "One may argue the point.",
])
def test_may_after_a_generic_subject_is_marginal(text: str) -> None:
    weight, note = may(text)
    assert weight == hedging.MARGINAL
    assert "may'" in note and ("generic subject" in note or "anyone" in note)


@pytest.mark.parametrize("text", [
    "The plant may close next year.",            # a definite subject
    "He may be charged with fraud.",             # a pronoun
    "Iran may retaliate within days.",            # a name
    "The new rules may hurt farmers.",            # a determiner two words back
    "Britain's farmers may lose their subsidies.",  # a possessive
    "Officials said Ford workers may strike.",    # a name as modifier (mid-sentence)
    "Noise from passing ships may disturb whales.",  # the plural sits inside a phrase
    "The study, in mice, may not apply to humans.",  # no subject in sight
    "They may strike again next week.",           # 'they': specific in news
    "Officials fear the dam may fail.",           # singular subject
    "Investigators may never know the cause.",    # the story's participants
])
def test_may_after_a_specific_or_unseen_subject_stays_a_full_hedge(text: str) -> None:
    assert may(text) == (1.0, "")


def test_may_have_is_a_full_hedge_even_after_a_bare_plural() -> None:
    assert ("may have", 1.0) in [(t, w) for t, w, _ in cues("Scientists may have overestimated it.")]


@pytest.mark.parametrize(("text", "term"), [
    ("It cost about 40 dollars.", "about"),
    ("Roughly 300 people came.", "roughly"),
    ("Up to 7 people died.", "up to"),
    ("Some 40 people left.", "some"),
    ("As many as 9 ships sank.", "as many as"),
])
def test_approximators_are_marginal(text: str, term: str) -> None:
    assert (term, hedging.MARGINAL) in [(t, w) for t, w, _ in cues(text)]


def test_an_estimated_figure_stays_a_full_cue() -> None:
    assert ("an estimated", 1.0) in [(t, w) for t, w, _ in cues("An estimated 40 people died.")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The plan has been criticised.", [("criticised", 1.0)]),
    ("The plan was widely criticized.", [("widely", 0.5), ("criticized", 1.0)]),
    ("The move drew fierce criticism.", [("criticism", 0.5)]),
    ("The plan was criticised by the UN.", [("criticised", 0.0)]),
    ("The move drew criticism from unions.", [("criticism", 0.0)]),
    ("The UN criticised the plan.", []),
])
def test_criticism_counts_only_without_its_critics(text: str, expected: list[tuple[str, float]]) -> None:
    got = cues(text)
    assert [(t, w) for t, w, _ in got] == expected
    assert all(note for _, w, note in got if w == 0.0)  # a zero weight always says why


@pytest.mark.parametrize(("text", "term"), [
    ("Conventional wisdom holds that rates will fall.", "conventional wisdom"),
    ("It has been noted that the figures differ.", "it has been noted"),
    ("Contrary to popular belief, bats are not blind.", "popular belief"),
    ("The project caused controversy.", "controversy"),
])
def test_added_weasel_cues(text: str, term: str) -> None:
    assert term in [t for t, w, _ in cues(text) if w > 0]
