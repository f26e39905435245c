"""Cohen's kappa, by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.agreement import kappa


def test_two_coders_by_hand():
    # agree on 3 of 4 units: p_o = .75; coder 1 a,a,b,b / coder 2 a,b,b,b: p_e = (2*1 + 2*3)/16 = .5
    got = kappa.cohen(["a", "a", "b", "b"], ["a", "b", "b", "b"])
    assert got.kappa == pytest.approx(0.5)
    assert (got.units, got.agreement) == (4, 0.75)


def test_textbook_table():
    # 2x2 table yes/yes 20, yes/no 5, no/yes 10, no/no 15 (n = 50): p_o = .7,
    # p_e = .5 * .6 + .5 * .4 = .5, kappa = .4
    first = ["yes"] * 25 + ["no"] * 25
    second = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert kappa.cohen(first, second).kappa == pytest.approx(0.4)
    assert kappa.cohen(second, first).kappa == pytest.approx(0.4)  # symmetric


def test_missing_values_drop_the_unit_and_undefined_is_nan():
    got = kappa.cohen(["a", None, "b", "a"], ["a", "b", float("nan"), "a"])
    assert got.units == 2 and math.isnan(got.kappa)  # both say "a" twice: p_e = 1
    none = kappa.cohen([None], ["a"])
    assert none.units == 0 and math.isnan(none.kappa) and math.isnan(none.agreement)
    with pytest.raises(ValueError):
        kappa.cohen(["a"], ["a", "b"])


def test_pairwise_over_three_coders():
    rows = []
    for unit, values in enumerate([("a", "a", "b"), ("b", "b", "b"), ("a", "b", "a"), ("b", "b", None)]):
        rows += [{"unit": unit, "coder": c, "value": v} for c, v in zip(("ana", "ben", "cy"), values, strict=True)]
    out = kappa.pairwise(pd.DataFrame(rows))
    assert list(zip(out["coder_a"], out["coder_b"], strict=True)) == [("ana", "ben"), ("ana", "cy"), ("ben", "cy")]
    ana_ben = out.iloc[0]
    assert ana_ben["units"] == 4 and ana_ben["kappa"] == pytest.approx(
        kappa.cohen(["a", "b", "a", "b"], ["a", "b", "b", "b"]).kappa)
    assert out.iloc[1]["units"] == 3  # cy left unit 3 uncoded
