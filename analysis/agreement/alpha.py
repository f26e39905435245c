"""Krippendorff's alpha for coding predefined units, from a coincidence matrix.

Written from the definitions in Krippendorff (2011), "Computing Krippendorff's
Alpha-Reliability" (Annenberg School for Communication, University of Pennsylvania):

- Reliability data: each coder gives at most one value to each unit; a value may be missing.
  Only units with two or more values (``m_u >= 2``) are *pairable*; the others are dropped.
- Coincidences: every ordered pair of values (c, k) from two different coders of the same
  unit adds ``1 / (m_u - 1)`` to ``o[c, k]``. So each pairable value contributes exactly 1
  to its row: ``n_c = sum_k o[c, k]`` counts the pairable values c, ``n = sum_c n_c`` all.
- ``alpha = 1 - D_o / D_e`` with ``D_o = sum o[c,k] d2(c,k) / n`` (observed disagreement)
  and ``D_e = sum n_c n_k d2(c,k) / (n (n - 1))`` (the disagreement expected by chance).
- Difference functions ``d2``: nominal 0 for equal values else 1; ordinal
  ``(sum_{g=c..k} n_g - (n_c + n_k) / 2) ** 2`` over the ranks of the values; interval
  ``(c - k) ** 2``; ratio ``((c - k) / (c + k)) ** 2``.

Range: 1 = perfect agreement, 0 = agreement at chance level, below 0 = systematic
disagreement. Krippendorff suggests relying on variables with alpha >= .800 and drawing only
tentative conclusions from .667 to .800. Undefined (NaN, never 0) when there is no pairable
value or when every pairable value is the same (no variation: ``D_e = 0``).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

LEVELS = ("nominal", "ordinal", "interval", "ratio")
NAN = float("nan")
REFERENCE = ("Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for "
             "Communication, University of Pennsylvania.")


class AgreementInputError(ValueError):
    """Reliability data that cannot be used, with a message fit for the user."""


@dataclass(frozen=True)
class Alpha:
    """Krippendorff's alpha with the counts behind it.

    ``alpha``: -1..1 in practice (1 = perfect agreement, 0 = chance), NaN when undefined;
    ``units``: units with at least two values (pairable); ``pairable``: the number of values
    in those units (Krippendorff's n); ``coders``: coders with at least one pairable value;
    ``observed``/``expected``: D_o and D_e."""

    alpha: float
    level: str
    units: int
    pairable: int
    coders: int
    observed: float
    expected: float


def is_missing(value: object) -> bool:
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def from_frame(frame: pd.DataFrame, level: str = "nominal", order: Sequence[Hashable] | None = None) -> Alpha:
    """Alpha from long reliability data: one row per ``unit``, ``coder`` and ``value``.

    A coder may give a unit one value only (a second row is an error); rows with a missing
    value are ignored. ``order`` ranks the values for the ordinal level (else they must be
    numbers)."""
    missing = {"unit", "coder", "value"} - set(frame.columns)
    if missing:
        raise AgreementInputError(f"reliability data need the columns unit, coder, value "
                                  f"(missing: {', '.join(sorted(missing))})")
    rows = frame.loc[[not is_missing(v) for v in frame["value"]], ["unit", "coder", "value"]]
    twice = rows.duplicated(["unit", "coder"], keep=False)
    if twice.any():
        first = rows[twice].iloc[0]
        raise AgreementInputError(f"coder {first['coder']!r} gives unit {first['unit']!r} more than one value")
    by_unit = rows.groupby("unit", sort=False)
    units = [list(group["value"]) for _, group in by_unit]
    coders = {c for _, group in by_unit if len(group) >= 2 for c in group["coder"]}
    return from_units(units, level, order, coders=len(coders))


def from_matrix(matrix: Iterable[Iterable[object]], level: str = "nominal",
                order: Sequence[Hashable] | None = None) -> Alpha:
    """Alpha from the canonical m-coders-by-N-units matrix (a list of rows, or a 2-D numpy
    array); None or NaN marks a missing value."""
    rows = [list(r) for r in matrix]
    if not rows:
        return from_units([], level, order, coders=0)
    width = len(rows[0])
    if any(len(r) != width for r in rows):
        raise AgreementInputError("every coder's row needs one cell per unit")
    units = [[r[j] for r in rows if not is_missing(r[j])] for j in range(width)]
    coders = sum(1 for r in rows if any(not is_missing(r[j]) and len(units[j]) >= 2 for j in range(width)))
    return from_units(units, level, order, coders=coders)


def from_units(units: Iterable[Sequence[object]], level: str = "nominal",
               order: Sequence[Hashable] | None = None, coders: int = 0) -> Alpha:
    """Alpha from the values given to each unit (missing values already left out)."""
    if level not in LEVELS:
        raise AgreementInputError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    pairable = [list(u) for u in units if len(u) >= 2]
    if not pairable:
        return Alpha(NAN, level, 0, 0, coders, NAN, NAN)
    values, keys, o = _coincide(pairable, level, order)
    n_c = o.sum(axis=1)
    n = float(n_c.sum())
    d2 = _differences(keys, n_c, level)
    observed = float((o * d2).sum() / n)
    expected = float((np.outer(n_c, n_c) * d2).sum() / (n * (n - 1)))
    alpha = 1 - observed / expected if expected > 0 else NAN
    return Alpha(alpha, level, len(pairable), int(round(n)), coders, observed, expected)


def coincidences(units: Iterable[Sequence[object]], level: str = "nominal",
                 order: Sequence[Hashable] | None = None) -> pd.DataFrame:
    """The values-by-values coincidence matrix ``o[c, k]`` (rows and columns in value order)."""
    values, _, o = _coincide([list(u) for u in units if len(u) >= 2], level, order)
    return pd.DataFrame(o, index=values, columns=values)


def _coincide(pairable: list[list[object]], level: str, order: Sequence[Hashable] | None
              ) -> tuple[list[Hashable], npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """The distinct values, their numbers and the coincidence matrix of pairable units."""
    values, keys = _value_keys(pairable, level, order)
    index = {v: i for i, v in enumerate(values)}
    o = np.zeros((len(values), len(values)))
    for unit in pairable:
        counts = np.zeros(len(values))
        for v in unit:
            counts[index[_key(v, level, order)]] += 1
        o += (np.outer(counts, counts) - np.diag(counts)) / (len(unit) - 1)
    return values, keys, o


def _key(value: object, level: str, order: Sequence[Hashable] | None) -> Hashable:
    """The value as compared: itself for nominal data, its number (or rank in ``order``) otherwise."""
    if level == "nominal":
        if isinstance(value, bool | int | float | np.number):
            return _number(value)
        if not isinstance(value, Hashable):
            raise AgreementInputError(f"a value must be a label or a number, not {value!r}")
        return value
    if level == "ordinal" and order is not None:
        try:
            return list(order).index(value)
        except ValueError:
            raise AgreementInputError(f"value {value!r} is not in the given order") from None
    number = _number(value)
    if number is None:
        raise AgreementInputError(f"{level} data need numbers: {value!r} is not a number"
                                  + (" (give an order for ranked labels)" if level == "ordinal" else ""))
    if level == "ratio" and number < 0:
        raise AgreementInputError(f"ratio data cannot be negative: {value!r}")
    return number


def _number(value: object) -> float | None:
    if isinstance(value, bool | int | float | np.integer | np.floating):
        number = float(value)
    else:
        try:
            number = float(str(value).strip())
        except ValueError:
            return None
    return number if math.isfinite(number) else None


def _value_keys(units: list[list[object]], level: str,
                order: Sequence[Hashable] | None) -> tuple[list[Hashable], npt.NDArray[np.float64]]:
    """The distinct values in comparison order and, for the metric levels, their numbers."""
    distinct = list(dict.fromkeys(_key(v, level, order) for unit in units for v in unit))
    if level == "nominal":  # numbers first, in numeric order, then labels in text order
        distinct.sort(key=lambda v: (0, v, "") if isinstance(v, float) else (1, 0.0, str(v)))
        return distinct, np.zeros(len(distinct))
    numbers = sorted(float(v) for v in distinct)  # type: ignore[arg-type]
    return list(numbers), np.asarray(numbers, dtype=float)


def _differences(keys: npt.NDArray[np.float64], n_c: npt.NDArray[np.float64], level: str) -> npt.NDArray[np.float64]:
    """The squared difference d2(c, k) between every pair of values, at ``level``."""
    size = len(n_c)
    if level == "nominal":
        return 1.0 - np.eye(size)
    if level == "interval":
        return np.subtract.outer(keys, keys) ** 2
    if level == "ratio":
        total = np.add.outer(keys, keys)
        diff = np.subtract.outer(keys, keys)
        with np.errstate(invalid="ignore", divide="ignore"):
            d = np.where(total > 0, diff / np.where(total > 0, total, 1), 0.0)
        return d ** 2
    # ordinal: values are in rank order; sum of the marginals from c to k, less half of both ends
    cumulative = np.concatenate(([0.0], np.cumsum(n_c)))
    d2 = np.zeros((size, size))
    for c in range(size):
        for k in range(c + 1, size):
            between = cumulative[k + 1] - cumulative[c]
            d2[c, k] = d2[k, c] = (between - (n_c[c] + n_c[k]) / 2) ** 2
    return d2
