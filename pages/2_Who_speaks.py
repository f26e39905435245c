"""Who speaks: every source of the focus article (named person, named organisation, or
anonymous), with its verbs and paragraphs; named against anonymous attribution along the
article; every direct quotation with its speaker."""

import math

import streamlit as st

from analysis.measures import column, get
from analysis.sourcing import table
from ui import cache, exports, methods, page
from views import sources_charts

article = page.setup("Who speaks")
st.title("Who speaks")
st.caption(f"{page.md(article.title)}: quotations, attributions and anonymous sourcing, paragraph by paragraph. "
           "A source is named when a reader could look it up (a person's or an institution's name); "
           "“a spokesperson”, “experts”, “a document seen by” are anonymous.")

HELD_OUT = "onestopenglish_paragraphs_heldout"  # the validation rows the Validity line quotes
VALIDITY = ("quote_precision", "quote_recall", "speaker_precision", "speaker_recall", "anonymous_precision",
            "anonymous_recall")
METRICS = ("quotes", "named_sources", "anonymous_sources", "anonymous_share", "quoted_share", "framing_verbs")


def _fmt(name: str, value: float) -> str:
    if value is None or isinstance(value, float) and math.isnan(value):
        return "n/a"
    return f"{value:.0%}" if name.endswith("_share") else f"{value:.0f}"


def _help(name: str) -> str:
    c = column(name)
    return f"{c.description} Unit: {c.unit}, range {c.range_text}; {c.direction}."


with page.guard("the Who speaks page"):
    result = cache.analyze(article.text, article.title)
    if result.paragraphs.empty:
        st.info("This article has no paragraph to read: paste or upload a text on the home page.")
        st.stop()
    summary = result.summary.iloc[0]
    for row in (METRICS[:3], METRICS[3:]):
        for col, name in zip(st.columns(3), row, strict=True):
            col.metric(column(name).label, _fmt(name, summary[name]), help=_help(name), border=True)

    mentions, quotes = cache.sourcing(article.text, article.title)
    sources = table.by_source(mentions)
    left, right = st.columns([3.2, 1], gap="medium")
    with left:
        along = sources_charts.attribution_along(result.paragraphs)
        page.plotly(along, article.title, "who_speaks_along")
        exports.chart(along, result, "who-speaks-along", "Attribution along the article, paragraph by paragraph")
    with right:
        if not sources.empty:
            kinds = sources_charts.kinds_bar(sources)
            page.plotly(kinds, article.title, "who_speaks_kinds")
            exports.chart(kinds, result, "who-speaks-kinds", "Sources by kind")

    st.subheader(f"Every source ({len(sources)})")
    if sources.empty:
        st.info("No source found: no reporting verb with a speaker, no quotation, no “seen by”.")
    else:
        st.dataframe(
            sources.drop(columns=["first"]), hide_index=True, key="who_speaks_sources",
            column_config={
                "source": st.column_config.TextColumn("Source", width="large",
                                                      help="As first written; pronouns resolved"),
                "kind": st.column_config.TextColumn("Kind", help="person, organisation or anonymous"),
                "mentions": st.column_config.NumberColumn("Mentions", help="Attributions to it"),
                "direct": st.column_config.NumberColumn("Quoted", help="Mentions carrying a quotation"),
                "indirect": st.column_config.NumberColumn("Reported", help="Reported speech only"),
                "verbs": st.column_config.TextColumn("Verbs"),
                "framing_verbs": st.column_config.TextColumn(
                    "Framing verbs", help="Verbs that judge what they report: claimed, denied, warned …"),
                "paragraphs": st.column_config.TextColumn("Paragraphs (¶)"),
            })

    st.subheader(f"Direct quotations ({len(quotes)})")
    if quotes.empty:
        st.info("No direct quotation in this article.")
    else:
        st.dataframe(quotes[["paragraph", "speaker", "kind", "quotation", "how"]], hide_index=True,
                     key="who_speaks_quotes",
                     column_config={"paragraph": st.column_config.NumberColumn("¶", width="small"),
                                    "speaker": st.column_config.TextColumn("Speaker"),
                                    "kind": st.column_config.TextColumn("Kind"),
                                    "quotation": st.column_config.TextColumn("Quotation", width="large"),
                                    "how": st.column_config.TextColumn("How the speaker was found")})
    if not sources.empty or not quotes.empty:
        exports.tables({"sources": sources.drop(columns=["first"]), "quotations": quotes}, [result],
                       "who-speaks", "The sources and quotations, with their provenance (Excel and JSON hold both "
                       "tables; CSV and Parquet the sources):")
    m = get("sources")
    with st.expander("How this is measured"):
        st.markdown(f"**Method** (sources {m.version}): {m.method}")
        st.markdown(f"**Limits**: {m.limits}")
        held = {r["metric"]: r["value"] for r in methods.load_validation() or []
                if r.get("measure") == "sources" and r.get("dataset") == HELD_OUT}
        if set(VALIDITY) <= set(held):
            v = {k: f"{held[k]:.2f}" for k in VALIDITY}
            st.markdown("**Validity** on 188 hand-annotated Guardian paragraphs (OneStopEnglish, CC BY-SA 4.0), "
                        f"held-out half: quotation precision {v['quote_precision']} and recall {v['quote_recall']}; "
                        f"speaker precision {v['speaker_precision']}, recall {v['speaker_recall']}; anonymous-"
                        f"source precision {v['anonymous_precision']}, recall {v['anonymous_recall']} (few cases: "
                        "wide intervals; intervals and counts on the Methods page, from data/validation.json). "
                        "Reproduce with `python -m analysis.eval_sources --split test`.")
        else:
            st.markdown("**Validity**: not yet measured (no figures in data/validation.json).")
