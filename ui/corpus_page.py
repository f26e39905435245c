"""The Corpus page's views, one function each: opening a batch output (or scoring a saved
workspace as one, with a progress bar), the overview, the controls, placing one article, and
the six views. Queries are cached in ``ui.corpus_data``; figures are ``views.corpus_charts``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from analysis.batch.query import GRAINS, CorpusOutput, Filter, NotABatchOutput, measures
from analysis.measures import HEADLINE, Column, column
from analysis.store import StoreError
from ui import cache, corpus_data, coverage, page, state
from ui.state import Article
from views import corpus_charts
from views.escape import md


@dataclass
class Corpus:
    """An opened batch output and the choices of the controls."""

    out: CorpusOutput
    stamp: str
    overview: dict
    outlets: list[str]
    measure: str = "alarm"
    level: str = "paragraphs"
    flt: Filter = field(default_factory=Filter)
    picked: str = ""
    marks: dict[str, float] = field(default_factory=dict)

    @property
    def root(self) -> str:
        return str(self.out.root)

    @property
    def col(self) -> Column:
        return column(self.measure)

    def q(self, name: str, *args: object) -> pd.DataFrame:
        return corpus_data.query(self.root, self.stamp, name, *args)


def open_corpus() -> Corpus:
    """The batch output folder the researcher names (the newest under data/ by default). With
    none, the page offers to score a saved workspace as a corpus, and stops."""
    scored = state.take(state.CORPUS_SCORED)  # a workspace just scored: open it
    if scored or state.get(state.CORPUS_PATH) is None:
        state.put(state.CORPUS_PATH, scored or corpus_data.default_path())
    path = st.text_input("Batch output folder", key=state.CORPUS_PATH,
                         help="The --out folder of a batch run: it holds provenance.json, paragraphs/, summary/ ...")
    if not path.strip():
        st.info("No corpus yet. Score a saved workspace's articles as one below, or a corpus of your own on the "
                "command line (`python -m analysis batch articles.csv --out FOLDER`) and enter its folder above.")
        offer_workspaces()
        st.stop()
    try:
        out, stamp = corpus_data.open_output(path.strip())
    except (NotABatchOutput, OSError, ValueError) as exc:
        st.warning(md(exc))
        st.stop()
    ov = corpus_data.query(str(out.root), stamp, "overview")
    outlets = list(corpus_data.query(str(out.root), stamp, "outlets")["outlet"])
    return Corpus(out, stamp, ov, outlets)


def offer_workspaces() -> None:
    """Score one of the researcher's saved workspaces as a corpus, with a progress bar, and open it."""
    try:
        store = coverage.store()
        owner = coverage.owner_key()
        spaces = [w for w in store.workspaces(owner) if w.articles]
    except (StoreError, OSError) as exc:
        st.warning(f"The saved workspaces cannot be read: {md(exc)}")
        return
    if not spaces:
        st.info("No saved workspace has articles yet: add some on the Coverage page, then come back.")
        st.page_link(page.COVERAGE_PAGE, label="Open the Coverage page", icon=":material/folder_open:")
        return
    left, right = st.columns([3, 1.4], vertical_alignment="bottom")
    ws = left.selectbox("Saved workspace", spaces, format_func=lambda w: f"{w.name} ({w.articles} articles)",
                        key="corpus_workspace")
    if right.button("Score it as a corpus", type="primary", icon=":material/play_arrow:", width="stretch"):
        bar = st.progress(0.0, text=f"Scoring {ws.articles} articles of “{md(ws.name)}”…")
        out = corpus_data.score_workspace(store, owner, ws, lambda done, total: bar.progress(
            done / max(total, 1), text=f"{done} of {total} articles scored"))
        state.put(state.CORPUS_SCORED, str(out))
        st.rerun()


def overview(c: Corpus) -> None:
    ov = c.overview
    cols = st.columns([1, 1, 0.7, 1.8, 0.8])
    cols[0].metric("Articles scored", f"{int(ov['articles']):,}")
    cols[1].metric("Paragraphs", f"{int(ov['paragraphs'] or 0):,}")
    cols[2].metric("Outlets", f"{int(ov['outlets']):,}")
    dated = not pd.isna(ov["first"])
    cols[3].metric("Dates", f"{ov['first']:%b %Y} – {ov['last']:%b %Y}" if dated else "undated",
                   help=f"{ov['first']:%d %B %Y} to {ov['last']:%d %B %Y}" if dated else None)
    cols[4].metric("Not scored", f"{int(ov['failures']):,}", help="See 'Failures and provenance' below")


def controls(c: Corpus) -> None:
    names = measures()
    ctl = st.columns([2, 1.3, 3])
    c.measure = ctl[0].selectbox("Measure", names, index=names.index("alarm"), key="corpus_measure",
                                 format_func=lambda m: f"{column(m).label} ({m})")
    c.level = ctl[1].radio("Unit", ["paragraphs", "articles"], horizontal=True, key="corpus_level",
                           help="Paragraph rows, or one row per article (article-level scores)")
    chosen = ctl[2].multiselect("Outlets", c.outlets, default=c.outlets, key="corpus_outlets")
    st.caption(f"**{md(c.col.label)}**: {md(c.col.description)} Unit: {md(c.col.unit)}; {md(c.col.direction)}.")
    if not chosen:
        st.info("Choose at least one outlet.")
        st.stop()
    c.flt = Filter(outlets=tuple(chosen) if len(chosen) < len(c.outlets) else None)


def place_article(c: Corpus) -> None:
    """Pick one article of the corpus; its value is marked on the distribution and outlet charts."""
    with st.expander("Place one article of the corpus", expanded=False):
        hits = c.q("find_articles", st.text_input("Find an article by id, title or outlet", key="corpus_find"), 200)
        titles = dict(zip(hits["article_id"], hits["title"].fillna(""), strict=True))
        c.picked = st.selectbox("Article", ["", *hits["article_id"]], key="corpus_article",
                                format_func=lambda a: "(none)" if not a else f"{a}: {titles.get(a, '')[:80]}")
    if c.picked:
        summary, pars = corpus_data.query(c.root, c.stamp, "article", c.picked)
        if c.level == "articles" and len(summary):
            c.marks[c.picked] = float(summary[c.measure].iloc[0])
        elif len(pars):
            c.marks[f"{c.picked} (median ¶)"] = float(pars[c.measure].median())


def distribution(c: Corpus) -> None:
    hist = c.q("histogram", c.measure, c.level, c.flt, 40)
    if hist.empty:
        st.info(f"No {c.level} have a {c.col.label.lower()} value with these outlets.")
        return
    log = st.toggle("Logarithmic count axis", key="corpus_log",
                    help="Brings out the tail when most rows sit in one bin (e.g. no alarm words at all)")
    fig = corpus_charts.distribution(hist, f"{c.col.label} across {c.level}", c.col.unit, c.marks, c.outlets)
    if log:
        fig.update_yaxes(type="log", title="count (log scale)")
    page.plotly(fig, "corpus-distribution", "corpus_chart_distribution")
    st.caption(f"{int(hist['n'].sum()):,} {c.level} with a value; bins run from the 0.5th to the 99.5th "
               "percentile (values beyond fall into the end bins). Stacked by outlet.")


def by_outlet(c: Corpus) -> None:
    med = c.q("by_outlet", c.measure, c.level, c.flt)
    if med.empty:
        return
    mark = next(iter(c.marks.items())) if c.marks else None
    page.plotly(corpus_charts.outlet_medians(med, c.col.label, c.col.unit, mark, c.outlets), "corpus-outlets",
                "corpus_chart_outlets")
    st.dataframe(med.rename(columns={"n": c.level}), hide_index=True, width="stretch",
                 column_config={k: st.column_config.NumberColumn(k, format=c.col.printf)
                                for k in ("q25", "median", "q75", "mean")})


def over_time(c: Corpus) -> None:
    grain = st.radio("Period", GRAINS, index=1, horizontal=True, key="corpus_grain")
    series = c.q("over_time", c.measure, c.level, c.flt, grain)
    if series.empty:
        st.info("No dated rows: give the input a date column to compare periods.")
        return
    page.plotly(corpus_charts.over_time(series, c.col.label, c.col.unit, grain, c.outlets), "corpus-over-time",
                "corpus_chart_time")


def article_place(c: Corpus) -> None:
    summary, pars = corpus_data.query(c.root, c.stamp, "article", c.picked) if c.picked else (None, None)
    if summary is None or pars is None or summary.empty:
        st.info("Pick an article under 'Place one article of the corpus' above to see where it stands.")
        return
    row = summary.iloc[0]
    outlet = row["outlet"] if isinstance(row["outlet"], str) else "(none)"
    values = pd.DataFrame({"key": [0] * len(HEADLINE), "measure": list(HEADLINE),
                           "value": [float(row[m]) for m in HEADLINE]})
    everywhere = corpus_data.percentiles(c.root, c.stamp, values, "articles", Filter())
    own = corpus_data.percentiles(c.root, c.stamp, values, "articles", Filter(outlets=(outlet,)))
    when = "undated" if pd.isna(row["date"]) else f"{pd.Timestamp(row['date']):%d %B %Y}"
    st.markdown(f"**{md(str(row['title'] or c.picked))}**, {md(outlet)}, {when}; {int(row['words']):,} words. "
                f"Percentiles among all {int(c.overview['articles']):,} articles and among the articles of "
                f"{md(outlet)}:")
    for cell, (_, e), (_, o) in zip(st.columns(len(HEADLINE)), everywhere.iterrows(), own.iterrows(), strict=True):
        cell.metric(column(e["measure"]).label, column(e["measure"]).format(e["value"]))
        if not pd.isna(e["pct"]):
            cell.caption(f"{e['pct']:.0f}th percentile of articles · {o['pct']:.0f}th within the outlet")
    st.dataframe(pars[["paragraph", "words", *HEADLINE, "text"]], hide_index=True, width="stretch",
                 column_config={m: st.column_config.NumberColumn(column(m).label, format=column(m).printf)
                                for m in HEADLINE})


def focus_vs_corpus(c: Corpus, art: Article) -> None:
    pars = cache.analyze(art.text, art.title).paragraphs
    st.markdown(f"The focus article, **{md(art.title)}**, paragraph by paragraph against every paragraph of "
                f"the corpus{'' if c.flt.outlets is None else ' from the chosen outlets'}. 50 = typical for "
                "this corpus; 95 or more = unusually high, 5 or less = unusually low.")
    values = pars.melt(id_vars=["paragraph"], value_vars=list(HEADLINE), var_name="measure",
                       value_name="value").rename(columns={"paragraph": "key"})
    pct = corpus_data.percentiles(c.root, c.stamp, values, "paragraphs", c.flt)
    labels = {m: column(m).label for m in HEADLINE}
    page.plotly(corpus_charts.percentile_grid(pct, labels), "corpus-focus-percentiles", "corpus_chart_focus")
    unusual = pct[(pct["pct"] >= 95) | (pct["pct"] <= 5)].merge(pars[["paragraph", "text"]], left_on="key",
                                                                 right_on="paragraph")
    if len(unusual):
        st.markdown("**Unusual for this corpus** (at or beyond the 5th / 95th percentile):")
        st.dataframe(unusual.assign(measure=unusual["measure"].map(labels))[
            ["paragraph", "measure", "value", "pct", "text"]], hide_index=True, width="stretch",
            column_config={"paragraph": st.column_config.NumberColumn("¶", format="¶ %d", width="small"),
                           "value": st.column_config.NumberColumn(format="%.2f"),
                           "pct": st.column_config.NumberColumn("corpus percentile", format="%.0f")})


def failures(c: Corpus) -> None:
    fails = c.q("failures", 500)
    st.markdown(f"**{len(fails):,} articles not scored**" + (" (first 500)" if len(fails) == 500 else ""))
    if len(fails):
        st.dataframe(fails, hide_index=True, width="stretch")
    st.markdown("**Runs**")
    st.dataframe(pd.DataFrame([{"started": r["started"], "status": r["status"], "engine": r["engine"],
                                "input": r["input"]["path"], **r["counts"]} for r in c.out.provenance.get("runs", [])]),
                 hide_index=True, width="stretch")
    st.markdown("**Versions** (analysis, measures, lexicons, libraries)")
    st.json(c.out.provenance.get("versions", {}), expanded=False)


VIEWS: dict[str, Callable[[Corpus], None]] = {
    "Distribution": distribution, "Outlets": by_outlet, "Over time": over_time,
    "The article's place": article_place, "Focus article vs corpus": lambda c: focus_vs_corpus(c, state.focus()),
    "Failures and provenance": failures}
