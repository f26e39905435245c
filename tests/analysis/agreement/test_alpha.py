"""Krippendorff's alpha: the published worked example, hand-checked cases, and a cross-check."""

from __future__ import annotations

import math

import krippendorff  # a cross-check only (requirements-dev.txt); never imported by analysis/
import numpy as np
import pandas as pd
import pytest

from analysis.agreement import alpha as ka

N = None
# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section E: 4 observers,
# 12 units, missing values. Unit 12 has one value only and is not pairable.
WORKED = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]
# nominal .743 as printed in the paper; the other three as given there and confirmed with
# the `krippendorff` package (test_matches_the_cross_check_package_on_random_data).
PUBLISHED = {"nominal": 0.743, "ordinal": 0.815, "interval": 0.849, "ratio": 0.797}


@pytest.mark.parametrize("level", ka.LEVELS)
def test_published_worked_example_at_every_level(level):
    got = ka.from_matrix(WORKED, level)
    assert round(got.alpha, 3) == PUBLISHED[level]
    assert (got.units, got.pairable, got.coders) == (11, 40, 4)


def test_worked_example_coincidences_and_disagreements():
    """The nominal coincidence matrix, counted by hand unit by unit: value 1 coincides with
    itself 3 (unit 1) + 2 (unit 8) + 2 (unit 11) = 7 times; 2: 2 + 4 + 4 = 10; 3: 4 + 4 = 8;
    4: 4; 5: 3. Row sums n_c: 9, 13, 10, 5, 3 (n = 40); the 8 off-diagonal coincidences are
    the observed disagreement."""
    units = [[row[j] for row in WORKED if row[j] is not None] for j in range(12)]
    o = ka.coincidences(units)
    assert list(np.diag(o.to_numpy())) == pytest.approx([7, 10, 8, 4, 3])
    assert list(o.sum(axis=1)) == pytest.approx([9, 13, 10, 5, 3])
    got = ka.from_matrix(WORKED)
    assert got.observed == pytest.approx(8 / 40)  # 8 of 40 pairable values disagree
    assert got.expected == pytest.approx((40 * 40 - (81 + 169 + 100 + 25 + 9)) / (40 * 39))


def test_two_coders_binary_by_hand():
    # units: (a,a) (a,b) (b,b) (b,b) -> o_aa 2, o_ab = o_ba 1, o_bb 4; n_a 3, n_b 5, n 8
    # D_o = 2/8; D_e = 2*3*5 / (8*7); alpha = 1 - (1/4) / (30/56) = 1 - 7/15
    got = ka.from_units([["a", "a"], ["a", "b"], ["b", "b"], ["b", "b"]])
    assert got.alpha == pytest.approx(8 / 15)


def test_interval_and_ratio_by_hand():
    # one unit (1, 3), one unit (3, 3): o_13 = o_31 = 1, o_33 = 2; n_1 = 1, n_3 = 3, n = 4
    units = [[1, 3], [3, 3]]
    # interval: D_o = 2 * 4 / 4 = 2; D_e = 2 * 1 * 3 * 4 / 12 = 2 -> alpha 0
    assert ka.from_units(units, "interval").alpha == pytest.approx(0.0)
    # ratio: d2 = (2/4)^2 = 1/4 for every disagreement, so the ratio is the same: 0
    assert ka.from_units(units, "ratio").alpha == pytest.approx(0.0)
    # ordinal with two values: d2(1,3) = (n_1 + n_3 - (n_1 + n_3)/2)^2 = 4 -> alpha 0 too
    assert ka.from_units(units, "ordinal").alpha == pytest.approx(0.0)


def test_perfect_agreement_is_one_and_no_variation_is_undefined():
    assert ka.from_units([[1, 1], [2, 2, 2], [3, 3]], "interval").alpha == 1.0
    same = ka.from_units([["x", "x"], ["x", "x"]])
    assert math.isnan(same.alpha) and same.pairable == 4  # D_e = 0: alpha undefined, not 0 or 1
    lonely = ka.from_units([[1], [2], []])
    assert math.isnan(lonely.alpha) and (lonely.units, lonely.pairable) == (0, 0)


def test_long_frame_equals_matrix_and_missing_values_are_dropped():
    rows = [{"unit": j, "coder": f"c{i}", "value": v} for i, row in enumerate(WORKED) for j, v in enumerate(row)]
    frame = pd.DataFrame(rows)
    for level in ka.LEVELS:
        assert ka.from_frame(frame, level).alpha == pytest.approx(ka.from_matrix(WORKED, level).alpha)
    twice = pd.concat([frame, frame.iloc[[0]]])
    with pytest.raises(ka.AgreementInputError, match="more than one value"):
        ka.from_frame(twice)
    with pytest.raises(ka.AgreementInputError, match="columns"):
        ka.from_frame(frame.rename(columns={"value": "v"}))


def test_ordinal_labels_need_an_order():
    labels = {1: "low", 2: "mid", 3: "high", 4: "top", 5: "max"}
    named = [[labels[v] if v else None for v in row] for row in WORKED]
    got = ka.from_matrix(named, "ordinal", order=["low", "mid", "high", "top", "max"])
    assert got.alpha == pytest.approx(ka.from_matrix(WORKED, "ordinal").alpha)
    with pytest.raises(ka.AgreementInputError, match="need numbers"):
        ka.from_matrix(named, "ordinal")
    with pytest.raises(ka.AgreementInputError, match="cannot be negative"):
        ka.from_units([[-1, 2]], "ratio")
    with pytest.raises(ka.AgreementInputError, match="level must be"):
        ka.from_units([[1, 2]], "circular")


def test_nominal_numbers_compare_by_value():
    assert ka.from_units([[1, 1.0], [2, 2.0]]).alpha == 1.0


@pytest.mark.parametrize("level", ka.LEVELS)
def test_matches_the_cross_check_package_on_random_data(level):
    rng = np.random.default_rng(17)
    for _ in range(40):
        coders, units = int(rng.integers(2, 6)), int(rng.integers(3, 30))
        data = rng.integers(0, 6, size=(coders, units)).astype(float)
        data[rng.random(data.shape) < 0.25] = np.nan
        if level == "ratio":
            data += 1
        theirs = krippendorff.alpha(reliability_data=data, level_of_measurement=level)
        ours = ka.from_matrix([[None if np.isnan(v) else v for v in row] for row in data], level).alpha
        if math.isnan(theirs):
            assert math.isnan(ours)
        else:
            assert ours == pytest.approx(theirs, abs=1e-9)
