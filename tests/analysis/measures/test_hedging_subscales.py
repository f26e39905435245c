"""The hedging sub-scales (hedge lexicon 2.0.0): each category belongs to one sub-scale, each
sub-scale is a column per 100 words, and the headline ``hedging`` sums the shields (epistemic,
attribution, weasel) but not the approximators (vagueness)."""

import math

import pytest

from analysis import lexicon as lx
from analysis.measures import hedging

from .helpers import score

SUBSCALES = {s.name: s for s in hedging.MEASURE.subscales}


def test_every_category_is_in_exactly_one_subscale():
    seen = [c for s in hedging.MEASURE.subscales for c in s.categories]
    assert sorted(seen) == sorted(set(seen)) == sorted(hedging.CATEGORIES)
    assert set(lx.load("hedges").categories) == set(hedging.CATEGORIES)
    assert list(SUBSCALES) == ["hedging_epistemic", "hedging_attribution", "hedging_weasel", "hedging_vagueness"]


def test_headline_counts_the_shields_not_the_approximators():
    assert [s.name for s in hedging.MEASURE.subscales if s.composite] == [
        "hedging_epistemic", "hedging_attribution", "hedging_weasel"]
    assert not SUBSCALES["hedging_vagueness"].composite
    for name in SUBSCALES:
        assert name in hedging.MEASURE.column_names


@pytest.mark.parametrize(
    "text, subscale",
    [
        ("The plant may close next year.", "hedging_epistemic"),
        ("Officials expect the talks to fail.", "hedging_epistemic"),
        ("It is unclear whether the deal will survive.", "hedging_epistemic"),
        ("The minister reportedly resigned.", "hedging_attribution"),
        ("According to the ministry, the bridge is safe.", "hedging_attribution"),
        ("The alleged hacker was arrested.", "hedging_attribution"),
        ("Critics say the plan is flawed.", "hedging_weasel"),
        ("The bridge is said to be unsafe.", "hedging_weasel"),
        ("The scheme has been criticised.", "hedging_weasel"),
        ("About 40 people were hurt.", "hedging_vagueness"),
        ("Several buildings were damaged.", "hedging_vagueness"),
    ],
)
def test_news_sentences_land_in_their_subscale(text, subscale):
    _, scored = score(hedging.MEASURE, text)
    assert scored.values[subscale] > 0
    for other in SUBSCALES:
        if other != subscale:
            assert scored.values[other] == 0, other


def test_subscale_rates_per_100_words_and_the_composite():
    # 10 words: "may" (epistemic 1), "reportedly" (attribution 1), "Critics say" (weasel 1),
    # "about 40" (vagueness 0.25)
    text = "Critics say the mayor may reportedly fire about 40 staff."
    _, scored = score(hedging.MEASURE, text)
    v = scored.values
    assert v["hedging_epistemic"] == pytest.approx(10.0)
    assert v["hedging_attribution"] == pytest.approx(10.0)
    assert v["hedging_weasel"] == pytest.approx(10.0)
    assert v["hedging_vagueness"] == pytest.approx(2.5)
    assert v["hedging"] == pytest.approx(30.0)  # vagueness is shown, not summed


def test_subscale_of_maps_evidence_to_its_subscale():
    assert hedging.MEASURE.subscale_of("modal").name == "hedging_epistemic"
    assert hedging.MEASURE.subscale_of("agentless").name == "hedging_weasel"
    assert hedging.MEASURE.subscale_of("approximator").name == "hedging_vagueness"
    assert hedging.MEASURE.subscale_of("positive") is None


def test_subscales_are_nan_without_words():
    from analysis.text import Paragraph

    empty = hedging.MEASURE.score(Paragraph(index=0, start=0, end=0, text=""))
    assert all(math.isnan(empty.values[name]) for name in SUBSCALES)


def test_each_subscale_declares_what_it_means():
    for name in SUBSCALES:
        column = next(c for c in hedging.MEASURE.columns if c.name == name)
        assert column.unit == "hedges per 100 words" and column.low == 0 and column.high is None
        assert "per 100 words" in column.description
    assert "NOT counted in the headline" in next(
        c.description for c in hedging.MEASURE.columns if c.name == "hedging_vagueness")
    assert SUBSCALES["hedging_weasel"].yardstick == "wikipedia_weasel_heldout"
    assert SUBSCALES["hedging_epistemic"].yardstick == "factbank_news_heldout"
