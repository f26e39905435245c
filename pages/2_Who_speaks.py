"""Who speaks: every source of the focus article by kind (people, organisations, governments,
documents, anonymous: the sourcing measure's declared kinds), with its verbs and paragraphs;
attribution along the article; every direct quotation with its speaker; scare quotes."""

import streamlit as st

from analysis.sourcing import table
from ui import cache, exports, page
from ui import sources_page as sp
from views.escape import md

article = page.setup("Who speaks")
with page.guard("the Who speaks page"):
    st.title("Who speaks")
    st.caption(f"{md(article.title)}: quotations, attributions and anonymous sourcing, paragraph by paragraph. "
               "A source is named when a reader could look it up (a person, an organisation, a government or "
               "a state body, an identified document); “a spokesperson”, “experts”, “a document seen by” are "
               "anonymous.")
    result = cache.analyze(article.text, article.title)
    if result.paragraphs.empty:
        st.info("This article has no paragraph to read: paste or upload a text in the sidebar.")
        st.stop()
    mentions, quotes = cache.sourcing(article.text, article.title)
    sources = table.by_source(mentions)
    sp.figures(result)
    sp.along(result, sources, article.title)
    sp.every_source(sources)
    sp.quotations(quotes)
    scare = sp.scare_quotes(result)
    if not sources.empty or not quotes.empty or not scare.empty:
        exports.tables({"sources": sources.drop(columns=["first"]), "quotations": quotes, "scare_quotes": scare},
                       [result], "who-speaks", "The sources, quotations and scare quotes, with their provenance "
                       "(Excel and JSON hold every table; CSV and Parquet the sources):")
    sp.how_measured()
