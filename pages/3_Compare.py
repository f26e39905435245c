"""Compare: the focus article against other coverage of the same story (issue 5)."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from analysis import compare
from analysis.compare import profile
from analysis.ingest import EXTENSIONS
from analysis.measures import HEADLINE, column
from ui import cache, exports, page
from ui import compare_charts as charts
from ui import compare_page as cp

focus_art = page.setup("Compare")

with page.guard("the Compare page"):
    st.title("Compare with other coverage")
    st.caption("How the focus article differs from other reports of the same story: its profile on every "
               "measure, its arc, its characteristic words, and which of its paragraphs other outlets carry.")

    with st.sidebar:
        st.subheader("Other coverage")
        uploads = st.file_uploader("Add articles (text, Markdown, HTML, Word or PDF)", type=sorted(EXTENSIONS),
                                   accept_multiple_files=True,
                                   key="compare_uploads", help="Each file is one article. Added to the "
                                   "comparison articles of this session; the same text is added once.")
        if uploads:
            added, problems = cp.add_uploads(uploads)
            for p in problems:
                st.warning(p)
        others_all = cp.comparison_articles()
        if others_all and st.button("Remove all comparison articles"):
            st.session_state[cp.COMPARISON] = []
            others_all = []

    pool = [focus_art] + [a for a in others_all if a.sha256 != focus_art.sha256]
    labels = compare.unique_names([a.title for a in pool])
    if len(pool) < 2:
        st.info("Add at least one other report of the same story to compare: upload .txt or .md files in the "
                "sidebar (or add them on the Coverage page). Until then there is nothing to compare the "
                f"focus article, **{page.md(focus_art.title)}**, with.")
        st.stop()

    c1, c2 = st.columns([1, 2])
    focus_label = c1.selectbox("Focus article", labels, index=0,
                               help="Any article can be the focus; the others are compared with it.")
    chosen = c2.multiselect("Compared with", [n for n in labels if n != focus_label],
                            default=[n for n in labels if n != focus_label])
    if not chosen:
        st.info("Choose at least one article to compare with.")
        st.stop()
    by_label = dict(zip(labels, pool, strict=True))
    articles = [by_label[focus_label]] + [by_label[n] for n in chosen]
    with st.spinner(f"Analysing and comparing {len(articles)} articles…"):
        result = cache.compare(articles)
    names = list(result.articles["article"])
    focus_name, others = names[0], names[1:]
    st.caption(f"Focus: **{page.md(focus_name)}** · {len(others)} other article(s) · "
               f"{int(result.articles['words'].sum()):,} words in all")

    focus_analysis = result.analysis(focus_name)
    others_txt = ", ".join(others)
    tab_profile, tab_arcs, tab_words, tab_claims = st.tabs(
        ["Profile", "Aligned arcs", "Distinguishing words", "Claim coverage"])
    measure_options = sorted(set(result.profile["measure"]), key=lambda m: (m not in HEADLINE, m))

    def show(fig: object, key: str, what: str) -> None:
        """A comparison chart with the shared plotly config, and its PNG/SVG export headed by ``what``."""
        page.plotly(fig, focus_name, key)
        exports.chart(fig, focus_analysis, key, f"{what}. Compared with: {others_txt}")

    def measures_chart(key: str, build: Callable[[pd.DataFrame, list[str]], object], frame: pd.DataFrame,
                       what: str) -> list[str]:
        """The measures picker and the chart ``build`` draws for them; returns the measures picked."""
        picked = st.multiselect("Measures", measure_options, default=list(HEADLINE), key=f"{key}_measures",
                                format_func=lambda m: column(m).label)
        show(build(frame, picked), f"compare-{key}", what)
        return picked

    with tab_profile:
        picked = measures_chart("profile", charts.profile, result.profile, "Profile of every article on each "
                                "measure (dot: article level; bar: middle half of its paragraphs; focus coloured)")
        st.caption("Dot: the article's level (rates per 100 words over the whole text). Bar: the middle half "
                   "of its paragraphs (interquartile range). The focus is coloured.")
        st.dataframe(profile.table(result.profile, picked), width="stretch",
                     column_config={"focus": st.column_config.CheckboxColumn("focus")})
        st.caption("Click a column header to sort. IQR = spread across the article's paragraphs.")

    with tab_arcs:
        measures_chart("arcs", charts.arcs, result.arcs,
                       "Arcs aligned on relative position in the article (focus coloured)")
        st.caption("Each line is one article; x is where a paragraph sits (the midpoint of its words, as a share "
                   "of the article), so a long and a short article share one axis. The focus is coloured.")

    with tab_words:
        comparisons = ["focus vs rest"] + [f"{n} vs rest" for n in others]
        which = st.selectbox("Comparison", comparisons, format_func=lambda c: c.replace(
            "focus vs rest", f"{focus_name} (focus) vs the rest"))
        part = result.words[result.words["comparison"] == which]
        if part.empty:
            st.info("No distinguishing words for this comparison.")
        else:
            fig = charts.words(result.words, which, label=which.removesuffix(" vs rest")
                               if which != "focus vs rest" else focus_name)
            show(fig, "compare-words", f"Distinguishing words, {which} (weighted log-odds, Monroe, Colaresi & "
                 "Quinn 2008)")
            shown = part.sort_values("z", ascending=False)[["term", "side", "z", "count", "count_rest",
                                                            "per_1000", "per_1000_rest"]].reset_index(drop=True)
            st.caption("Select a row to see that word in context.")
            event = st.dataframe(shown, width="stretch", on_select="rerun", selection_mode="single-row",
                                 key="words_table", hide_index=True,
                                 column_config={
                                     "z": st.column_config.NumberColumn("z", format="%.2f"),
                                     "side": st.column_config.TextColumn("characteristic of"),
                                     "count": st.column_config.NumberColumn("uses here"),
                                     "count_rest": st.column_config.NumberColumn("uses in the rest"),
                                     "per_1000": st.column_config.NumberColumn("per 1,000 words here",
                                                                               format="%.2f"),
                                     "per_1000_rest": st.column_config.NumberColumn(
                                         "per 1,000 words in the rest", format="%.2f")})
            rows = event.selection.rows if event is not None else []
            term = st.selectbox("Contexts of", list(shown["term"]),
                                index=int(rows[0]) if rows else 0)
            ctx = pd.concat([compare.contexts(result.analysis(n).document, term).assign(article=n)
                             for n in names], ignore_index=True)
            st.markdown(f"**{len(ctx)}** occurrence(s) of “{page.md(term)}” in {ctx['article'].nunique()} article(s)")
            st.dataframe(ctx[["article", "paragraph", "left", "match", "right"]], width="stretch",
                         hide_index=True)
        st.caption("z-scores of weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn "
                   "2008). Positive: characteristic of the article; negative: of the rest. Stop words count "
                   "but are not listed.")

    with tab_claims:
        cov = result.coverage
        fig = charts.coverage(result.alignment, cov, result.meta["threshold"])
        show(fig, "compare-coverage", "Which focus paragraphs other outlets also carry")
        nowhere = cov[cov["carried_by"] == 0]["focus_paragraph"].tolist()
        if nowhere:
            st.markdown("Found nowhere else: " + ", ".join(f"¶{p}" for p in nowhere) +
                        " — the first leads on claims no other outlet carries.")
        pc, oc = st.columns(2)
        fp = pc.selectbox("Focus paragraph", cov["focus_paragraph"].tolist(), key="cell_focus",
                          format_func=lambda p: f"¶{p} · {cov.loc[cov['focus_paragraph'] == p, 'status'].iloc[0]}")
        outlet = oc.selectbox("Outlet", others, key="cell_outlet")
        row = result.alignment[(result.alignment["focus_paragraph"] == fp)
                               & (result.alignment["article"] == outlet)].iloc[0]
        best = row["best_paragraph"]
        left, right = st.columns(2)
        with left:
            st.markdown(f"**{page.md(focus_name)}** ¶{fp} (focus)")
            st.html(cp.marked_paragraph(result, focus_name, fp))
        with right:
            if pd.isna(best):
                st.info(f"{page.md(outlet)}: {row['note']}.")
            else:
                verdict = "matched" if row["matched"] else f"not counted: {row['note']}"
                st.markdown(f"**{page.md(outlet)}** ¶{int(best)} · similarity {row['similarity']:.2f} · {verdict}")
                st.caption(page.md(row["evidence"]))
                st.html(cp.marked_paragraph(result, outlet, int(best)))
        other = None if pd.isna(best) else (outlet, int(best))
        side_by_side = cp.scores(result, (focus_name, fp), other)
        st.dataframe(side_by_side, hide_index=True, width="stretch",
                     column_config={c: st.column_config.NumberColumn(format="%.3g")
                                    for c in side_by_side.columns[2:]})
        st.caption("Underlined: hedges (orange) and alarm words (vermillion); hover for why each counts.")

    with st.expander("How these comparisons are computed"):
        st.markdown(compare.METHOD_NOTE)

    st.subheader("Take it with you")
    st.caption("The focus article's report with these comparison views, and the comparison tables; every file "
               "names the articles, their SHA-256 and the versions of the measures.")
    analyses = [result.analysis(n) for n in names]
    exports.report(analyses, key="compare-report")
    exports.tables({"alignment": result.alignment, "profile": result.profile, "words": result.words,
                    "coverage": result.coverage.assign(outlets=result.coverage["outlets"].map("; ".join)),
                    "arcs": result.arcs}, analyses, "compare-tables",
                   "Comparison tables (Excel and JSON hold all five; CSV and Parquet the alignment).")
