"""How far can each score be trusted? The validation harness.

Scores the public, human-labelled subsets shipped in data/eval/ (licences and citations in
data/eval/README.md) with the project's own measures, the same code the app runs
(``text.segment`` then each measure's ``score`` and ``summarize``), and reports per measure
a figure with a 95% percentile-bootstrap confidence interval (fixed seed):

- sentiment: Pearson r against the mean human rating of VADER's NYT editorial sentences,
  and against EmoBank valence for newspaper sentences and headlines separately;
- hedging, each sub-scale on the yardstick that fits it (``checks_hedging``): the epistemic
  sub-scale against expert uncertainty cues in FactBank news sentences (development half by
  document folds; the held-out half when the external folder holds it), the weasel sub-scale
  against the Wikipedia uncertainty labels (held-out part; the full run also reports the
  tuning part); for comparison with lexicon 1.x, the whole word list against the same labels
  ("the sentence is uncertain": its cues weigh at least 0.5, ``checks.uncertain``); and every
  "may" of the Guardian news set read by the project;
- readability: per formula, the share of pairs of versions of the same OneStopEnglish
  article (Ele < Int < Adv) ordered correctly;
- alarm and its sub-scales (``checks_alarm``): on the project's own alarm set (Guardian
  paragraphs rated 0-3 and spanned by two blind annotators, adjudicated), per half, the ROC
  AUC of alarm for paragraphs rated 2 or more, Spearman's correlation with the rating, and
  the precision and recall of the framing and event evidence against the gold spans; the
  development half was used for tuning, the held-out half is not; GoodNewsEveryone headlines
  (external; fear vs the rest, and the annotators' cue words) and EmoBank arousal as
  development figures; and the ROC AUC separating clickbait from news headlines (weak proxy);
- sources: precision and recall of quotations, speakers and anonymous sources on the
  hand-annotated paragraphs (``analysis.eval_sources``).

Command line: ``python -m analysis validate [--json] [--fast] [--write]``.

data/validation.json (written by ``--write``; read by the Methods page) has this schema::

    {
      "generated": "2026-11-27",          # UTC date of the run
      "mode": "full" | "fast",            # fast = fixed samples, fewer resamples
      "seconds": 83.2,                    # wall time of the run
      "resamples": 1000, "seed": 8,       # bootstrap settings
      "versions": {...},                  # analysis.versions(): analysis, measures, lexicons, libraries
      "results": [
        {
          "measure": "sentiment",         # registered measure name
          "dataset": "nyt_editorial",     # which set (and, for readability, which formula)
          "metric": "pearson_r",          # pearson_r | spearman_r | precision | recall | f1 | pairs_ordered | roc_auc ...
          "value": 0.50,                  # the figure; null = not yet measured
          "ci_low": 0.48, "ci_high": 0.52,  # 95% bootstrap interval; null when undefined
          "n": 5190,                      # units scored (sentences, articles, headlines)
          "reference": 0.492,             # published figure for context, or null
          "reference_source": "...",      # where the reference comes from, or null
          "floor": 0.48,                  # minimum accepted (data/eval/floors.json), or null
          "part": "held-out",             # optional: development | held-out | tuning
          "subscale": "hedging_weasel",   # optional: the sub-scale judged (its column)
          "documents": 115,               # optional: documents behind the sentences
          "folds": [0.87, ...],           # optional: the figure in each fold of documents
          "absent": "...",                # optional: why an external set was not scored
          "verdict": "..."                # one plain-language sentence
        }, ...
      ]
    }

All metrics are 0..1 except Pearson r and Spearman r (-1..+1); higher is better for every one of them.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from analysis.pipeline import versions
from analysis.validate import checks, checks_alarm, checks_hedging, report
from analysis.validate import datasets as ds

OUTPUT = ds.EVAL.parent / "validation.json"
SEED = 8


@dataclass(frozen=True)
class Options:
    """``fast``: fixed samples (datasets.FAST) and 200 resamples, for CI and tests."""

    fast: bool = False
    resamples: int | None = None  # default: 1000, or 200 when fast
    seed: int = SEED
    external: Path | None = None  # folder of sets that may not be shipped (datasets.external_root)


def run(options: Options = Options(),
        progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Run every check and return the document described in the module docstring."""
    began = time.perf_counter()
    resamples = options.resamples or (200 if options.fast else 1000)
    settings = checks.Settings(ds.FAST if options.fast else ds.FULL, resamples, options.seed,
                               ds.external_root(options.external))
    hedging_parts = ("heldout",) if options.fast else ("heldout", "train")
    steps: list[tuple[str, Callable[[], list[checks.Row]]]] = [
        ("sentiment", lambda: checks.sentiment(settings)),
        ("hedging", lambda: checks.hedging(settings, hedging_parts) + checks.hedging_news(settings)
         + checks_hedging.weasel_wikipedia(settings, hedging_parts) + checks_hedging.epistemic_news(settings)),
        ("readability", lambda: checks.readability(settings)),
        ("alarm", lambda: checks_alarm.run(settings) + checks.alarm(settings)),
        ("sources", lambda: checks.sources(settings)),
    ]
    rows: list[checks.Row] = []
    for name, step in steps:
        if progress:
            progress(name)
        rows.extend(step())
    results = report.finish([_clean(r) for r in rows], report.load_floors())
    return {
        "generated": datetime.now(UTC).date().isoformat(),
        "mode": "fast" if options.fast else "full",
        "seconds": round(time.perf_counter() - began, 1),
        "resamples": resamples,
        "seed": options.seed,
        "versions": versions(),
        "results": results,
    }


def _clean(r: checks.Row) -> checks.Row:
    """JSON has no NaN: undefined figures become None; figures keep four decimals."""
    def one(v: Any) -> Any:
        if isinstance(v, float):
            return round(v, 4) if math.isfinite(v) else None
        return v

    return {k: one(v) for k, v in r.items()}


def write(doc: dict[str, Any], path: Path = OUTPUT) -> Path:
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


failures = report.failures
table = report.table

__all__ = ["Options", "run", "write", "failures", "table", "OUTPUT"]
