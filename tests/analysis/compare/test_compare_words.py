"""Distinguishing words: the log-odds formula against a worked example done by hand,
the prior built from pooled counts, and the properties any implementation must keep."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis
from analysis.compare import words
from analysis.text import segment


def test_log_odds_reproduces_a_worked_example_by_hand():
    """Three words a, b, c. Corpus i: y_i = (3, 0, 1), n_i = 4. Corpus j: y_j = (1, 2, 1),
    n_j = 4. Pooled counts (4, 2, 2) of 8; alpha0 = 4, so a_w = 4 x (4/8, 2/8, 2/8) =
    (2, 1, 1) and a_0 = 4.

    word a: i: (3 + 2) / (4 + 4 - 3 - 2) = 5/3      j: (1 + 2) / (4 + 4 - 1 - 2) = 3/5
            delta = ln(5/3) - ln(3/5) = 2 ln(5/3) = 2 x 0.5108256 = 1.0216512
            var = 1/(3 + 2) + 1/(1 + 2) = 1/5 + 1/3 = 8/15;  sqrt = 0.7302967
            z = 1.0216512 / 0.7302967 = 1.398954
    word b: i: (0 + 1) / (4 + 4 - 0 - 1) = 1/7      j: (2 + 1) / (4 + 4 - 2 - 1) = 3/5
            delta = ln(1/7) - ln(3/5) = ln(5/21) = 1.6094379 - 3.0445224 = -1.4350845
            var = 1/(0 + 1) + 1/(2 + 1) = 4/3;  sqrt = 1.1547005
            z = -1.4350845 / 1.1547005 = -1.242820
    word c: i: (1 + 1) / (4 + 4 - 1 - 1) = 1/3      j: the same, 1/3
            delta = 0, z = 0; var = 1/2 + 1/2 = 1
    """
    delta, var, z = words.log_odds(np.array([3, 0, 1]), np.array([1, 2, 1]), np.array([2.0, 1.0, 1.0]))
    assert delta == pytest.approx([1.0216512, -1.4350845, 0.0], abs=1e-6)
    assert var == pytest.approx([8 / 15, 4 / 3, 1.0], abs=1e-9)
    assert z == pytest.approx([1.398954, -1.242820, 0.0], abs=1e-5)


def test_distinguishing_builds_the_prior_from_pooled_counts():
    """The same worked example through real texts: "flood" = a, "levee" = b, "siren" = c.
    Focus: flood x3, siren x1; other: flood, levee x2, siren. Pooled (4, 2, 2) of 8 and
    alpha0 = 4 give the prior (2, 1, 1) above, so focus-vs-rest z is 1.398954 for "flood"
    and -1.242820 for "levee"; "siren" (z = 0) is on neither side."""
    focus = analysis.analyze("Flood flood flood siren.", "focus")
    other = analysis.analyze("Flood levee levee siren.", "other")
    table = words.distinguishing(["focus", "other"], [focus.document, other.document],
                                 words.WordOptions(alpha0=4, bigrams=False))
    mine = table[table["comparison"] == "focus vs rest"].set_index("term")
    assert mine.loc["flood", "z"] == pytest.approx(1.398954, abs=1e-5)
    assert mine.loc["flood", "side"] == "article"
    assert mine.loc["levee", "z"] == pytest.approx(-1.242820, abs=1e-5)
    assert mine.loc["levee", "side"] == "rest"
    assert "siren" not in mine.index
    assert (mine.loc["flood", "count"], mine.loc["flood", "count_rest"]) == (3, 1)
    theirs = table[table["comparison"] == "other vs rest"].set_index("term")
    assert theirs.loc["levee", "z"] == pytest.approx(1.242820, abs=1e-5)


counts = st.lists(st.integers(0, 50), min_size=2, max_size=12)


@settings(max_examples=200, deadline=None)
@given(counts, counts, st.floats(0.1, 500))
def test_swapping_the_corpora_flips_the_sign_of_z(y_i, y_j, alpha0):
    size = min(len(y_i), len(y_j))
    a, b = np.array(y_i[:size]), np.array(y_j[:size])
    pooled = a + b + 1  # every word seen somewhere
    prior = alpha0 * pooled / pooled.sum()
    d1, v1, z1 = words.log_odds(a, b, prior)
    d2, v2, z2 = words.log_odds(b, a, prior)
    assert np.allclose(z1, -z2)
    assert np.allclose(d1, -d2)
    assert np.allclose(v1, v2)


@settings(max_examples=100, deadline=None)
@given(counts, st.floats(0.1, 500))
def test_identical_corpora_distinguish_nothing(y, alpha0):
    a = np.array(y)
    prior = alpha0 * (a + 1) / (a + 1).sum()
    _, _, z = words.log_odds(a, a, prior)
    assert np.allclose(z, 0.0)


def test_bigrams_stay_within_a_sentence_and_stop_words_are_counted_not_shown():
    doc = segment("The dam broke. Water rose over the town.")
    uni, bi = words.terms(doc)
    assert "broke water" not in bi  # across a sentence end
    assert bi["dam broke"] == 1 and bi["the dam"] == 1
    assert uni["the"] == 2  # counted toward the text's size
    assert not words.shown("the") and not words.shown("the dam") and not words.shown("over the")
    assert words.shown("dam broke") and words.shown("dam")


def test_contexts_slice_the_original_text():
    text = "Calder Reach held.\n\nThen the Calder  Reach dam cracked; calder reach again."
    doc = segment(text)
    found = words.contexts(doc, "calder reach", width=10)
    assert len(found) == 3
    for row in found.itertuples():
        assert text[row.start : row.end] == row.match
        assert row.match.lower().split() == ["calder", "reach"]
    assert words.contexts(doc, "nowhere").empty


def test_focus_words_are_those_it_uses_more():
    focus = analysis.analyze("Sirens sirens sirens wailed. The dam held. " * 3, "focus")
    other = analysis.analyze("The dam held and the river fell. Engineers watched the dam.", "other")
    table = words.distinguishing(["focus", "other"], [focus.document, other.document])
    top = table[(table["comparison"] == "focus vs rest") & (table["side"] == "article")]
    assert top.iloc[0]["term"] == "sirens"
    assert (top["z"] > 0).all()
    assert set(top["n"]) == {1, 2}
    for _, part in top.groupby("n"):
        assert part["z"].is_monotonic_decreasing  # ranked within unigrams and within bigrams
    assert math.isfinite(top.iloc[0]["se"])
