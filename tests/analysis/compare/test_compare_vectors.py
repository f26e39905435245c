"""The weighted n-gram vectors of the claim alignment (analysis/compare/vectors.py)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from analysis.compare import units, vectors

FOCUS = units.from_words([["esterby", "flood", "residents", "evacuated"], ["dam", "crack", "abutment"],
                          ["esterby", "school", "closed"]])
OUTLET = units.from_words([["flood", "esterby", "homes"], ["crack", "dam"]])
OTHER = units.from_words([["election", "council", "budget", "esterby"]])


def _weights(docs):
    counts, _, grams, layout = vectors.counts(docs, (3, 5))
    w = vectors.weights(grams, counts, layout.sentence_rows[0], (3, 5), 0.5)
    return dict(zip(grams, w, strict=True))


def test_weights_depend_on_the_focus_not_on_the_other_articles():
    alone, joined = _weights([FOCUS, OUTLET]), _weights([FOCUS, OUTLET, OTHER])
    assert set(alone) < set(joined)
    assert all(alone[g] == joined[g] for g in alone)


def test_a_word_the_focus_repeats_weighs_less_than_a_word_of_one_claim():
    w = _weights([FOCUS, OUTLET])
    # "terby" (of Esterby, in two focus sentences) and "utmen" (of abutment, in one) are both
    # absent from the background
    assert w["terby"] < w["utmen"]


def test_idf_runs_from_1_for_every_unit_to_1_plus_ln_1_plus_n_for_none():
    out = vectors.idf(np.array([0.0, 5.0, 10.0]), 10)
    assert out[2] == pytest.approx(1.0 + math.log(11 / 11)) and out[0] == pytest.approx(1.0 + math.log(11))
    assert out[0] > out[1] > out[2]


def test_weighed_rows_have_unit_length_and_an_empty_row_stays_empty():
    counts, _, grams, layout = vectors.counts([FOCUS, units.from_words([[]])], (3, 5))
    m = vectors.weigh(counts, np.ones(len(grams)))
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    assert norms[:3] == pytest.approx(1.0) and norms[3] == 0.0


def test_ngram_lengths_outside_the_background_table_are_refused():
    with pytest.raises(ValueError, match="rebuild"):
        vectors.background_idf([" ab", "abc"], (2, 5))
