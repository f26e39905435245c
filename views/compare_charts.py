"""Chart builders of the Compare views: tidy frame in, plotly Figure out (no streamlit).

Colours and template come from views/theme.py: a measure's own colour marks the focus article
in that measure's panel; in the aligned arcs every other article has an outlet colour of its
own and a legend entry, in the profile its own row. Paragraphs are numbered from 1, as on every
page and in the alignment itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis.measures import HEADLINE, column
from views import theme
from views.charts import clip_name, wrap
from views.escape import html as esc

Z_NOTABLE = 1.96  # |z| beyond which a single term's difference would be significant at 5 %

def _style(fig: go.Figure, height: int, legend: bool = False, top: int | None = None,
           title: int = 0) -> go.Figure:
    """The theme, and the legend in a row of its own at the top: below the toolbar's band and
    the figure's title (``title`` px high), above the panels' titles."""
    top = top or (120 if legend else 70)
    fig.update_layout(template=theme.TEMPLATE, height=height, font={"size": 13}, showlegend=legend,
                      margin={"l": 10, "r": 10, "t": top, "b": 40},
                      legend={"orientation": "h", "x": 0, "xanchor": "left", "yref": "container",
                              "y": 1 - (theme.TOOLBAR + title + 4) / height, "yanchor": "top"})
    fig.update_xaxes(zeroline=False)
    fig.update_yaxes(zeroline=False)
    return fig


def _key(fig: go.Figure, name: str, **style: Any) -> None:
    """A legend entry that explains an encoding (no data of its own)."""
    fig.add_trace(go.Scatter(x=[None], y=[None], name=name, hoverinfo="skip", **style))


def _title(measure: str) -> str:
    c = column(measure)
    return f"<b>{esc(c.label)}</b><br><span style='font-size:11px;color:{theme.MUTED}'>{esc(c.direction)}</span>"


def profile(frame: pd.DataFrame, measures: Sequence[str] = HEADLINE) -> go.Figure:
    """One panel per measure: each article's level (dot) and the interquartile range of its
    paragraphs (bar); the focus in the measure's colour and bold, the others grey, focus on top."""
    measures = [m for m in measures if m in set(frame["measure"])]
    fig = make_subplots(rows=1, cols=max(len(measures), 1), shared_yaxes=True,
                        subplot_titles=[_title(m) for m in measures], horizontal_spacing=0.03)
    order = frame.drop_duplicates("article").sort_values("focus", kind="stable")
    names = order["article"].tolist()
    ticks = [f"<b>{esc(a)}</b>" if f else esc(a) for a, f in zip(order["article"], order["focus"], strict=True)]
    width = max(12, 60 // max(len(measures), 1))
    for i, m in enumerate(measures, start=1):
        part = frame[frame["measure"] == m].set_index("article").reindex(names).reset_index()
        col = column(m)
        digits = ".0f" if col.is_count else f".{col.digits}f"
        fig.add_trace(go.Scatter(
            x=part["level"], y=ticks, mode="markers", showlegend=False,
            marker={"color": [theme.colour(m) if f else theme.GREY for f in part["focus"]],
                    "size": [12 if f else 8 for f in part["focus"]], "line": {"color": theme.PAPER, "width": 1}},
            error_x={"type": "data", "symmetric": False, "array": part["q3"] - part["level"],
                     "arrayminus": part["level"] - part["q1"], "color": theme.LIGHT, "thickness": 2, "width": 0},
            customdata=part[["q1", "median", "q3", "paragraphs"]].to_numpy(),
            hovertemplate=(f"%{{y}}<br>level %{{x:{digits}}} {esc(col.unit)}<br>paragraphs: median "
                           f"%{{customdata[1]:{digits}}}, middle half %{{customdata[0]:{digits}}} to "
                           f"%{{customdata[2]:{digits}}} (%{{customdata[3]}} scored)<extra></extra>"),
        ), row=1, col=i)
        fig.update_xaxes(title_text=wrap(col.unit, width), title_font={"size": 11, "color": theme.MUTED},
                         row=1, col=i)
    _key(fig, "focus article (the measure's colour)", mode="markers", marker={"color": theme.INK, "size": 12})
    _key(fig, "other articles", mode="markers", marker={"color": theme.GREY, "size": 8})
    _key(fig, "middle half of the article's paragraphs", mode="lines", line={"color": theme.LIGHT, "width": 3})
    for ann in fig.layout.annotations:
        ann.update(font={"size": 13})
    fig.update_yaxes(tickfont={"size": 11}, automargin=True)
    return _style(fig, max(280, 22 * len(names) + 170), legend=True)


def arcs(frame: pd.DataFrame, measures: Sequence[str] = HEADLINE, focus: str | None = None) -> go.Figure:
    """Small multiples, one per measure: every article's paragraph values against their
    relative position (0..100 % of the article's words). The focus thick in the measure's
    colour, drawn last; every other article a thin line of its own outlet colour (Paul Tol's
    muted set, then the same colours dashed, dotted ...), each named once in the legend, where a
    click hides or shows it in every panel."""
    measures = [m for m in measures if m in set(frame["measure"])]
    cols = min(2, max(len(measures), 1))
    rows = -(-len(measures) // cols) if measures else 1
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=[_title(m) for m in measures],
                        vertical_spacing=0.16, horizontal_spacing=0.08)
    articles = frame.drop_duplicates("article")
    focus = focus or next(iter(articles.loc[articles["focus"], "article"]), None)
    others = [str(a) for a in articles["article"] if a != focus]
    for i, m in enumerate(measures):
        r, c = i // cols + 1, i % cols + 1
        col = column(m)
        digits = ".0f" if col.is_count else f".{col.digits}f"
        part = frame[frame["measure"] == m].sort_values("position", kind="stable")
        for k, name in enumerate(others + ([focus] if focus is not None else [])):
            g = part[part["article"] == name]
            mine = name == focus
            line = ({"color": theme.colour(m), "width": 3.5} if mine else
                    {"color": outlet_colour(k), "width": 1.8, "dash": DASHES[k // len(theme.OUTLET_COLOURS) % 4]})
            fig.add_trace(go.Scatter(
                x=g["position"], y=g["value"], mode="lines+markers" if mine else "lines", name=esc(clip_name(name, 40)),
                legendgroup=name, showlegend=i == 0 and not mine, line=line, marker={"size": 7},
                customdata=g[["paragraph", "words"]].to_numpy(),
                hovertemplate=(f"{esc(name)}{' (focus)' if mine else ''}<br>¶ %{{customdata[0]}} "
                               f"(%{{customdata[1]}} words)<br>at %{{x:.0f}} %: %{{y:{digits}}}<extra></extra>"),
            ), row=r, col=c)
        fig.layout[f"yaxis{i + 1 if i else ''}"].title = {"text": wrap(col.unit, 28),
                                                           "font": {"size": 11, "color": theme.MUTED}}
    if focus is not None:  # one entry for the focus, whose colour is each panel's measure's
        _key(fig, f"{esc(clip_name(focus, 40))} (focus, in the measure's colour)", mode="lines+markers",
             line={"color": theme.INK, "width": 3.5}, legendrank=1, legendgroup=focus)
    fig.update_xaxes(range=[0, 100], ticksuffix=" %")
    fig.update_xaxes(title_text="position in the article (share of its words)", row=rows)
    for ann in fig.layout.annotations:
        ann.update(font={"size": 13})
    shown = [f"{clip_name(focus or '', 40)} (focus, in the measure's colour)", *(clip_name(a, 40) for a in others)]
    extra = 24 * (legend_rows(shown) - 1)
    return _style(fig, 300 * rows + 90 + extra, legend=True, top=120 + extra)


DASHES = ("solid", "dash", "dot", "dashdot")


def outlet_colour(k: int) -> str:
    """The ``k``-th other article's colour (Paul Tol's muted set, views.theme.OUTLET_COLOURS)."""
    return theme.OUTLET_COLOURS[k % len(theme.OUTLET_COLOURS)]


def legend_rows(names: Sequence[str], width: int = 1000) -> int:
    """About how many rows a horizontal legend of these entries takes in ``width`` px: about
    7.5 px a character at 13 px, and 50 px for an entry's line and the gap after it."""
    rows, used = 1, 0.0
    for n in names:
        w = 7.5 * len(n) + 50
        if used and used + w > width:
            rows, used = rows + 1, 0.0
        used += w
    return rows


def words(frame: pd.DataFrame, comparison: str, top: int = 15, label: str | None = None) -> go.Figure:
    """Horizontal bars of z for one comparison: terms of the article to the right (ink),
    terms of the rest to the left (grey); dashed lines at |z| = 1.96, labelled. ``label``
    names the article side (default: the article column of the frame)."""
    part = frame[frame["comparison"] == comparison]
    mine = part[part["side"] == "article"].nlargest(top, "z")
    rest = part[part["side"] == "rest"].nsmallest(top, "z")
    names = part["article"].unique()
    side = esc(clip_name(label or (names[0] if len(names) else comparison.removesuffix(" vs rest")), 40))
    fig = go.Figure()
    for which, shown, hue in (("article", mine, theme.INK), ("rest", rest, theme.GREY)):
        shown = shown.sort_values("z")
        fig.add_trace(go.Bar(
            x=shown["z"], y=shown["term"].map(esc), orientation="h", marker={"color": hue},
            name=f"characteristic of {side}" if which == "article" else "characteristic of the rest",
            legendrank=1 if which == "article" else 2,
            customdata=shown[["count", "count_rest", "delta"]].to_numpy(),
            hovertemplate=("<b>%{y}</b><br>z = %{x:.2f}<br>%{customdata[0]} times here, "
                           "%{customdata[1]} in the rest<br>log-odds ratio %{customdata[2]:.2f}<extra></extra>"),
        ))
    order = pd.concat([rest, mine]).sort_values("z")["term"].map(esc).tolist()
    for x in (-Z_NOTABLE, Z_NOTABLE):
        fig.add_vline(x=x, line={"color": theme.MUTED, "dash": "dash", "width": 1})
    fig.add_annotation(x=Z_NOTABLE, xref="x", y=1, yref="paper", yanchor="bottom", showarrow=False,
                       text=f"|z| = {Z_NOTABLE}", font={"size": 11, "color": theme.MUTED})
    fig.update_layout(title={"text": f"<b>{side}</b> against the rest<br>z-scores of weighted log-odds "
                                     "(Monroe et al. 2008)", "font": {"size": 14}}, barmode="overlay")
    fig.update_xaxes(title_text=f"z (right: more characteristic of {side}; left: of the rest)")
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=order, tickfont={"size": 12},
                     automargin=True)
    return _style(fig, max(360, 22 * len(order) + 210), legend=True, top=160, title=48)


def coverage(alignment: pd.DataFrame, cover: pd.DataFrame, threshold: float) -> go.Figure:
    """Matrix of focus paragraphs (rows) x other articles (columns): cell shade = similarity
    of the best paragraph there, in greys below the threshold and in blues at or above it; a
    matched cell shows that paragraph's number ("¶ 3"), a cell at or above the threshold whose
    best paragraph does not count (it shares only names, or carries another focus paragraph
    better) shows it in brackets ("(¶ 3)"), the rest are blank. Row labels say "carried by N of
    M" or "found nowhere else"."""
    table = alignment.pivot(index="focus_paragraph", columns="article", values="similarity")
    articles = list(dict.fromkeys(alignment["article"]))
    table = table.reindex(columns=articles)
    matched = alignment.pivot(index="focus_paragraph", columns="article", values="paragraph")
    matched = matched.reindex(index=table.index, columns=articles)
    best = alignment.pivot(index="focus_paragraph", columns="article", values="best_paragraph")
    best = best.reindex(index=table.index, columns=articles)
    text = [[f"¶ {int(m)}" if not pd.isna(m) else f"(¶ {int(b)})" if not pd.isna(b) and s >= threshold else ""
             for m, b, s in zip(mr, br, sr, strict=True)]
            for mr, br, sr in zip(matched.to_numpy(), best.to_numpy(), table.to_numpy(dtype=float), strict=True)]
    status = cover.set_index("focus_paragraph")["status"]
    ylabels = [f"<b>¶ {fp} · {esc(status.get(fp, ''))}</b>" if status.get(fp) == "found nowhere else"
               else f"¶ {fp} · {esc(status.get(fp, ''))}" for fp in table.index]
    top = max(0.6, threshold * 2)
    cut = threshold / top
    fig = go.Figure(go.Heatmap(
        z=table.to_numpy(dtype=float), x=[esc(a) for a in articles], y=ylabels, text=text, texttemplate="%{text}",
        textfont={"size": 13, "color": theme.INK}, zmin=0, zmax=top,
        colorscale=[[0, theme.BELOW[0]], [cut - 1e-6, theme.BELOW[1]], [cut, theme.ABOVE[0]], [1, theme.ABOVE[1]]],
        colorbar={"title": {"text": "similarity"}, "thickness": 12,
                  "tickvals": [0, threshold, top], "ticktext": ["0", f"threshold {threshold:.2f}", f"{top:.1f}+"]},
        xgap=2, ygap=2,
        hovertemplate="focus %{y}<br>%{x}<br>similarity %{z:.2f}<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed", type="category", automargin=True)
    fig.update_xaxes(type="category", side="top", tickangle=-30 if len(articles) > 4 else 0, automargin=True)
    fig.update_layout(title={"text": f"Best paragraph in each outlet: blue at or above the threshold ({threshold:.2f})"
                                     "<br>¶ n = matched; (¶ n) = the best paragraph there, not counted "
                                     "(hover or see the table for why)", "font": {"size": 14}})
    return _style(fig, max(360, 34 * len(table) + 200), top=130)


def all_figures(result: Any) -> dict[str, go.Figure]:
    """The four views' figures for a comparison (an ``analysis.compare.Comparison``), with the
    default choices of the page, paragraphs numbered from 1."""
    return {
        "profile": profile(result.profile),
        "arcs": arcs(result.arcs),
        "words": words(result.words, "focus vs rest"),
        "coverage": coverage(result.alignment, result.coverage, result.meta["threshold"]),
    }
