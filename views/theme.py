"""One look for every chart, page and report: every colour, the plotly template, the chart config.

Every colour the project draws with is named here and nowhere else. The measure palette is
Okabe & Ito's (2008) set of eight colours chosen to stay distinct for readers with the common
colour-vision deficiencies. Each measure owns one colour on every page, in every chart, in the
highlighted text and in exports; nothing else uses those colours for anything else. Outlets
(which are not measures) take Paul Tol's colour-blind-safe "muted" set. No streamlit import
here: the exporters render the same figures via kaleido.
"""

from __future__ import annotations

import re

import plotly.graph_objects as go

from analysis.measures import REGISTRY

# Okabe-Ito, keyed by measure name (analysis.measures.REGISTRY).
MEASURE_COLOURS: dict[str, str] = {
    "sentiment": "#0072B2",  # blue
    "hedging": "#E69F00",  # orange
    "alarm": "#D55E00",  # vermillion
    "readability": "#009E73",  # bluish green
    "sources": "#CC79A7",  # reddish purple, reserved for the sourcing measure
}
SPARE_COLOURS = ("#56B4E9", "#F0E442", "#000000")  # sky blue, yellow, black: for measures to come
GREY = "#8C8C8C"  # paragraphs too short to score, missing values
INK = "#222222"  # text, and the marks that must read first (the focus's words, the placed article)
MUTED = "#5F5F5F"  # secondary text: units, captions, notes
SOFT = "#777777"  # paragraph numbers beside the text
GRID = "#E6E6E6"  # grid lines, rules between rows
ZERO = "#BBBBBB"  # a reference line at 0, or at a threshold
LIGHT = "#C8C8C8"  # the other articles, drawn behind the focus
SHADE = "#DDDDDD"  # bands behind paragraphs too short to score
MISSING = "#EFEFEF"  # background behind heatmap cells, seen where a value is missing
PAPER = "#FFFFFF"
STRUCK = "#F2F2F2"  # background of a match that did not count (weight 0)
# The sourcing measure's two kinds of attribution: anonymous at full strength, named a light
# tint of the same colour, so the two read apart by lightness alone.
ANONYMOUS = MEASURE_COLOURS["sources"]
NAMED = "#EBC4DA"
# Outlets in corpus charts: Paul Tol's "muted" set (colour-blind safe, apart from the measures').
OUTLET_COLOURS = ("#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255",
                  "#AA4499")
# Claim coverage: similarity under the threshold in greys (not carried), at and above it in sky blue.
BELOW = ("#FFFFFF", "#E3E3E3")
ABOVE = ("#A9D7F2", "#2B8CC4")
TOOLBAR = 34  # px kept free above a chart's title for plotly's toolbar
# Streamlit's own web font first, then what Debian's Chromium (and kaleido) has locally.
FONT = '"Source Sans", "Source Sans Pro", "Liberation Sans", "DejaVu Sans", Arial, sans-serif'

# A diverging scale for the heatmap, blue (below the article's mean) to vermillion (above),
# both ends from the palette so it reads the same without red-green discrimination.
DIVERGING = [[0.0, "#0072B2"], [0.5, "#F7F7F7"], [1.0, "#D55E00"]]


def measure_of(column: str) -> str:
    """The registered measure that reports ``column`` ("reading_ease" -> "readability")."""
    for m in REGISTRY:
        if column in m.column_names or column == m.name:
            return m.name
    return column


def tint(hex_colour: str, alpha: float) -> str:
    """``hex_colour`` as a CSS rgba() at opacity ``alpha`` (highlight backgrounds)."""
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def colour(name: str) -> str:
    """The colour of a measure or of any of its columns; a spare colour for an unknown one."""
    key = measure_of(name)
    if key in MEASURE_COLOURS:
        return MEASURE_COLOURS[key]
    unknown = sorted(m.name for m in REGISTRY if m.name not in MEASURE_COLOURS)
    i = unknown.index(key) if key in unknown else 0
    return SPARE_COLOURS[i % len(SPARE_COLOURS)]


TEMPLATE = go.layout.Template(
    layout=go.Layout(
        font=dict(family=FONT, size=14, color=INK),
        # The title starts below the band where plotly's toolbar appears on hover (top right,
        # about 30 px high), so the toolbar never covers it.
        title=dict(font=dict(size=19, color=INK), x=0.0, xanchor="left", xref="paper",
                   y=1.0, yanchor="top", yref="container", pad=dict(t=TOOLBAR)),
        paper_bgcolor=PAPER,
        plot_bgcolor=PAPER,
        colorway=list(MEASURE_COLOURS.values()) + list(SPARE_COLOURS),
        margin=dict(l=70, r=30, t=90, b=60),
        hoverlabel=dict(bgcolor=PAPER, bordercolor=ZERO, font=dict(family=FONT, size=13, color=INK),
                        align="left"),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0.0,
                    font=dict(size=13)),
        xaxis=dict(showgrid=True, gridcolor=GRID, zeroline=False, showline=True, linecolor=GREY, ticks="outside",
                   tickcolor=GREY, title=dict(font=dict(size=13, color=MUTED)), automargin=True),
        yaxis=dict(showgrid=True, gridcolor=GRID, zeroline=False, showline=False,
                   title=dict(font=dict(size=13, color=MUTED)), automargin=True),
        coloraxis=dict(colorbar=dict(outlinewidth=0, thickness=14)),
    )
)


def slug(title: str) -> str:
    """A file-name-safe version of a title, for downloaded images."""
    s = re.sub(r"[^A-Za-z0-9]+", "-", title).strip("-").lower()
    return s[:60] or "narrative-lens"


def plotly_config(filename: str = "narrative-lens") -> dict[str, object]:
    """The config for every ``st.plotly_chart``: the camera button saves a PNG at twice screen
    resolution of the whole figure (title, legend and colour bar included); no plotly logo;
    only the buttons a reader needs (save, zoom, pan, reset)."""
    return {
        "displaylogo": False,
        "displayModeBar": "hover",
        "toImageButtonOptions": {"format": "png", "filename": slug(filename), "scale": 2,
                                 "width": None, "height": None},
        "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "zoomIn2d", "zoomOut2d",
                                   "toggleSpikelines", "hoverClosestCartesian", "hoverCompareCartesian"],
        "responsive": True,
    }
