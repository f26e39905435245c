"""Corpus: a batch output explored with DuckDB: distributions, outlets, periods, one article's
place in them, and the focus article's paragraphs as percentiles of the corpus. Without one, a
saved workspace can be scored as a corpus from here."""

import streamlit as st

from ui import corpus_page as cp
from ui import page

page.setup("Corpus")

with page.guard("the Corpus page"):
    st.title("Corpus")
    st.caption("A whole corpus scored with `python -m analysis batch INPUT --out FOLDER` (or a saved workspace "
               "scored from this page), read straight from its Parquet files with DuckDB. Every chart is an "
               "aggregate computed in SQL.")
    corpus = cp.open_corpus()
    cp.overview(corpus)
    cp.controls(corpus)
    cp.place_article(corpus)
    # One view at a time (not st.tabs, which would compute and draw every chart on each rerun).
    view = st.radio("View", list(cp.VIEWS), horizontal=True, key="corpus_view", label_visibility="collapsed")
    cp.VIEWS[view](corpus)
