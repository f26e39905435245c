"""Is each change of hedge lexicon 2.0.0 to the epistemic sub-scale one that documents it was
not chosen on would also choose? Cross-validation by document on the development half of the
FactBank news set (Szeged uncertainty corpus; read from the external folder, never shipped).

Every change of 2.0.0 that touches the epistemic sub-scale is a switch: a new cue group
(think, expect, should ...), a context rule (a noun "suspect", "as expected" ...) or a cue moved
out of the sub-scale (indicated, speculation, estimate, reportedly, alleged ...). Off means the
cue is not counted, the rule does not apply (the lexicon's weight stands), or the moved cue
counts as epistemic with its old weight. In each of five folds of whole documents, every
switch is kept on only if turning it off does not raise F1 on the other four folds, the
sentence threshold (0.25, 0.5 or 1) is chosen there too, and F1 is measured on the fold's own
documents. The candidates themselves were written after reading development errors on all
115 documents, so this measures whether the choices hold across documents, not what the
held-out half will give.

    python tools/hedging_factbank_cv.py [--external DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import lexicon as lx  # noqa: E402
from analysis.measures import get  # noqa: E402
from analysis.validate import checks_hedging as ch  # noqa: E402
from analysis.validate import datasets as ds  # noqa: E402
from analysis.validate import metrics as mt  # noqa: E402
from analysis.validate.scoring import score_text  # noqa: E402

Ev = tuple[str, str, float, str]  # term (lower case), category, weight, note
NEW_CUES = {
    "think": {"think", "thinks", "thought"},
    "expect": {"expect", "expects", "expected", "expecting"},
    "anticipate": {"anticipate", "anticipates", "anticipated"},
    "predict": {"predict", "predicts", "predicted", "predicting"},
    "foresee": {"foresee", "foresees", "foresaw"},
    "should": {"should"},
    "chance nouns": {"likelihood", "probability", "possibility"},
    "it looks like": {"it looks like", "it looked like"},
    "assumption that": {"assumption that", "presumption that"},
}
RULES = {
    "fulfilled forecast": ("compares what happened", "a forecast that came true"),
    "think: not belief": ("an institution, not a belief", "considering, not judging", "'thought' as a noun"),
    "should: obligation": ("obligation or advice",),
    "suspect: noun": ("as a noun: a person suspected", "an adjective, doubtful"),
    "assume: took on": ("took on, not supposed",),
    "believe: faith": ("with nothing believed",),
    "could: reach/see/purpose": ("whether someone answered", "what one was able to perceive", "a purpose"),
    "nobody doubts": ("a claim about everyone",),
    "possible: superlative": ("the utmost that can be",),
    "potential: people": ("a class of people",),
    "appear as/before": ("a role or a likeness shown", "a performance, a publication or a hearing"),
    "cue in a name": ("part of the name",),
    "indicate: a thing's sign": ("evidence read as a sign",),  # off: reporting, as after a speaker
}
SKIPPED_WHEN_OFF = {"indicate: a thing's sign"}
MOVED = {  # cue -> its 1.3 weight, when it counted as epistemic
    "indicate": 0.5, "indicated": 0.5, "indicates": 0.5, "speculation": 1.0, "estimate": 0.5,
    "estimated": 0.5, "suspected": 1.0, "reportedly": 1.0, "allegedly": 1.0, "purportedly": 1.0,
    "supposedly": 1.0, "reputedly": 1.0, "ostensibly": 1.0, "alleged": 1.0, "purported": 1.0,
    "rumored": 1.0, "rumoured": 1.0, "so-called": 1.0, "unconfirmed": 1.0, "unverified": 1.0,
}
SWITCHES = [f"cue: {k}" for k in NEW_CUES] + [f"rule: {k}" for k in RULES] + ["moved out of epistemic"]


def weight(ev: list[Ev], off: frozenset[str], epistemic: frozenset[str], lexicon: lx.Lexicon) -> float:
    total = 0.0
    for term, category, w, note in ev:
        if term in MOVED:
            if "moved out of epistemic" in off:
                total += MOVED[term]
            continue
        if category not in epistemic:
            continue
        if any(f"cue: {k}" in off and term in terms for k, terms in NEW_CUES.items()):
            continue
        skip = False
        for k, marks in RULES.items():
            if f"rule: {k}" in off and any(mark in note for mark in marks):
                entry = lexicon.lookup(term)
                w = entry.weight if entry else w
                skip = skip or k in SKIPPED_WHEN_OFF
        total += 0.0 if skip else w
    return total


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    args.add_argument("--external", default=None)
    root = ds.external_root(args.parse_args(argv).external)
    frame = ch.factbank(ds.external_file(root, ch.FACTBANK_DEV))
    frame = frame[frame["counted"]].reset_index(drop=True)
    m, lexicon = get("hedging"), lx.load("hedges")
    epistemic = frozenset(next(s.categories for s in m.subscales if s.name == "hedging_epistemic"))
    evidence = [[(e.term.lower(), e.category, e.weight, e.note) for e in score_text(m, t, summarize=False).evidence]
                for t in frame["text"]]
    gold = frame["gold"].to_numpy(bool)
    folds = ch.document_folds(list(frame["document"]))

    cache: dict[frozenset[str], np.ndarray] = {}

    def weights(off: frozenset[str]) -> np.ndarray:
        if off not in cache:
            cache[off] = np.array([weight(ev, off, epistemic, lexicon) for ev in evidence])
        return cache[off]

    def f1(off: frozenset[str], at: float, rows: np.ndarray) -> float:
        return mt.precision_recall_f1(weights(off)[rows] >= at, gold[rows])[2]

    kept = {s: 0 for s in SWITCHES}
    idle = {s: 0 for s in SWITCHES}  # folds in which the switch changes nothing on the training documents
    per_fold, shipped = [], []
    for f in range(ch.FOLDS):
        train, test = folds != f, folds == f
        def best_at(off: frozenset[str], train: np.ndarray = train) -> float:
            return max((0.25, 0.5, 1.0), key=lambda a: f1(off, a, train))

        off: set[str] = set()
        for s in SWITCHES:  # each switch judged against all the others on
            on_f1 = f1(frozenset(), best_at(frozenset()), train)
            off_f1 = f1(frozenset({s}), best_at(frozenset({s})), train)
            if off_f1 > on_f1:
                off.add(s)
            else:
                kept[s] += 1
                idle[s] += off_f1 == on_f1
        chosen = frozenset(off)
        at = best_at(chosen)
        per_fold.append(f1(chosen, at, test))
        shipped.append(f1(frozenset(), ch.EPISTEMIC_AT, test))
        print(f"fold {f}: {int(test.sum())} sentences, threshold {at}, off {sorted(chosen) or 'none'}: "
              f"F1 {per_fold[-1]:.3f} (as shipped: {shipped[-1]:.3f})")
    old = frozenset(SWITCHES)
    before = [f1(old, 0.5, folds == f) for f in range(ch.FOLDS)]
    print(f"\nmean F1 over folds, choices made without the fold: {np.mean(per_fold):.3f} "
          f"(min {min(per_fold):.3f}, max {max(per_fold):.3f})")
    print(f"as shipped (every switch on, threshold {ch.EPISTEMIC_AT}): {np.mean(shipped):.3f} "
          f"(min {min(shipped):.3f}, max {max(shipped):.3f})")
    print(f"every switch off (1.3's cues in 2.0.0's categories): {np.mean(before):.3f} "
          f"(min {min(before):.3f}, max {max(before):.3f})")
    review = ds.EVAL / "hedging_factbank" / "review.csv"
    if review.is_file():  # the project's reading of every disagreement (data/eval/hedging_factbank)
        import csv

        with review.open(encoding="utf-8", newline="") as fh:
            reading = {(r["document"], r["sentence_id"]): r["reading"] for r in csv.DictReader(fh)}
        pred = weights(frozenset()) >= ch.EPISTEMIC_AT
        fixed = gold.copy()
        for i, key in enumerate(zip(frame["document"], frame["sentence_id"], strict=True)):
            if reading.get(key) == "yardstick_miss":
                fixed[i] = True
            elif reading.get(key) == "not_a_hedge":
                fixed[i] = False
        for label, truth in (("as annotated", gold), ("mended where the review finds the labels wrong", fixed)):
            p, r, f = mt.precision_recall_f1(pred, truth)
            print(f"as shipped, labels {label}: P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    print("\nfolds in which each switch was kept on (of them, folds in which it changed nothing on the "
          "training documents' F1):")
    for s in SWITCHES:
        print(f"  {kept[s]}/{ch.FOLDS} ({idle[s]} no change)  {s}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
