"""Internal consistency of a dictionary's categories on the texts analysed, as LIWC's manual
reports it: words as items, texts as observations.

- Cronbach's alpha on each entry's rate (matches per 100 words) in each text:
  alpha = k / (k - 1) x (1 - sum of the item variances / variance of the texts' totals);
- KR-20 (Kuder & Richardson 1937) on occurrence (1 when the entry occurs in the text, else 0):
  the same formula with p(1 - p) as each item's variance.

Items are the category's entries that occur in at least one of the texts (an entry never seen
carries no information about consistency); ``k`` is their number. Fewer than two texts or two
items, or texts whose totals do not vary, leave the figure undefined: NaN, with the reason.
Variances are population variances (ddof 0) in both parts of the ratio, as the formulas ask.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from analysis.dictionaries import Dictionary
from analysis.text import segment


@dataclass(frozen=True)
class Consistency:
    category: str
    entries: int  # entries of the category in the dictionary
    items: int  # entries that occur in the texts (k)
    texts: int
    alpha: float
    kr20: float
    note: str = ""


def _ratio(matrix: np.ndarray, item_var: np.ndarray) -> float:
    k = matrix.shape[1]
    total_var = float(matrix.sum(axis=1).var())
    if k < 2 or total_var == 0:
        return math.nan
    return k / (k - 1) * (1 - float(item_var.sum()) / total_var)


def measure(dictionary: Dictionary, texts: Sequence[str]) -> list[Consistency]:
    """Alpha and KR-20 for every category of ``dictionary`` over ``texts``."""
    lex = dictionary.lexicon
    counts: list[dict[tuple[str, str], int]] = []
    words: list[int] = []
    for text in texts:
        doc = segment(text)
        seen: dict[tuple[str, str], int] = {}
        for par in doc.paragraphs:
            for m in lex.finditer(par.text):
                for e in m.entries:
                    seen[(e.category, e.term)] = seen.get((e.category, e.term), 0) + 1
        counts.append(seen)
        words.append(doc.words)
    n = len(texts)
    out = []
    for category, total in dictionary.term_counts().items():
        terms = sorted({term for seen in counts for (c, term) in seen if c == category})
        note = ""
        if n < 2:
            note = "needs at least two texts"
        elif len(terms) < 2:
            note = "fewer than two of its entries occur in these texts"
        if note:
            out.append(Consistency(category, total, len(terms), n, math.nan, math.nan, note))
            continue
        raw = np.array([[seen.get((category, t), 0) for t in terms] for seen in counts], dtype=float)
        per100 = np.array([row / w * 100 if w else np.zeros_like(row) for row, w in zip(raw, words, strict=True)])
        occurs = (raw > 0).astype(float)
        alpha = _ratio(per100, per100.var(axis=0))
        p = occurs.mean(axis=0)
        kr20 = _ratio(occurs, p * (1 - p))
        if math.isnan(alpha):
            note = "the texts' totals do not vary"
        out.append(Consistency(category, total, len(terms), n, alpha, kr20, note))
    return out
