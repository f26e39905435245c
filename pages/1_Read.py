"""Read: the article with every evidence span highlighted inline, filters by measure and
category, and every occurrence of a chosen term in context. Paragraph numbers (¶ n) are the
same as on the home page's charts and in the exported tables."""

import pandas as pd
import streamlit as st

from analysis.measures import REGISTRY
from ui import cache, exports, page
from views import highlight
from views.escape import md

article = page.setup("Read")

with page.guard("the Read page"):
    st.title("Read")
    st.markdown(f"**{md(article.title)}** with every word that moved a score highlighted. Hover a "
                "highlight for its measure, category, weight and the rule that changed it.")
    result = cache.analyze(article.text, article.title)
    evidence = result.evidence
    present = set(evidence["measure"])
    measures = [m.name for m in REGISTRY if m.name in present]  # the registry's order, as on every page
    chosen = st.pills("Measures", measures, default=measures, selection_mode="multi", key="read_measures") or []
    f2, f3 = st.columns([3, 1.2], vertical_alignment="bottom")
    pairs = evidence.loc[evidence["measure"].isin(chosen), ["measure", "category"]].drop_duplicates()
    labels = sorted(f"{m} · {c.replace('_', ' ')}" for m, c in pairs.itertuples(index=False))
    cats = f2.multiselect("Categories", labels, default=[], key="read_categories",
                          placeholder="All categories of the chosen measures")
    zero = f3.checkbox("Show weight-0 matches", value=True, key="read_zero",
                       help="Matches a rule set to weight 0: negated cues, the month May ...")
    label = evidence["measure"] + " · " + evidence["category"].str.replace("_", " ")
    shown = evidence[evidence["measure"].isin(chosen) & label.isin(cats or labels)]
    if not zero:
        shown = shown[shown["weight"] != 0]
    st.html(highlight.legend(shown, chosen))
    st.caption(f"{len(shown)} of {len(evidence)} evidence spans shown in {len(result.paragraphs)} paragraphs.")

    left, right = st.columns([3, 2], gap="large")
    with left, st.container(border=True):
        st.html(highlight.headline(result.text, result.headline, result.headline_evidence)
                + highlight.render(result.text, result.paragraphs, shown,
                                   [(h.start, h.text) for h in result.document.headings]))
    with right:
        st.subheader("Keyword in context")
        terms = (shown.assign(key=shown["term"].str.lower()).groupby("key")["start"].nunique()
                 .sort_values(ascending=False, kind="stable"))
        options = terms.index.tolist()
        term = st.selectbox("Term", options, index=0 if options else None, key="read_term",
                            format_func=lambda t: f"{t}  ({terms[t]}× as evidence)",
                            placeholder="No evidence under these filters")
        if term:
            rows = highlight.kwic(result.text, result.paragraphs, evidence, term, width=45)
            st.caption(f"Every occurrence of “{md(term)}” in the article ({len(rows)}), and what each "
                       "measure made of it.")
            st.html(highlight.kwic_html(rows))
        st.subheader("Evidence table")
        table = shown[["paragraph", "measure", "category", "term", "weight", "note", "quoted"]]
        st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch", height=320, column_config={
            "paragraph": st.column_config.NumberColumn("¶", format="¶ %d", width="small")})
        exports.tables({"evidence": pd.DataFrame(shown)}, [result], "read-evidence",
                       "The evidence shown (under these filters), with its provenance:")
