"""Chart builders of the Compare page: tidy frame in, plotly Figure out (no streamlit).

Colours come from ui/theme.py (Okabe & Ito 2008): a measure's own colour marks the focus article in that measure's panel,
every other article is grey, so the focus stands out without a legend of fifty entries.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis.measures import HEADLINE, column
from ui.theme import FONT, GREY, GRID, INK, colour

LIGHT = "#C8C8C8"  # the other articles, behind the focus


def esc(text: object) -> str:
    """Article names and terms are user text: escaped before plotly renders its HTML subset."""
    return html.escape(str(text))



def _style(fig: go.Figure, height: int) -> go.Figure:
    fig.update_layout(template="plotly_white", height=height, font={"family": FONT, "color": INK, "size": 13},
                      margin={"l": 10, "r": 10, "t": 60, "b": 40}, showlegend=False,
                      hoverlabel={"font": {"family": FONT}})
    fig.update_xaxes(gridcolor=GRID, zeroline=False)
    fig.update_yaxes(gridcolor=GRID, zeroline=False)
    return fig


def _title(measure: str) -> str:
    c = column(measure)
    return f"<b>{c.label}</b><br><span style='font-size:11px;color:{GREY}'>{c.direction}</span>"


def profile(frame: pd.DataFrame, measures: Sequence[str] = HEADLINE) -> go.Figure:
    """One panel per measure: each article's level (dot) and the interquartile range of its
    paragraphs (bar); the focus in the measure's colour, the others grey, focus on top."""
    measures = [m for m in measures if m in set(frame["measure"])]
    fig = make_subplots(rows=1, cols=max(len(measures), 1), shared_yaxes=True,
                        subplot_titles=[_title(m) for m in measures], horizontal_spacing=0.03)
    order = frame.drop_duplicates("article").sort_values("focus", kind="stable")["article"].tolist()
    for i, m in enumerate(measures, start=1):
        part = frame[frame["measure"] == m].set_index("article").reindex(order).reset_index()
        colours = [colour(m) if f else GREY for f in part["focus"]]
        fig.add_trace(go.Scatter(
            x=part["level"], y=part["article"].map(esc), mode="markers",
            marker={"color": colours, "size": [12 if f else 8 for f in part["focus"]],
                    "line": {"color": "white", "width": 1}},
            error_x={"type": "data", "symmetric": False, "array": part["q3"] - part["level"],
                     "arrayminus": part["level"] - part["q1"], "color": LIGHT, "thickness": 2, "width": 0},
            customdata=part[["q1", "median", "q3", "paragraphs"]].to_numpy(),
            hovertemplate=("%{y}<br>level %{x:.3g}<br>paragraphs: median %{customdata[1]:.3g}, "
                           "IQR %{customdata[0]:.3g} to %{customdata[2]:.3g} "
                           "(%{customdata[3]} scored)<extra></extra>"),
        ), row=1, col=i)
        fig.update_xaxes(title_text=column(m).unit, title_font={"size": 11, "color": GREY}, row=1, col=i)
    for ann in fig.layout.annotations:
        ann.update(font={"size": 13})
    fig.update_yaxes(tickfont={"size": 11}, automargin=True)
    return _style(fig, max(260, 22 * len(order) + 120))


def arcs(frame: pd.DataFrame, measures: Sequence[str] = HEADLINE, focus: str | None = None) -> go.Figure:
    """Small multiples, one per measure: every article's paragraph values against their
    relative position (0..100 % of the article's words). Other articles thin and grey, the
    focus thick in the measure's colour, drawn last."""
    measures = [m for m in measures if m in set(frame["measure"])]
    cols = min(2, max(len(measures), 1))
    rows = -(-len(measures) // cols) if measures else 1
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=[_title(m) for m in measures],
                        vertical_spacing=0.16, horizontal_spacing=0.08)
    for i, m in enumerate(measures):
        r, c = i // cols + 1, i % cols + 1
        part = frame[frame["measure"] == m].sort_values(["focus", "article", "position"], kind="stable")
        # all other articles in one trace, a gap row between articles: two traces per panel,
        # not one per article, keeps fifty articles fast to build and to draw
        for is_focus, g in part.groupby("focus", sort=True):
            g = _with_gaps(g)
            fig.add_trace(go.Scatter(
                x=g["position"], y=g["value"], mode="lines+markers" if is_focus else "lines",
                connectgaps=False,
                line={"color": colour(m) if is_focus else LIGHT, "width": 3.5 if is_focus else 1.2},
                marker={"size": 7}, opacity=1.0 if is_focus else 0.8,
                customdata=g[["label", "paragraph", "words"]].to_numpy(),
                hovertemplate=("%{customdata[0]}<br>paragraph %{customdata[1]} (%{customdata[2]} words)"
                               "<br>at %{x:.0f} %: %{y:.3g}<extra></extra>"),
            ), row=r, col=c)
        fig.layout[f"yaxis{i + 1 if i else ''}"].title = {"text": column(m).unit,
                                                           "font": {"size": 11, "color": GREY}}
    fig.update_xaxes(range=[0, 100], ticksuffix=" %")
    fig.update_xaxes(title_text="position in the article (share of its words)", row=rows)
    for ann in fig.layout.annotations:
        ann.update(font={"size": 13})
    return _style(fig, 300 * rows + 60)


def _with_gaps(g: pd.DataFrame) -> pd.DataFrame:
    """The rows of several articles (sorted by article) with an empty row after each, so one
    line trace draws them as separate lines; ``label`` is the escaped article name."""
    cols = ["position", "value", "paragraph", "words"]
    labels = g["article"].map(esc).to_numpy(dtype=object)
    ends = np.flatnonzero(np.r_[g["article"].to_numpy()[1:] != g["article"].to_numpy()[:-1], True]) + 1
    out = {c: np.insert(g[c].to_numpy(dtype=float), ends, np.nan) for c in cols}
    out["label"] = np.insert(labels, ends, "")
    return pd.DataFrame(out)


def words(frame: pd.DataFrame, comparison: str, top: int = 15, label: str | None = None) -> go.Figure:
    """Horizontal bars of z for one comparison: terms of the article to the right (dark),
    terms of the rest to the left (grey); |z| > 1.96 marked by dashed lines. ``label``
    names the article side in the title (default: the article column of the frame)."""
    part = frame[frame["comparison"] == comparison]
    mine = part[part["side"] == "article"].nlargest(top, "z")
    rest = part[part["side"] == "rest"].nsmallest(top, "z")
    shown = pd.concat([rest, mine]).sort_values("z")
    fig = go.Figure(go.Bar(
        x=shown["z"], y=shown["term"].map(esc), orientation="h",
        marker={"color": [INK if s == "article" else GREY for s in shown["side"]]},
        customdata=shown[["count", "count_rest", "delta"]].to_numpy(),
        hovertemplate=("<b>%{y}</b><br>z = %{x:.2f}<br>%{customdata[0]} times here, "
                       "%{customdata[1]} in the rest<br>log-odds ratio %{customdata[2]:.2f}<extra></extra>"),
    ))
    for x in (-1.96, 1.96):
        fig.add_vline(x=x, line={"color": LIGHT, "dash": "dash", "width": 1})
    names = part["article"].unique()
    side = esc(label or (names[0] if len(names) else comparison.removesuffix(" vs rest")))
    fig.update_layout(title={"text": f"<b>{side}</b> (right) against the rest (left): z-scores of "
                                     "weighted log-odds (Monroe et al. 2008)", "font": {"size": 14}})
    fig.update_xaxes(title_text="z (right: more characteristic of " + side + "; left: of the rest)")
    fig.update_yaxes(type="category", tickfont={"size": 12}, automargin=True)
    return _style(fig, max(300, 22 * len(shown) + 120))


def coverage(alignment: pd.DataFrame, cover: pd.DataFrame, threshold: float) -> go.Figure:
    """Matrix of focus paragraphs (rows) x other articles (columns): cell shade = similarity
    of the best paragraph there; a matched cell shows that paragraph's number (from 1), an
    unmatched one is left blank. Row labels say "carried by N of M" or "found nowhere else"."""
    table = alignment.pivot(index="focus_paragraph", columns="article", values="similarity")
    articles = list(dict.fromkeys(alignment["article"]))
    table = table.reindex(columns=articles)
    matched = alignment.pivot(index="focus_paragraph", columns="article", values="paragraph")
    matched = matched.reindex(index=table.index, columns=articles)
    text = [["" if pd.isna(v) else f"¶{int(v)}" for v in row] for row in matched.to_numpy()]
    status = cover.set_index("focus_paragraph")["status"]
    ylabels = [f"<b>¶{fp} · {status.get(fp, '')}</b>" if status.get(fp) == "found nowhere else"
               else f"¶{fp} · {status.get(fp, '')}" for fp in table.index]
    top = max(0.6, threshold * 2)
    fig = go.Figure(go.Heatmap(
        z=table.to_numpy(dtype=float), x=[esc(a) for a in articles], y=ylabels, text=text, texttemplate="%{text}",
        textfont={"size": 13, "color": INK}, zmin=0, zmax=top,
        colorscale=[[0, "#FFFFFF"], [threshold / top, "#D9EEF9"], [1, "#56B4E9"]],
        colorbar={"title": {"text": "similarity"}, "thickness": 12,
                  "tickvals": [0, threshold, top], "ticktext": ["0", f"threshold {threshold:.2f}", f"{top:.1f}+"]},
        xgap=2, ygap=2,
        hovertemplate="focus %{y}<br>%{x}<br>similarity %{z:.2f}<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed", type="category", automargin=True)
    fig.update_xaxes(type="category", side="top", tickangle=-30 if len(articles) > 4 else 0, automargin=True)
    fig.update_layout(title={"text": f"Best paragraph in each outlet; ¶n = matched (similarity ≥ "
                                     f"{threshold:.2f}, more than names shared)", "font": {"size": 14}, "y": 0.99})
    return _style(fig, max(320, 34 * len(table) + 160))


def all_figures(result) -> dict[str, go.Figure]:  # noqa: ANN001 - an analysis.compare.Comparison
    """The four views' figures for a comparison, with the default choices of the page."""
    focus_cmp = "focus vs rest"
    return {
        "profile": profile(result.profile),
        "arcs": arcs(result.arcs),
        "words": words(result.words, focus_cmp),
        "coverage": coverage(result.alignment, result.coverage, result.meta["threshold"]),
    }
