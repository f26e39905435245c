"""The sourcing evaluation: the scoring code on a tiny hand-made pair, the gold file's
integrity, and the figures on the shipped set."""

import math

import pytest

from analysis import eval_sources as ev

TEXT = "“We will win,” said Ann Lee. Critics disagree, officials said."
GOLD = {
    "id": "t#0", "file": "t", "paragraph": 0, "previous": "", "text": TEXT,
    "quotes": [{"start": 0, "end": 14, "text": "“We will win,”", "speaker": "Ann Lee", "resolved": "Ann Lee"}],
    "sources": [
        {"start": 20, "end": 27, "text": "Ann Lee", "kind": "person", "verb": "said", "mode": "direct",
         "resolved": "Ann Lee"},
        {"start": 47, "end": 56, "text": "officials", "kind": "anonymous", "verb": "said", "mode": "indirect",
         "resolved": None},
    ],
}


def test_tiny_hand_made_example_is_counted_by_hand():
    quotes = [ev.PredQuote(1, 12, "Lee", "Lee"),  # inner span, no marks: the same quotation
              ev.PredQuote(29, 36, None)]  # "Critics": not a quotation
    sources = [ev.PredSource(20, 27, "person"), ev.PredSource(29, 36, "anonymous")]
    c = ev.compare(GOLD, quotes, sources)
    assert (c.quote_tp, c.quote_exact, c.gold_quotes, c.pred_quotes) == (1, 1, 1, 2)
    assert (c.speaker_right, c.speaker_given, c.speaker_gold) == (1, 1, 1)
    assert (c.anon_pred_tp, c.anon_gold_tp, c.anon_pred, c.anon_gold) == (0, 0, 1, 1)
    assert (c.source_pred_tp, c.source_gold_tp, c.source_pred, c.source_gold) == (1, 1, 2, 2)
    assert (c.kind_right, c.kind_pairs) == (1, 1)
    f = ev.figures(c)
    assert f["quote_precision"] == 0.5 and f["quote_recall"] == 1.0
    assert f["quote_f1"] == pytest.approx(2 / 3)
    assert f["speaker_precision"] == f["speaker_recall"] == 1.0
    assert f["anonymous_precision"] == 0.0 and f["anonymous_recall"] == 0.0
    assert math.isnan(f["anonymous_f1"])


def test_wrong_speaker_and_missing_speaker():
    c = ev.compare(GOLD, [ev.PredQuote(0, 14, "Bob Smith", "Bob Smith")], [])
    assert (c.speaker_right, c.speaker_given, c.speaker_gold) == (0, 1, 1)
    c = ev.compare(GOLD, [ev.PredQuote(0, 14, None)], [])
    assert (c.speaker_right, c.speaker_given, c.speaker_gold) == (0, 0, 1)


@pytest.mark.parametrize("gold, pred, matched", [
    ((0, 100), (0, 100), True),
    ((0, 100), (0, 51), True),   # half of the longer span, plus a mark
    ((0, 100), (0, 40), False),  # under half
    ((0, 100), (100, 150), False),
])
def test_overlap_threshold(gold, pred, matched):
    text = "x" * 200
    assert bool(ev.match_spans(text, [gold], [pred])) is matched


def test_matching_is_one_to_one_largest_overlap_first():
    text = "a" * 100
    pairs = ev.match_spans(text, [(0, 60), (40, 100)], [(0, 70)])
    assert pairs == [(0, 0)]


@pytest.mark.parametrize("pred, targets, right", [
    ("Dr Colin Moran", ("Colin Moran",), True),
    ("Scrivener", ("Richard Scrivener",), True),
    ("the Brazilian Ministry of Science", ("Brazilian Ministry of Science",), True),
    ("Colin Smith", ("Colin Moran",), False),
    (None, ("Colin Moran",), False),
    ("he", (None,), False),
])
def test_speaker_names(pred, targets, right):
    assert ev.same_speaker(pred, targets) is right


def test_unresolved_gold_speaker_compares_as_written():
    gold = {"speaker": "she", "resolved": None}
    assert ev.speaker_right(ev.PredQuote(0, 1, "A spokesperson for the chain", "she"), gold)
    assert not ev.speaker_right(ev.PredQuote(0, 1, "Ann Lee", "Ann Lee"), gold)


def test_gold_file_is_consistent():
    records = ev.load()
    assert len(records) >= 150 and len({r["file"] for r in records}) >= 40
    for r in records:
        for q in r["quotes"]:
            assert r["text"][q["start"] : q["end"]] == q["text"]
        for s in r["sources"]:
            assert r["text"][s["start"] : s["end"]] == s["text"]
            assert s["kind"] in ("person", "organisation", "anonymous") and s["mode"] in ("direct", "indirect")
    assert {len(ev.split(records, "dev")), len(ev.split(records, "test"))} <= set(range(80, 110))


def test_figures_on_the_shipped_set_are_sane():
    result = ev.evaluate(draws=50)
    assert result["paragraphs"] == 188 and result["counts"]["gold_quotes"] == 149
    for key in ("quote_precision", "quote_recall", "speaker_precision", "speaker_recall",
                "anonymous_precision", "anonymous_recall"):
        assert 0 <= result[key] <= 1
    for lo, hi in result["ci95"].values():
        assert 0 <= lo <= hi <= 1
    # Floors a little under the figures measured when the measure shipped (see the README):
    # a change that loses ground on the annotated set fails here.
    assert result["quote_f1"] >= 0.95
    assert result["speaker_precision"] >= 0.85 and result["speaker_recall"] >= 0.80
    assert result["anonymous_precision"] >= 0.70 and result["anonymous_recall"] >= 0.65


def test_results_rows_for_the_validation_harness():
    rows = ev.results(fast=True)
    assert {r["dataset"] for r in rows} == {"onestopenglish_paragraphs_heldout", "onestopenglish_paragraphs_all"}
    assert {r["metric"] for r in rows} == set(ev.HEADLINE)
    for r in rows:
        assert 0 <= r["ci_low"] <= r["ci_high"] <= 1 and 0 <= r["value"] <= 1 and r["n"] > 0
    whole = {r["metric"]: r for r in rows if r["dataset"].endswith("_all")}
    assert whole["quote_recall"]["n"] == 149
