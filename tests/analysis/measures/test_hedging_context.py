"""Hand-checked context rules of hedge lexicon 1.1 (the cues added for Wikipedia's weasel
words and the rules that keep ordinary uses from counting)."""

from __future__ import annotations

import pytest

from analysis.measures import hedging
from analysis.text import segment

from .helpers import hits


def cues(text: str) -> list[tuple[str, str, float]]:
    return [(term.lower(), category, weight) for term, category, weight, _ in hits(hedging.MEASURE, text)]


def counted(text: str) -> set[str]:
    return {term for term, _, weight in cues(text) if weight > 0}


@pytest.mark.parametrize(("text", "expected"), [
    ("Some critics say the plan failed.", {"some critics"}),
    ("Many historians doubt the date.", {"many historians", "doubt"}),
    ("The painting is widely regarded as his best.", {"widely regarded"}),
    ("It is believed that the ship sank in 1722.", {"it is believed"}),
    ("The bridge was considered unsafe.", {"was considered"}),
    ("The decision has been criticised.", {"criticised"}),
    ("The decision has been widely criticised.", {"widely", "criticised"}),
    ("Others argue that the tax is unfair.", {"others argue"}),
    ("It is not known whether he survived.", {"it is not known", "whether"}),
    ("Lawyers argued the case was weak.", {"argued"}),
])
def test_weasel_cues(text: str, expected: set[str]) -> None:
    assert counted(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Some residents left.", ("some", "vague_quantifier", 0.5)),
    ("Some 40 people left.", ("some", "approximator", 0.25)),
    ("Several ministers resigned.", ("several", "vague_quantifier", 0.5)),
])
def test_vague_quantifiers_are_weak_cues(text: str, expected: tuple[str, str, float]) -> None:
    assert cues(text) == [expected]


@pytest.mark.parametrize("text", [
    "He lived there for some time.",
    "She spent many years abroad.",
    "They met several times.",
    "It is the most famous bridge in Europe.",
    "The fine is at most 100 euros.",
    "Save as many lives as you can.",
    "How many people came?",
    "The speech lasted almost an hour and nearly ended in chaos.",
    "Smith, Jones and others signed it.",
])
def test_quantities_that_are_not_vague_claims(text: str) -> None:
    assert counted(text) == set()


@pytest.mark.parametrize(("text", "term"), [
    ("The minister could not be reached for comment.", "could"),
    ("She appeared in twelve films.", "appeared"),
    ("They believe in free trade.", "believe"),
    ("There is no doubt about the result.", "doubt"),
    ("It is possible to travel by train.", "possible"),
    ("Replace the parts where possible.", "possible"),
    ("Nobody knows for certain.", "certain"),
])
def test_ordinary_uses_are_kept_as_evidence_with_weight_zero(text: str, term: str) -> None:
    found = [(t, w) for t, _, w in cues(text) if t == term]
    assert found == [(term, 0.0)]
    par = segment(text).paragraphs[0]
    notes = [e.note for e in hedging.score(par).evidence if e.term.lower() == term]
    assert notes and notes[0]  # the reason is shown with the evidence


@pytest.mark.parametrize(("text", "term"), [
    ("The minister could resign.", "could"),
    ("It appears to be a forgery.", "appears"),
    ("Police believe the fire was arson.", "believe"),
    ("It is possible that he lied.", "possible"),
    ("Certain officials objected.", "certain"),
    ("Almost 300 people were hurt.", "almost"),
])
def test_the_same_words_still_hedge_in_other_contexts(text: str, term: str) -> None:
    assert term in counted(text)


def test_categories_match_the_lexicon() -> None:
    from analysis import lexicon as lx

    assert set(lx.load("hedges").categories) == set(hedging.CATEGORIES)
