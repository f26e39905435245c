"""views/charts.py and views/theme.py: the figures carry the data, units and palette they claim."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis.measures import HEADLINE, REGISTRY, column
from analysis.measures.readability import MIN_WORDS
from analysis.paths import BUNDLED_ARTICLE as BUNDLED
from views import charts, theme


@pytest.fixture(scope="module")
def bundled() -> analysis.Analysis:
    return analysis.analyze(BUNDLED.read_text(encoding="utf-8"), name="bundled")


@pytest.fixture(scope="module")
def with_short() -> analysis.Analysis:
    text = ("Officials may have known about the grave threat for weeks, experts warn, and the crisis grew.\n\n"
            "Panic spread.\n\n"
            "The report, published on Monday, says the ministry could perhaps have acted sooner than it did.")
    return analysis.analyze(text)


def measure_traces(fig):
    return [t for t in fig.data if t.name in {column(m).label for m in HEADLINE}]


def test_arc_draws_each_headline_measure_on_one_shared_paragraph_axis(bundled) -> None:
    fig = charts.arc(bundled.paragraphs, "Bundled", article=bundled.summary.iloc[0].to_dict())
    traces = measure_traces(fig)
    assert [t.name for t in traces] == [column(m).label for m in HEADLINE]
    for t, name in zip(traces, HEADLINE, strict=True):
        assert list(t.x) == bundled.paragraphs["paragraph"].tolist()
        np.testing.assert_allclose(np.array(t.y, dtype=float), bundled.paragraphs[name].to_numpy(float))
        assert t.line.color == theme.colour(name)
    axes = {k.replace("axis", ""): fig.layout[k] for k in fig.layout if k.startswith("xaxis")}
    leader = {a.matches for a in axes.values() if a.matches}
    assert len(axes) == len(HEADLINE) and len(leader) == 1  # one shared x axis
    assert all(a.matches in leader or k in leader for k, a in axes.items())
    assert [a for a in axes.values() if a.title.text == charts.PARAGRAPH_AXIS]
    ykeys = sorted((k for k in fig.layout if k.startswith("yaxis")), key=lambda k: int(k[5:] or 1))
    ytitles = [fig.layout[k].title.text.replace("<br>", " ") for k in ykeys]
    assert ytitles == [column(m).unit for m in HEADLINE]
    assert "Bundled" in fig.layout.title.text
    # The article-level value is drawn as a line at the summary's value.
    lines = [s.y0 for s in fig.layout.shapes if s.line.dash == "dot"]
    np.testing.assert_allclose(sorted(lines), sorted(float(bundled.summary.iloc[0][m]) for m in HEADLINE))


def test_arc_hover_shows_first_words_and_value(bundled) -> None:
    trace = measure_traces(charts.arc(bundled.paragraphs, "t"))[1]
    first = bundled.paragraphs["text"].iloc[0].split()[:3]
    assert " ".join(first) in trace.customdata[0][0]
    assert "%{y:.2f}" in trace.hovertemplate and column("hedging").unit in trace.hovertemplate


def test_arc_marks_short_and_missing_paragraphs(with_short) -> None:
    pars = with_short.paragraphs
    short = pars.index[pars["words"] < MIN_WORDS].tolist()
    assert short, "the fixture needs a short paragraph"
    fig = charts.arc(pars, "t")
    bands = [s for s in fig.layout.shapes if s.type == "rect"]
    assert sorted({(s.x0 + s.x1) / 2 for s in bands}) == [float(pars["paragraph"][i]) for i in short]
    ease = measure_traces(fig)[3]
    assert math.isnan(ease.y[short[0]])  # NaN stays NaN, never drawn as 0
    assert ease.marker.color[short[0]] == theme.PAPER and ease.marker.color[0] != theme.PAPER  # hollow
    assert any(a.text == "n/a" for a in fig.layout.annotations)


def test_titles_and_hover_escape_user_text() -> None:
    hostile = '<img src=x onerror="window.__pwned=1">'
    result = analysis.analyze(f"{hostile} The grave threat could spread, officials said on Monday.")
    for fig in (charts.arc(result.paragraphs, hostile), charts.heatmap(result.paragraphs, hostile)):
        dump = fig.to_json()
        assert "<img" not in dump and "&lt;img" in dump
        assert "&quot;" not in fig.layout.title.text  # plotly would print it literally


def test_builders_are_deterministic(bundled) -> None:
    for build in (charts.arc, charts.heatmap):
        assert build(bundled.paragraphs, "t").to_json() == build(bundled.paragraphs, "t").to_json()


def test_heatmap_is_z_scored_per_measure_with_raw_values_in_text(bundled, with_short) -> None:
    fig = charts.heatmap(bundled.paragraphs, "t")
    hm = fig.data[0]
    assert list(hm.y) == [column(m).label for m in HEADLINE]
    for row in hm.z:
        z = np.array(row, dtype=float)
        assert abs(z.mean()) < 1e-9 or np.abs(z).max() == charts.Z_CLIP
        assert np.abs(z).max() <= charts.Z_CLIP
    assert hm.text[1][4] == f"{bundled.paragraphs['hedging'][4]:.2f}"
    assert "z-score" in hm.colorbar.title.text
    short = charts.heatmap(with_short.paragraphs, "t").data[0]
    assert short.z[3][1] is None and short.text[3][1] == "n/a"


def test_zscores_keep_nan_and_handle_no_spread() -> None:
    z = charts.zscores(pd.Series([1.0, float("nan"), 3.0]))
    assert z.tolist()[0] == -1.0 and math.isnan(z.tolist()[1]) and z.tolist()[2] == 1.0
    assert charts.zscores(pd.Series([2.0, 2.0])).tolist() == [0.0, 0.0]
    assert charts.zscores(pd.Series([5.0])).tolist() == [0.0]


def test_palette_gives_every_registered_measure_its_own_colour() -> None:
    colours = [theme.colour(m.name) for m in REGISTRY]
    assert len(set(colours)) == len(colours)
    assert theme.colour("reading_ease") == theme.colour("readability") == "#009E73"
    assert theme.colour("hedging_modal") == theme.MEASURE_COLOURS["hedging"]


def test_chart_config_saves_a_2x_png_without_the_logo() -> None:
    cfg = theme.plotly_config("AI model: theft / accusation")
    opts = cfg["toImageButtonOptions"]
    assert opts["format"] == "png" and opts["scale"] == 2 and opts["filename"] == "ai-model-theft-accusation"
    assert cfg["displaylogo"] is False and "lasso2d" in cfg["modeBarButtonsToRemove"]


def test_a_long_article_title_is_cut_in_chart_titles_never_run_off_the_figure(bundled) -> None:
    long = "A very long headline about the river that broke its banks and the town that waited " * 3
    for fig in (charts.arc(bundled.paragraphs, long), charts.heatmap(bundled.paragraphs, long)):
        name = fig.layout.title.text.split(" — ")[0]
        assert len(name) == 48 and name.endswith("…") and long.startswith(name[:-1])
    assert charts.clip_name("Short title") == "Short title"


HOSTILE_CSV = (b"term,category,weight\nthreat*,<img src=x onerror=alert(1)>,1\ncompan*,economy & trade,1\n"
               b"model*,economy & trade,1\n")


@pytest.fixture(scope="module")
def with_dictionary(bundled_text_for_charts: str) -> analysis.Analysis:
    from analysis import dictionaries

    d = dictionaries.load_bytes(HOSTILE_CSV, "frames.csv")
    return analysis.analyze(bundled_text_for_charts, name="bundled", measures=(*REGISTRY, d.measure()))


@pytest.fixture(scope="module")
def bundled_text_for_charts() -> str:
    return BUNDLED.read_text(encoding="utf-8")


def test_a_dictionarys_categories_are_drawn_from_the_analysiss_own_declarations(with_dictionary) -> None:
    """The registry knows nothing of a researcher's dictionary: the charts read its columns
    through Analysis.column_info, and its category names (text from the researcher's file) are
    escaped wherever plotly renders HTML."""
    names = ["hedging", "frames.<img src=x onerror=alert(1)>", "frames.economy & trade"]
    with pytest.raises(KeyError):
        charts.arc(with_dictionary.paragraphs, "t", measures=names)  # the registry alone cannot
    fig = charts.arc(with_dictionary.paragraphs, "t", measures=names, info=with_dictionary.column_info)
    drawn = [t for t in fig.data if t.mode == "lines+markers"]  # not the legend's keys
    for trace, name in zip(drawn, names, strict=True):
        want = with_dictionary.paragraphs[name].to_numpy(dtype=float)
        assert np.allclose(np.asarray(trace.y, dtype=float), want, equal_nan=True)
    assert any(w > 0 for w in with_dictionary.paragraphs["frames.economy & trade"])  # real matches drawn
    heat = charts.heatmap(with_dictionary.paragraphs, "t", measures=names, info=with_dictionary.column_info)
    assert list(heat.data[0].y) == ["Hedging", "frames: &lt;img src=x onerror=alert(1)&gt;", "frames: economy &amp; trade"]
    for dump in (fig.to_json(), heat.to_json()):
        assert "<img" not in dump and "&lt;img" in dump


def test_chartable_lists_headline_then_sub_scales_then_the_rest_and_leaves_out_formula_counts(with_dictionary) -> None:
    names = [c.name for c in charts.chartable(with_dictionary.measures)]
    assert names[:4] == list(HEADLINE)
    subs = [s.name for m in REGISTRY for s in m.subscales]
    assert names[4:4 + len(subs)] == subs
    assert names[-2:] == ["frames.<img src=x onerror=alert(1)>", "frames.economy & trade"]
    assert "rd_syllables" not in names and "readability_note" not in names  # a formula's count, a text note
    assert "quotes" in names and len(names) == len(set(names))
    assert charts.subscale(with_dictionary.measures, "alarm_event")[1].composite is False
    assert charts.subscale(with_dictionary.measures, "alarm") is None


def test_ten_panels_fit_in_one_arc(bundled) -> None:
    """make_subplots refuses a spacing above 1 / (rows - 1): the gap narrows as panels are added."""
    names = [c.name for c in charts.chartable(bundled.measures)][:10]
    fig = charts.arc(bundled.paragraphs, "t", measures=names, info=bundled.column_info)
    assert len([a for a in fig.layout.annotations if a.text.startswith("<b>")]) == 10
    assert len(make_subplots_domains(fig)) == 10


def make_subplots_domains(fig) -> list[tuple[float, float]]:
    doms = [tuple(fig.layout[k].domain) for k in fig.layout if k.startswith("yaxis")]
    assert all(a[1] <= b[0] or b[1] <= a[0] for i, a in enumerate(doms) for b in doms[i + 1:])  # no overlap
    return doms
