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


def test_the_sub_scales_are_named_with_what_makes_the_composite() -> None:
    text = methods.as_text(None)
    assert ("Its sub-scales, each reported as a column: hedging_epistemic, hedging_attribution and hedging_weasel "
            "(summed in hedging) and hedging_vagueness (counted apart, not in hedging).") in text
    assert ("alarm_loaded, alarm_fear and alarm_conflict (summed in alarm) and alarm_event (counted apart, "
            "not in alarm).") in text
    for m in REGISTRY:
        for sub in m.subscales:
            assert sub.name in text


def test_each_figure_says_its_sub_scale_and_its_part() -> None:
    doc = {"generated": "2026-01-01", "results": [
        {"measure": "hedging", "subscale": "hedging_weasel", "dataset": "wikipedia_weasel_heldout",
         "metric": "f1", "value": 0.34, "n": 2200, "part": "held-out"},
        {"measure": "sources", "subscale": None, "dataset": "sources_annotated", "metric": "quote_f1",
         "value": 0.99, "n": 122, "part": "development"},
        {"measure": "sources", "subscale": None, "dataset": "sources_annotated", "metric": "quote_f1",
         "value": 0.98, "n": 138, "part": "held-out"}]}
    text = methods.as_text(doc)
    weasel = stored.dataset_label("wikipedia_weasel_heldout")
    assert f"hedging: hedging_weasel on {weasel}, n = 2,200: F1 0.34." in text  # the label says held-out
    label = stored.dataset_label("sources_annotated")
    assert (f"sources: {label}, n = 122, development part: quote f1 0.99; "
            f"{label}, n = 138, held-out part: quote f1 0.98.") in text


def test_a_researchers_dictionary_is_described_by_its_own_sentence_and_not_as_validated() -> None:
    from pathlib import Path

    from analysis import dictionaries

    d = dictionaries.load(Path(__file__).resolve().parents[1] / "fixtures" / "dictionaries" / "newsframes.dic")
    m = d.measure(exclude_quoted=True)
    text = methods.as_text(None, measures=(*REGISTRY, m), versions={**analysis.versions((*REGISTRY, m))})
    assert m.methods.rstrip(".") in text and "quoted speech left out" in text
    assert "newsframes: the researcher's own dictionary, not validated against human judgement" in text
    assert f"newsframes {d.version}" in text
    assert "newsframes" not in methods.as_text(None)
