"""The harness's statistics on tiny examples computed by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from analysis.validate import metrics as mt


def test_pearson_by_hand() -> None:
    # x = 1,2,3; y = 1,3,2: deviations (-1,0,1) and (-1,1,0); sum of products 1,
    # sums of squares 2 and 2: r = 1 / sqrt(4) = 0.5
    assert mt.pearson([1, 2, 3], [1, 3, 2]) == pytest.approx(0.5)
    assert mt.pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert mt.pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)


def test_pearson_undefined_is_nan_not_zero() -> None:
    assert math.isnan(mt.pearson([1, 1, 1], [1, 2, 3]))
    assert math.isnan(mt.pearson([1], [2]))
    with pytest.raises(ValueError):
        mt.pearson([1, 2], [1, 2, 3])


def test_roc_auc_by_hand() -> None:
    # positives score 0.8 and 0.4, negatives 0.6 and 0.2. Of the four (pos, neg) pairs,
    # 0.8>0.6, 0.8>0.2, 0.4>0.2 are won and 0.4<0.6 lost: AUC = 3/4.
    assert mt.roc_auc([0.8, 0.4, 0.6, 0.2], [1, 1, 0, 0]) == pytest.approx(0.75)
    assert mt.roc_auc([1, 2], [0, 1]) == pytest.approx(1.0)
    assert mt.roc_auc([1, 2], [1, 0]) == pytest.approx(0.0)


def test_roc_auc_ties_count_half() -> None:
    # all scores equal: every pair is a tie, AUC 0.5; one tie among four pairs: 3.5/4
    assert mt.roc_auc([0, 0, 0, 0], [1, 0, 1, 0]) == pytest.approx(0.5)
    assert mt.roc_auc([2, 1, 1, 0], [1, 1, 0, 0]) == pytest.approx(0.875)
    assert math.isnan(mt.roc_auc([1, 2], [1, 1]))


def test_precision_recall_f1_by_hand() -> None:
    # predicted T T F F T, gold T F T F T: tp 2, flagged 3, positives 3 -> P = R = F1 = 2/3
    p, r, f = mt.precision_recall_f1([1, 1, 0, 0, 1], [1, 0, 1, 0, 1])
    assert (p, r, f) == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    # tp 1, flagged 1, positives 3 -> P 1, R 1/3, F1 = 2*1/(1+3) = 0.5
    assert mt.precision_recall_f1([1, 0, 0], [1, 1, 1]) == pytest.approx((1.0, 1 / 3, 0.5))


def test_precision_recall_f1_undefined() -> None:
    p, r, f = mt.precision_recall_f1([0, 0], [1, 0])  # nothing flagged
    assert math.isnan(p) and r == 0.0 and math.isnan(f)
    p, r, f = mt.precision_recall_f1([1, 0], [0, 0])  # no positives
    assert p == 0.0 and math.isnan(r) and math.isnan(f)


def test_pair_ordering_by_hand() -> None:
    levels = np.array([
        [5.0, 7.0, 9.0],   # Ele < Int < Adv: 3 of 3 pairs right
        [5.0, 4.0, 9.0],   # Int below Ele: (E,I) wrong, (I,A) and (E,A) right: 2 of 3
        [5.0, 5.0, 5.0],   # ties are wrong: 0 of 3
    ])
    correct, defined = mt.pair_counts(levels)
    assert correct.tolist() == [3, 2, 0] and defined.tolist() == [3, 3, 3]
    assert mt.pair_ordering(levels) == pytest.approx(5 / 9)
    # a reading ease falls as texts get harder: the reversed rows are all right
    assert mt.pair_ordering(levels[:1, ::-1], increasing=False) == pytest.approx(1.0)


def test_pair_ordering_skips_undefined_pairs() -> None:
    levels = np.array([[1.0, float("nan"), 3.0]])
    correct, defined = mt.pair_counts(levels)
    assert correct.tolist() == [1] and defined.tolist() == [1]
    assert math.isnan(mt.pair_ordering(np.array([[float("nan")] * 3])))


def test_bootstrap_ci_is_reproducible_and_brackets_the_mean() -> None:
    x = np.arange(100, dtype=float)

    def mean(i: np.ndarray) -> float:
        return float(x[i].mean())

    low, high = mt.bootstrap_ci(mean, len(x), resamples=500, seed=1)
    assert (low, high) == mt.bootstrap_ci(mean, len(x), resamples=500, seed=1)
    # the mean is 49.5 with standard error 29.0/sqrt(100) = 2.9: the 95% interval is about
    # 49.5 +- 5.7
    assert 42 < low < 46 < 49.5 < 53 < high < 57
    assert mt.bootstrap_ci(mean, len(x), resamples=500, seed=2) != (low, high)


def test_bootstrap_ci_constant_statistic_and_empty() -> None:
    assert mt.bootstrap_ci(lambda i: 0.7, 10, resamples=50) == pytest.approx((0.7, 0.7))
    assert all(math.isnan(v) for v in mt.bootstrap_ci(lambda i: 0.7, 0, resamples=50))
    assert all(math.isnan(v) for v in mt.bootstrap_ci(lambda i: float("nan"), 5, resamples=50))


def test_spearman_by_hand() -> None:
    # ranks of x = 10, 20, 30 are 1, 2, 3; of y = 5, 100, 7 are 1, 3, 2: Pearson of the ranks
    # (1,2,3) and (1,3,2) is 0.5 (see test_pearson_by_hand), whatever the sizes
    assert mt.spearman([10, 20, 30], [5, 100, 7]) == pytest.approx(0.5)
    # ties share their mean rank: x = 0, 0, 1, 2 -> 1.5, 1.5, 3, 4; y = 1, 2, 3, 4:
    # deviations (-1 -1 0.5 1.5) and (-1.5 -0.5 0.5 1.5); products 1.5+0.5+0.25+2.25 = 4.5;
    # squares 1+1+0.25+2.25 = 4.5 and 5: r = 4.5 / sqrt(22.5) = 0.9487
    assert mt.spearman([0, 0, 1, 2], [1, 2, 3, 4]) == pytest.approx(4.5 / 22.5 ** 0.5)
    assert math.isnan(mt.spearman([0, 0, 0], [1, 2, 3]))
    with pytest.raises(ValueError):
        mt.spearman([1, 2], [1])


def _random_outcomes(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.random(n) < 0.3, rng.random(n) < 0.4


def test_counted_precision_recall_f1_equals_the_arrays_on_any_resample() -> None:
    pred, gold = _random_outcomes(200, 1)
    stat = mt.prf_of(mt.outcome_codes(pred, gold))
    rng = np.random.default_rng(2)
    for size in (0, 1, 5, 200):
        i = rng.integers(0, 200, size)
        expected, got = mt.precision_recall_f1(pred[i], gold[i]), stat(i)
        assert [repr(v) for v in got] == [repr(v) for v in expected]  # NaN where undefined, bit for bit
    assert mt.prf_from_counts(0, 0, 3)[0] != mt.prf_from_counts(0, 0, 3)[0]  # nothing flagged: NaN


@pytest.mark.parametrize("n", [0, 1, 12, 300])
def test_joint_intervals_are_each_figures_own_interval(n: int) -> None:
    """One set of draws for precision, recall and F1 gives, for each, exactly the interval a
    bootstrap of that figure alone gives (the same seed, the same draws, NaN resamples
    dropped per figure)."""
    pred, gold = _random_outcomes(n, 3)
    joint = mt.bootstrap_cis(mt.prf_of(mt.outcome_codes(pred, gold)), n, 300, 8)
    for k in range(3):
        alone = mt.bootstrap_ci(lambda i, k=k: mt.precision_recall_f1(pred[i], gold[i])[k], n, 300, 8)
        assert repr(joint[k]) == repr(alone)
