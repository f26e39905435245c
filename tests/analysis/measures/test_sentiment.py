import math

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.measures import sentiment
from analysis.text import Paragraph

from .helpers import score

VADER = SentimentIntensityAnalyzer()


def test_paragraph_value_is_the_mean_of_sentence_compounds():
    text = "The rescue was a wonderful success. Three people died in the fire. Officials met."
    _, scored = score(sentiment.MEASURE, text)
    parts = ["The rescue was a wonderful success.", "Three people died in the fire.", "Officials met."]
    expected = [VADER.polarity_scores(p)["compound"] for p in parts]
    assert scored.values["sentiment"] == pytest.approx(sum(expected) / 3)
    assert scored.values["sentiment_min"] == pytest.approx(min(expected))
    assert scored.values["negative_share"] == pytest.approx(1 / 3)
    assert scored.values["positive_share"] == pytest.approx(1 / 3)
    assert scored.values["sentences"] == 3


def test_sentence_averaging_avoids_saturation():
    text = " ".join(["The results were good and the team was happy."] * 8)
    _, scored = score(sentiment.MEASURE, text)
    assert VADER.polarity_scores(text)["compound"] > 0.99  # VADER saturates on the whole string
    assert scored.values["sentiment"] == pytest.approx(VADER.polarity_scores(text[:47])["compound"])


def test_curly_apostrophe_negation_is_read():
    _, curly = score(sentiment.MEASURE, "This isn’t good.")
    _, straight = score(sentiment.MEASURE, "This isn't good.")
    assert curly.values["sentiment"] == straight.values["sentiment"] < 0


def test_evidence_words_with_rules():
    _, scored = score(sentiment.MEASURE, "The plan is not good, but the outcome was great.")
    ev = {e.term: e for e in scored.evidence}
    assert set(ev) == {"good", "great"}
    assert ev["good"].category == "negative"
    assert ev["good"].weight == pytest.approx(1.9 * -0.74 * 0.5)
    assert ev["good"].note == "negated (x-0.74); before 'but' (x0.5)"
    assert ev["great"].weight == pytest.approx(3.1 * 1.5)


def test_nan_without_words():
    scored = sentiment.MEASURE.score(Paragraph(index=0, start=0, end=0, text=""))
    assert math.isnan(scored.values["sentiment"]) and scored.evidence == []


def test_names_are_not_opinions():
    """The issue's sentence scored +0.64 ("Security", "Safety"); masked, it is neutral, and
    the masked words are weight-0 evidence with the name as the reason."""
    text = "Officials from the National Cyber Security Centre and the AI Safety Institute met on Tuesday."
    assert VADER.polarity_scores(text)["compound"] == pytest.approx(0.6369)
    _, scored = score(sentiment.MEASURE, text)
    assert scored.values["sentiment"] == 0.0
    ev = [(e.term, e.category, e.weight) for e in scored.evidence]
    assert ev == [("Security", "name", 0.0), ("Safety", "name", 0.0)]
    assert scored.evidence[0].note == "part of the name 'National Cyber Security Centre': not an opinion"


@pytest.mark.parametrize(
    "text, masked_terms, kept",
    [
        ("The United States backed the Ministry for Innovation.", {"United", "Innovation"}, {"backed"}),
        ("Advances in artificial intelligence worried the board.", {"intelligence"}, {"worried"}),
        ("Interest rates rose, a terrible shock.", {"Interest"}, {"terrible", "shock"}),
        # Title Case headline: capitals say nothing, so only fixed terms are masked
        ("Flu Vaccine Appears Safe for Young Children", set(), {"Flu", "Safe"}),
        # sentence start: capitalised by position, still read
        ("Great news for savers.", set(), {"Great"}),
    ],
)
def test_masked_and_kept_words(text, masked_terms, kept):
    _, scored = score(sentiment.MEASURE, text)
    assert {e.term for e in scored.evidence if e.category == "name"} == masked_terms
    assert {e.term for e in scored.evidence if e.category != "name"} == kept
    assert all(e.weight == 0.0 for e in scored.evidence if e.category == "name")


def test_masking_changes_only_the_name_words():
    """VADER reads the masked sentence: the same score as the sentence with a neutral word in
    the name's place, and every other rule (negation, capitals) unchanged."""
    _, scored = score(sentiment.MEASURE, "The Safety Council is NOT good.")
    assert scored.values["sentiment"] == pytest.approx(
        VADER.polarity_scores("The Name Council is NOT good.")["compound"])
