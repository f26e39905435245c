"""The sourcing evaluation's figures: the Guardian paragraphs (always there), the whole set
(with the external folder) and the rows the validation harness reads."""

import math

from analysis import eval_sources as ev
from analysis.eval_sources import scoring


def test_guardian_gold_is_consistent():
    records = ev.load()
    assert len(records) == 188 and len({r["file"] for r in records}) == 48
    for r in records:
        for q in r["quotes"]:
            assert r["text"][q["start"] : q["end"]] == q["text"]
        for s in r["sources"]:
            assert r["text"][s["start"] : s["end"]] == s["text"]
            assert s["kind"] in scoring.KINDS and s["mode"] in ("direct", "indirect")
        for s in r["scare"]:
            assert r["text"][s["start"] : s["end"]] == s["text"]
    assert {len(ev.split(records, "dev")), len(ev.split(records, "test"))} == {94}
    assert ev.split(records, "test") == ev.split(records, "held-out")


def test_figures_on_the_guardian_paragraphs_are_sane():
    result = ev.evaluate(draws=50)
    assert result["units"] == 188 and result["counts"]["gold_quotes"] == 149
    for key in ev.METRICS:
        assert math.isnan(result[key]) or 0 <= result[key] <= 1
    for lo, hi in result["ci95"].values():
        assert math.isnan(lo) or 0 <= lo <= hi <= 1
    # Floors a little under the figures measured with sources measure 2.0 (see the README):
    # a change that loses ground on the annotated paragraphs fails here.
    assert result["quote_f1"] >= 0.95
    assert result["speaker_precision"] >= 0.85 and result["speaker_recall"] >= 0.80
    assert result["anonymous_precision"] >= 0.70 and result["anonymous_recall"] >= 0.65


def test_results_rows_without_the_external_folder(monkeypatch):
    from analysis.validate import datasets as ds

    monkeypatch.delenv(ds.EXTERNAL_ENV, raising=False)
    rows = ev.results(fast=True)
    assert {r["part"] for r in rows} == {"development", "held-out"}
    absent = [r for r in rows if r.get("absent")]
    present = [r for r in rows if not r.get("absent")]
    assert {r["dataset"] for r in absent} == {"sources_annotated", "sources_annotated:us_press",
                                             "sources_annotated:wire", "sources_annotated:broadcast"}
    assert all(r["value"] is None for r in absent)
    assert {r["dataset"] for r in present} == {"sources_annotated:uk_press"}  # the shipped Guardian paragraphs
    guardian = {(r["part"], r["metric"]) for r in present}
    assert guardian == {(p, m) for p in ev.PARTS for m in ev.OUTLET_METRICS}
    assert not any(r["dataset"].startswith("onestopenglish_paragraphs") for r in rows)  # the pre-issue-15 rows
    for r in present:
        assert math.isnan(r["value"]) or 0 <= r["value"] <= 1


def test_results_rows_with_the_external_folder(external_eval):
    rows = ev.results(fast=True, external=external_eval)
    assert not any(r.get("absent") for r in rows)
    whole = {(r["part"], r["metric"]): r for r in rows if r["dataset"] == "sources_annotated"}
    assert {m for _, m in whole} == set(ev.METRICS)
    assert whole[("held-out", "anonymous_recall")]["n"] >= 60
    for r in rows:
        assert r["value"] is None or math.isnan(r["value"]) or 0 <= r["ci_low"] <= r["value"] <= r["ci_high"] <= 1


def test_breakdown_by_outlet_covers_every_kind(external_eval):
    records, _ = ev.load_all(external_eval)
    by = ev.breakdown(ev.split(records, "development"), "outlet_kind", draws=0)
    assert set(by) == set(ev.OUTLET_KINDS)
    assert sum(b["units"] for b in by.values()) == len(ev.split(records, "development"))
