"""Floors and verdicts: what the Methods page and the command's exit status rely on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from analysis.validate import report


def _row(measure: str, metric: str, value: float | None, **extra: Any) -> dict[str, Any]:
    return {"measure": measure, "dataset": "d", "metric": metric, "value": value, "ci_low": 0.1,
            "ci_high": 0.9, "n": 10, "reference": None, "reference_source": None, **extra}


def test_floors_file_is_well_formed_and_every_floor_has_a_reason() -> None:
    entries = json.loads(report.FLOORS.read_text(encoding="utf-8"))["floors"]
    keys = [(e["measure"], e["dataset"], e["metric"]) for e in entries]
    assert len(keys) == len(set(keys))
    assert all(e["reason"] and 0 < e["floor"] <= 1 for e in entries)
    floors = report.load_floors()
    assert floors[("sentiment", "nyt_editorial", "pearson_r")] == 0.48  # set by issue 8
    # issue 14: the Wikipedia floor of issue 8 is the weasel sub-scale's, just under its figure
    assert ("hedging", "wikipedia_uncertainty_heldout", "f1") not in floors
    assert floors[("hedging", "wikipedia_weasel_heldout", "f1")] == 0.33
    assert floors[("readability", "onestopenglish:fk_grade", "pairs_ordered")] == 0.95


def test_failures_need_a_floor_and_a_figure_below_it(tmp_path: Path) -> None:
    rows = report.finish([_row("alarm", "roc_auc", 0.7), _row("sentiment", "pearson_r", 0.3),
                          _row("hedging", "f1", None)],
                         {("sentiment", "d", "pearson_r"): 0.48, ("hedging", "d", "f1"): 0.6})
    assert [r["measure"] for r in report.failures(rows)] == ["sentiment", "hedging"]
    assert rows[0]["floor"] is None and "BELOW the floor of 0.48" in rows[1]["verdict"]


def test_verdicts_follow_the_figure() -> None:
    assert "news headlines carry alarm words" in report.verdict(_row("alarm", "roc_auc", 0.47))
    assert "more alarm words than news" in report.verdict(_row("alarm", "roc_auc", 0.7))
    assert report.verdict(_row("sentiment", "pearson_r", 0.45)).startswith("Modest")
    assert "Weak on this kind of text" in report.verdict(_row("sentiment", "pearson_r", 0.45))
    assert report.verdict(_row("sentiment", "pearson_r", 0.72)).startswith("Strong")
    held = report.verdict(_row("hedging", "f1", 0.57, dataset="wikipedia_uncertainty_heldout",
                               reference=0.602))
    assert "never used for tuning" in held and "flags many" in held
    assert report.verdict(_row("readability", "pairs_ordered", 0.8)).count("often misorders") == 1
    assert report.verdict(_row("sources", "precision", None)).startswith("Not yet measured")
