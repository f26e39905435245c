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
