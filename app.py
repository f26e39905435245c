"""Narrative Lens: ``streamlit run app.py``. The home page, the article at a glance, and the
navigation to every page of pages/ (the sidebar's first entry, "Home", is this page).

Opens on the bundled article. Headline figures with what they mean (and the sub-scales of
hedging and alarm), the narrative arc of the chosen measures over the paragraphs (the four
headline measures at first; any sub-scale, column or category of the researcher's own
dictionaries can be picked), a paragraph x measure heatmap on one scale, and the paragraph
table. Pick another article in the sidebar (paste or upload).
"""

import streamlit as st

from analysis.pipeline import Analysis
from ui import cache, exports, page
from ui import home as home_view
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
        home_view.headline_figures(result)
        shown = home_view.picker(result)
        home_view.shape(result, article.title, shown)
        home_view.paragraphs(result, shown)
        take_away(result, shown)


def take_away(result: Analysis, shown: list[str]) -> None:
    st.subheader("Take it with you")
    st.caption("A one-file report to archive or send (highlighted text, the figures of the measures chosen above, "
               "summary and a methods paragraph with citations), and the data behind it. Every file names the "
               "article, its SHA-256 and the versions of the measures, lexicons and your dictionaries.")
    exports.report([result], key="home-report", shown=shown)
    exports.tables({"paragraphs": result.paragraphs, "evidence": result.evidence, "summary": result.summary},
                   [result], "home-tables", "Tables: paragraphs, evidence and summary, every column and category "
                   "(Excel and JSON hold all three; CSV and Parquet the paragraphs; the Read page exports the "
                   "evidence alone).")


page.navigate(home)
