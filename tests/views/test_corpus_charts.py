"""Corpus chart builders: the figures show what the frames say, labelled, NaN-safe."""

from __future__ import annotations

import math

import pandas as pd

from views import corpus_charts as cc


def test_distribution_stacks_outlets_and_marks_values() -> None:
    hist = pd.DataFrame({"outlet": ["A", "A", "B"], "bin": [0, 1, 0], "lo": [0.0, 1.0, 0.0],
                         "hi": [1.0, 2.0, 1.0], "n": [3, 4, 5]})
    fig = cc.distribution(hist, "Alarm across paragraphs", "per 100 words",
                          {"this article": 1.5, "no value": math.nan}, order=["B", "A"])
    assert [t.name for t in fig.data] == ["B", "A"]
    assert list(fig.data[1].y) == [3, 4] and list(fig.data[1].x) == [0.5, 1.5]
    assert fig.data[0].marker.color == cc.PALETTE[0]
    assert len(fig.layout.shapes) == 1 and fig.layout.shapes[0].x0 == 1.5  # NaN mark not drawn
    assert "Distribution of Alarm" in fig.layout.title.text and fig.layout.xaxis.title.text == "per 100 words"


def test_outlet_medians_draw_the_middle_half() -> None:
    frame = pd.DataFrame({"outlet": ["A", "B"], "n": [10, 20], "q25": [1.0, 0.0], "median": [2.0, 0.5],
                          "q75": [4.0, 1.0]})
    fig = cc.outlet_medians(frame, "Hedging", "per 100 words")
    trace = fig.data[0]
    assert list(trace.y) == ["B", "A"]  # sorted by median
    assert list(trace.error_x.array) == [0.5, 2.0] and list(trace.error_x.arrayminus) == [0.5, 1.0]


def test_percentile_grid_reads_value_and_percentile() -> None:
    frame = pd.DataFrame({"key": [0, 0, 1, 1], "measure": ["alarm", "hedging"] * 2,
                          "value": [0.0, 2.0, 7.5, math.nan], "pct": [20.0, 60.0, 99.0, math.nan]})
    fig = cc.percentile_grid(frame, {"alarm": "Alarm", "hedging": "Hedging"})
    hm = fig.data[0]
    # ¶ labels are the 0-based "paragraph" numbers, the same on every page and chart
    assert list(hm.x) == ["Alarm", "Hedging"] and list(hm.y) == ["¶ 0", "¶ 1"]
    assert hm.text[1][0] == "7.50 · 99th" and hm.text[1][1] == "n/a"
    assert hm.zmin == 0 and hm.zmax == 100


def test_over_time_one_line_per_outlet() -> None:
    frame = pd.DataFrame({"outlet": ["A", "B", "A"], "period": pd.to_datetime(["2026-01-01"] * 2 + ["2026-02-01"]),
                          "n": [1, 2, 3], "median": [0.1, 0.2, 0.3]})
    fig = cc.over_time(frame, "Alarm", "per 100 words", "month")
    assert [t.name for t in fig.data] == ["A", "B"] and list(fig.data[0].y) == [0.1, 0.3]
