"""Chart builders for the Corpus page: a tidy frame in, a plotly Figure out.

No streamlit here. The template and every colour come from views/theme.py; outlets take
its outlet palette, which stays apart from the measure colours.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from views import theme
from views.escape import html as esc

# The shared look comes from views/theme.py (template, ink, diverging scale). Outlets are not
# measures, so they must not borrow the measure colours: they take theme.OUTLET_COLOURS.
TEMPLATE = theme.TEMPLATE
PALETTE = theme.OUTLET_COLOURS
MARK = theme.INK  # the article or paragraph being placed in the corpus
MUTED = theme.GREY
DIVERGING = theme.DIVERGING  # percentile: blue below the corpus median, white at it, vermillion above


def colours(outlets: Sequence[str]) -> dict[str, str]:
    return {o: PALETTE[i % len(PALETTE)] for i, o in enumerate(outlets)}


def _layout(fig: go.Figure, title: str, height: int = 380) -> go.Figure:
    fig.update_layout(template=TEMPLATE, title={"text": esc(title), "x": 0, "font": {"size": 16}}, height=height,
                      margin={"l": 10, "r": 10, "t": 90, "b": 10},
                      legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 1, "xanchor": "right"})
    return fig


def distribution(hist: pd.DataFrame, label: str, unit_label: str, marks: dict[str, float] | None = None,
                 order: Sequence[str] | None = None) -> go.Figure:
    """Stacked histogram from binned counts (``outlet, bin, lo, hi, n``). ``marks`` draws a
    labelled vertical line per named value (e.g. the selected article)."""
    fig = go.Figure()
    outlets = list(order or hist["outlet"].drop_duplicates())
    pal = colours(outlets)
    for outlet in outlets:
        part = hist[hist["outlet"] == outlet]
        if part.empty:
            continue
        fig.add_bar(x=(part["lo"] + part["hi"]) / 2, y=part["n"], width=part["hi"] - part["lo"], name=esc(outlet),
                    marker={"color": pal[outlet], "line": {"width": 0}},
                    customdata=part[["lo", "hi"]].to_numpy(),
                    hovertemplate=f"{esc(outlet)}<br>%{{customdata[0]:.2f}} to %{{customdata[1]:.2f}}: "
                                  "%{y:,} rows<extra></extra>")
    for i, (name, value) in enumerate((marks or {}).items()):
        if value == value:  # not NaN
            fig.add_vline(x=value, line={"color": MARK, "width": 2, "dash": "dash" if i else "solid"},
                          annotation={"text": f"{esc(name)}: {value:.2f}", "font": {"color": MARK}},
                          annotation_position="top right" if i % 2 == 0 else "top left")
    fig.update_layout(barmode="stack", bargap=0, showlegend=True)  # one outlet is named too
    fig.update_xaxes(title=unit_label)
    fig.update_yaxes(title="count")
    return _layout(fig, f"Distribution of {label}")


def outlet_medians(frame: pd.DataFrame, label: str, unit_label: str, mark: tuple[str, float] | None = None,
                   order: Sequence[str] | None = None) -> go.Figure:
    """Median per outlet with the interquartile range as a bar (``outlet, n, q25, median, q75``)."""
    pal = colours(list(order or frame["outlet"]))
    frame = frame.sort_values("median")
    fig = go.Figure()
    fig.add_scatter(
        x=frame["median"], y=frame["outlet"].map(esc), mode="markers",
        marker={"size": 11, "color": [pal.get(o, MUTED) for o in frame["outlet"]]},
        error_x={"type": "data", "symmetric": False, "array": frame["q75"] - frame["median"],
                 "arrayminus": frame["median"] - frame["q25"], "color": MUTED, "thickness": 2, "width": 0},
        customdata=frame[["n", "q25", "q75"]].to_numpy(), showlegend=False,
        hovertemplate="%{y}<br>median %{x:.2f} (middle half %{customdata[1]:.2f} to %{customdata[2]:.2f})"
                      "<br>%{customdata[0]:,} rows<extra></extra>")
    if mark is not None and mark[1] == mark[1]:
        fig.add_vline(x=mark[1], line={"color": MARK, "width": 2},
                      annotation={"text": f"{esc(mark[0])}: {mark[1]:.2f}", "font": {"color": MARK},
                                  "yref": "paper", "y": 1.0, "yanchor": "bottom"})
    fig.update_xaxes(title=f"{unit_label}: median, bar = middle half (25th to 75th percentile)")
    fig.update_yaxes(title=None)
    fig = _layout(fig, f"{label} by outlet", height=max(280, 100 + 42 * len(frame)))
    fig.update_layout(margin={"t": 84})
    return fig


def over_time(frame: pd.DataFrame, label: str, unit_label: str, grain: str,
              order: Sequence[str] | None = None) -> go.Figure:
    """Median per outlet and period (``outlet, period, n, median``) as lines."""
    outlets = list(order or frame["outlet"].drop_duplicates())
    pal = colours(outlets)
    fig = go.Figure()
    for outlet in outlets:
        part = frame[frame["outlet"] == outlet]
        if part.empty:
            continue
        fig.add_scatter(x=part["period"], y=part["median"], mode="lines+markers", name=esc(outlet),
                        line={"color": pal[outlet], "width": 2}, marker={"size": 5},
                        customdata=part[["n"]].to_numpy(),
                        hovertemplate=f"{esc(outlet)}<br>%{{x|%d %b %Y}}: median %{{y:.2f}} "
                                      "(%{customdata[0]:,} rows)<extra></extra>")
    fig.update_layout(showlegend=True)
    fig.update_xaxes(title=f"{grain} starting")
    fig.update_yaxes(title=f"median {unit_label}")
    return _layout(fig, f"{label} per {grain}, by outlet")


def percentile_grid(frame: pd.DataFrame, labels: dict[str, str]) -> go.Figure:
    """Paragraphs (rows) by measures (columns), coloured by corpus percentile.

    ``frame``: ``key`` (paragraph number), ``measure``, ``value``, ``pct``. A cell reads
    "value · pct": how the paragraph compares with every paragraph in the corpus."""
    measures = list(dict.fromkeys(frame["measure"]))
    keys = sorted(frame["key"].unique())
    z = frame.pivot(index="key", columns="measure", values="pct").reindex(index=keys, columns=measures)
    v = frame.pivot(index="key", columns="measure", values="value").reindex(index=keys, columns=measures)
    text = [[("n/a" if pd.isna(p) else f"{val:.2f} · {p:.0f}th") for p, val in zip(zr, vr, strict=True)]
            for zr, vr in zip(z.to_numpy(), v.to_numpy(), strict=True)]
    fig = go.Figure(go.Heatmap(
        z=z.to_numpy(), x=[labels.get(m, m) for m in measures], y=[f"¶ {k}" for k in keys],
        text=text, texttemplate="%{text}", zmin=0, zmax=100, colorscale=DIVERGING, xgap=2, ygap=2,
        colorbar={"title": {"text": "corpus<br>percentile"}, "tickvals": [0, 25, 50, 75, 100]},
        hovertemplate="%{y}, %{x}: %{text}<extra></extra>"))
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(side="top", title=None)
    return _layout(fig, "", height=max(220, 80 + 34 * len(keys)))
