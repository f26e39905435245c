"""Narrative Lens: ``streamlit run app.py``. The home page, the article at a glance, and the
navigation to every page of pages/ (the sidebar's first entry, "Home", is this page).

Opens on the bundled article. Headline figures with what they mean, the narrative arc of the
four headline measures over the paragraphs, a paragraph x measure heatmap on one scale, and
the paragraph table. Pick another article in the sidebar (paste or upload).
"""

import streamlit as st

from analysis.measures import HEADLINE, column
from analysis.pipeline import Analysis
from ui import cache, exports, page, table
from views import charts
from views.escape import md


def home() -> None:
    article = page.setup("Home")
    with page.guard("the home page"):
        st.title("Narrative Lens")
        st.markdown(f"How **{md(article.title)}** is told, paragraph by paragraph: tone, hedging, "
                    "alarm and readability, each traced to the words that produced it.")
        result = cache.analyze(article.text, article.title)
        if result.paragraphs.empty:
            st.warning("This text has no paragraph to score: every line looks like a title or heading "
                       "(a short line without final punctuation). Paste or upload running text.")
            st.stop()
        headline_figures(result)
        shape(result, article.title)
        paragraphs(result)
        take_away(result)


def headline_figures(result: Analysis) -> None:
    """One card per headline measure: the whole article's value, its unit and direction."""
    summary = result.summary.iloc[0]
    below = [column(n).low is None and float(summary[n]) < 0 for n in HEADLINE]
    for cell, name, under in zip(st.columns(len(HEADLINE), gap="medium"), HEADLINE, below, strict=True):
        col, value = column(name), float(summary[name])
        with cell.container(border=True, height=235 + 90 * any(below)):  # one height for the row
            st.metric(col.label, col.format(value), help=f"{col.description} Range {col.range_text}.")
            st.caption(f"{md(col.unit)}; {md(col.direction)}")
            if under:  # a formula without a floor (Flesch reading ease)
                st.caption(f"Below 0: the formula has no lower bound, and very long sentences or words take "
                           f"it under 0 (range {md(col.range_text)}). Read it as very hard to read.")
            st.page_link(page.METHODS_PAGE, label="How it is measured", icon=":material/menu_book:")
    st.caption(f"Whole article: {int(summary['words']):,} words in {len(result.paragraphs)} paragraphs and "
               f"{int(summary['sentences'])} sentences. Readability is computed on the whole text, rates "
               "are pooled over all words, sentiment is the mean over all sentences.")
    if not result.headline.empty:
        row = result.headline.iloc[0]
        scores = "; ".join(f"{column(n).label} {column(n).format(row[n])}" for n in HEADLINE)
        st.caption(f"Headline, scored on its own (not in the figures above): “{md(row['text'])}”: {scores}.")


def shape(result: Analysis, title: str) -> None:
    """The narrative arc and the heatmap, each with its PNG/SVG export."""
    short = result.paragraphs.loc[charts.low_confidence(result.paragraphs), "paragraph"].tolist()
    if short:
        st.info("Hollow points (shaded when under 10 words): " + ", ".join(f"¶ {n}" for n in short)
                + ". Rates and formulas on so few words are unreliable; n/a marks values that cannot be computed.")
    arc = charts.arc(result.paragraphs, title, article=result.summary.iloc[0].to_dict())
    page.plotly(arc, title, "arc")
    exports.chart(arc, result, "arc", "The narrative arc: each headline measure over the paragraphs")
    heat = charts.heatmap(result.paragraphs, title)
    page.plotly(heat, title, "heatmap")
    exports.chart(heat, result, "heatmap", "Paragraphs compared on one scale (z-scores within the article)")


def paragraphs(result: Analysis) -> None:
    st.subheader("Paragraphs")
    st.caption("One row per paragraph, numbered from 1 as in the charts, on the Read page and in every "
               "export. Hover a column header for what it means.")
    table.paragraphs(result.paragraphs)


def take_away(result: Analysis) -> None:
    st.subheader("Take it with you")
    st.caption("A one-file report to archive or send (highlighted text, figures, summary and a methods "
               "paragraph with citations), and the data behind it. Every file names the article, its "
               "SHA-256 and the versions of the measures and lexicons.")
    exports.report([result], key="home-report")
    exports.tables({"paragraphs": result.paragraphs, "evidence": result.evidence, "summary": result.summary},
                   [result], "home-tables", "Tables: paragraphs, evidence and summary (Excel and JSON hold all "
                   "three; CSV and Parquet the paragraphs; the Read page exports the evidence alone).")


page.navigate(home)
