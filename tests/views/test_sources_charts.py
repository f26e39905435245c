"""The Who speaks charts: named and anonymous attribution stacked, kinds counted, text escaped."""

import pandas as pd

import analysis
from views import sources_charts


def test_chart_stacks_named_and_anonymous_and_escapes_text():
    text = "“A b c d,” said Ann Lee.\n\nExperts warn that <b>it</b> may fail, insiders said."
    result = analysis.analyze(text)
    fig = sources_charts.attribution_along(result.paragraphs)
    bars = [t for t in fig.data if t.type == "bar"]
    assert [t.name.split(" ")[0] for t in bars] == ["Named", "Anonymous"]
    assert list(bars[0].y) == [1, 0] and list(bars[1].y) == [0, 2]
    assert fig.layout.barmode == "stack"
    assert all("<b>" not in c for c in bars[0].customdata) and any("&lt;b&gt;" in c for c in bars[0].customdata)


def test_kinds_bar_counts_mentions():
    frame = pd.DataFrame({"kind": ["person", "anonymous", "anonymous"], "mentions": [2, 1, 3]})
    fig = sources_charts.kinds_bar(frame)
    assert list(fig.data[0].x) == [2, 0, 4]
