"""The agreement statistics of the validation harness, in plain numpy.

Every function takes arrays and returns a float; NaN where the figure is undefined (a
constant series has no correlation, one class has no ROC AUC), never 0.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

NAN = float("nan")
FloatArray = npt.NDArray[np.float64]


def pearson(x: Sequence[float] | FloatArray, y: Sequence[float] | FloatArray) -> float:
    """Pearson's r of paired values, -1..+1; +1 = the two rise together. NaN when either
    series is constant or there are fewer than two pairs."""
    a, b = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if len(a) != len(b):
        raise ValueError("pearson: series of different lengths")
    if len(a) < 2:
        return NAN
    da, db = a - a.mean(), b - b.mean()
    denom = float(np.sqrt((da * da).sum() * (db * db).sum()))
    return float((da * db).sum() / denom) if denom > 0 else NAN


def spearman(x: Sequence[float] | FloatArray, y: Sequence[float] | FloatArray) -> float:
    """Spearman's rank correlation, -1..+1: Pearson's r of the average ranks (ties share the
    mean of their ranks), so a score with many zeros is compared by order, not by size. NaN
    when either series is constant or there are fewer than two pairs."""
    a, b = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if len(a) != len(b):
        raise ValueError("spearman: series of different lengths")
    if len(a) < 2:
        return NAN
    return pearson(_average_ranks(a), _average_ranks(b))


def roc_auc(scores: Sequence[float] | FloatArray, labels: Sequence[int] | npt.NDArray[np.int_]) -> float:
    """Area under the ROC curve, 0..1: the probability that a random positive (label 1)
    scores higher than a random negative, ties counting one half. 0.5 = no separation.
    Computed from average ranks (the Mann-Whitney U statistic). NaN with one class only."""
    s = np.asarray(scores, dtype=float)
    y = np.asarray(labels).astype(bool)
    pos, neg = int(y.sum()), int((~y).sum())
    if pos == 0 or neg == 0:
        return NAN
    ranks = _average_ranks(s)
    u = ranks[y].sum() - pos * (pos + 1) / 2
    return float(u / (pos * neg))


def _average_ranks(values: FloatArray) -> FloatArray:
    """1-based ranks, ties sharing the mean of the ranks they span."""
    order = np.argsort(values, kind="mergesort")
    ordered = values[order]
    boundaries = np.flatnonzero(np.diff(ordered)) + 1
    starts = np.concatenate(([0], boundaries))
    ends = np.concatenate((boundaries, [len(values)]))
    ranks = np.empty(len(values), dtype=float)
    mean_rank = (starts + ends + 1) / 2  # mean of the 1-based ranks start+1 .. end
    ranks[order] = np.repeat(mean_rank, ends - starts)
    return ranks


def precision_recall_f1(predicted: Sequence[bool] | npt.NDArray[np.bool_],
                        gold: Sequence[bool] | npt.NDArray[np.bool_]) -> tuple[float, float, float]:
    """Precision (share of flagged items that are truly positive), recall (share of
    positives flagged) and F1 (their harmonic mean), each 0..1. NaN where the denominator
    is zero: precision with nothing flagged, recall with no positives."""
    p_arr, g_arr = np.asarray(predicted, dtype=bool), np.asarray(gold, dtype=bool)
    return prf_from_counts(int((p_arr & g_arr).sum()), int(p_arr.sum()), int(g_arr.sum()))


def prf_from_counts(tp: int, flagged: int, positives: int) -> tuple[float, float, float]:
    """:func:`precision_recall_f1` from its three counts: true positives, items flagged,
    positives."""
    precision = tp / flagged if flagged else NAN
    recall = tp / positives if positives else NAN
    if flagged == 0 or positives == 0:
        f1 = NAN
    else:
        f1 = 2 * tp / (flagged + positives)  # = 2PR/(P+R), defined (0) when tp == 0
    return precision, recall, f1


def pair_counts(levels: FloatArray, increasing: bool = True) -> tuple[FloatArray, FloatArray]:
    """Per article, how many of its level pairs a score orders correctly, and how many
    pairs it defines.

    ``levels`` has one row per article and one column per level, easiest first (Ele, Int,
    Adv). A pair (i < j) is correct when the harder version scores strictly higher
    (``increasing``: a grade) or strictly lower (not ``increasing``: a reading ease); a tie
    is wrong. A pair with a NaN on either side is not defined and not counted.
    """
    v = np.asarray(levels, dtype=float)
    correct = np.zeros(len(v))
    defined = np.zeros(len(v))
    for i in range(v.shape[1]):
        for j in range(i + 1, v.shape[1]):
            ok = ~(np.isnan(v[:, i]) | np.isnan(v[:, j]))
            right = v[:, j] > v[:, i] if increasing else v[:, j] < v[:, i]
            correct += right & ok
            defined += ok
    return correct, defined


def pair_ordering(levels: FloatArray, increasing: bool = True) -> float:
    """Share of all defined level pairs, over all articles, ordered correctly (0..1;
    1 = every harder version scored harder). NaN when no pair is defined."""
    correct, defined = pair_counts(levels, increasing)
    return float(correct.sum() / defined.sum()) if defined.sum() else NAN


def bootstrap_ci(statistic: Callable[[npt.NDArray[np.intp]], float], n: int, resamples: int = 1000,
                 seed: int = 8, level: float = 0.95) -> tuple[float, float]:
    """Percentile bootstrap interval of ``statistic`` over ``n`` units.

    ``statistic`` receives an index array (``n`` draws with replacement from ``range(n)``)
    and returns the figure on that resample. The unit is whatever must be resampled whole:
    a sentence, a headline, an article (its three versions stay together). Resamples where
    the figure is undefined (NaN) are dropped. Fixed ``seed``: the same data gives the same
    interval. Returns (low, high); (NaN, NaN) when nothing is defined.
    """
    if n == 0 or resamples <= 0:
        return NAN, NAN
    rng = np.random.default_rng(seed)
    values = np.array([statistic(rng.integers(0, n, n)) for _ in range(resamples)], dtype=float)
    values = values[~np.isnan(values)]
    if not len(values):
        return NAN, NAN
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(values, [tail, 100 - tail])
    return float(low), float(high)


def outcome_codes(predicted: Sequence[bool] | npt.NDArray[np.bool_],
                  gold: Sequence[bool] | npt.NDArray[np.bool_]) -> npt.NDArray[np.intp]:
    """Each item's outcome as one small number, 2 x predicted + gold (0: true negative, 1:
    missed, 2: false alarm, 3: hit), so that any resample's counts are one ``np.bincount``."""
    return np.asarray(predicted, dtype=np.intp) * 2 + np.asarray(gold, dtype=np.intp)


def prf_of(codes: npt.NDArray[np.intp]) -> Callable[[npt.NDArray[np.intp]], tuple[float, float, float]]:
    """The statistic "precision, recall and F1 of the items at these indices" for
    :func:`bootstrap_cis`, from :func:`outcome_codes`: the same figures as
    ``precision_recall_f1(predicted[i], gold[i])``, counted without building the two arrays."""
    def stat(i: npt.NDArray[np.intp]) -> tuple[float, float, float]:
        c = np.bincount(codes[i], minlength=4)
        return prf_from_counts(int(c[3]), int(c[2] + c[3]), int(c[1] + c[3]))

    return stat


def bootstrap_cis(statistic: Callable[[npt.NDArray[np.intp]], Sequence[float]], n: int, resamples: int = 1000,
                  seed: int = 8, level: float = 0.95) -> list[tuple[float, float]]:
    """:func:`bootstrap_ci` of several figures computed together (precision, recall and F1):
    each figure's interval is exactly the one ``bootstrap_ci`` gives for it alone, from the
    same draws, but every resample is drawn and counted once."""
    if n == 0 or resamples <= 0:
        return [(NAN, NAN)] * len(statistic(np.zeros(0, dtype=np.intp)))
    rng = np.random.default_rng(seed)
    values = np.array([statistic(rng.integers(0, n, n)) for _ in range(resamples)], dtype=float)
    tail = (1 - level) / 2 * 100
    out = []
    for column in values.T:
        defined = column[~np.isnan(column)]
        if not len(defined):
            out.append((NAN, NAN))
            continue
        low, high = np.percentile(defined, [tail, 100 - tail])
        out.append((float(low), float(high)))
    return out
