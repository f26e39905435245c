"""Charts of the sourcing measure: tidy frame in, plotly Figure out (no streamlit here).

Colours from views/theme.py: the sourcing measure's reddish purple (Okabe & Ito 2008) marks
anonymous attribution at full strength and named attribution in a light tint of it, so the two
read apart by lightness alone, without hue discrimination; quoted words are ink.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from views import theme
from views.escape import html as esc
from views.theme import ANONYMOUS, NAMED

QUOTED = theme.INK


def attribution_along(paragraphs: pd.DataFrame, title: str = "Who speaks, paragraph by paragraph") -> go.Figure:
    """Named and anonymous source mentions per paragraph (stacked bars, left axis) and the
    share of each paragraph's words inside quotations (dots, right axis, 0–100%).

    ``paragraphs``: the pipeline's paragraph frame (``paragraph``, ``text``, ``words``,
    ``named_sources``, ``anonymous_sources``, ``quoted_share``)."""
    p = paragraphs
    x = [f"¶ {i}" for i in p["paragraph"]]
    snippet = [esc(t[:90] + ("…" if len(t) > 90 else "")) for t in p["text"]]
    fig = go.Figure()
    for col, name, colour in (("named_sources", "Named (person or organisation)", NAMED),
                              ("anonymous_sources", "Anonymous or vague", ANONYMOUS)):
        fig.add_bar(x=x, y=p[col], name=name, marker=dict(color=colour, line=dict(color=ANONYMOUS, width=1)),
                    customdata=snippet,
                    hovertemplate="%{x}: %{y} " + name.split(" ")[0].lower() + " source mention(s)"
                                  "<br>%{customdata}<extra></extra>")
    share = (p["quoted_share"] * 100).round(0).where(p["quoted_share"] > 0)  # no dot where none is quoted
    fig.add_scatter(x=x, y=share, name="Quoted words (% of paragraph)", mode="markers", yaxis="y2",
                    marker=dict(color=QUOTED, size=9, symbol="diamond"),
                    hovertemplate="%{x}: %{y:.0f}% of words inside quotations<extra></extra>")
    top = max(1.0, float((p["named_sources"] + p["anonymous_sources"]).max() if len(p) else 1))
    fig.update_layout(
        title=dict(text=esc(title)),
        barmode="stack", bargap=0.35, height=460, margin=dict(l=60, r=70, t=135, b=50),
        template=theme.TEMPLATE,
        legend=dict(orientation="h", x=0, y=1.03, xanchor="left", yanchor="bottom", traceorder="normal"),
        xaxis=dict(title="Paragraph", showgrid=False, tickangle=0,
                   categoryorder="array", categoryarray=x),
        yaxis=dict(title="Source mentions", rangemode="tozero", range=[0, top + 0.5], dtick=1 if top <= 10 else None,
                   gridcolor=theme.GRID, zeroline=True, zerolinecolor=theme.ZERO),
        yaxis2=dict(title="Quoted words (%)", overlaying="y", side="right", range=[0, 105],
                    tickvals=[0, 25, 50, 75, 100], ticktext=["0%", "25%", "50%", "75%", "100%"],
                    showgrid=False),
    )
    return fig


def kinds_bar(sources: pd.DataFrame) -> go.Figure:
    """Mentions per kind of source (person, organisation, anonymous), horizontal bars.
    ``sources``: :func:`analysis.sourcing.table.by_source`'s frame."""
    order = ["person", "organisation", "anonymous"]
    counts = sources.groupby("kind")["mentions"].sum().reindex(order, fill_value=0)
    colours = [NAMED, NAMED, ANONYMOUS]
    fig = go.Figure(go.Bar(x=counts.values, y=[k.capitalize() for k in order], orientation="h",
                           marker=dict(color=colours, line=dict(color=ANONYMOUS, width=1)),
                           text=counts.values, textposition="outside",
                           hovertemplate="%{y}: %{x} mention(s)<extra></extra>"))
    fig.update_layout(title=dict(text="Sources by kind", font=dict(size=16)),
                      height=260, margin=dict(l=105, r=20, t=105, b=30), template=theme.TEMPLATE,
                      xaxis=dict(showgrid=True, gridcolor=theme.GRID, range=[0, max(1, counts.max()) * 1.2],
                                 dtick=1 if counts.max() <= 10 else None),
                      yaxis=dict(autorange="reversed"))
    return fig
