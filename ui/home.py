"""The home page's views, one function each: the headline figures with the sub-scales behind
them, the picker of what the charts show, the arc and the heatmap, and the paragraph table.

Every column is read from the analysis's own declarations (``Analysis.measures``), so the
categories of a researcher's dictionary are offered, labelled and formatted like any built-in
measure's, and the sub-scales of hedging and alarm come from ``Measure.subscales``.
"""

from __future__ import annotations

import streamlit as st

from analysis.measures import HEADLINE, REGISTRY, Measure
from analysis.pipeline import Analysis
from ui import exports, page, state, table
from views import charts
from views.escape import md

MAX_SHOWN = 10  # panels in the arc at once (each 175 px high)
DEFAULT_EXTRA = 8  # a dictionary's categories are shown at first when there are at most this many in all


def _composite_of(result: Analysis, name: str) -> Measure | None:
    """The measure whose composite (headline) column is ``name`` and that has sub-scales."""
    return next((m for m in result.measures if m.name == name and m.subscales and m.column(name) is not None), None)


def subscale_lines(result: Analysis, name: str) -> tuple[str, str]:
    """Under a headline card: the sub-scales that make the figure, and those counted apart
    (Markdown; empty strings for a measure without sub-scales)."""
    m = _composite_of(result, name)
    if m is None:
        return "", ""
    row = result.summary.iloc[0]

    def item(sub_name: str, label: str) -> str:
        short = label.split(": ", 1)[-1]
        return f"{md(short)} **{md(result.column_info(sub_name).format(row[sub_name]))}**"

    inside = [item(s.name, s.label) for s in m.subscales if s.composite and s.name in row]
    apart = [item(s.name, s.label) for s in m.subscales if not s.composite and s.name in row]
    label = result.column_info(name).label.lower()
    made = f"Made of: {' · '.join(inside)}" if inside else ""
    aside = f"**Not in the {md(label)} figure**: {' · '.join(apart)}" if apart else ""
    return made, aside


def headline_figures(result: Analysis) -> None:
    """One card per headline measure: the whole article's value, its unit and direction, and
    the sub-scales behind it (hedging, alarm)."""
    summary = result.summary.iloc[0]
    cols = [result.column_info(n) for n in HEADLINE]
    below = [c.low is None and float(summary[c.name]) < 0 for c in cols]
    subs = [subscale_lines(result, n) for n in HEADLINE]
    height = 235 + 90 * any(below) + 110 * any(made or aside for made, aside in subs)
    for cell, col, under, (made, aside) in zip(st.columns(len(HEADLINE), gap="medium"), cols, below, subs,
                                                strict=True):
        value = float(summary[col.name])
        with cell.container(border=True, height=height):  # one height for the row
            st.metric(col.label, col.format(value), help=f"{col.description} Range {col.range_text}.")
            st.caption(f"{md(col.unit)}; {md(col.direction)}")
            if made:
                st.caption(made)
            if aside:
                st.caption(aside)
            if under:  # a formula without a floor (Flesch reading ease)
                st.caption(f"Below 0: the formula has no lower bound, and very long sentences or words take "
                           f"it under 0 (range {md(col.range_text)}). Read it as very hard to read.")
            st.page_link(page.METHODS_PAGE, label="How it is measured", icon=":material/menu_book:")
    st.caption(f"Whole article: {int(summary['words']):,} words in {len(result.paragraphs)} paragraphs and "
               f"{int(summary['sentences'])} sentences. Readability is computed on the whole text, rates "
               "are pooled over all words, sentiment is the mean over all sentences.")
    if not result.headline.empty:
        row = result.headline.iloc[0]
        scores = "; ".join(f"{c.label} {c.format(row[c.name])}" for c in cols)
        st.caption(f"Headline, scored on its own (not in the figures above): “{md(row['text'])}”: {md(scores)}.")


def _option_label(result: Analysis, name: str) -> str:
    col = result.column_info(name)
    found = charts.subscale(result.measures, name)
    if found is not None and not found[1].composite:
        whole = found[0].column(found[0].name)
        return f"{col.label} (not in {whole.label if whole is not None else 'the composite'})"
    return col.label


def picker(result: Analysis) -> list[str]:
    """Which columns the arc, the heatmap and the table show: the four headline measures at
    first (and a researcher's dictionary's categories when there are few), kept while other
    pages are visited; a new set of columns (a dictionary added or removed) starts afresh."""
    options = [c.name for c in charts.chartable(result.measures)]
    builtin = {m.name for m in REGISTRY}
    extra = [c.name for m in result.measures if m.name not in builtin for c in m.columns]
    default = [*HEADLINE, *(extra if len(extra) <= DEFAULT_EXTRA else [])]
    kept = state.get(state.HOME_COLUMNS_KEPT)
    chosen = kept[1] if kept and kept[0] == tuple(options) else default
    picked = st.multiselect(
        "Shown in the charts and the table", options, default=[c for c in chosen if c in options],
        key=f"{state.HOME_COLUMNS}_{len(options)}", max_selections=MAX_SHOWN, format_func=lambda n: _option_label(result, n),
        help="The headline measures, their sub-scales (hedging: epistemic, attribution, weasel; vagueness apart. "
             "Alarm: loaded, fear, conflict; the event vocabulary apart), every other column, and the categories "
             f"of your dictionaries. At most {MAX_SHOWN} at once.")
    state.put(state.HOME_COLUMNS_KEPT, (tuple(options), list(picked)))
    if extra and len(extra) > DEFAULT_EXTRA:
        st.caption(f"Your dictionaries add {len(extra):,} columns: pick the ones to draw.")
    return list(picked) or list(HEADLINE)


def shape(result: Analysis, title: str, shown: list[str]) -> None:
    """The narrative arc and the heatmap of the ``shown`` columns, each with its PNG/SVG export."""
    short = result.paragraphs.loc[charts.low_confidence(result.paragraphs, shown), "paragraph"].tolist()
    if short:
        st.info("Hollow points (shaded when under 10 words): " + ", ".join(f"¶ {n}" for n in short)
                + ". Rates and formulas on so few words are unreliable; n/a marks values that cannot be computed.")
    what = "each headline measure" if shown == list(HEADLINE) else "each chosen measure"
    arc = charts.arc(result.paragraphs, title, article=result.summary.iloc[0].to_dict(), measures=shown,
                     info=result.column_info)
    page.plotly(arc, title, "arc")
    exports.chart(arc, result, "arc", f"The narrative arc: {what} over the paragraphs")
    heat = charts.heatmap(result.paragraphs, title, measures=shown, info=result.column_info)
    page.plotly(heat, title, "heatmap")
    exports.chart(heat, result, "heatmap", "Paragraphs compared on one scale (z-scores within the article)")


def paragraphs(result: Analysis, shown: list[str]) -> None:
    st.subheader("Paragraphs")
    st.caption("One row per paragraph, numbered from 1 as in the charts, on the Read page and in every "
               "export. Hover a column header for what it means.")
    table.paragraphs(result.paragraphs, [*shown, *(n for n in table.EXTRA if n not in shown)], result.column_info)
