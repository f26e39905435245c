"""Agreement between coders on the workspace's codebook codes, paragraph by paragraph.

The unit is a paragraph. For each code, a coder's value for a paragraph is 1 when the coder
applied the code to the paragraph or to a span that starts in it, else 0, for every
paragraph of the articles the coder has coded (applied at least one code in, or marked
reviewed); a paragraph of an article the coder has not coded is missing, not 0. So two
coders who both leave a paragraph uncoded agree on it, once both have coded that article.

For each code: Krippendorff's alpha on that presence (binary data: the nominal, ordinal and
interval levels coincide), with the number of paragraphs that two or more coders coded and
the number of pairable values; Cohen's kappa for every pair of coders, with the paragraphs
both coded. Agreement on where spans begin and end (Krippendorff's unitizing alpha) is not
computed: spans count through the paragraph they start in.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from analysis.agreement import alpha as ka
from analysis.agreement import kappa

ALPHA_COLUMNS = ["code", "alpha", "units", "pairable", "coders", "level"]
KAPPA_COLUMNS = ["code", "coder_a", "coder_b", "units", "agreement", "kappa"]
UNIT_COLUMNS = ["code", "article_id", "paragraph_index", "unit", "coder", "value"]


@dataclass(frozen=True)
class BetweenCoders:
    """``alpha``: one row per code (``ALPHA_COLUMNS``); ``kappa``: one row per code and pair
    of coders (``KAPPA_COLUMNS``); ``units``: the reliability data behind them, one row per
    code, paragraph and coder (``value`` 1 = coded, 0 = not), ``paragraph_index`` 0-based and
    ``unit`` the paragraph as a person reads it ("article 3, paragraph 2")."""

    alpha: pd.DataFrame
    kappa: pd.DataFrame
    units: pd.DataFrame


def paragraph_of(starts: Sequence[int], offset: int) -> int:
    """The 0-based paragraph an offset falls in: the last paragraph starting at or before it
    (an offset in the blank between two paragraphs belongs to the one before)."""
    return max(0, bisect.bisect_right(list(starts), offset) - 1)


def reliability_data(codings: pd.DataFrame, bounds: Mapping[int, Sequence[tuple[int, int]]],
                     codes: Iterable[str] | None = None) -> pd.DataFrame:
    """Long reliability data per code (``UNIT_COLUMNS``) from current codings.

    ``codings``: ``analysis.store.codes.frame(current(...))`` (withdrawn decisions left out);
    ``bounds``: each article's paragraph (start, end) pairs by 0-based index
    (``codes.paragraph_bounds``); ``codes``: the code names to report (default: those used)."""
    used = codings[codings["kind"] == "code"]
    names = sorted(set(codes) if codes is not None else set(used["code"].dropna()), key=str.casefold)
    coding = codings[codings["kind"].isin(["code", "reviewed"])]
    covered = {(int(a), str(c)) for a, c in zip(coding["article_id"], coding["coder"], strict=True)}
    present: set[tuple[str, int, int, str]] = set()
    columns = [used[c].tolist() for c in ("code", "article_id", "paragraph_index", "start", "coder")]
    for name, article, paragraph, start, coder in zip(*columns, strict=True):
        if int(article) not in bounds:
            continue
        if pd.isna(paragraph):
            paragraph = paragraph_of([s for s, _ in bounds[int(article)]], int(start))
        present.add((str(name), int(article), int(paragraph), str(coder)))
    rows = []
    for name in names:
        for article, coder in sorted(covered):
            for paragraph in range(len(bounds.get(article, ()))):
                rows.append((name, article, paragraph, f"article {article}, paragraph {paragraph + 1}", coder,
                             int((name, article, paragraph, coder) in present)))
    return pd.DataFrame(rows, columns=UNIT_COLUMNS)


def between_coders(codings: pd.DataFrame, bounds: Mapping[int, Sequence[tuple[int, int]]],
                   codes: Iterable[str] | None = None) -> BetweenCoders:
    """Per code: Krippendorff's alpha over all coders and Cohen's kappa for each pair."""
    units = reliability_data(codings, bounds, codes)
    alphas, kappas = [], []
    for name in dict.fromkeys(units["code"]) if codes is None else sorted(set(codes), key=str.casefold):
        group = units[units["code"] == name]
        a = ka.from_frame(group[["unit", "coder", "value"]])
        alphas.append({"code": name, "alpha": a.alpha, "units": a.units, "pairable": a.pairable,
                       "coders": a.coders, "level": "nominal"})
        pairs = kappa.pairwise(group[["unit", "coder", "value"]])
        kappas += [{"code": name, **row} for row in pairs.to_dict(orient="records")]
    return BetweenCoders(pd.DataFrame(alphas, columns=ALPHA_COLUMNS), pd.DataFrame(kappas, columns=KAPPA_COLUMNS),
                         units)
