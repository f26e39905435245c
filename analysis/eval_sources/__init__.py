"""Precision and recall of the sourcing measure on the hand-annotated sourcing set.

The set (data/eval/sources/, see its README and GUIDELINES):

- 188 Guardian paragraphs (OneStopEnglish, CC BY-SA 4.0, shipped: ``gold.jsonl``), each
  scored with the paragraph before it as context, as in an article;
- 400 news sentences (``news_units.jsonl``, ``news_gold.jsonl``): FactBank (NYT, WSJ, AP,
  Xinhua, CNN, ABC, VOA, PRI; text read from the external evaluation folder, never shipped)
  and EmoBank (NYT, AP, WSJ; shipped), each scored with the sentence before it as context.

Every unit belongs to the development or the held-out half (split by document before any
rule output was read) and to a kind of outlet (``uk_press``, ``us_press``, ``wire``,
``broadcast``). What is compared is in :mod:`analysis.eval_sources.scoring`. A 95% bootstrap
interval (documents resampled, since sentences of one story are not independent; fixed seed)
goes with each figure.

Run: ``python -m analysis.eval_sources [--external DIR] [--part development|held-out]
[--by outlet_kind|stratum|corpus]`` (prints JSON); ``--split dev|test`` keeps the Guardian
paragraphs of one half, as before the news sentences existed.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from pathlib import Path
from typing import Any

from analysis import paths
from analysis.eval_sources import news
from analysis.eval_sources.scoring import (
    KINDS,
    Counts,
    PredQuote,
    PredSource,
    compare,
    denominators,
    figures,
    inner,
    match_spans,
    normalise,
    same_speaker,
    speaker_right,
)
from analysis.sourcing import detect as dt
from analysis.text import paragraph

__all__ = ["Counts", "PredQuote", "PredSource", "compare", "figures", "inner", "match_spans", "normalise",
           "same_speaker", "speaker_right", "load", "load_all", "split", "predict", "evaluate", "results"]

GOLD = paths.EVAL / "sources" / "gold.jsonl"
PARTS = ("development", "held-out")
OUTLET_KINDS = ("uk_press", "us_press", "wire", "broadcast")
# The figures of the validation rows: every one for the whole set, the headline ones per outlet.
METRICS = ("quote_precision", "quote_recall", "quote_f1", "speaker_precision", "speaker_recall",
           "source_precision", "source_recall", "kind_accuracy",
           *(f"{k}_{m}" for k in KINDS for m in ("precision", "recall")),
           "scare_precision", "scare_recall")
OUTLET_METRICS = ("quote_f1", "speaker_recall", "source_precision", "source_recall",
                  "anonymous_precision", "anonymous_recall")


def load(path: Path = GOLD) -> list[dict[str, Any]]:
    """The Guardian paragraphs, with ``part`` (the halves alternate between articles in name
    order), ``outlet``, ``outlet_kind``, ``corpus`` and ``stratum`` added."""
    with path.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    files = sorted({r["file"] for r in records})
    dev = {f for i, f in enumerate(files) if i % 2 == 0}
    for r in records:
        r.update(part="development" if r["file"] in dev else "held-out", outlet="Guardian",
                 outlet_kind="uk_press", corpus="onestopenglish", stratum=news.stratum(r["text"]))
    return records


def load_all(external: Path | None = None) -> tuple[list[dict[str, Any]], str | None]:
    """The whole set and, when FactBank's text cannot be read, why (the records are then the
    Guardian paragraphs and the EmoBank sentences only)."""
    from analysis.validate.datasets import Absent, external_root

    guardian = load()
    try:
        return guardian + news.load_news(external_root(external)), None
    except (Absent, news.TextMismatch) as why:
        shipped = [u for u in news.load_units() if u["corpus"] == "emobank"]
        return guardian + news.load_news(None, shipped), str(why)


def split(records: list[dict[str, Any]], half: str) -> list[dict[str, Any]]:
    """``dev``/``development`` or ``test``/``held-out``: the units of one half."""
    part = {"dev": "development", "test": "held-out"}.get(half, half)
    return [r for r in records if r["part"] == part]


def predict(record: dict[str, Any]) -> tuple[list[PredQuote], list[PredSource], list[tuple[int, int]]]:
    """The detector's output for one gold unit, read after its context."""
    found = dt.detect(paragraph(record["text"], record.get("previous", "")))
    quotes = [PredQuote(q.start, q.end, dt.speaker_name(q.speaker) if q.speaker else None,
                        q.speaker.text if q.speaker else None) for q in found.quotes]
    sources = [PredSource(s.start, s.end, s.kind) for s in found.sources]
    return quotes, sources, [(s.start, s.end) for s in found.scare]


def evaluate(records: list[dict[str, Any]] | None = None, draws: int = 1000, seed: int = 20261127,
             metrics: tuple[str, ...] = METRICS) -> dict[str, Any]:
    """Figures on ``records`` (default: the Guardian paragraphs), the counts they come from
    and 95% bootstrap intervals of ``metrics`` (documents resampled)."""
    records = load() if records is None else records
    by_doc: dict[str, Counts] = defaultdict(Counts)
    for r in records:
        by_doc[r["file"]] = by_doc[r["file"]] + compare(r, *predict(r))
    docs = list(by_doc.values())
    total = sum(docs, Counts())
    out: dict[str, Any] = {"units": len(records), "documents": len(docs), "counts": total.plain()}
    out.update(figures(total))
    out["n"] = denominators(total)
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {k: [] for k in metrics}
    for _ in range(draws if docs else 0):
        f = figures(sum((rng.choice(docs) for _ in docs), Counts()))
        for k in metrics:
            if f[k] == f[k]:
                samples[k].append(f[k])
    out["ci95"] = {k: _interval(v) for k, v in samples.items()}
    return out


def breakdown(records: list[dict[str, Any]], by: str, draws: int = 1000) -> dict[str, Any]:
    """``evaluate`` per value of the field ``by`` (``outlet_kind``, ``stratum``, ``corpus``)."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        groups[r[by]].append(r)
    return {k: evaluate(v, draws=draws) for k, v in sorted(groups.items())}


def results(fast: bool = False, external: Path | None = None) -> list[dict[str, Any]]:
    """Rows for the validation harness (``python -m analysis validate``), per half (``part``):
    every figure on the whole set (``sources_annotated``), the headline figures per kind of
    outlet (``sources_annotated:<kind>``), each with its interval and the count it is a share
    of. Without FactBank's text, the rows that need it say why they are absent (the Guardian
    paragraphs, ``sources_annotated:uk_press``, are shipped and always measured)."""
    records, absent = load_all(external)
    draws = 200 if fast else 1000
    rows: list[dict[str, Any]] = []
    for part in PARTS:
        subset = split(records, part)
        sets = [("sources_annotated", subset, METRICS)]
        sets += [(f"sources_annotated:{k}", [r for r in subset if r["outlet_kind"] == k], OUTLET_METRICS)
                 for k in OUTLET_KINDS]
        for dataset, units, metrics in sets:
            if absent and dataset != "sources_annotated:uk_press":
                rows += [{"dataset": dataset, "metric": m, "value": None, "ci_low": None, "ci_high": None,
                          "n": 0, "part": part, "absent": absent} for m in metrics]
                continue
            result = evaluate(units, draws=draws, metrics=metrics)
            for m in metrics:
                lo, hi = result["ci95"][m]
                rows.append({"dataset": dataset, "metric": m, "value": result[m], "ci_low": lo,
                             "ci_high": hi, "n": result["n"][m], "part": part})
    return rows


def _interval(values: list[float]) -> list[float]:
    if not values:
        return [float("nan"), float("nan")]
    values = sorted(values)
    return [values[int(0.025 * (len(values) - 1))], values[int(0.975 * (len(values) - 1))]]


def _arg(argv: list[str], name: str) -> str | None:
    return argv[argv.index(name) + 1] if name in argv else None


def main(argv: list[str]) -> int:
    external = _arg(argv, "--external")
    records, absent = load_all(Path(external) if external else None)
    if _arg(argv, "--split"):  # the Guardian paragraphs of one half, as before
        records = split([r for r in records if r["corpus"] == "onestopenglish"], _arg(argv, "--split") or "")
    if _arg(argv, "--part"):
        records = split(records, _arg(argv, "--part") or "")
    draws = int(_arg(argv, "--draws") or 1000)
    result = evaluate(records, draws=draws)
    if absent:
        result["absent"] = absent
    if _arg(argv, "--by"):
        result["by"] = breakdown(records, _arg(argv, "--by") or "", draws=draws)
    print(json.dumps(result, indent=2, default=lambda x: None))
    return 0
