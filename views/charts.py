"""Chart builders: a tidy frame in, a plotly Figure out. No streamlit import.

Pages render these with ``st.plotly_chart(fig, theme=None, config=theme.plotly_config())``;
the exporters render the very same figures to PNG/SVG with kaleido. The builders are pure
and deterministic: the same frame gives the same figure. Every string that comes from the
user (article title, paragraph text) is HTML-escaped before plotly sees it, because
plotly renders a subset of HTML in titles and hover labels.

Paragraph numbers are the ``paragraph`` column of ``Analysis.paragraphs`` (1 = first), shown
as "¶ n" here and on the Read page, so a chart, the highlighted text and an exported CSV
name a paragraph the same way.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis.measures import HEADLINE, Column, Measure, Subscale, column
from analysis.measures.readability import MIN_WORDS
from views import theme
from views.escape import html as esc

PARAGRAPH_AXIS = "paragraph ¶"
Z_CLIP = 2.5  # the heatmap's colour scale spans ±2.5 standard deviations


def clip_name(name: str, limit: int = 48) -> str:
    """A name cut to ``limit`` characters (with "…") for a chart title, which plotly never
    wraps: a long article title would run off the figure's right edge."""
    name = " ".join(str(name).split())
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def first_words(text: str, n: int = 12) -> str:
    """The paragraph's first ``n`` words, escaped for plotly's HTML-ish labels."""
    words = str(text).split()
    head = " ".join(words[:n]) + (" …" if len(words) > n else "")
    return esc(head)


def signed(value: float) -> str:
    """A z-score for a label: two decimals with its sign, "n/a" for NaN."""
    return "n/a" if value is None or not math.isfinite(value) else f"{value:+.2f}"


def hover_number(col: Column) -> str:
    """The d3 format of a column's values in a hover label, as its declaration says."""
    return ".0f" if col.is_count else f".{col.digits}f"


def wrap(text: str, width: int = 22) -> str:
    """``text`` (escaped) broken into lines of about ``width`` characters for a narrow axis
    title: "weighted alarm words per 100 words" -> "weighted alarm words<br>per 100 words"."""
    lines: list[str] = []
    for word in str(text).split():
        if lines and len(lines[-1]) + len(word) < width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(esc(line) for line in lines)


Info = Callable[[str], Column]  # a column's declaration by name (``Analysis.column_info``)


def chartable(measures: Sequence[Measure]) -> list[Column]:
    """The columns that can be drawn over the paragraphs, in the order a picker lists them: the
    four headline measures, then measure by measure its sub-scales and its other columns (a
    researcher's dictionary: its categories). Text notes and the counts a formula is computed
    on (a count without a direction) are left out."""
    cols = {c.name: c for m in measures for c in m.columns if c.unit != "text" and not (c.is_count and not c.direction)}
    subs = [s.name for m in measures for s in m.subscales]
    order = [n for n in HEADLINE if n in cols] + [n for n in subs if n in cols] + list(cols)
    return [cols[n] for n in dict.fromkeys(order)]


def subscale(measures: Sequence[Measure], name: str) -> tuple[Measure, Subscale] | None:
    """The measure and sub-scale that report the column ``name``, or None."""
    for m in measures:
        for s in m.subscales:
            if s.name == name:
                return m, s
    return None


def low_confidence(paragraphs: pd.DataFrame, measures: Sequence[str] = HEADLINE) -> pd.Series:
    """True for paragraphs under MIN_WORDS words or with a headline value missing (NaN)."""
    if not len(paragraphs):
        return pd.Series([], dtype=bool)
    short = paragraphs["words"] < MIN_WORDS
    missing = paragraphs[list(measures)].isna().any(axis=1)
    return short | missing


def arc(paragraphs: pd.DataFrame, title: str, *, article: Mapping[str, float] | None = None,
        measures: Sequence[str] = HEADLINE, info: Info = column) -> go.Figure:
    """The narrative arc: each measure over paragraph position, as aligned small multiples
    sharing one x axis of paragraph number.

    ``article`` (one row of ``Analysis.summary`` as a mapping) adds the article-level value
    of each measure as a dotted line. Paragraphs under MIN_WORDS words are shaded grey and
    their points drawn hollow: a rate or a formula on a handful of words is noise. A value
    that cannot be computed is marked "n/a" at the foot of its panel, never drawn as 0.
    ``info`` finds a column's declaration (``Analysis.column_info`` for a researcher's
    dictionary's categories; their labels are escaped like any text from outside).
    """
    n = len(measures)
    cols = [info(m) for m in measures]
    fig = make_subplots(rows=n, cols=1, shared_xaxes=True, vertical_spacing=min(0.07, 0.6 / max(n - 1, 1)),
                        subplot_titles=[f"<b>{esc(c.label)}</b>  ·  {esc(c.direction)}" for c in cols])
    x = paragraphs["paragraph"].to_numpy() if len(paragraphs) else np.array([], dtype=int)
    words = paragraphs["words"].to_numpy() if len(paragraphs) else np.array([], dtype=int)
    heads = [first_words(t) for t in paragraphs["text"]] if len(paragraphs) else []
    weak = low_confidence(paragraphs, measures).to_numpy()
    short = words < MIN_WORDS
    shapes: list[dict[str, object]] = []
    notes: list[dict[str, object]] = []
    for i, (name, col) in enumerate(zip(measures, cols, strict=True), start=1):
        hue = theme.colour(name)
        y = paragraphs[name].to_numpy(dtype=float) if len(paragraphs) else np.array([])
        fig.add_trace(go.Scatter(
            x=x, y=y, mode="lines+markers", name=esc(col.label), showlegend=False, connectgaps=False,
            line=dict(color=hue, width=2.5),
            marker=dict(size=9, color=[theme.PAPER if w else hue for w in weak],
                        line=dict(width=2, color=[theme.GREY if w else hue for w in weak])),
            customdata=np.column_stack([heads, words]) if len(x) else None,
            # %{x} is formatted like the axis ticks, so it already reads "¶ n".
            hovertemplate=(f"<b>%{{x}}</b> · %{{customdata[1]}} words<br>%{{customdata[0]}}<br>"
                           f"<b>{esc(col.label)}: %{{y:{hover_number(col)}}}</b> {esc(col.unit)}"
                           "<extra></extra>"),
        ), row=i, col=1)
        xr, yr = ("x", "y") if i == 1 else (f"x{i}", f"y{i}")
        if col.low is not None and col.high is not None and col.low < 0 < col.high:  # a signed scale: its 0
            shapes.append(dict(type="line", xref=f"{xr} domain", x0=0, x1=1, yref=yr, y0=0, y1=0,
                               line=dict(color=theme.ZERO, width=1), layer="below"))
        value = float(article[name]) if article is not None and name in article else math.nan
        if math.isfinite(value):
            shapes.append(dict(type="line", xref=f"{xr} domain", x0=0, x1=1, yref=yr, y0=value, y1=value,
                               line=dict(color=hue, width=1.5, dash="dot")))
            notes.append(dict(xref=f"{xr} domain", x=1, xanchor="right", yref=yr, y=value, yanchor="bottom",
                              text=f"article {col.format(value)}", showarrow=False,
                              font=dict(size=12, color=theme.MUTED)))
        notes += [dict(x=xi, y=0.02, xref=xr, yref=f"{yr} domain", text="n/a", showarrow=False,
                       font=dict(size=11, color=theme.GREY), yanchor="bottom")
                  for xi, yi in zip(x, y, strict=True) if not math.isfinite(yi)]
        fig.update_yaxes(title_text=wrap(col.unit), row=i, col=1)
    # Grey bands behind paragraphs too short to score, across every panel. Shapes and
    # annotations are added in one layout update: plotly's add_hline/add_vrect cost ~0.1 s each.
    shapes += [dict(type="rect", xref="x", x0=xi - 0.45, x1=xi + 0.45, yref="paper", y0=0, y1=1,
                    fillcolor=theme.SHADE, opacity=0.45, line_width=0, layer="below") for xi in x[short]]
    fig.update_layout(shapes=shapes, annotations=list(fig.layout.annotations) + notes)
    # Legend entries that explain the encodings (kept in the downloaded PNG).
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=f"hollow, shaded: under {MIN_WORDS} words or n/a",
                             marker=dict(size=9, color=theme.PAPER, line=dict(width=2, color=theme.GREY))))
    if article is not None:
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name="dotted: whole-article value",
                                 line=dict(color=theme.MUTED, width=1.5, dash="dot")))
    fig.update_xaxes(dtick=1 if len(x) <= 40 else None, tickprefix="¶ ")
    fig.update_xaxes(title_text=PARAGRAPH_AXIS, row=n, col=1)
    top, bottom = 140, 60  # the title (below the toolbar's band), then the legend, then the panels
    height = top + bottom + 175 * n
    fig.update_layout(template=theme.TEMPLATE, height=height,
                      title=dict(text=f"{esc(clip_name(title))} — the narrative arc, paragraph by paragraph"),
                      legend=dict(y=1 + 34 / (height - top - bottom), yanchor="bottom", yref="paper", x=0, xanchor="left",
                                  # fixed entry widths: the PNG export falls back to a wider font
                                  entrywidth=300, entrywidthmode="pixels"),
                      showlegend=True,
                      hovermode="closest", margin=dict(t=top, b=bottom))
    for ann in fig.layout.annotations:
        if ann.text and ann.text.startswith("<b>"):
            ann.update(x=0, xanchor="left", font=dict(size=14, color=theme.INK))
    return fig


def zscores(values: pd.Series) -> pd.Series:
    """Standard scores within the article: (value - mean) / SD over the paragraphs that have
    a value (population SD). NaN stays NaN; with one value or no spread every value is 0."""
    v = values.astype(float)
    ok = v.dropna()
    sd = float(ok.std(ddof=0)) if len(ok) > 1 else 0.0
    if not sd or not math.isfinite(sd):
        return v.where(v.isna(), 0.0)
    return (v - float(ok.mean())) / sd


def heatmap(paragraphs: pd.DataFrame, title: str, *, measures: Sequence[str] = HEADLINE,
            info: Info = column) -> go.Figure:
    """Paragraph x measure on one scale: each cell's colour is the paragraph's z-score for that
    measure within this article (how many SDs above or below the article's paragraph mean),
    so measures with different units can be compared at a glance. The cell text and the hover
    give the raw value in its unit. Grey cells are values that cannot be computed. ``info`` as
    for :func:`arc`."""
    cols = [info(m) for m in measures]
    x = paragraphs["paragraph"].tolist() if len(paragraphs) else []
    heads = [first_words(t, 10) for t in paragraphs["text"]] if len(paragraphs) else []
    z, text, custom = [], [], []
    for name, col in zip(measures, cols, strict=True):
        raw = paragraphs[name].astype(float) if len(paragraphs) else pd.Series([], dtype=float)
        zs = zscores(raw)
        z.append([None if not math.isfinite(v) else max(-Z_CLIP, min(Z_CLIP, v)) for v in zs])
        text.append([col.format(v) for v in raw])
        custom.append([[col.format(v), esc(col.unit), signed(s), h]
                       for v, s, h in zip(raw, zs, heads, strict=True)])
    fig = go.Figure(go.Heatmap(
        x=x, y=[esc(c.label) for c in cols], z=z, text=text, customdata=custom,
        texttemplate="%{text}" if len(x) <= 30 else None, textfont=dict(size=12), xgap=2, ygap=2,
        colorscale=theme.DIVERGING, zmid=0, zmin=-Z_CLIP, zmax=Z_CLIP,
        colorbar=dict(title=dict(text="z-score within<br>this article<br>(SD from the<br>paragraph mean)",
                                 font=dict(size=12)),
                      tickvals=[-2, -1, 0, 1, 2], ticktext=["−2", "−1", "0", "+1", "+2"]),
        hovertemplate=("<b>%{x} · %{y}</b><br>%{customdata[3]}<br>"
                       "value: <b>%{customdata[0]}</b> %{customdata[1]}<br>"
                       "z-score in article: %{customdata[2]}<extra></extra>"),
    ))
    fig.update_xaxes(title_text=PARAGRAPH_AXIS, dtick=1 if len(x) <= 40 else None, tickprefix="¶ ",
                     showline=False, ticks="")
    fig.update_yaxes(autorange="reversed", showgrid=False, ticks="")
    fig.update_layout(template=theme.TEMPLATE, height=160 + 70 * len(cols), plot_bgcolor=theme.MISSING,
                      title=dict(text=f"{esc(clip_name(title))} — paragraphs compared on one scale"),
                      margin=dict(t=80))
    return fig
