"""The hedging sub-scales, each judged on the yardstick that fits it.

- ``hedging_epistemic`` on news: the news part of the Szeged uncertainty corpus (FactBank
  sentences from NYT, WSJ, AP ...; Szarvas et al. 2012). The project holds its development half
  (115 documents), read from the external folder (LDC text: never shipped); the other half is
  held out and judged by whoever holds it (``factbank_heldout.csv`` in the same folder, absent
  otherwise). Gold: a sentence with a modal_possible, modal_probable or hypo_doxastic cue is
  hedged; one whose only cues are conditional (if, unless) or investigative (whether) is left
  out of the count; every other sentence is plain. The measure calls a sentence hedged when
  its epistemic cues weigh at least ``EPISTEMIC_AT`` together (one weak or full cue).
  On the development half the figure is the mean F1 over five folds of whole documents, with
  the spread across folds: the rules were written on these documents, so it is a regression
  floor, not a validity claim; the held-out half gives that.
- ``hedging_weasel`` on the Wikipedia uncertainty sentences (CoNLL-2010 / Szeged WikiWeasel),
  held-out part: a sentence is flagged when its weasel cues (vague sources, agentless
  attribution) weigh at least 0.5. The labels mark any uncertainty or weasel wording, so
  recall is bounded by the share of uncertain sentences that carry a vague source.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from analysis.measures import get
from analysis.validate import checks
from analysis.validate import datasets as ds
from analysis.validate import metrics as mt

Row = dict[str, Any]
FACTBANK_DEV = "hedging_news_factbank/factbank_dev.csv"
FACTBANK_HELDOUT = "hedging_news_factbank/factbank_heldout.csv"
HEDGED_TYPES = frozenset({"modal_possible", "modal_probable", "hypo_doxastic"})
EPISTEMIC_AT = 0.5  # one weak (0.5) or full (1) cue, or two marginal ones: as checks.UNCERTAIN_AT
WEASEL_AT = 0.5
FOLDS = 5
PRF = ("precision", "recall", "f1")
SZARVAS_2012 = ("Szarvas et al. (Computational Linguistics 2012): news part of the Szeged "
                "uncertainty corpus (FactBank sentences)")


def subscale_weight(name: str, text: str) -> float:
    """The summed evidence weight of sub-scale ``name`` in ``text`` (a sentence or headline),
    scored as the app scores it."""
    categories = next(s.categories for s in get("hedging").subscales if s.name == name)
    return sum(e.weight for e in checks.hedging_evidence(text) if e.category in categories)


def factbank(path: Path) -> pd.DataFrame:
    """A FactBank file of the Szeged corpus: ``document``, ``text``, ``gold`` (hedged),
    ``counted`` (False for a sentence whose only cues are conditional or investigative)."""
    frame = pd.read_csv(path, keep_default_na=False)
    types = frame["cue_types"].map(lambda s: {t for t in str(s).split(";") if t})
    frame["gold"] = types.map(lambda t: bool(t & HEDGED_TYPES))
    frame["counted"] = frame["gold"] | (frame["uncertain"].astype(int) == 0)
    return frame


def document_folds(documents: Sequence[str], k: int = FOLDS, seed: int = ds.SAMPLE_SEED) -> npt.NDArray[np.intp]:
    """The fold (0..k-1) of each row: whole documents, shuffled with a fixed seed and dealt
    round-robin, so no document is split across folds."""
    names = sorted(set(documents))
    order = np.random.default_rng(seed).permutation(len(names))
    fold_of = {names[j]: i % k for i, j in enumerate(order)}
    return np.array([fold_of[d] for d in documents], dtype=np.intp)


def _fold_mean(pred: npt.NDArray[np.bool_], gold: npt.NDArray[np.bool_], folds: npt.NDArray[np.intp],
               k: int, rows: npt.NDArray[np.intp] | None = None) -> tuple[float, float, float]:
    """Precision, recall and F1, each the mean over folds (of ``rows`` when given)."""
    idx = np.arange(len(pred)) if rows is None else rows
    # every fold's four outcome counts in one pass (fold x 4 + outcome), as precision_recall_f1 counts them
    counts = np.bincount(folds[idx] * 4 + mt.outcome_codes(pred[idx], gold[idx]), minlength=4 * k).reshape(k, 4)
    per = [mt.prf_from_counts(int(c[3]), int(c[2] + c[3]), int(c[1] + c[3])) for c in counts]
    return tuple(float(np.nanmean([p[j] for p in per])) for j in range(3))  # type: ignore[return-value]


def _document_bootstrap(documents: npt.NDArray[Any], folds: npt.NDArray[np.intp], stat: Any,
                        s: checks.Settings) -> list[tuple[float, float]]:
    """95% intervals of each figure of ``stat(rows)``, resampling whole documents within each
    fold (the unit a news corpus is sampled in)."""
    docs_by_fold = [np.unique(documents[folds == f]) for f in range(int(folds.max()) + 1)]
    rows_of = {d: np.flatnonzero(documents == d) for d in np.unique(documents)}
    rng = np.random.default_rng(s.seed)
    draws = []
    for _ in range(s.resamples):
        picked = [rows_of[d] for docs in docs_by_fold for d in rng.choice(docs, len(docs))]
        draws.append(stat(np.concatenate(picked)))
    values = np.array(draws, dtype=float)
    out = []
    for j in range(values.shape[1]):
        v = values[:, j][~np.isnan(values[:, j])]
        out.append((float(np.percentile(v, 2.5)), float(np.percentile(v, 97.5))) if len(v) else
                   (checks.NAN, checks.NAN))
    return out


def epistemic_news(s: checks.Settings) -> list[Row]:
    """``hedging_epistemic`` on FactBank news: the development half by document folds, and the
    held-out half when the folder holds it."""
    rows: list[Row] = []
    dataset = "factbank_news_dev"
    try:
        frame = factbank(ds.external_file(s.external, FACTBANK_DEV))
    except ds.Absent as why:
        rows += [{**r, "subscale": "hedging_epistemic"}
                 for r in checks.absent("hedging", dataset, PRF, str(why), "development")]
    else:
        frame = frame[frame["counted"]].reset_index(drop=True)
        pred = np.array([subscale_weight("hedging_epistemic", t) >= EPISTEMIC_AT for t in frame["text"]])
        gold = frame["gold"].to_numpy(bool)
        documents = frame["document"].to_numpy()
        folds = document_folds(list(documents))
        values = _fold_mean(pred, gold, folds, FOLDS)
        cis = _document_bootstrap(documents, folds, lambda r: _fold_mean(pred, gold, folds, FOLDS, r), s)
        per_fold = [round(mt.precision_recall_f1(pred[folds == f], gold[folds == f])[2], 4)
                    for f in range(FOLDS)]
        for metric, value, ci in zip(PRF, values, cis, strict=True):
            row = checks.row("hedging", dataset, metric, value, ci, len(pred), None, SZARVAS_2012)
            row.update(part="development", subscale="hedging_epistemic",
                       documents=int(len(set(documents))))
            if metric == "f1":
                row["folds"] = per_fold
            rows.append(row)
    rows += _heldout(s)
    return rows


def _heldout(s: checks.Settings) -> list[Row]:
    dataset = "factbank_news_heldout"
    try:
        frame = factbank(ds.external_file(s.external, FACTBANK_HELDOUT))
    except ds.Absent as why:
        return [{**r, "subscale": "hedging_epistemic"} for r in checks.absent(
            "hedging", dataset, PRF, f"{why} (the held-out half is kept by the project's owner)", "held-out")]
    frame = frame[frame["counted"]].reset_index(drop=True)
    pred = np.array([subscale_weight("hedging_epistemic", t) >= EPISTEMIC_AT for t in frame["text"]])
    gold = frame["gold"].to_numpy(bool)
    documents = frame["document"].to_numpy()
    whole = np.zeros(len(pred), dtype=np.intp)  # one "fold": resample documents over the whole set
    values = mt.precision_recall_f1(pred, gold)
    cis = _document_bootstrap(documents, whole, lambda r: mt.precision_recall_f1(pred[r], gold[r]), s)
    out = []
    for metric, value, ci in zip(PRF, values, cis, strict=True):
        row = checks.row("hedging", dataset, metric, value, ci, len(pred), None, SZARVAS_2012)
        row.update(part="held-out", subscale="hedging_epistemic", documents=int(len(set(documents))))
        out.append(row)
    return out


def weasel_wikipedia(s: checks.Settings, parts: tuple[str, ...] = ("heldout",)) -> list[Row]:
    """``hedging_weasel`` against the Wikipedia uncertainty labels: precision, recall and F1 of
    "the sentence's weasel cues weigh at least 0.5"."""
    rows: list[Row] = []
    for part in parts:
        frame = ds.hedging(part, s.sizes.hedging)
        pred = np.array([subscale_weight("hedging_weasel", t) >= WEASEL_AT for t in frame["text"]])
        gold = frame["label"].to_numpy() == 1
        for row in checks.prf_rows("hedging", f"wikipedia_weasel_{part}", pred, gold, s):
            row.update(part="held-out" if part == "heldout" else "tuning", subscale="hedging_weasel")
            rows.append(row)
    return rows


DATASETS = frozenset({"factbank_news_dev", "factbank_news_heldout", "wikipedia_weasel_heldout",
                      "wikipedia_weasel_train"})


def verdict(r: Row) -> str:
    """The plain-language sentence for a row of this module (``report.verdict`` adds the floor)."""
    metric, dataset = r["metric"], r["dataset"]
    figure = f"{r['value']:.3f} (95% CI {r['ci_low']:.3f}-{r['ci_high']:.3f}, n = {r['n']:,})"
    if dataset.startswith("factbank_news"):
        held = dataset.endswith("heldout")
        docs = r.get("documents", "?")
        if held:
            where = (f"on the held-out half of the FactBank news sentences ({docs} documents the project "
                     "never saw); the goal is F1 0.75")
        else:
            folds = r.get("folds") or []
            spread = f", folds {min(folds):.3f} to {max(folds):.3f}" if folds else ""
            where = (f"on the development half of the FactBank news sentences ({docs} documents), the mean "
                     f"over {FOLDS} folds of whole documents{spread}; the rules were written on these "
                     "documents, so this is a regression floor, not a validity claim")
        if metric == "f1":
            return (f"Epistemic sub-scale (modal and doxastic cues) against expert uncertainty cues in news: "
                    f"F1 {figure} {where}. A sentence counts as hedged when its epistemic cues weigh "
                    f"{EPISTEMIC_AT} or more; sentences whose only cues are conditions or open questions "
                    "are left out.")
        share = ("flagged sentences that the experts marked hedged" if metric == "precision"
                 else "hedged sentences the sub-scale flags")
        return f"{metric.capitalize()} {figure}: the share of {share} ({'held-out' if held else 'development'})."
    part = "held-out part, never used for tuning" if dataset.endswith("heldout") else "tuning part"
    if metric == "f1":
        return (f"Weasel sub-scale (vague sources, agentless attribution) against the Wikipedia uncertainty "
                f"labels ({part}): F1 {figure}. The labels mark any uncertain wording (hedges, vague "
                "quantifiers, peacock terms), so most uncertain sentences hold no vague source and recall "
                "stays low; precision is the figure to read: how often a flagged vague source is one the "
                "annotators marked.")
    share = ("sentences flagged for a vague source that annotators marked uncertain" if metric == "precision"
             else "uncertain sentences that hold a vague source")
    return f"{metric.capitalize()} {figure}: the share of {share} ({part})."
