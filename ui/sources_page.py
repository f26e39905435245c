"""The Who speaks page's views, one function each: the figures, the charts, the tables of
sources, quotations and scare quotes, and how the measure is made and validated. The kinds of
source (people, organisations, governments, documents, anonymous) are the ``sources``
measure's sub-scales, read from its declaration (``views.sources_charts.kinds``)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from analysis.measures import column, get
from analysis.pipeline import Analysis
from analysis.validate import stored
from ui import exports, page
from views import sources_charts
from views.escape import md

OVERALL = ("quotes", "quoted_share", "scare_quotes", "framing_verbs", "anonymous_share")
HELD_OUT = "held-out"  # the part of the yardstick the Validity line quotes
REPRODUCE = "python -m analysis.eval_sources --external DIR --part held-out"


def figures(result: Analysis) -> None:
    """Two rows of figures: what is quoted and how much of the sourcing is anonymous, then one
    figure per kind of source; the named kinds' sum under them."""
    summary = result.summary.iloc[0]
    kinds = [k.column for k in sources_charts.kinds()]
    width = max(len(OVERALL), len(kinds))
    for row in (OVERALL, kinds):
        for cell, name in zip(st.columns(width), row, strict=False):
            c = column(name)
            cell.metric(c.label, c.format(summary[name]), border=True,
                        help=f"{c.description} Unit: {c.unit}, range {c.range_text}; {c.direction}.")
    named = column("named_sources")
    st.caption(f"{named.label}: {named.format(summary['named_sources'])}, the sum of the named kinds ("
               + ", ".join(k.label.lower() for k in sources_charts.kinds() if k.named) + ").")


def along(result: Analysis, sources: pd.DataFrame, title: str) -> None:
    left, right = st.columns([2.7, 1.3], gap="medium")
    with left:
        fig = sources_charts.attribution_along(result.paragraphs)
        page.plotly(fig, title, "who_speaks_along")
        exports.chart(fig, result, "who-speaks-along", "Attribution along the article, paragraph by paragraph")
    with right:
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
    st.caption("Source: as first written, pronouns resolved. Kind: " + "; ".join(
        f"{k.kind} ({md(get('sources').subscale_of('speaker_' + k.kind).description)})"  # type: ignore[union-attr]
        for k in sources_charts.kinds()) + ". Quoted: mentions carrying a quotation; reported: reported speech "
        "only. Framing verbs judge what they report (claimed, denied, warned …).")


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


def scare_quotes(result: Analysis) -> pd.DataFrame:
    """Quoted words that are not speech (the evidence of ``scare_quotes``), one row each."""
    ev = result.evidence
    rows = ev[(ev["measure"] == "sources") & (ev["category"] == "scare_quote")]
    frame = pd.DataFrame({"paragraph": rows["paragraph"].astype(int), "words": rows["term"], "why": rows["note"]})
    st.subheader(f"Scare quotes ({len(frame)})")
    if frame.empty:
        st.caption("No scare quotes: no word or short phrase in quotation marks that is not someone's speech.")
    else:
        st.table(frame.assign(paragraph=frame["paragraph"].map(lambda n: f"¶ {n}")).rename(columns={
            "paragraph": "¶", "words": "Quoted words", "why": "Why not a quotation"}), hide_index=True)
        st.caption(md(column("scare_quotes").description))
    return frame


def how_measured() -> None:
    m = get("sources")
    with st.expander("How this is measured"):
        st.markdown(f"**Method** (sources {m.version}): {md(m.method)}")
        st.markdown(f"**Limits**: {md(m.limits)}")
        validity(next((s.yardstick for s in m.subscales if s.yardstick), ""))


def validity(dataset: str) -> None:
    """The held-out figures of the kinds' yardstick in data/validation.json, as the validation
    run wrote them (nothing typed here): quotations and speakers in a line, each kind in a table."""
    rows = [r for r in stored.rows(stored.load(), "sources", dataset) if r.get("part") == HELD_OUT]
    found = {r["metric"]: r for r in rows if isinstance(r.get("value"), (int, float))}
    if not found:
        why = next((r["absent"] for r in rows if r.get("absent")), "no figures in data/validation.json")
        st.markdown(f"**Validity**: not yet measured ({md(why)}).")
        return
    st.markdown(f"**Validity** on {md(stored.dataset_label(dataset))}, held-out half (never used to tune the "
                f"rules): quotations found with precision {_figure(found, 'quote_precision', False)} and recall "
                f"{_figure(found, 'quote_recall', False)}; the speaker of a quotation is right for "
                f"{_figure(found, 'speaker_recall', False)} of the quotations with a speaker (precision "
                f"{_figure(found, 'speaker_precision', False)}). Reproduce with `{REPRODUCE}`.")
    kinds = [(k.label, k.kind) for k in sources_charts.kinds()] + [("Any source", "source"), ("Scare quotes", "scare")]
    table = pd.DataFrame([{"kind": label, "precision": _figure(found, f"{key}_precision"),
                           "recall": _figure(found, f"{key}_recall")} for label, key in kinds])
    st.table(table.rename(columns={"kind": "Kind", "precision": "Precision [95% CI] (n)",
                                   "recall": "Recall [95% CI] (n)"}), hide_index=True)
    st.caption("Precision: the share of the tool's mentions that the annotator marked the same (n: the tool's "
               "mentions); recall: the share of the annotator's mentions the tool found (n: theirs). 95% intervals "
               "from 1,000 bootstrap draws of documents. Where n is small the interval is wide: read it, not the "
               "point. Every figure with its development half: the Methods page and data/eval/sources/README.md.")


def _figure(found: dict[str, Any], metric: str, count: bool = True) -> str:
    """"0.88 [0.78, 0.95] (n = 74)": a stored figure, its 95% interval and the count it is a
    share of; "–" when the row is missing or the figure undefined (nothing to share)."""
    r = found.get(metric)
    if r is None or r["value"] != r["value"]:
        return "–"
    low, high = r.get("ci_low"), r.get("ci_high")
    ci = f" [{low:.2f}, {high:.2f}]" if isinstance(low, float) and isinstance(high, float) and low == low else ""
    n = f" (n = {r['n']})" if count and r.get("n") is not None else ""
    return f"{r['value']:.2f}{ci}{n}"
