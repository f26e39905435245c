"""Cohen's kappa between two coders, and between every pair of coders.

Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and
Psychological Measurement 20(1), 37-46.

``kappa = (p_o - p_e) / (1 - p_e)``: ``p_o`` the share of units both coders coded alike,
``p_e = sum_c p_1(c) p_2(c)`` the share expected from each coder's own distribution of
values. 1 = perfect agreement, 0 = chance, below 0 = worse than chance. Only units coded by
both coders count. NaN (never 0) with no shared unit, or when ``p_e = 1`` (both coders gave
every unit one and the same value: agreement beyond chance is undefined).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from itertools import combinations

import pandas as pd

from analysis.agreement.alpha import AgreementInputError, is_missing

NAN = float("nan")
REFERENCE = ("Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and "
             "Psychological Measurement, 20(1), 37-46.")


@dataclass(frozen=True)
class Kappa:
    """``kappa``: -1..1, NaN when undefined; ``units``: units both coders coded;
    ``agreement``: the raw share of those units coded alike (0..1, NaN with no unit)."""

    kappa: float
    units: int
    agreement: float


def cohen(first: Sequence[Hashable | None], second: Sequence[Hashable | None]) -> Kappa:
    """Cohen's kappa of two coders' values for the same units, in the same order.
    A missing value (None, NaN, empty text) on either side drops that unit."""
    if len(first) != len(second):
        raise AgreementInputError("both coders need one value per unit (the lists differ in length)")
    pairs = [(a, b) for a, b in zip(first, second, strict=True) if not is_missing(a) and not is_missing(b)]
    n = len(pairs)
    if n == 0:
        return Kappa(NAN, 0, NAN)
    observed = sum(a == b for a, b in pairs) / n
    one, two = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(one[v] * two[v] for v in one) / (n * n)
    value = (observed - expected) / (1 - expected) if expected < 1 else NAN
    return Kappa(value, n, observed)


def pairwise(frame: pd.DataFrame) -> pd.DataFrame:
    """Cohen's kappa for every pair of coders in long data (``unit``, ``coder``, ``value``).

    One row per pair (``coder_a`` < ``coder_b``): ``units`` coded by both, ``agreement``
    (raw share alike) and ``kappa``."""
    missing = {"unit", "coder", "value"} - set(frame.columns)
    if missing:
        raise AgreementInputError(f"coding data need the columns unit, coder, value "
                                  f"(missing: {', '.join(sorted(missing))})")
    rows = frame.loc[[not is_missing(v) for v in frame["value"]]]
    if rows.duplicated(["unit", "coder"]).any():
        raise AgreementInputError("a coder gives a unit more than one value")
    wide = rows.pivot(index="unit", columns="coder", values="value")
    out = []
    for a, b in combinations(sorted(wide.columns, key=str), 2):
        k = cohen(list(wide[a]), list(wide[b]))
        out.append({"coder_a": a, "coder_b": b, "units": k.units, "agreement": k.agreement, "kappa": k.kappa})
    return pd.DataFrame(out, columns=["coder_a", "coder_b", "units", "agreement", "kappa"])
