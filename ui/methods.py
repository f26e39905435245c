"""The Methods page's sections, built from the registry, the lexicon manifest and the validation
run, never from hand-kept lists: a new measure appears here by being registered."""

from __future__ import annotations

import inspect
import math
import re
from typing import Any

import pandas as pd
import streamlit as st

from analysis import lexicon as lx
from analysis.measures import Measure
from analysis.validate import stored
from report.methods import METRIC_NAMES
from views import theme
from views.escape import html

_ROLE = re.compile(r":(?:mod|func|class|meth|attr|data|obj):`~?([^`]+)`")  # Sphinx cross-references


def description(measure: Measure) -> str:
    """The measure module's docstring (what it counts and the rules it applies) as Markdown:
    Sphinx roles (":mod:`x`") and reST literals (``x``) become code spans."""
    module = inspect.getmodule(measure.score)
    text = inspect.cleandoc(module.__doc__ or "") if module is not None else ""
    return _ROLE.sub(r"`\1`", text).replace("``", "`")


def columns_frame(measure: Measure) -> pd.DataFrame:
    return pd.DataFrame([{"column": c.name, "label": c.label, "unit": c.unit, "range": c.range_text,
                          "direction": c.direction or "—", "meaning": c.description}
                         for c in measure.columns])


def _figure(value: Any, digits: int = 3) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return "—"
    return f"{value:,}" if isinstance(value, int) else f"{value:.{digits}f}"


def validation_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The validation rows as a reader sees them: named sets and metrics, the interval in one
    cell, "—" where the run recorded nothing (no published reference, no floor)."""
    return pd.DataFrame([{
        "evaluation set": stored.dataset_label(str(r.get("dataset", ""))),
        "metric": METRIC_NAMES.get(str(r.get("metric")), str(r.get("metric", "")).replace("_", " ")),
        "value": _figure(r.get("value")),
        "95% interval": (f"{_figure(r.get('ci_low'))} – {_figure(r.get('ci_high'))}"
                         if _figure(r.get("ci_low")) != "—" else "—"),
        "n": _figure(r.get("n")),
        "published reference": _figure(r.get("reference")),
        "floor (tests)": _figure(r.get("floor"), 2),
    } for r in rows])


def validation_section(measure: Measure, doc: dict[str, Any] | None) -> None:
    """How well this measure agrees with human judgement, as measured by the validation run
    (data/validation.json): its figures and verdicts, shown as written."""
    st.markdown("**Validation against human judgements**")
    mine = stored.rows(doc, measure.name)
    if not mine:
        st.caption("Not yet measured in this project" + ("" if doc is None else " for this measure")
                   + ": no figures are shown until the validation run writes them to data/validation.json.")
        return
    st.table(validation_frame(mine), hide_index=True)
    for verdict in dict.fromkeys(str(r["verdict"]) for r in mine if r.get("verdict")):
        st.caption(verdict)
    sources = {str(r["reference_source"]) for r in mine if r.get("reference_source")}
    if sources:
        st.caption("Published references: " + "; ".join(sorted(sources)))


def lexicon_section(measure: Measure) -> None:
    if not measure.lexicon:
        st.markdown(f"**Lexicon**: no project lexicon; the measure uses its library's own, at version "
                    f"`{measure.version}` (see the citation).")
        return
    info = lx.manifest().get(measure.lexicon, {})
    lex = lx.load(measure.lexicon)
    st.markdown(
        f"**Lexicon** `{measure.lexicon}` version **{info.get('version', '?')}** ({info.get('date', 'no date')}), "
        f"{len(lex.entries):,} entries in {len(lex.categories)} categories  \n"
        f"Source: {info.get('source', '—')}  \nLicence: {info.get('licence', '—')}  \n"
        f"Citation: {info.get('citation', '—')}  \nSHA-256 of `{info.get('file', '')}`: `{info.get('sha256', '')}`")
    with st.expander(f"Browse the {measure.lexicon} lexicon"):
        entries = pd.DataFrame([{"term": e.term, "category": e.category, "weight": e.weight, "note": e.note}
                                for e in lex.entries])
        st.dataframe(entries, hide_index=True, width="stretch", height=300)


def measure_section(measure: Measure, doc: dict[str, Any] | None) -> None:
    hue = theme.colour(measure.name)
    st.html(f'<div style="border-left:6px solid {hue};padding:.1rem 0 .1rem .8rem;margin-top:1.2rem">'
            f'<h2 id="{html(measure.name)}" style="margin:0;padding:0">{html(measure.name.title())}</h2>'
            f'<span style="color:{theme.MUTED}">measure version {html(measure.version)}</span></div>')
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.markdown("**What it counts**")
        st.markdown(description(measure))
        st.markdown(f"**Formula**: {measure.method or '—'}")
    with right:
        lexicon_section(measure)
        st.markdown(f"**Cite**: {measure.citation or 'Narrative Lens (this project), measure version ' + measure.version}")
        st.markdown("**Known limits**")
        st.warning(measure.limits or "None recorded.", icon=":material/info:")
    validation_section(measure, doc)
    st.markdown("**Columns it reports** (in the paragraph table, the article summary and every export)")
    st.table(columns_frame(measure), hide_index=True)
