"""Narrative Lens, home: the article at a glance.

Opens on the bundled article. Headline figures with what they mean, the narrative arc of the
four headline measures over the paragraphs, a paragraph x measure heatmap on one scale, and
the paragraph table. Pick another article in the sidebar (paste or upload).
"""


import streamlit as st

from analysis.measures import HEADLINE, column
from ui import cache, exports, page, table
from views import charts

article = page.setup("Home")

with page.guard("the home page"):
    st.title("Narrative Lens")
    st.markdown(f"How **{page.md(article.title)}** is told, paragraph by paragraph: tone, hedging, "
                "alarm and readability, each traced to the words that produced it.")
    result = cache.analyze(article.text, article.title)
    paragraphs, summary = result.paragraphs, result.summary.iloc[0]
    if not len(paragraphs):
        st.warning("This text has no paragraph to score: every line looks like a title or heading "
                   "(a short line without final punctuation). Paste or upload running text.")
        st.stop()

    cells = st.columns(len(HEADLINE), gap="medium")
    for cell, name in zip(cells, HEADLINE, strict=True):
        col = column(name)
        value = float(summary[name])
        with cell.container(border=True, height=235):
            st.metric(col.label, col.format(value), help=f"{col.description} Range {col.range_text}.")
            st.caption(f"{col.unit}; {col.direction}")
            st.page_link(page.METHODS_PAGE, label="How it is measured", icon=":material/menu_book:")
    st.caption(f"Whole article: {int(summary['words']):,} words in {len(paragraphs)} paragraphs and "
               f"{int(summary['sentences'])} sentences. Readability is computed on the whole text, rates "
               "are pooled over all words, sentiment is the mean over all sentences.")

    short = paragraphs.loc[charts.low_confidence(paragraphs), "paragraph"].tolist()
    if short:
        st.info("Hollow points (shaded when under 10 words): " + ", ".join(f"¶ {n}" for n in short)
                + ". Rates and formulas on so few words are unreliable; n/a marks values that cannot be computed.")
    arc = charts.arc(paragraphs, article.title, article=summary.to_dict())
    page.plotly(arc, article.title, "arc")
    exports.chart(arc, result, "arc", "The narrative arc: each headline measure over the paragraphs")
    heat = charts.heatmap(paragraphs, article.title)
    page.plotly(heat, article.title, "heatmap")
    exports.chart(heat, result, "heatmap", "Paragraphs compared on one scale (z-scores within the article)")

    st.subheader("Paragraphs")
    st.caption("One row per paragraph; ¶ numbers match the charts and the Read page. Hover a column "
               "header for what it means.")
    table.paragraphs(paragraphs)

    st.subheader("Take it with you")
    st.caption("A one-file report to archive or send (highlighted text, figures, summary and a methods "
               "paragraph with citations), and the data behind it. Every file names the article, its "
               "SHA-256 and the versions of the measures and lexicons.")
    exports.report([result], key="home-report")
    exports.tables({"paragraphs": paragraphs, "evidence": result.evidence, "summary": result.summary},
                   [result], "home-tables", "Tables: paragraphs, evidence and summary (Excel and JSON hold all "
                   "three; CSV and Parquet the paragraphs; the Read page exports the evidence alone).")
