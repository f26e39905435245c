"""Charts of the sourcing measure: tidy frame in, plotly Figure out (no streamlit here).

The kinds of source are read from the measure's declarations (``Measure.subscales`` of
``sources``: people, organisations, governments, documents, anonymous), never listed here.
Colours from views/theme.py: the sourcing measure's reddish purple (Okabe & Ito 2008) marks
anonymous attribution at full strength and the named kinds in a light tint of it, so named and
anonymous read apart by lightness alone, without hue discrimination; the named kinds are told
apart by a fill pattern (plain, hatched, crossed, dotted), and every kind is named in the legend
or on its bar. Quoted words are ink.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from analysis.measures import get
from analysis.measures.base import Subscale
from views import theme
from views.escape import html as esc
from views.theme import ANONYMOUS, NAMED

QUOTED = theme.INK
PATTERNS = ("", "/", "x", ".", "-", "|", "+")  # one per named kind, in the order they are declared


@dataclass(frozen=True)
class Kind:
    """One kind of source as the charts draw it: ``kind`` as the detector writes it ("person"),
    its column ("sources_people"), label ("People"), colour and fill pattern."""

    kind: str
    column: str
    label: str
    named: bool
    colour: str
    pattern: str


def kinds(subscales: tuple[Subscale, ...] | None = None) -> list[Kind]:
    """The kinds of source, from the ``sources`` measure's sub-scales (or ``subscales``): the
    evidence category ``speaker_<kind>`` names the kind; a sub-scale in the composite
    (``named_sources``) is named, the other anonymous."""
    subscales = get("sources").subscales if subscales is None else subscales
    out, named = [], 0
    for s in subscales:
        kind = next((c.removeprefix("speaker_") for c in s.categories if c.startswith("speaker_")), s.name)
        out.append(Kind(kind, s.name, s.label, s.composite, NAMED if s.composite else ANONYMOUS,
                        PATTERNS[named % len(PATTERNS)] if s.composite else ""))
        named += s.composite
    return out


def _marker(k: Kind) -> dict[str, object]:
    return {"color": k.colour, "line": {"color": ANONYMOUS, "width": 1},
            "pattern": {"shape": k.pattern, "fgcolor": ANONYMOUS, "size": 7, "solidity": 0.25}}


def attribution_along(paragraphs: pd.DataFrame, title: str = "Who speaks, paragraph by paragraph") -> go.Figure:
    """Source mentions per paragraph, one stacked bar per kind of source (left axis), and the
    share of each paragraph's words inside quotations (dots, right axis, 0–100%).

    ``paragraphs``: the pipeline's paragraph frame (``paragraph``, ``text``, the kinds' columns,
    ``quoted_share``)."""
    p = paragraphs
    x = [f"¶ {i}" for i in p["paragraph"]]
    snippet = [esc(t[:90] + ("…" if len(t) > 90 else "")) for t in p["text"]]
    fig = go.Figure()
    drawn = [k for k in kinds() if k.column in p]
    for k in drawn:
        fig.add_bar(x=x, y=p[k.column], name=f"{k.label} ({'named' if k.named else 'unnamed'})", marker=_marker(k),
                    customdata=snippet,
                    hovertemplate=f"%{{x}}: %{{y}} mention(s) of {esc(k.label.lower())}<br>%{{customdata}}"
                                  "<extra></extra>")
    share = (p["quoted_share"] * 100).round(0).where(p["quoted_share"] > 0)  # no dot where none is quoted
    fig.add_scatter(x=x, y=share, name="Quoted words (% of paragraph)", mode="markers", yaxis="y2",
                    marker=dict(color=QUOTED, size=9, symbol="diamond"),
                    hovertemplate="%{x}: %{y:.0f}% of words inside quotations<extra></extra>")
    total = p[[k.column for k in drawn]].sum(axis=1) if drawn and len(p) else pd.Series([0])
    top = max(1.0, float(total.max()))
    fig.update_layout(
        title=dict(text=esc(title)),
        barmode="stack", bargap=0.35, height=480, margin=dict(l=60, r=70, t=150, b=50),
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


def kinds_bar(sources: pd.DataFrame, subscales: tuple[Subscale, ...] | None = None) -> go.Figure:
    """Mentions per kind of source, horizontal bars in the order the measure declares its kinds
    (every kind shown, 0 included), each named on its axis and counted on its bar.
    ``sources``: :func:`analysis.sourcing.table.by_source`'s frame (``kind``, ``mentions``)."""
    declared = kinds(subscales)
    counts = sources.groupby("kind")["mentions"].sum().reindex([k.kind for k in declared], fill_value=0)
    fig = go.Figure()
    for k, n in zip(declared, counts.to_numpy(), strict=True):
        fig.add_bar(x=[n], y=[k.label], orientation="h", marker=_marker(k), text=[int(n)], textposition="outside",
                    name=k.label, showlegend=False, hovertemplate=f"{esc(k.label)}: %{{x}} mention(s)<extra></extra>")
    top = int(counts.max()) if len(counts) else 0
    fig.update_layout(title=dict(text="Sources by kind", font=dict(size=16)), bargap=0.3,
                      height=120 + 34 * len(declared), margin=dict(l=115, r=20, t=95, b=30), template=theme.TEMPLATE,
                      xaxis=dict(title="mentions", showgrid=True, gridcolor=theme.GRID, range=[0, max(1, top) * 1.2],
                                 dtick=1 if top <= 10 else None),
                      yaxis=dict(autorange="reversed", categoryorder="array",
                                 categoryarray=[k.label for k in declared]))
    return fig
