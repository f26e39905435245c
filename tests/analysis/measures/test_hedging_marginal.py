"""Hand-checked rules of hedge lexicon 1.2 (hedging measure 1.2, kept in 1.3): marginal cues (weight 0.25)
and the readings that are not hedges at all, each shown with its reason; and the news hedges
the rules must leave alone."""

from __future__ import annotations

import pytest

from analysis.measures import hedging

from .helpers import hits


def cues(text: str) -> list[tuple[str, float, str]]:
    return [(term.lower(), weight, note) for term, _, weight, note in hits(hedging.MEASURE, text)]


@pytest.mark.parametrize(("text", "term"), [
    ("Symptoms may include fever and a rash.", "may"),
    ("The term may refer to a county or a town.", "may"),
    ("Prices may vary by region.", "may"),
    ("The drug may be used to treat malaria.", "may"),
    ("Most residents fled.", "most"),
    ("Most of the town was flooded.", "most"),
])
def test_marginal_cues_count_a_quarter(text: str, term: str) -> None:
    [(found, weight, note)] = [c for c in cues(text) if c[0] == term]
    assert weight == hedging.MARGINAL == 0.25
    if term == "may":
        assert "rarely doubt" in note  # the reason is shown with the evidence


@pytest.mark.parametrize(("text", "term"), [
    ("Born may 23 1825 in Ohio.", "may"),
    ("Hamas claimed responsibility for the attack.", "claimed"),
    ("She claimed the title in 2004.", "claimed"),
    ("The vaccine is now widely available.", "widely"),
    ("He faced almost certain defeat.", "certain"),
    ("It was the best possible outcome.", "possible"),
])
def test_readings_that_are_not_hedges_weigh_zero_with_a_reason(text: str, term: str) -> None:
    [(found, weight, note)] = [c for c in cues(text) if c[0] == term]
    assert weight == 0.0 and note


@pytest.mark.parametrize(("text", "term", "weight"), [
    ("The plant may close next year.", "may", 1.0),
    ("He may be charged with fraud.", "may", 1.0),
    ("The storm may also hit Cuba.", "may", 1.0),
    ("The policy may lead to job losses.", "may", 1.0),
    ("Police may have missed clues.", "may have", 1.0),
    ("He claimed the election was stolen.", "claimed", 0.5),
    ("The claim was denied by the ministry.", "claim", 0.5),
    ("The plan is widely seen as a failure.", "widely seen as", 1.0),
    ("It was reported to have burned for a day.", "it was reported", 1.0),
    ("The decision has been questioned.", "has been questioned", 1.0),
    ("The tool is commonly referred to as a spudger.", "commonly referred to as", 1.0),
])
def test_news_hedges_keep_their_weight(text: str, term: str, weight: float) -> None:
    assert (term, weight) in [(t, w) for t, w, _ in cues(text)]
