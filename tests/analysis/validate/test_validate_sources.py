"""The sourcing measure's own evaluation (analysis.eval_sources) feeds the harness: its
figures are passed through as they are (never made up or rounded here), with their half
and, for a set that needs the external folder, why it is absent."""

from __future__ import annotations

import pytest

from analysis import eval_sources
from analysis.validate import checks, report
from analysis.validate import datasets as ds

SETTINGS = checks.Settings(ds.FAST, resamples=10, seed=8)


def test_eval_sources_results_are_passed_through(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[bool, object]] = []

    def results(fast: bool, external: object = None) -> list[dict[str, object]]:
        asked.append((fast, external))
        return [{"dataset": "sources_annotated", "metric": "anonymous_recall", "value": 0.9 if fast else 0.8,
                 "ci_low": 0.85, "ci_high": 0.95, "n": 83, "part": "held-out"},
                {"dataset": "sources_annotated:wire", "metric": "quote_f1", "value": None, "ci_low": None,
                 "ci_high": None, "n": 0, "part": "development", "absent": "no folder"}]

    monkeypatch.setattr(eval_sources, "results", results)
    rows = checks.sources(SETTINGS)
    assert asked == [(True, None)]  # a fast harness run asks for the fast evaluation
    assert rows[0] == {"measure": "sources", "dataset": "sources_annotated", "metric": "anonymous_recall",
                       "value": 0.9, "ci_low": 0.85, "ci_high": 0.95, "n": 83, "reference": None,
                       "reference_source": None, "part": "held-out"}
    assert rows[1]["absent"] == "no folder" and rows[1]["part"] == "development"
    done = report.finish(rows, {("sources", "sources_annotated:wire", "quote_f1"): 0.9})
    assert report.failures(done) == []  # an absent set never fails the run
    assert "held-out half" in done[0]["verdict"] and "Anonymous sources: recall 0.900" in done[0]["verdict"]


def test_a_floor_that_names_a_half_binds_that_half_only(tmp_path) -> None:
    path = tmp_path / "floors.json"
    path.write_text('{"floors": [{"measure": "sources", "part": "held-out", "dataset": "d", "metric": "m", '
                    '"floor": 0.8, "reason": "test"}]}', encoding="utf-8")
    floors = report.load_floors(path)
    rows = [{"measure": "sources", "dataset": "d", "metric": "m", "value": 0.7, "ci_low": 0.6, "ci_high": 0.8,
             "n": 10, "reference": None, "reference_source": None, "part": part}
            for part in ("development", "held-out")]
    dev, held = report.finish(rows, floors)
    assert dev["floor"] is None and held["floor"] == 0.8
    assert report.failures([dev, held]) == [held]
