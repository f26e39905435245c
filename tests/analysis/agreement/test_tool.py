"""Tool against coder: precision and recall from verdicts and misses, with bootstrap intervals."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import analysis
from analysis.agreement import tool, tool_vs_coder_in
from analysis.ingest import load_text
from analysis.store import Store, codes

EVIDENCE = pd.DataFrame(
    [(1, "alarm", "urgency", 0, 5, 1.0), (1, "alarm", "urgency", 10, 15, 1.0), (1, "alarm", "urgency", 20, 25, 1.0),
     (1, "alarm", "fear_panic", 30, 35, 1.0), (1, "alarm", "fear_panic", 40, 45, 0.0),  # weight 0: did not count
     (2, "alarm", "urgency", 0, 5, 1.0), (2, "hedging", "modal", 7, 10, 1.0)],
    columns=["article_id", "measure", "category", "start", "end", "weight"])


def _judge(article, coder, start, end, category, decision, kind="verdict", measure="alarm"):
    return codes.Coding(article_id=article, coder=coder, kind=kind, decision=decision, start=start, end=end,
                        measure=measure, category=category)


CODINGS = codes.frame([
    _judge(1, "ana", 0, 5, "urgency", "correct"),
    _judge(1, "ana", 11, 14, "urgency", "wrong"),        # overlaps the tool's 10-15
    _judge(1, "ana", 50, 55, "urgency", "applied", "missed"),
    _judge(1, "ana", 41, 44, "fear_panic", "applied", "missed"),  # the 40-45 span did not count: a miss
    _judge(2, "ben", 0, 5, "urgency", "correct"),
    _judge(2, "ben", 60, 65, "urgency", "correct"),      # the tool no longer finds it: a miss
])


def _row(table, measure, category, coder=tool.POOLED):
    hit = table[(table["coder"] == coder) & (table["measure"] == measure) & (table["category"] == category)]
    assert len(hit) == 1, table
    return hit.iloc[0]


def test_counts_precision_and_recall_by_hand():
    table = tool.tool_vs_coder(CODINGS, EVIDENCE, resamples=200)
    urgency = _row(table, "alarm", "urgency")
    # tool urgency spans: art 1: 0-5 correct, 10-15 wrong, 20-25 unjudged; art 2: 0-5 correct
    assert (urgency["judged"], urgency["correct"], urgency["wrong"], urgency["unjudged"]) == (3, 2, 1, 1)
    # instances: art 1: 0-5 (found), 50-55 (missed); art 2: 0-5 (found), 60-65 (missed)
    assert (urgency["instances"], urgency["found"], urgency["missed"]) == (4, 2, 2)
    assert urgency["precision"] == pytest.approx(2 / 3) and urgency["recall"] == pytest.approx(0.5)
    assert urgency["articles"] == 2
    fear = _row(table, "alarm", "fear_panic")
    assert (fear["judged"], fear["unjudged"], fear["instances"], fear["found"]) == (0, 1, 1, 0)
    assert math.isnan(fear["precision"]) and fear["recall"] == 0.0
    overall = _row(table, "alarm", tool.ALL)
    assert (overall["judged"], overall["correct"], overall["instances"], overall["found"]) == (3, 2, 5, 2)
    assert "hedging" not in set(table["measure"])  # nobody judged hedging: nothing to say
    assert list(table.columns) == tool.COLUMNS


def test_a_verdict_on_the_very_span_decides_over_an_overlap():
    codings = codes.frame([_judge(1, "ana", 0, 5, "urgency", "wrong"),
                           _judge(1, "ana", 2, 4, "urgency", "applied", "missed")])
    row = _row(tool.tool_vs_coder(codings, EVIDENCE, resamples=50), "alarm", "urgency")
    assert (row["correct"], row["wrong"], row["found"]) == (0, 1, 1)


def test_by_coder_and_bootstrap_intervals_over_articles():
    table = tool.tool_vs_coder(CODINGS, EVIDENCE, by_coder=True, resamples=300)
    assert set(table["coder"]) == {"ana", "ben"}
    ana = _row(table, "alarm", "urgency", "ana")
    assert (ana["precision"], ana["recall"], ana["articles"]) == (0.5, 0.5, 1)
    # one article: every resample is that article, so the interval is the point
    assert ana["precision_low"] == ana["precision_high"] == 0.5
    pooled = tool.tool_vs_coder(CODINGS, EVIDENCE, resamples=300)
    again = tool.tool_vs_coder(CODINGS, EVIDENCE, resamples=300)
    pd.testing.assert_frame_equal(pooled, again)  # fixed seed
    urgency = _row(pooled, "alarm", "urgency")
    # the two articles have recall 1/2 each: every resample gives 1/2; precision 1/2 and 1/1
    assert urgency["recall_low"] == urgency["recall_high"] == 0.5
    assert urgency["precision_low"] == pytest.approx(0.5) and urgency["precision_high"] == pytest.approx(1.0)


def test_no_judgement_gives_an_empty_table():
    assert tool.tool_vs_coder(codes.frame([]), EVIDENCE).empty


def test_on_a_stored_workspace_with_the_real_measures(tmp_path, bundled_text):
    store = Store.open(tmp_path)
    ws = store.create_workspace("me", "w")
    art = store.add_article(ws, load_text(bundled_text, "a.txt"), analysis.analyze(bundled_text)).article
    alarm = analysis.analyze(bundled_text).evidence.query("measure == 'alarm' and weight != 0")
    for i, span in enumerate(alarm.itertuples()):
        codes.judge(store, ws, art.id, "ana", span.start, span.end, "alarm", span.category,
                    "wrong" if i == 0 else "correct")
    table = tool_vs_coder_in(store, ws, resamples=100)
    overall = _row(table, "alarm", tool.ALL)
    assert overall["judged"] == len(alarm) and overall["unjudged"] == 0
    assert overall["precision"] == pytest.approx((len(alarm) - 1) / len(alarm)) and overall["recall"] == 1.0
