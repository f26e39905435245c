"""One function per measure: score its human-labelled set with the project's own measure and
return result rows (without floors and verdicts, which ``report`` adds).

Each row: ``measure``, ``dataset``, ``metric``, ``value``, ``ci_low``, ``ci_high`` (95%
percentile bootstrap over the set's units), ``n`` (units scored), ``reference`` and
``reference_source`` (a published figure for context, or None).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from analysis import eval_sources
from analysis.measures import Evidence, get
from analysis.measures.readability import FORMULAS
from analysis.validate import datasets as ds
from analysis.validate import metrics as mt
from analysis.validate.scoring import document, score_text

Row = dict[str, Any]
NAN = float("nan")
Stat = Callable[[npt.NDArray[np.intp]], float]

HUTTO_2014 = "Hutto & Gilbert (ICWSM 2014), VADER vs the mean NYT-editorial rating"
EMOBANK_REF = ("VADER compound vs EmoBank valence, as measured by the curators of the evaluation "
               "sets (data/eval/README.md); not a published figure")
CONLL_2010 = ("Farkas et al. (CoNLL 2010), best Wikipedia uncertain-sentence F1 on the official "
              "split (a different split from ours)")
OSE_REF = ("Flesch-Kincaid grade on OneStopEnglish, as measured by the curators of the evaluation "
           "sets (data/eval/README.md); not a published figure")


@dataclass(frozen=True)
class Settings:
    sizes: ds.Sizes
    resamples: int
    seed: int
    external: Path | None = None  # the external evaluation folder (datasets.external_root)


def row(measure: str, dataset: str, metric: str, value: float | None, ci: tuple[float, float], n: int,
        reference: float | None = None, source: str | None = None) -> Row:
    return {"measure": measure, "dataset": dataset, "metric": metric, "value": value,
            "ci_low": ci[0], "ci_high": ci[1], "n": n, "reference": reference,
            "reference_source": source}


def absent(measure: str, dataset: str, metrics: tuple[str, ...], why: str, part: str) -> list[Row]:
    """Rows for an external set that is not there: no figure, the reason, never a failure."""
    return [{**row(measure, dataset, metric, None, (NAN, NAN), 0), "part": part, "absent": why}
            for metric in metrics]


def _ci(stat: Stat, n: int, s: Settings) -> tuple[float, float]:
    return mt.bootstrap_ci(stat, n, s.resamples, s.seed)


def _correlation(measure: str, dataset: str, texts: list[str], gold: npt.NDArray[np.float64],
                 s: Settings, reference: float, source: str) -> Row:
    m = get("sentiment")
    scores = np.array([score_text(m, t).values["sentiment"] for t in texts], dtype=float)
    ok = ~np.isnan(scores)  # an item without a word cannot be scored: left out, not 0
    x, y = scores[ok], gold[ok]
    value = mt.pearson(x, y)
    ci = _ci(lambda i: mt.pearson(x[i], y[i]), len(x), s)
    return row(measure, dataset, "pearson_r", value, ci, len(x), reference, source)


def sentiment(s: Settings) -> list[Row]:
    """VADER compound (mean over sentences, as the app computes it) against human ratings."""
    nyt = ds.nyt(s.sizes.nyt)
    rows = [_correlation("sentiment", "nyt_editorial", nyt["text"].tolist(),
                         nyt["rating"].to_numpy(float), s, 0.492, HUTTO_2014)]
    for genre, name, ref in (("newspaper", "emobank_newspaper", 0.45),
                             ("SemEval", "emobank_headlines", 0.56)):
        frame = ds.emobank(genre, s.sizes.emobank)
        rows.append(_correlation("sentiment", name, frame["text"].tolist(),
                                 frame["valence"].to_numpy(float), s, ref, EMOBANK_REF))
    return rows


# The cue weight a sentence must carry to count as uncertain: one weak cue (0.5) or a full
# one (1). Hedge lexicon 1.2.0 added marginal cues (0.25: "may" in "may include", "may be
# used"; "most"), 1.3.0 more ("may" after a generic subject, rounded figures): counted in the
# rate, but usually not a hedge on their own.
UNCERTAIN_AT = 0.5


def uncertain(text: str) -> bool:
    """The harness's reading of hedging as a sentence label: uncertain when the weights of
    its hedge cues add up to at least ``UNCERTAIN_AT`` (0.5).

    Until hedge lexicon 1.1.0 every cue weighed 0.5 or 1 and the rule was "any cue of
    positive weight", which is the same thing. Since 1.2.0 a marginal cue (weight 0.25) is a
    reading that is rarely a hedge; it needs a second cue to make the sentence uncertain. The
    threshold was chosen on the training part only (0.25 and 1.0 were worse there); cues a
    rule sets to 0 never count."""
    return sum(e.weight for e in hedging_evidence(text)) >= UNCERTAIN_AT


@functools.lru_cache(maxsize=16_384)
def hedging_evidence(text: str) -> tuple[Evidence, ...]:
    """The hedging measure's evidence spans in ``text``, scored as the app scores it. Kept
    for the run: the Wikipedia sentences are read twice (the whole word list here, the weasel
    sub-scale in ``checks_hedging``), and scored once."""
    return tuple(score_text(get("hedging"), text, summarize=False).evidence)


def prf_rows(measure: str, dataset: str, pred: npt.NDArray[np.bool_], gold: npt.NDArray[np.bool_],
             s: Settings, metrics: tuple[str, ...] = ("precision", "recall", "f1"),
             reference: dict[str, tuple[float, str]] | None = None) -> list[Row]:
    """Rows of precision, recall and F1 (the first ``len(metrics)`` of them, so named), each
    with its bootstrap interval over the units (one set of draws for the three)."""
    values = mt.precision_recall_f1(pred, gold)
    cis = mt.bootstrap_cis(mt.prf_of(mt.outcome_codes(pred, gold)), len(pred), s.resamples, s.seed)
    out = []
    for k, metric in enumerate(metrics):
        ref, src = (reference or {}).get(metric, (None, None))
        out.append(row(measure, dataset, metric, values[k], cis[k], len(pred), ref, src))
    return out


def hedging(s: Settings, parts: tuple[str, ...] = ("heldout",)) -> list[Row]:
    """Precision, recall and F1 of ``uncertain`` against the Wikipedia uncertainty labels."""
    rows: list[Row] = []
    for part in parts:
        frame = ds.hedging(part, s.sizes.hedging)
        pred = np.array([uncertain(t) for t in frame["text"]], dtype=bool)
        gold = frame["label"].to_numpy() == 1
        found = prf_rows("hedging", f"wikipedia_uncertainty_{part}", pred, gold, s,
                         reference={"f1": (0.602, CONLL_2010)})
        rows += [{**r, "part": "held-out" if part == "heldout" else "tuning"} for r in found]
    return rows


HEDGE_READINGS = frozenset({"epistemic", "concessive"})


def may_weight(sentence: str, offset: int) -> float:
    """The weight the hedging measure gives the "may" at ``offset`` of ``sentence`` (0 when
    it is no evidence at all, e.g. read as the month)."""
    m = get("hedging")
    for par in document(sentence).paragraphs:
        for e in m.score(par).evidence:
            if par.start + e.start <= offset < par.start + e.end:
                return e.weight
    return 0.0


def hedging_news(s: Settings) -> list[Row]:
    """How the measure weighs "may" in Guardian news against the project's reading of each
    instance: precision = of the instances counted as a full cue, the share a reader takes as
    a hedge (epistemic or concessive); recall = of those hedges, the share counted in full."""
    frame = ds.may_readings()
    pred = np.array([may_weight(t, o) >= 1.0
                     for t, o in zip(frame["sentence"], frame["offset"], strict=True)])
    gold = frame["reading"].isin(HEDGE_READINGS).to_numpy()
    found = prf_rows("hedging", "onestopenglish_may_readings", pred, gold, s,
                     metrics=("full_weight_precision", "hedge_recall"))
    return [{**r, "part": "development"} for r in found]


def readability(s: Settings) -> list[Row]:
    """Share of version pairs of the same article (Ele < Int < Adv) that each formula orders
    correctly, on the whole text as the app's article-level value is computed."""
    frame = ds.onestopenglish(s.sizes.articles)
    m = get("readability")
    values = {f: np.full((len(frame), len(ds.LEVELS)), NAN) for f in FORMULAS}
    for r, article in enumerate(frame.itertuples(index=False)):
        for c, level in enumerate(ds.LEVELS):
            scored = score_text(m, getattr(article, level)).values
            for f in FORMULAS:
                values[f][r, c] = float(scored[f])
    rows = []
    for f in FORMULAS:
        correct, defined = mt.pair_counts(values[f], increasing=f != "reading_ease")
        value = float(correct.sum() / defined.sum()) if defined.sum() else NAN

        def stat(i: npt.NDArray[np.intp], c: Any = correct, d: Any = defined) -> float:
            return float(c[i].sum() / d[i].sum()) if d[i].sum() else NAN

        ref, src = (0.98, OSE_REF) if f == "fk_grade" else (None, None)
        rows.append(row("readability", f"onestopenglish:{f}", "pairs_ordered", value,
                        _ci(stat, len(frame), s), len(frame), ref, src))
    return rows


def alarm(s: Settings) -> list[Row]:
    """ROC AUC of the alarm rate (per 100 words) separating clickbait (positive) from news
    headlines: a weak proxy, since clickbait lures with curiosity more than with fear."""
    frame = ds.headlines(s.sizes.headlines)
    m = get("alarm")
    scores = np.array([score_text(m, t).values["alarm"] for t in frame["text"]], dtype=float)
    labels = frame["clickbait"].to_numpy()
    ok = ~np.isnan(scores)
    x, y = scores[ok], labels[ok]
    ci = _ci(lambda i: mt.roc_auc(x[i], y[i]), len(x), s)
    return [row("alarm", "clickbait_vs_news_headlines", "roc_auc", mt.roc_auc(x, y), ci, len(x))]


def sources(s: Settings) -> list[Row]:
    """The sourcing measure's precision and recall on its hand-annotated units, per half
    (``part``: development or held-out), with their intervals, as
    :func:`analysis.eval_sources.results` computes them; the rows that need FactBank's text
    say why they are absent when the external folder is not given."""
    rows = []
    for r in eval_sources.results(fast=s.sizes != ds.FULL, external=s.external):
        out = row("sources", r["dataset"], r["metric"], r["value"], (r["ci_low"], r["ci_high"]), r["n"])
        out["part"] = r["part"]
        if r.get("absent"):
            out["absent"] = r["absent"]
        rows.append(out)
    return rows
