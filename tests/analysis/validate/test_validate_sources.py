"""The sourcing measure's own evaluation (analysis.eval_sources) feeds the harness: its
figures are passed through as they are (never made up or rounded here)."""

from __future__ import annotations

import pytest

from analysis import eval_sources
from analysis.validate import checks
from analysis.validate import datasets as ds

SETTINGS = checks.Settings(ds.FAST, resamples=10, seed=8)


def test_eval_sources_results_are_passed_through(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[bool] = []

    def results(fast: bool) -> list[dict[str, object]]:
        asked.append(fast)
        return [{"dataset": "annotated_paragraphs", "metric": "quote_precision",
                 "value": 0.9 if fast else 0.8, "ci_low": 0.85, "ci_high": 0.95, "n": 150}]

    monkeypatch.setattr(eval_sources, "results", results)
    rows = checks.sources(SETTINGS)
    assert asked == [True]  # a fast harness run asks for the fast evaluation
    assert rows == [{"measure": "sources", "dataset": "annotated_paragraphs",
                     "metric": "quote_precision", "value": 0.9, "ci_low": 0.85, "ci_high": 0.95,
                     "n": 150, "reference": None, "reference_source": None}]
