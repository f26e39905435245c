"""Who speaks: every source of the focus article (named person, named organisation, or
anonymous), with its verbs and paragraphs; named against anonymous attribution along the
article; every direct quotation with its speaker."""

import pandas as pd
import streamlit as st

from analysis.measures import column, get
from analysis.pipeline import Analysis
from analysis.sourcing import table
from analysis.validate import stored
from ui import cache, exports, page
from views import sources_charts
from views.escape import md

METRICS = ("quotes", "named_sources", "anonymous_sources", "anonymous_share", "quoted_share", "framing_verbs")
HELD_OUT = "onestopenglish_paragraphs_heldout"  # the validation rows the Validity line quotes
VALIDITY = ("quote_precision", "quote_recall", "speaker_precision", "speaker_recall", "anonymous_precision",
            "anonymous_recall")


def figures(result: Analysis) -> None:
    summary = result.summary.iloc[0]
    for row in (METRICS[:3], METRICS[3:]):
        for cell, name in zip(st.columns(3), row, strict=True):
            c = column(name)
            cell.metric(c.label, c.format(summary[name]), border=True,
                        help=f"{c.description} Unit: {c.unit}, range {c.range_text}; {c.direction}.")


def along(result: Analysis, sources: pd.DataFrame, title: str) -> None:
    left, right = st.columns([2.7, 1.3], gap="medium")
    with left:
        fig = sources_charts.attribution_along(result.paragraphs)
        page.plotly(fig, title, "who_speaks_along")
        exports.chart(fig, result, "who-speaks-along", "Attribution along the article, paragraph by paragraph")
    with right:
        if not sources.empty:
            kinds = sources_charts.kinds_bar(sources)
            page.plotly(kinds, title, "who_speaks_kinds")
            exports.chart(kinds, result, "who-speaks-kinds", "Sources by kind")


def every_source(sources: pd.DataFrame) -> None:
    st.subheader(f"Every source ({len(sources)})")
    if sources.empty:
        st.info("No source found: no reporting verb with a speaker, no quotation, no “seen by”.")
        return
    # a static table: every source and its verbs in full, wrapped (a grid cut them at its edges)
    st.table(sources.drop(columns=["first"]).rename(columns={
        "source": "Source", "kind": "Kind", "mentions": "Mentions", "direct": "Quoted", "indirect": "Reported",
        "verbs": "Verbs", "framing_verbs": "Framing verbs", "paragraphs": "Paragraphs (¶)"}), hide_index=True)
    st.caption("Source: as first written, pronouns resolved. Quoted: mentions carrying a quotation; reported: "
               "reported speech only. Framing verbs judge what they report (claimed, denied, warned …).")


def quotations(quotes: pd.DataFrame) -> None:
    st.subheader(f"Direct quotations ({len(quotes)})")
    if quotes.empty:
        st.info("No direct quotation in this article.")
        return
    # a static table: every quotation in full, wrapped (a scrolling grid cut them at its edge)
    shown = quotes[["paragraph", "speaker", "kind", "quotation", "how"]]
    st.table(shown.assign(paragraph=shown["paragraph"].map(lambda n: f"¶ {n}")).rename(columns={
        "paragraph": "¶", "speaker": "Speaker", "kind": "Kind", "quotation": "Quotation",
        "how": "How the speaker was found"}), hide_index=True)


def how_measured() -> None:
    m = get("sources")
    with st.expander("How this is measured"):
        st.markdown(f"**Method** (sources {m.version}): {m.method}")
        st.markdown(f"**Limits**: {m.limits}")
        held = {r["metric"]: r["value"] for r in stored.rows(stored.load(), "sources", HELD_OUT)}
        if not set(VALIDITY) <= set(held):
            st.markdown("**Validity**: not yet measured (no figures in data/validation.json).")
            return
        v = {k: f"{held[k]:.2f}" for k in VALIDITY}
        st.markdown(f"**Validity** on {stored.dataset_label(HELD_OUT)} (CC BY-SA 4.0): quotation precision "
                    f"{v['quote_precision']} and recall {v['quote_recall']}; speaker precision "
                    f"{v['speaker_precision']}, recall {v['speaker_recall']}; anonymous-source precision "
                    f"{v['anonymous_precision']}, recall {v['anonymous_recall']} (few cases: wide intervals; "
                    "intervals and counts on the Methods page). Reproduce with "
                    "`python -m analysis.eval_sources --split test`.")


article = page.setup("Who speaks")
with page.guard("the Who speaks page"):
    st.title("Who speaks")
    st.caption(f"{md(article.title)}: quotations, attributions and anonymous sourcing, paragraph by paragraph. "
               "A source is named when a reader could look it up (a person's or an institution's name); "
               "“a spokesperson”, “experts”, “a document seen by” are anonymous.")
    result = cache.analyze(article.text, article.title)
    if result.paragraphs.empty:
        st.info("This article has no paragraph to read: paste or upload a text in the sidebar.")
        st.stop()
    mentions, quotes = cache.sourcing(article.text, article.title)
    sources = table.by_source(mentions)
    figures(result)
    along(result, sources, article.title)
    every_source(sources)
    quotations(quotes)
    if not sources.empty or not quotes.empty:
        exports.tables({"sources": sources.drop(columns=["first"]), "quotations": quotes}, [result],
                       "who-speaks", "The sources and quotations, with their provenance (Excel and JSON hold both "
                       "tables; CSV and Parquet the sources):")
    how_measured()
