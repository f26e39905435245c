"""How a prediction is compared with a gold unit (analysis.eval_sources.scoring), on small
hand-made units counted by hand."""

import math

import pytest

from analysis.eval_sources import scoring as sc

TEXT = "“We will win,” said Ann Lee. Critics disagree, officials said. Brazil agreed, the report said."
GOLD = {
    "text": TEXT,
    "quotes": [{"start": 0, "end": 14, "speaker": "Ann Lee", "resolved": "Ann Lee"}],
    "sources": [
        {"start": 20, "end": 27, "kind": "person"},  # Ann Lee
        {"start": 29, "end": 36, "kind": "anonymous"},  # Critics
        {"start": 47, "end": 56, "kind": "anonymous"},  # officials
        {"start": 63, "end": 69, "kind": "government"},  # Brazil
        {"start": 78, "end": 88, "kind": "document"},  # the report
    ],
    "scare": [],
}


def test_the_hand_made_unit_spans_are_what_they_say():
    assert [TEXT[s["start"] : s["end"]] for s in GOLD["sources"]] == [
        "Ann Lee", "Critics", "officials", "Brazil", "the report"]


def test_mentions_match_one_to_one_so_a_source_counted_twice_costs_precision():
    pred = [sc.PredSource(20, 27, "person"), sc.PredSource(47, 56, "anonymous"),
            sc.PredSource(50, 56, "anonymous"),  # the same officials, counted a second time
            sc.PredSource(63, 69, "organisation"), sc.PredSource(78, 88, "document")]
    c = sc.compare(GOLD, [], pred)
    assert (c.source_tp, c.source_pred, c.source_gold) == (4, 5, 5)
    assert c.kinds["anonymous"] == [1, 2, 2]  # matched, predicted, gold
    assert c.kinds["government"] == [0, 0, 1] and c.kinds["organisation"] == [0, 1, 0]
    assert c.kinds["named"] == [3, 3, 3]  # person, government/organisation, document: named either way
    assert c.kind_right == 3  # Brazil matched, but as an organisation
    f = sc.figures(c)
    assert f["anonymous_precision"] == 0.5 and f["anonymous_recall"] == 0.5
    assert f["source_precision"] == 0.8 and f["kind_accuracy"] == 0.75
    assert math.isnan(f["government_precision"]) and f["government_recall"] == 0.0


def test_quotations_speakers_and_scare_quotes():
    gold = {**GOLD, "scare": [{"start": 80, "end": 86}]}
    quotes = [sc.PredQuote(1, 12, "Lee", "Lee"),  # inner span, no marks: the same quotation
              sc.PredQuote(29, 36, None)]  # "Critics": not a quotation
    c = sc.compare(gold, quotes, [], [(80, 86), (0, 5)])
    assert (c.quote_tp, c.quote_exact, c.gold_quotes, c.pred_quotes) == (1, 1, 1, 2)
    assert (c.speaker_right, c.speaker_given, c.speaker_gold) == (1, 1, 1)
    assert (c.scare_tp, c.scare_pred, c.scare_gold) == (1, 2, 1)
    f = sc.figures(c)
    assert f["quote_precision"] == 0.5 and f["quote_f1"] == pytest.approx(2 / 3)
    assert f["scare_precision"] == 0.5 and f["scare_recall"] == 1.0


def test_wrong_speaker_and_missing_speaker():
    c = sc.compare(GOLD, [sc.PredQuote(0, 14, "Bob Smith", "Bob Smith")], [])
    assert (c.speaker_right, c.speaker_given, c.speaker_gold) == (0, 1, 1)
    c = sc.compare(GOLD, [sc.PredQuote(0, 14, None)], [])
    assert (c.speaker_right, c.speaker_given, c.speaker_gold) == (0, 0, 1)


def test_counts_add_up_per_kind():
    a = sc.compare(GOLD, [], [sc.PredSource(20, 27, "person")])
    b = sc.compare(GOLD, [], [sc.PredSource(29, 36, "anonymous")])
    total = a + b
    assert total.kinds["person"] == [1, 1, 2] and total.kinds["anonymous"] == [1, 1, 4]
    assert total.plain()["anonymous_gold"] == 4


@pytest.mark.parametrize("gold, pred, matched", [
    ((0, 100), (0, 100), True),
    ((0, 100), (0, 51), True),   # half of the longer span, plus a mark
    ((0, 100), (0, 40), False),  # under half
    ((0, 100), (100, 150), False),
])
def test_overlap_threshold(gold, pred, matched):
    assert bool(sc.match_spans("x" * 200, [gold], [pred])) is matched


def test_matching_is_one_to_one_largest_overlap_first():
    assert sc.match_spans("a" * 100, [(0, 60), (40, 100)], [(0, 70)]) == [(0, 0)]
    assert sc.match_overlap([(0, 10)], [(0, 3), (2, 10)]) == [(0, 1)]


@pytest.mark.parametrize("pred, targets, right", [
    ("Dr Colin Moran", ("Colin Moran",), True),
    ("Scrivener", ("Richard Scrivener",), True),
    ("the Brazilian Ministry of Science", ("Brazilian Ministry of Science",), True),
    ("Colin Smith", ("Colin Moran",), False),
    (None, ("Colin Moran",), False),
    ("he", (None,), False),
])
def test_speaker_names(pred, targets, right):
    assert sc.same_speaker(pred, targets) is right


def test_unresolved_gold_speaker_compares_as_written():
    gold = {"speaker": "she", "resolved": None}
    assert sc.speaker_right(sc.PredQuote(0, 1, "A spokesperson for the chain", "she"), gold)
    assert not sc.speaker_right(sc.PredQuote(0, 1, "Ann Lee", "Ann Lee"), gold)
