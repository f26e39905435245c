"""The Compare page's views, one function each: the four tabs (profile, aligned arcs,
distinguishing words, claim coverage) and the downloads. The articles (the workspace, uploads,
names, the focus) are ``ui.compare_articles``; the cached comparison itself is
``ui.cache.compare``; the figures are ``views.compare_charts``. Paragraphs are numbered from 1
in every view, as the alignment numbers them."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from analysis import compare, export
from analysis.compare import profile
from analysis.measures import HEADLINE, column
from ui import exports, page
from views import compare_charts as charts
from views import highlight
from views.escape import md

SCORES = ("sentiment", "hedging", "alarm", "reading_ease", "hedging_vague_source", "alarm_quoted")
MARKED = ("hedging", "alarm")  # the measures underlined in the side-by-side paragraphs


@dataclass(frozen=True)
class View:
    """What every tab needs: the comparison (numbered from 1), its focus and the others."""

    result: Any  # analysis.compare.Comparison
    focus: str
    others: list[str]

    def show(self, fig: object, key: str, what: str) -> None:
        """A chart with the shared plotly config, and its PNG/SVG export headed by ``what``."""
        page.plotly(fig, self.focus, key)
        exports.chart(fig, self.result.analysis(self.focus), key, f"{what}. Compared with: {', '.join(self.others)}")


def measures_picker(view: View, key: str) -> list[str]:
    options = sorted(set(view.result.profile["measure"]), key=lambda m: (m not in HEADLINE, m))
    return st.multiselect("Measures", options, default=list(HEADLINE), key=f"{key}_measures",
                          format_func=lambda m: column(m).label)


def profile_tab(view: View) -> None:
    picked = measures_picker(view, "profile")
    view.show(charts.profile(view.result.profile, picked), "compare-profile", "Profile of every article on "
              "each measure (dot: article level; bar: middle half of its paragraphs; focus coloured)")
    st.caption("Dot: the article's level (rates per 100 words over the whole text). Bar: the middle half "
               "of its paragraphs (interquartile range). The focus is coloured.")
    frame = profile.table(view.result.profile, picked)
    cc = st.column_config
    config: dict[str, Any] = {"focus": cc.CheckboxColumn("focus", width="small"),
                              "words": cc.NumberColumn("words", format="%d", width="small")}
    for name in picked:
        col = column(name)
        config[col.label] = cc.NumberColumn(col.label, format=col.printf, help=f"{col.unit}; {col.direction}")
        config[f"{col.label} · IQR"] = cc.NumberColumn("IQR", format=col.printf,
                                                       help=f"{col.label}: spread across the article's paragraphs")
    st.dataframe(frame, width="stretch", column_config=config)
    st.caption("Click a column header to sort. IQR = spread across the article's paragraphs (middle half).")


def arcs_tab(view: View) -> None:
    picked = measures_picker(view, "arcs")
    view.show(charts.arcs(view.result.arcs, picked), "compare-arcs",
              "Arcs aligned on relative position in the article (focus coloured)")
    st.caption("Each line is one article, named in the legend (click a name to hide or show it in every panel); "
               "x is where a paragraph sits (the midpoint of its words, as a share of the article), so a long and "
               "a short article share one axis. The focus is the thick line in each measure's colour.")


def words_tab(view: View) -> None:
    comparisons = ["focus vs rest"] + [f"{n} vs rest" for n in view.others]
    which = st.selectbox("Comparison", comparisons, format_func=lambda c: c.replace(
        "focus vs rest", f"{view.focus} (focus) vs the rest"))
    words = view.result.words
    part = words[words["comparison"] == which]
    if part.empty:
        st.info("No distinguishing words for this comparison.")
        return
    side = view.focus if which == "focus vs rest" else which.removesuffix(" vs rest")
    view.show(charts.words(words, which, label=side), "compare-words",
              f"Distinguishing words, {which} (weighted log-odds, Monroe, Colaresi & Quinn 2008)")
    shown = part.sort_values("z", ascending=False)[["term", "side", "z", "count", "count_rest", "per_1000",
                                                    "per_1000_rest"]].reset_index(drop=True)
    st.caption("Select a row to see that word in context.")
    cc = st.column_config
    event = st.dataframe(shown, width="stretch", on_select="rerun", selection_mode="single-row", key="words_table",
                         hide_index=True, column_config={
                             "z": cc.NumberColumn("z", format="%.2f"), "side": cc.TextColumn("characteristic of"),
                             "count": cc.NumberColumn("uses here"), "count_rest": cc.NumberColumn("uses in the rest"),
                             "per_1000": cc.NumberColumn("per 1,000 words here", format="%.2f"),
                             "per_1000_rest": cc.NumberColumn("per 1,000 words in the rest", format="%.2f")})
    rows = event.selection.rows if event is not None else []
    term = st.selectbox("Contexts of", list(shown["term"]), index=int(rows[0]) if rows else 0)
    names = list(view.result.articles["article"])
    ctx = pd.concat([compare.contexts(view.result.analysis(n).document, term, width=50).assign(article=n)
                     for n in names], ignore_index=True)
    st.markdown(f"**{len(ctx)}** occurrence(s) of “{md(term)}” in {ctx['article'].nunique()} article(s)")
    st.html(highlight.kwic_html(ctx))
    st.caption("z-scores of weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn "
               "2008). Positive: characteristic of the article; negative: of the rest. Stop words count "
               "but are not listed.")


def claims_tab(view: View) -> None:
    result = view.result
    cov = result.coverage
    view.show(charts.coverage(result.alignment, cov, result.meta["threshold"]), "compare-coverage",
              "Which focus paragraphs other outlets also carry")
    nowhere = cov[cov["carried_by"] == 0]["focus_paragraph"].tolist()
    if nowhere:
        st.markdown("Found nowhere else: " + ", ".join(f"¶ {p}" for p in nowhere)
                    + " — the first leads on claims no other outlet carries.")
    pc, oc = st.columns(2)
    status = dict(zip(cov["focus_paragraph"], cov["status"], strict=True))
    # keyed by what the options say: a picker kept from another comparison showed its old status
    fp = pc.selectbox("Focus paragraph", list(status), key=f"cell_focus_{zlib.crc32(repr(status).encode())}",
                      format_func=lambda p: f"¶ {p} · {status[p]}")
    outlet = oc.selectbox("Outlet", view.others, key="cell_outlet")
    align = result.alignment[result.alignment["article"] == outlet]
    row = align[align["focus_paragraph"] == fp].iloc[0]
    best = row["best_paragraph"]
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{md(view.focus)}** ¶ {fp} (focus)")
        st.html(marked_paragraph(result, view.focus, fp))
    with right:
        if pd.isna(best):
            st.info(f"{md(outlet)}: {md(row['note'])}.")
        else:
            verdict = "matched" if row["matched"] else f"not counted: {md(row['note'])}"
            st.markdown(f"**{md(outlet)}** ¶ {int(best)} · similarity {row['similarity']:.2f} · {verdict}")
            st.caption(("Rests on " if row["matched"] else "Closest: ") + md(str(row["evidence"])))
            also = carried_with(align, fp, row["paragraph"])
            if also:
                st.caption(f"This paragraph also carries focus {also}: one paragraph can retell several claims, "
                           "each resting on its own sentence or clause.")
            st.html(marked_paragraph(result, outlet, int(best)))
    side_by_side = scores(result, (view.focus, fp), None if pd.isna(best) else (outlet, int(best)))
    st.dataframe(side_by_side, hide_index=True, width="stretch", column_config={
        c: st.column_config.TextColumn(c, alignment="right") for c in side_by_side.columns[2:]})
    st.caption("Underlined: hedges (orange) and alarm words (vermillion), as on the Read page; hover for why "
               "each counts.")
    carried(outlet, align)


def carried_with(align: Any, focus_paragraph: int, paragraph: Any) -> str:
    """The other focus paragraphs the same paragraph of the outlet carries ("¶ 2 and ¶ 5"), or ""."""
    if pd.isna(paragraph):
        return ""
    others = [int(p) for p in align.loc[align["paragraph"] == paragraph, "focus_paragraph"] if p != focus_paragraph]
    return joined([f"¶ {p}" for p in others])


def joined(items: list[str]) -> str:
    """"¶ 2", "¶ 2 and ¶ 5", "¶ 1, ¶ 2 and ¶ 3"; "" for none."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def carried(outlet: str, align: Any) -> None:
    """Every focus paragraph against the outlet: where it carries it, how close, and what the
    match rests on (or why the closest paragraph does not count)."""
    st.markdown(f"**Every focus paragraph in {md(outlet)}**")
    hits = align[align["matched"]]
    several = hits.groupby("paragraph")["focus_paragraph"].apply(list)
    for p, fps in several[several.map(len) > 1].items():
        st.caption(f"{md(outlet)} ¶ {int(p)} carries focus {joined([f'¶ {f}' for f in fps])}.")
    table = pd.DataFrame({
        "focus ¶": [f"¶ {p}" for p in align["focus_paragraph"]],
        f"in {outlet}": ["—" if pd.isna(p) else f"¶ {int(p)}" for p in align["paragraph"]],
        "similarity": [f"{v:.2f}" for v in align["similarity"]],
        "what it rests on, or why not": [str(e) if m else f"{n} (closest: {e})" if e else str(n)
                                         for m, e, n in zip(align["matched"], align["evidence"], align["note"],
                                                            strict=True)],
    })
    st.table(table, hide_index=True)  # static: the evidence in full, wrapped (a grid cut it at its edge)


def marked_paragraph(result: Any, article: str, paragraph: int) -> str:
    """Paragraph ``paragraph`` (numbered from 1) of ``article`` with its counted hedges and
    alarm words highlighted, escaped (``views.highlight.paragraph``)."""
    a = result.analysis(article)
    row = a.paragraphs[a.paragraphs["paragraph"] == paragraph].iloc[0]
    ev = a.evidence[(a.evidence["paragraph"] == paragraph) & a.evidence["measure"].isin(MARKED)
                    & (a.evidence["weight"] > 0)]
    return highlight.paragraph(a.text, int(row["start"]), int(row["end"]), ev)


def scores(result: Any, focus: tuple[str, int], other: tuple[str, int] | None) -> pd.DataFrame:
    """The two paragraphs' headline scores side by side (paragraphs numbered from 1), with the
    difference (other - focus), each as its column declares ("n/a" for the other when the
    outlet has no paragraph to show)."""
    def values(article: str, paragraph: int) -> list[float]:
        pars = result.analysis(article).paragraphs
        row = pars[pars["paragraph"] == paragraph].iloc[0]
        return [float(row[c]) for c in SCORES]

    mine = values(*focus)
    theirs = values(*other) if other is not None else [float("nan")] * len(SCORES)
    cols = [column(c) for c in SCORES]
    return pd.DataFrame({
        "score": [c.label for c in cols], "unit": [c.unit for c in cols],
        f"{focus[0]} ¶ {focus[1]}": [c.format(v) for c, v in zip(cols, mine, strict=True)],
        (f"{other[0]} ¶ {other[1]}" if other is not None else "other"): [
            c.format(v) for c, v in zip(cols, theirs, strict=True)],
        "difference": [c.format(t - m) for c, m, t in zip(cols, mine, theirs, strict=True)],
    })


def take_away(view: View) -> None:
    st.subheader("Take it with you")
    st.caption("The focus article's report with these comparison views, and the comparison tables; every file "
               "names the articles, their SHA-256 and the versions of the measures.")
    result = view.result
    analyses = [result.analysis(n) for n in result.articles["article"]]
    exports.report(analyses, key="compare-report")
    tables = {"alignment": result.alignment, "profile": result.profile, "words": result.words,
              "coverage": export.joined(result.coverage), "arcs": result.arcs}
    exports.tables(tables, analyses, "compare-tables",
                   "Comparison tables (Excel and JSON hold all five; CSV and Parquet the alignment).")


TABS: dict[str, Callable[[View], None]] = {"Profile": profile_tab, "Aligned arcs": arcs_tab,
                                           "Distinguishing words": words_tab, "Claim coverage": claims_tab}
