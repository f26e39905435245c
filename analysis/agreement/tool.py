"""How well the tool agrees with a coder: precision and recall per measure and category.

A coder's judgements become reference annotations: an evidence span judged ``correct`` and
a span marked ``missed`` are instances of their measure and category; a span judged
``wrong`` is not. The tool's finds are its current evidence spans that count (weight not 0;
struck-through spans matched but did not count). Spans match when they overlap and have
the same measure (and, for a category's row, the same category), a verdict on the very
span deciding over an overlapping judgement; so a verdict still counts
after a measure's new version moves a span's edges, and a span the tool no longer finds
becomes a miss if the coder said it was right.

- precision = tool spans overlapping an instance / tool spans the coder judged (overlapping
  an instance or a span judged wrong); spans nobody judged are counted apart (``unjudged``)
  and left out.
- recall = instances overlapped by a tool span / all instances.

Both 0..1, higher = better; NaN when nothing was judged (precision) or no instance was
marked (recall). Several coders pool their judgements (each coder's judgement is one
observation) unless ``by_coder``. The 95% intervals are percentile bootstraps over articles
(the articles are resampled whole, not the spans; fixed seed), as ``analysis.validate``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import numpy as np
import pandas as pd

from analysis.validate.metrics import bootstrap_ci

ALL = "(all)"
POOLED = "(all coders)"
COLUMNS = ["coder", "measure", "category", "articles", "judged", "correct", "wrong", "unjudged", "instances",
           "found", "missed", "precision", "precision_low", "precision_high", "recall", "recall_low",
           "recall_high"]
_COUNTS = ("correct", "wrong", "unjudged", "instances", "found")


def _overlaps(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)


def tool_vs_coder(codings: pd.DataFrame, evidence: pd.DataFrame, *, by_coder: bool = False,
                  resamples: int = 1000, seed: int = 8, level: float = 0.95) -> pd.DataFrame:
    """One row per (coder,) measure and category, and per measure over all its categories
    (category ``ALL``), with the counts, precision, recall and their bootstrap intervals.

    ``codings``: current codings (``analysis.store.codes.frame``); rows of kind ``verdict``
    and ``missed`` are used. ``evidence``: the tool's evidence spans of the same articles
    (``Analysis.evidence`` with an ``article_id`` column). Only articles with at least one
    judgement count."""
    judged = codings[codings["kind"].isin(["verdict", "missed"])]
    if judged.empty:
        return pd.DataFrame(columns=COLUMNS)
    counted = evidence[evidence["weight"] != 0]
    # counts[(coder, measure, category)][article] = {correct, wrong, unjudged, instances, found}
    counts: dict[tuple[str, str, str], dict[int, dict[str, int]]] = defaultdict(
        lambda: defaultdict(lambda: dict.fromkeys(_COUNTS, 0)))
    for (article_key, coder), mine in judged.groupby(["article_id", "coder"], sort=True):
        article = int(str(article_key))
        tool = counted[counted["article_id"] == article]
        measures = set(mine["measure"]) | set(tool["measure"])
        for measure in measures:
            gold = mine[mine["measure"] == measure]
            found_by = tool[tool["measure"] == measure]
            keys = [(ALL, gold, found_by)] + [
                (cat, gold[gold["category"] == cat], found_by[found_by["category"] == cat])
                for cat in sorted(set(gold["category"]) | set(found_by["category"]))]
            for category, g, t in keys:
                row = counts[(str(coder) if by_coder else POOLED, str(measure), str(category))][article]
                _tally(row, g, t)
    out = [_row(key, per_article, resamples, seed, level) for key, per_article in counts.items()]
    table = pd.DataFrame(out, columns=COLUMNS)
    table = table[(table["judged"] > 0) | (table["instances"] > 0)]  # measures nobody judged: nothing to say
    return table.sort_values(["coder", "measure", "category"], key=lambda s: s.map(_order)).reset_index(drop=True)


def _tally(row: dict[str, int], gold: pd.DataFrame, tool: pd.DataFrame) -> None:
    positive = [(int(s), int(e)) for s, e, d in zip(gold["start"], gold["end"], gold["decision"], strict=True)
                if d in ("correct", "applied")]
    negative = [(int(s), int(e)) for s, e, d in zip(gold["start"], gold["end"], gold["decision"], strict=True)
                if d == "wrong"]
    spans = [(int(s), int(e)) for s, e in zip(tool["start"], tool["end"], strict=True)]
    exact = {**{span: "wrong" for span in negative}, **{span: "correct" for span in positive}}
    for span in spans:
        if span in exact:  # a verdict on this very span decides
            row[exact[span]] += 1
        elif _overlaps(span, positive):
            row["correct"] += 1
        elif _overlaps(span, negative):
            row["wrong"] += 1
        else:
            row["unjudged"] += 1
    row["instances"] += len(positive)
    row["found"] += sum(_overlaps(p, spans) for p in positive)


def _row(key: tuple[str, str, str], per_article: dict[int, dict[str, int]], resamples: int, seed: int,
         level: float) -> dict[str, object]:
    """The figures of one row; the bootstrap resamples the articles this row's coder judged."""
    coder, measure, category = key
    articles = sorted(per_article)
    table = np.array([[per_article[a][k] for k in _COUNTS] for a in articles], dtype=float)
    correct, wrong, unjudged, instances, found = table.T

    def precision(idx: np.ndarray) -> float:
        judged = correct[idx].sum() + wrong[idx].sum()
        return float(correct[idx].sum() / judged) if judged else float("nan")

    def recall(idx: np.ndarray) -> float:
        total = instances[idx].sum()
        return float(found[idx].sum() / total) if total else float("nan")

    everything = np.arange(len(articles))
    p_low, p_high = bootstrap_ci(precision, len(articles), resamples, seed, level)
    r_low, r_high = bootstrap_ci(recall, len(articles), resamples, seed, level)
    return {"coder": coder, "measure": measure, "category": category,
            "articles": len(articles),
            "judged": int(correct.sum() + wrong.sum()), "correct": int(correct.sum()), "wrong": int(wrong.sum()),
            "unjudged": int(unjudged.sum()), "instances": int(instances.sum()), "found": int(found.sum()),
            "missed": int(instances.sum() - found.sum()),
            "precision": precision(everything), "precision_low": p_low, "precision_high": p_high,
            "recall": recall(everything), "recall_low": r_low, "recall_high": r_high}


def _order(value: object) -> object:
    """Sort key: the pooled row and each measure's ALL row first."""
    return "" if value in (ALL, POOLED) else str(value)
