"""The hook for the sourcing measure's own evaluation: "not yet measured" until the module
exists, its figures passed through (never made up) once it does."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from analysis.validate import checks
from analysis.validate import datasets as ds

SETTINGS = checks.Settings(ds.FAST, resamples=10, seed=8)


def test_absent_module_is_not_yet_measured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checks, "SOURCES_HOOK", "no_such_eval_module_here")
    rows = checks.sources(SETTINGS)
    assert len(rows) == 1 and rows[0]["value"] is None and rows[0]["n"] == 0


def test_module_results_are_passed_through(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "fake_eval_sources.py").write_text(
        "def results(fast):\n"
        "    return [{'dataset': 'annotated_paragraphs', 'metric': 'quote_precision',\n"
        "             'value': 0.9 if fast else 0.8, 'ci_low': 0.85, 'ci_high': 0.95, 'n': 150}]\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(checks, "SOURCES_HOOK", "fake_eval_sources")
    try:
        rows = checks.sources(SETTINGS)
    finally:
        sys.modules.pop("fake_eval_sources", None)
    assert rows == [{"measure": "sources", "dataset": "annotated_paragraphs",
                     "metric": "quote_precision", "value": 0.9, "ci_low": 0.85, "ci_high": 0.95,
                     "n": 150, "reference": None, "reference_source": None}]
