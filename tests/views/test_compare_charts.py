"""The Compare figures: paragraphs shown from 1 (the same numbers as the Read page), every series
explained by a legend, claim coverage that reads differently above and below the threshold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import analysis
from analysis import compare
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
