"""The Who speaks charts: the kinds of source read from the declarations, stacked and counted,
every one named, text escaped."""

import pandas as pd

import analysis
from analysis.measures import get
from analysis.measures.base import Subscale
from views import sources_charts, theme

TEXT = ("“A b c d,” said Ann Lee.\n\n"
        "Experts warn that <b>it</b> may fail, insiders said.\n\n"
        "The Home Office said the plan was sound, and a report by the World Health Organization said so too.")


def test_the_kinds_are_the_measures_sub_scales():
    declared = sources_charts.kinds()
    assert [k.column for k in declared] == [s.name for s in get("sources").subscales]
    assert [k.kind for k in declared] == ["person", "organisation", "government", "document", "anonymous"]
    assert [k.named for k in declared] == [True, True, True, True, False]
    assert {k.colour for k in declared if k.named} == {theme.NAMED}
    assert [k.colour for k in declared if not k.named] == [theme.ANONYMOUS]
    assert len({k.pattern for k in declared if k.named}) == 4  # the named kinds told apart without hue


def test_chart_stacks_every_kind_and_escapes_text():
    result = analysis.analyze(TEXT)
    fig = sources_charts.attribution_along(result.paragraphs)
    bars = [t for t in fig.data if t.type == "bar"]
    assert [t.name for t in bars] == ["People (named)", "Organisations (named)", "Governments (named)",
                                      "Documents (named)", "Anonymous (unnamed)"]
    by_name = {t.name.split(" ")[0]: list(t.y) for t in bars}
    p = result.paragraphs
    for k in sources_charts.kinds():
        assert by_name[k.label] == p[k.column].tolist()
    assert by_name["People"][0] == 1 and by_name["Anonymous"][1] == 2
    assert by_name["Governments"][2] >= 1 and by_name["Documents"][2] >= 1
    assert fig.layout.barmode == "stack"
    assert all("<b>" not in c for c in bars[0].customdata) and any("&lt;b&gt;" in c for c in bars[0].customdata)


def test_kinds_bar_counts_mentions_of_every_declared_kind():
    frame = pd.DataFrame({"kind": ["person", "anonymous", "anonymous", "government"], "mentions": [2, 1, 3, 1]})
    fig = sources_charts.kinds_bar(frame)
    shown = {t.y[0]: t.x[0] for t in fig.data}
    assert shown == {"People": 2, "Organisations": 0, "Governments": 1, "Documents": 0, "Anonymous": 4}
    assert [str(t.text[0]) for t in fig.data] == ["2", "0", "1", "0", "4"]  # every bar says its count


def test_kinds_bar_follows_the_declarations_not_a_list_of_its_own():
    """A measure that declared other kinds would be drawn with them (the chart hard-coded person,
    organisation and anonymous, and dropped governments and documents)."""
    subs = (Subscale("sources_people", "People", ("speaker_person",), "", True),
            Subscale("sources_bots", "Bots", ("speaker_bot",), "", False))
    frame = pd.DataFrame({"kind": ["bot", "person", "bot"], "mentions": [1, 1, 2]})
    fig = sources_charts.kinds_bar(frame, subs)
    assert {t.y[0]: t.x[0] for t in fig.data} == {"People": 1, "Bots": 3}
