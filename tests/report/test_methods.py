"""The methods paragraph: composed from the registry (every measure's own sentence and
references, nothing hand-kept), with the validation figures as the run wrote them."""

from __future__ import annotations

import dataclasses

import analysis
from analysis.measures import REGISTRY
from analysis.validate import stored
from report import methods


def test_every_registered_measure_speaks_for_itself() -> None:
    text = methods.as_text(stored.load())
    for m in REGISTRY:
        assert m.methods.rstrip(".") in text, m.name
        assert f"measure version {m.version}" in text
        for ref in m.references:
            assert ref in text
    refs = text.split("\nReferences\n", 1)[1].strip().splitlines()
    assert refs == sorted(set(refs))  # each once, in alphabetical order


def test_a_new_measure_is_described_without_an_edit(monkeypatch) -> None:
    base = REGISTRY[0]
    extra = dataclasses.replace(base, name="certainty", version="0.1", lexicon=None,
                                methods="Certainty counts boosters per 100 words.",
                                references=("Zed, A. (2020). Boosters. Journal of Tests, 1, 1-2.",))
    monkeypatch.setattr(methods, "REGISTRY", (*REGISTRY, extra))
    text = methods.as_text(None)
    assert "Certainty counts boosters per 100 words (measure version 0.1)." in text
    assert text.rstrip().endswith("Zed, A. (2020). Boosters. Journal of Tests, 1, 1-2.")
    assert "certainty: agreement with human judgement not yet measured." in text


def test_the_comparison_is_cited_only_when_it_was_run() -> None:
    assert "Monroe" not in methods.as_text(None)
    assert "Monroe, B. L." in methods.as_text(None, compared=True)
    html = methods.as_html(None, compared=True)
    assert html.count("<li>") == len(methods.references(compared=True)) and "<script" not in html


def test_methods_reads_validation_figures_and_invents_none(tmp_path):
    doc = stored.load()
    assert doc is not None
    text = methods.as_text(doc)
    for m in analysis.pipeline.REGISTRY:
        rows = [r for r in doc["results"] if r["measure"] == m.name and r.get("value") is not None and r.get("n")]
        if rows:
            r = rows[0]
            assert f"{r['value']:.2f}" in text and f"{stored.dataset_label(r['dataset'])}, n = " in text
            assert f"{m.name}: agreement with human judgement not yet measured." not in text
        else:
            assert f"{m.name}: agreement with human judgement not yet measured." in text
    missing = methods.as_text(stored.load(tmp_path / "absent.json"))
    for m in analysis.pipeline.REGISTRY:
        assert f"{m.name}: agreement with human judgement not yet measured." in missing
    partial = {"generated": "2026-01-01", "results": [
        {"measure": "hedging", "dataset": "d", "metric": "f1", "value": 0.5, "n": 10},
        {"measure": "alarm", "dataset": "e", "metric": "roc_auc", "value": None, "n": 0}]}
    text = methods.as_text(partial)
    assert "hedging: d, n = 10: F1 0.50." in text
    assert "sentiment: agreement with human judgement not yet measured." in text
    assert "alarm: agreement with human judgement not yet measured." in text  # a null figure is no figure
