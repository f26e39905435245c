"""The Compare figures: paragraphs shown from 1 (the same numbers as the Read page), every series
explained by a legend, claim coverage that reads differently above and below the threshold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import analysis
from analysis import compare
from analysis.measures import HEADLINE
from views import compare_charts as charts
from views import theme

DEV = Path(__file__).resolve().parents[1] / "fixtures" / "compare" / "dev"


@pytest.fixture(scope="module")
def result():
    names = ("focus.txt", "herald.txt", "ledger.txt", "wire.txt")
    return compare.compare([analysis.analyze((DEV / n).read_text(encoding="utf-8"), n) for n in names])


def test_numbers_shown_are_the_paragraph_numbers_of_every_other_view(result) -> None:
    """A matched pair shown as focus ¶ f, outlet ¶ p is the pair the hand labels name (both
    numbered from 1), and f and p are the ``paragraph`` numbers of the analyses (the Read page's ¶)."""
    labels = json.loads((DEV / "labels.json").read_text(encoding="utf-8"))["others"]
    focus_pars = result.analysis("focus.txt").paragraphs
    assert sorted(result.coverage["focus_paragraph"]) == focus_pars["paragraph"].tolist()
    hits = result.alignment[result.alignment["matched"]]
    assert len(hits)
    for row in hits.itertuples():
        assert row.paragraph in result.analysis(row.article).paragraphs["paragraph"].tolist()
        assert row.paragraph in labels[row.article].get(str(row.focus_paragraph), []) \
            or row.article == "unrelated.txt", row


def test_no_figure_shows_a_paragraph_0(result) -> None:
    for key, fig in charts.all_figures(result).items():
        text = json.dumps(fig.to_plotly_json(), default=str, ensure_ascii=False)
        assert "¶ 0" not in text and "¶0" not in text, key


def test_notes_name_focus_paragraphs_from_1(result) -> None:
    numbers = set(result.analysis("focus.txt").paragraphs["paragraph"])
    for note in result.alignment["note"]:
        if "focus paragraph" in note:
            assert int(note.rsplit("focus paragraph ", 1)[1].split()[0]) in numbers


def test_coverage_cells_read_apart_above_and_below_the_threshold(result) -> None:
    shown = result
    threshold = result.meta["threshold"]
    heat = charts.coverage(shown.alignment, shown.coverage, threshold).data[0]
    scale = [tuple(stop) for stop in heat.colorscale]
    below = [c for at, c in scale if at < threshold / heat.zmax]
    above = [c for at, c in scale if at >= threshold / heat.zmax]
    assert set(below) == set(theme.BELOW) and set(above) == set(theme.ABOVE)
    assert not set(below) & set(above)
    matched = shown.alignment[shown.alignment["matched"]]
    cells = [t for row in heat.text for t in row]
    assert sum(t.startswith("¶") for t in cells) == len(matched)  # every match named, nothing else
    near = shown.alignment[~shown.alignment["matched"] & (shown.alignment["similarity"] >= threshold)]
    assert sum(t.startswith("(¶") for t in cells) == len(near)


def test_every_series_is_explained(result) -> None:
    figs = charts.all_figures(result)
    for key in ("profile", "arcs", "words"):
        named = [t.name for t in figs[key].data if t.showlegend is not False and t.name]
        assert figs[key].layout.showlegend and len(named) >= 2, key
    assert any("focus" in n for n in (t.name or "" for t in figs["profile"].data))


def test_words_mark_a_notable_z_on_both_sides(result) -> None:
    fig = charts.all_figures(result)["words"]
    assert sorted(s.x0 for s in fig.layout.shapes) == [-charts.Z_NOTABLE, charts.Z_NOTABLE]
    assert any(str(charts.Z_NOTABLE) in (a.text or "") for a in fig.layout.annotations)


def test_profile_axis_titles_are_wrapped_to_their_panel(result) -> None:
    fig = charts.profile(result.profile)
    titles = [fig.layout[f"xaxis{i or ''}"].title.text for i in range(0, 5) if fig.layout[f"xaxis{i or ''}"]]
    assert titles and all(max(len(line) for line in t.split("<br>")) <= 16 for t in titles)


def test_compare_figures_use_the_theme(result) -> None:
    for fig in charts.all_figures(result).values():
        assert fig.layout.template.layout.font.family == theme.FONT
        assert fig.layout.template.layout.paper_bgcolor == theme.PAPER


def test_every_other_article_is_its_own_named_line_in_the_arcs(result) -> None:
    """The aligned arcs drew every other outlet as the same unlabelled grey line (issue 15): each
    is now a line of its own colour, named once in the legend, grouped across the panels."""
    fig = charts.arcs(result.arcs)
    others = ["herald.txt", "ledger.txt", "wire.txt"]
    named = {t.name: t for t in fig.data if t.showlegend}
    assert set(others) <= set(named)
    styles = {(named[n].line.color, named[n].line.dash) for n in others}
    assert len(styles) == len(others) and not styles & {(theme.GREY, None), (theme.LIGHT, None)}
    assert any("focus.txt (focus" in (t.name or "") for t in fig.data if t.showlegend is not False)
    panels = len(HEADLINE)
    for n in others:  # one line per panel, one legend group, so a click hides it everywhere
        lines = [t for t in fig.data if t.legendgroup == n and _drawn(t)]
        assert len(lines) == panels and {t.line.color for t in lines} == {named[n].line.color}
        assert all(len(t.x) == len(result.analysis(n).paragraphs) for t in lines)
    focus_lines = [t for t in fig.data if t.legendgroup == "focus.txt" and _drawn(t)]
    assert [t.line.color for t in focus_lines] == [theme.colour(m) for m in HEADLINE]


def _drawn(trace) -> bool:  # noqa: ANN001 - a line with data, not a legend key (x = [None])
    return trace.x is not None and any(x is not None for x in trace.x)


def test_many_other_articles_keep_apart_and_push_the_panels_down() -> None:
    """Past the nine outlet colours the lines repeat a colour with another dash; a legend of
    several rows gets the room it needs above the panels."""
    import pandas as pd

    names = ["focus"] + [f"Outlet number {i}" for i in range(12)]
    frame = pd.DataFrame([{"article": n, "focus": n == "focus", "measure": "sentiment", "position": p,
                           "value": 0.1 * i, "paragraph": j + 1, "words": 30}
                          for i, n in enumerate(names) for j, p in enumerate((20.0, 60.0))])
    fig = charts.arcs(frame, ["sentiment"])
    styles = [(t.line.color, t.line.dash) for t in fig.data if t.showlegend and t.legendgroup != "focus"]
    assert len(styles) == 12 == len(set(styles))
    assert fig.layout.margin.t > charts.arcs(frame[frame["article"].isin(names[:3])], ["sentiment"]).layout.margin.t
    assert charts.legend_rows(["x" * 40] * 12) > 1 == charts.legend_rows(["x"])
