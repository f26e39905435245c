"""Floors, plain-language verdicts and the printed table of the validation harness.

Floors live in data/eval/floors.json, one entry per (measure, dataset, metric) with the
reason for its level. A figure below its floor fails the run (``python -m analysis
validate`` exits 1).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from analysis.validate import checks_alarm, checks_hedging
from analysis.validate.datasets import EVAL

FLOORS = EVAL / "floors.json"
Row = dict[str, Any]


FloorKey = tuple[str, ...]  # (measure, dataset, metric), or with the row's part after them


def load_floors(path: Path = FLOORS) -> dict[FloorKey, float]:
    """Floors by (measure, dataset, metric), and by (…, part) for an entry that names the half
    of a set it binds ("held-out"): the other half's row then has no floor."""
    entries = json.loads(path.read_text(encoding="utf-8"))["floors"]
    return {(e["measure"], e["dataset"], e["metric"], *((e["part"],) if e.get("part") else ())): float(e["floor"])
            for e in entries}


def _defined(x: Any) -> bool:
    return isinstance(x, int | float) and math.isfinite(x)


def _fmt(x: Any, digits: int = 3) -> str:
    return f"{x:.{digits}f}" if _defined(x) else "-"


def _ci_text(r: Row) -> str:
    return f"{r['value']:.3f}, 95% CI {_fmt(r['ci_low'])}-{_fmt(r['ci_high'])}, n = {r['n']:,}"


def _strength_r(r: float) -> str:
    if r >= 0.7:
        return "strong"
    if r >= 0.5:
        return "moderate"
    if r >= 0.3:
        return "modest"
    return "weak"


def verdict(r: Row) -> str:
    """One sentence a reader of the Methods page can act on."""
    m, metric, value = r["measure"], r["metric"], r["value"]
    if r.get("absent"):
        return f"Not measured here: {r['absent']}."
    if not _defined(value):
        return "Not yet measured: no figure is reported until the evaluation exists."
    floor = r.get("floor")
    below = _defined(floor) and value < floor
    tail = f" BELOW the floor of {floor:.2f}: treat this score as unvalidated." if below else ""
    if m == "sentiment":
        ref = f"; VADER's reference is {r['reference']:.3f}" if _defined(r.get("reference")) else ""
        use = ("A rough signal of tone over many sentences; do not read one sentence's or "
               "paragraph's value as a human judgement." if value >= 0.5 else
               "Weak on this kind of text: read it only as the tone of many sentences taken "
               "together, with the evidence words, never as one sentence's judgement.")
        return (f"{_strength_r(value).capitalize()} agreement with human ratings (r = {_ci_text(r)}"
                f"{ref}). {use}" + tail)
    if m == "hedging" and r["dataset"] in checks_hedging.DATASETS:
        return checks_hedging.verdict(r) + tail
    if m == "hedging" and r["dataset"] == "onestopenglish_may_readings":
        what = ("of the instances counted as a full hedge, the share a reader takes as a hedge "
                "(epistemic or concessive)" if metric == "full_weight_precision" else
                "of the instances a reader takes as a hedge, the share counted as a full one")
        return (f"\"May\" in Guardian news, read one by one by the project: {what}, "
                f"{_ci_text(r)}. The Wikipedia labels above mark most \"may\" certain; in news "
                f"it is mostly a hedge. Descriptive: these sentences shaped one rule, so they are "
                f"not a held-out test." + tail)
    if m == "hedging":
        if metric != "f1":
            share = "flagged sentences that annotators marked uncertain" if metric == "precision" \
                else "uncertain sentences whose cues weigh at least 0.5"
            return f"{metric.capitalize()} {_ci_text(r)}: the share of {share}." + tail
        held = "heldout" in r["dataset"]
        part = ("on sentences never used for tuning" if held else
                "on the tuning part (optimistic: the lexicon was adjusted on it)")
        part += ("; every cue of the word list, all four sub-scales, for comparison with lexicon 1.x: "
                 "since 2.0.0 these labels judge the weasel sub-scale, not the whole")
        reading = ("A word list finds most uncertain sentences but also flags many that annotators "
                   "judged certain (\"may\", which these annotators rarely mark even where it "
                   "hedges, and ordinary \"some\" and \"many\")"
                   if value < 0.65 else "A word list reads vagueness fairly well")
        return (f"F1 {_ci_text(r)} {part}; the best CoNLL-2010 system reached "
                f"{r['reference']:.3f} on its own split. {reading}: read the highlighted cues, "
                f"not the rate alone." + tail)
    if m == "readability":
        quality = ("orders easier and harder versions reliably" if value >= 0.95 else
                   "orders versions of the same text imperfectly" if value >= 0.85 else
                   "often misorders versions of the same text")
        return (f"Pairs ordered correctly {_ci_text(r)}: the formula {quality}. This tests "
                f"ranking versions of one article, not absolute grade levels." + tail)
    if m == "alarm" and r["dataset"] in checks_alarm.DATASETS:
        return checks_alarm.verdict(r) + tail
    if m == "alarm":
        if value >= 0.6:
            finding = "clickbait headlines carry more alarm words than news headlines"
        elif value > 0.5:
            finding = "barely better than chance at telling clickbait from news"
        else:
            finding = ("news headlines carry alarm words at least as often as clickbait: "
                       "the words track threatening events, not sensational packaging")
        return (f"ROC AUC {_ci_text(r)} (0.5 = chance): {finding}. A weak proxy, since clickbait "
                f"lures with curiosity more than fear; the project's own alarm set (above) is the "
                f"yardstick." + tail)
    if m == "sources":
        subject, _, kind = metric.rpartition("_")
        subject, kind = (subject, kind) if subject else (metric, "figure")
        part = r.get("part", "")
        scope = ("the held-out half, never used to tune the rules" if part == "held-out" else
                 "the development half, on which the rules were tuned (optimistic)" if part == "development"
                 else "the annotated set")
        if ":" in r["dataset"]:
            scope += f", {r['dataset'].split(':', 1)[1].replace('_', ' ')} units only"
        return (f"{_SOURCE_METRICS.get(subject, subject.replace('_', ' ')).capitalize()}: {kind} "
                f"{_ci_text(r)}, on {scope} (hand-annotated news, data/eval/sources/README.md)." + tail)
    return f"{metric} {_ci_text(r)}." + tail


_SOURCE_METRICS = {"quote": "quotations", "speaker": "the speaker of a quotation",
                   "source": "source mentions of any kind", "kind": "the kind of matched mentions",
                   "person": "people", "organisation": "organisations", "government": "governments",
                   "document": "documents", "anonymous": "anonymous sources", "scare": "scare quotes"}


def finish(rows: list[Row], floors: dict[FloorKey, float]) -> list[Row]:
    """Attach each row's floor (or None) and verdict."""
    out = []
    for r in rows:
        key = (r["measure"], r["dataset"], r["metric"])
        floor = floors.get((*key, r["part"])) if r.get("part") else None
        if floor is None:
            floor = floors.get(key)
        r = {**r, "floor": floor}
        r["verdict"] = verdict(r)
        out.append(r)
    return out


def failures(rows: list[Row]) -> list[Row]:
    """Rows whose figure is below its floor, or missing where a floor is set. A set that is
    absent (an external folder not given) is not measured, so it does not fail."""
    return [r for r in rows if _defined(r.get("floor")) and not r.get("absent")
            and (not _defined(r["value"]) or r["value"] < r["floor"])]


def table(doc: dict[str, Any]) -> str:
    """The results as a fixed-width text table, then the verdicts."""
    head = ("measure", "dataset", "part", "metric", "value", "95% CI", "n", "reference", "floor", "")
    lines = [head]
    for r in doc["results"]:
        ci = f"{_fmt(r['ci_low'])}-{_fmt(r['ci_high'])}" if _defined(r["ci_low"]) else "-"
        status = ("FAIL" if r in failures([r]) else "absent" if r.get("absent")
                  else "ok" if _defined(r.get("floor")) else "")
        lines.append((r["measure"], r["dataset"], r.get("part") or "", r["metric"], _fmt(r["value"]), ci,
                      f"{r['n']:,}", _fmt(r["reference"]), _fmt(r["floor"], 2), status))
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(head))]
    out = [f"Validation ({doc['mode']} run, {doc['generated']}, {doc['seconds']:.0f} s)", ""]
    for line in lines:
        out.append("  ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
    out.append("")
    for r in doc["results"]:
        out.append(f"- {r['measure']} / {r['dataset']} / {r['metric']}: {r['verdict']}")
    return "\n".join(out) + "\n"
