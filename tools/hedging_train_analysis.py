"""Error analysis of the hedging measure on the TRAINING part of the Wikipedia uncertainty
sentences only (data/eval/hedging/train.csv); the held-out part is never read here.

Prints, for the measure as it is:
- precision, recall and F1 of the harness's sentence rule (cue weights >= 0.5);
- the cues that decide false and true positives (a sentence that would fall below 0.5
  without that cue), the most frequent first;
- what-if figures with chosen cues re-weighted (e.g. every "may" at 0.25, every modal at 0),
  to show what the labels would reward;
- a ceiling: logistic regression over which cues fire and the weight per category, fitted in
  5 folds of train and scored on the fold left out, with its best cut-off. No rule over the
  lexicon's cues can do much better than this on these labels.

    python tools/hedging_train_analysis.py [--top 25]
"""

from __future__ import annotations

import argparse
import collections
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.measures import get  # noqa: E402
from analysis.validate import datasets as ds  # noqa: E402
from analysis.validate.checks import UNCERTAIN_AT  # noqa: E402
from analysis.validate.metrics import precision_recall_f1  # noqa: E402
from analysis.validate.scoring import score_text  # noqa: E402

Cue = tuple[str, float, str]  # term (lower case), weight, category


def scored_train() -> tuple[list[list[Cue]], np.ndarray]:
    frame = ds.hedging("train")
    measure = get("hedging")
    cues = [[(e.term.lower(), e.weight, e.category)
             for e in score_text(measure, t, summarize=False).evidence if e.weight > 0]
            for t in frame["text"]]
    return cues, frame["label"].to_numpy() == 1


def rule(cues: list[list[Cue]], gold: np.ndarray, weight: Callable[[Cue], float]) -> str:
    pred = np.array([sum(weight(c) for c in cs) >= UNCERTAIN_AT for cs in cues])
    p, r, f = precision_recall_f1(pred, gold)
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.4f}"


def deciding_cues(cues: list[list[Cue]], gold: np.ndarray, top: int) -> None:
    fp: collections.Counter[str] = collections.Counter()
    tp: collections.Counter[str] = collections.Counter()
    for cs, y in zip(cues, gold, strict=True):
        if sum(c[1] for c in cs) < UNCERTAIN_AT:
            continue
        for term in {c[0] for c in cs}:
            if sum(c[1] for c in cs if c[0] != term) < UNCERTAIN_AT:
                (tp if y else fp)[term] += 1
    print(f"\ncues that decide a positive (false / true), top {top}:")
    for term, n in fp.most_common(top):
        print(f"  {term:26s} {n:4d} / {tp[term]:4d}")


def _fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 500, rate: float = 0.5):
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        w -= rate * (x.T @ (p - y) / len(y) + l2 * w / len(y))
        b -= rate * float((p - y).mean())
    return w, b


def ceiling(cues: list[list[Cue]], gold: np.ndarray, folds: int = 5) -> str:
    counts = collections.Counter(c[0] for cs in cues for c in set(cs))
    terms = sorted(t for t, n in counts.items() if n >= 8)
    cats = sorted({c[2] for cs in cues for c in cs})
    x = np.array([[float(t in {c[0] for c in cs}) for t in terms]
                  + [sum(c[1] for c in cs if c[2] == k) for k in cats] for cs in cues])
    y = gold.astype(float)
    parts = np.array_split(np.random.default_rng(0).permutation(len(y)), folds)
    best = (0.0, 0.0)
    for cut in (0.3, 0.35, 0.4, 0.45, 0.5):
        pred = np.zeros(len(y), dtype=bool)
        for k in range(folds):
            train = np.concatenate([parts[j] for j in range(folds) if j != k])
            w, b = _fit(x[train], y[train])
            pred[parts[k]] = 1 / (1 + np.exp(-(x[parts[k]] @ w + b))) >= cut
        best = max(best, (precision_recall_f1(pred, gold)[2], cut))
    return (f"F1 {best[0]:.4f} at cut-off {best[1]} ({len(terms)} cue terms seen >= 8 times, "
            f"{len(cats)} category weights, {folds}-fold within train)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    cues, gold = scored_train()
    print(f"train: {len(gold):,} sentences, {int(gold.sum()):,} labelled uncertain")
    print(f"the measure as it is:        {rule(cues, gold, lambda c: c[1])}")
    deciding_cues(cues, gold, args.top)
    print("\nwhat the labels would reward (not done: see data/lexicons/CHANGELOG.md):")
    print(f"  every 'may' at 0.25:        {rule(cues, gold, lambda c: 0.25 if c[0] == 'may' else c[1])}")
    print(f"  every modal at 0:           {rule(cues, gold, lambda c: 0.0 if c[2] == 'modal' else c[1])}")
    print(f"\nceiling, logistic readout:    {ceiling(cues, gold)}")


if __name__ == "__main__":
    main()
