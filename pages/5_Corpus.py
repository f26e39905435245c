"""Corpus: a batch output explored with DuckDB: distributions, outlets, periods, one article's
place in them, and the focus article's paragraphs as percentiles of the corpus."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.batch.query import GRAINS, Filter, NotABatchOutput, measures
from analysis.measures import HEADLINE, column
from ui import cache, corpus_data, page
from views import corpus_charts

article = page.setup("Corpus")

with page.guard("the Corpus page"):
    st.title("Corpus")
    st.caption("A whole corpus scored with `python -m analysis batch INPUT --out FOLDER`, read straight from "
               "its Parquet files with DuckDB. Every chart is an aggregate computed in SQL.")

    if corpus_data.PATH_KEY not in st.session_state:
        st.session_state[corpus_data.PATH_KEY] = corpus_data.default_path()
    path = st.text_input("Batch output folder", key=corpus_data.PATH_KEY,
                         help="The --out folder of a batch run: it holds provenance.json, paragraphs/, summary/ ...")
    if not path.strip():
        st.info("No batch output found under data/. Score a corpus first, for example:\n\n"
                "`python -m analysis batch articles.csv --out data/corpus/my-run`\n\nthen enter its folder above.")
        st.stop()
    try:
        out, stamp = corpus_data.open_output(path.strip())
    except (NotABatchOutput, OSError, ValueError) as exc:
        st.warning(page.md(str(exc)))
        st.stop()
    root = str(out.root)


    def q(name: str, *args: object) -> pd.DataFrame:
        return corpus_data.query(root, stamp, name, *args)


    ov = corpus_data.query(root, stamp, "overview")
    outlet_table = q("outlets")
    cols = st.columns([1, 1, 0.7, 1.8, 0.8])
    cols[0].metric("Articles scored", f"{int(ov['articles']):,}")
    cols[1].metric("Paragraphs", f"{int(ov['paragraphs'] or 0):,}")
    cols[2].metric("Outlets", f"{int(ov['outlets']):,}")
    dates = "undated" if pd.isna(ov["first"]) else f"{ov['first']:%b %Y} – {ov['last']:%b %Y}"
    cols[3].metric("Dates", dates, help=None if pd.isna(ov["first"]) else
                   f"{ov['first']:%d %B %Y} to {ov['last']:%d %B %Y}")
    cols[4].metric("Not scored", f"{int(ov['failures']):,}", help="See 'Failures and provenance' below")

    # ---- controls -------------------------------------------------------------------------------
    names = measures()
    ctl = st.columns([2, 1.3, 3])
    measure = ctl[0].selectbox("Measure", names, index=names.index("alarm"),
                               format_func=lambda m: f"{column(m).label} ({m})", key="corpus_measure")
    level = ctl[1].radio("Unit", ["paragraphs", "articles"], horizontal=True, key="corpus_level",
                         help="Paragraph rows, or one row per article (article-level scores)")
    all_outlets = list(outlet_table["outlet"])
    chosen = ctl[2].multiselect("Outlets", all_outlets, default=all_outlets, key="corpus_outlets")
    col = column(measure)
    unit = col.unit
    st.caption(f"**{page.md(col.label)}**: {page.md(col.description)} Unit: {page.md(unit)}; "
               f"{page.md(col.direction)}.")
    if not chosen:
        st.info("Choose at least one outlet.")
        st.stop()
    flt = Filter(outlets=tuple(chosen) if len(chosen) < len(all_outlets) else None)

    # ---- one article ----------------------------------------------------------------------------
    with st.expander("Place one article of the corpus", expanded=False):
        needle = st.text_input("Find an article by id, title or outlet", key="corpus_find")
        hits = q("find_articles", needle, 200)
        options = [""] + list(hits["article_id"])
        titles = dict(zip(hits["article_id"], hits["title"].fillna(""), strict=True))
        picked = st.selectbox("Article", options, key="corpus_article",
                              format_func=lambda a: "(none)" if not a else f"{a}: {titles.get(a, '')[:80]}")
    marks: dict[str, float] = {}
    article_summary = article_pars = None
    if picked:
        article_summary, article_pars = corpus_data.query(root, stamp, "article", picked)
        if level == "articles" and len(article_summary):
            marks[picked] = float(article_summary[measure].iloc[0])
        elif len(article_pars):
            marks[f"{picked} (median ¶)"] = float(article_pars[measure].median())

    order = all_outlets
    VIEWS = ["Distribution", "Outlets", "Over time", "The article's place", "Focus article vs corpus",
             "Failures and provenance"]
    # One view at a time (not st.tabs, which would compute and draw every chart on each rerun).
    view = st.radio("View", VIEWS, horizontal=True, key="corpus_view", label_visibility="collapsed")

    if view == "Distribution":
        hist = q("histogram", measure, level, flt, 40)
        if hist.empty:
            st.info(f"No {level} have a {col.label.lower()} value with these outlets.")
        else:
            log = st.toggle("Logarithmic count axis", key="corpus_log",
                            help="Brings out the tail when most rows sit in one bin (e.g. no alarm words at all)")
            fig = corpus_charts.distribution(hist, f"{col.label} across {level}", unit, marks, order)
            if log:
                fig.update_yaxes(type="log", title="count (log scale)")
            page.plotly(fig, "corpus-distribution", "corpus_chart_distribution")
            st.caption(f"{int(hist['n'].sum()):,} {level} with a value; bins run from the 0.5th to the 99.5th "
                       "percentile (values beyond fall into the end bins). Stacked by outlet.")

    elif view == "Outlets":
        med = q("by_outlet", measure, level, flt)
        mark = next(iter(marks.items())) if marks else None
        if not med.empty:
            page.plotly(corpus_charts.outlet_medians(med, col.label, unit, mark, order), "corpus-outlets",
                        "corpus_chart_outlets")
            st.dataframe(med.rename(columns={"n": level}), hide_index=True, width="stretch",
                         column_config={c: st.column_config.NumberColumn(c, format="%.2f")
                                        for c in ("q25", "median", "q75", "mean")})

    elif view == "Over time":
        grain = st.radio("Period", GRAINS, index=1, horizontal=True, key="corpus_grain")
        series = q("over_time", measure, level, flt, grain)
        if series.empty:
            st.info("No dated rows: give the input a date column to compare periods.")
        else:
            page.plotly(corpus_charts.over_time(series, col.label, unit, grain, order), "corpus-over-time",
                        "corpus_chart_time")

    elif view == "The article's place":
        if not picked or article_summary is None or article_pars is None or article_summary.empty:
            st.info("Pick an article under 'Place one article of the corpus' above to see where it stands.")
        else:
            row = article_summary.iloc[0]
            outlet = row["outlet"] if isinstance(row["outlet"], str) else "(none)"
            values = pd.DataFrame({"key": [0] * len(HEADLINE), "measure": list(HEADLINE),
                                   "value": [float(row[m]) for m in HEADLINE]})
            everywhere = corpus_data.percentiles(root, stamp, values, "articles", Filter())
            own = corpus_data.percentiles(root, stamp, values, "articles", Filter(outlets=(outlet,)))
            when = "undated" if pd.isna(row["date"]) else f"{pd.Timestamp(row['date']):%d %B %Y}"
            st.markdown(f"**{page.md(str(row['title'] or picked))}**, {page.md(outlet)}, {when}; "
                        f"{int(row['words']):,} words. Percentiles among all {int(ov['articles']):,} articles "
                        f"and among the articles of {page.md(outlet)}:")
            mcols = st.columns(len(HEADLINE))
            for c, (_, e), (_, o) in zip(mcols, everywhere.iterrows(), own.iterrows(), strict=True):
                c.metric(column(e["measure"]).label, "n/a" if pd.isna(e["value"]) else f"{e['value']:.2f}")
                if not pd.isna(e["pct"]):
                    c.caption(f"{e['pct']:.0f}th percentile of articles · {o['pct']:.0f}th within the outlet")
            shown = article_pars[["paragraph", "words", *HEADLINE, "text"]]  # ¶ numbered from 1, as elsewhere
            st.dataframe(shown, hide_index=True, width="stretch",
                         column_config={m: st.column_config.NumberColumn(column(m).label, format="%.2f")
                                        for m in HEADLINE})

    elif view == "Focus article vs corpus":
        art = article
        result = cache.analyze(art.text, art.title)
        st.markdown(f"The focus article, **{page.md(art.title)}**, paragraph by paragraph against every "
                    f"paragraph of the corpus{'' if flt.outlets is None else ' from the chosen outlets'}. "
                    "50 = typical for this corpus; 95 or more = unusually high, 5 or less = unusually low.")
        pars = result.paragraphs
        values = pars.melt(id_vars=["paragraph"], value_vars=list(HEADLINE), var_name="measure",
                           value_name="value").rename(columns={"paragraph": "key"})
        pct = corpus_data.percentiles(root, stamp, values, "paragraphs", flt)
        labels = {m: column(m).label for m in HEADLINE}
        page.plotly(corpus_charts.percentile_grid(pct, labels), "corpus-focus-percentiles", "corpus_chart_focus")
        unusual = pct[(pct["pct"] >= 95) | (pct["pct"] <= 5)].merge(
            pars[["paragraph", "text"]], left_on="key", right_on="paragraph")
        if len(unusual):
            st.markdown("**Unusual for this corpus** (at or beyond the 5th / 95th percentile):")
            st.dataframe(unusual.assign(paragraph=unusual["key"], measure=unusual["measure"].map(labels))[
                ["paragraph", "measure", "value", "pct", "text"]], hide_index=True, width="stretch",
                column_config={"value": st.column_config.NumberColumn(format="%.2f"),
                               "pct": st.column_config.NumberColumn("corpus percentile", format="%.0f")})

    else:
        fails = q("failures", 500)
        st.markdown(f"**{len(fails):,} articles not scored**" + (" (first 500)" if len(fails) == 500 else ""))
        if len(fails):
            st.dataframe(fails, hide_index=True, width="stretch")
        runs = out.provenance.get("runs", [])
        st.markdown("**Runs**")
        st.dataframe(pd.DataFrame([{"started": r["started"], "status": r["status"], "engine": r["engine"],
                                    "input": r["input"]["path"], **r["counts"]} for r in runs]),
                     hide_index=True, width="stretch")
        st.markdown("**Versions** (analysis, measures, lexicons, libraries)")
        st.json(out.provenance.get("versions", {}), expanded=False)
