"""The Methods page's sections, built from the registry and the lexicon manifest, never from
hand-kept lists: a new measure appears here by being registered."""

from __future__ import annotations

import inspect
import json
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from analysis import lexicon as lx
from analysis import paths
from analysis.measures import Measure
from views import theme

VALIDATION = paths.VALIDATION


def description(measure: Measure) -> str:
    """The measure module's docstring: what it counts and the rules it applies."""
    module = inspect.getmodule(measure.score)
    return inspect.cleandoc(module.__doc__ or "") if module is not None else ""


def columns_frame(measure: Measure) -> pd.DataFrame:
    return pd.DataFrame([{"column": c.name, "label": c.label, "unit": c.unit, "range": c.range_text,
                          "direction": c.direction or "—", "meaning": c.description}
                         for c in measure.columns])


def load_validation(path: Path | None = None) -> list[dict[str, Any]] | None:
    """Rows of ``data/validation.json``, or None when it has not been written yet.

    Expected shape (written by the validation run): ``{"results": [...]}`` (or a bare list),
    each with at least ``measure`` and the figures it reports, e.g. ``{"measure": "sentiment",
    "dataset": ..., "n": ..., "metric": "Pearson r", "value": ..., "reference": ...}``. This
    page shows the rows as they are; it computes nothing and invents nothing."""
    path = VALIDATION if path is None else path
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = (data.get("results") or data.get("rows") or []) if isinstance(data, dict) else data
    return [r for r in rows if isinstance(r, dict)]


FIGURES = ("dataset", "metric", "value", "ci_low", "ci_high", "n", "reference", "floor")


def validation_section(measure: Measure, rows: list[dict[str, Any]] | None) -> None:
    """How well this measure agrees with human judgement on held-out data, as measured by the
    validation run (data/validation.json): its figures and verdicts, shown as written."""
    st.markdown("**Validation against human judgements**")
    mine = [r for r in rows or [] if r.get("measure") == measure.name]
    if rows is None or not mine:
        st.caption("Not yet measured in this project" + ("" if rows is None else " for this measure")
                   + ": no figures are shown until the validation run writes them to data/validation.json.")
        return
    frame = pd.DataFrame(mine)
    st.dataframe(frame[[c for c in FIGURES if c in frame.columns]], hide_index=True, width="stretch",
                 column_config={"dataset": st.column_config.TextColumn("dataset", width="medium"),
                                "metric": st.column_config.TextColumn("metric", width="medium"),
                                "ci_low": st.column_config.NumberColumn("95% CI low"),
                                "ci_high": st.column_config.NumberColumn("95% CI high"),
                                "reference": st.column_config.NumberColumn("published reference"),
                                "floor": st.column_config.NumberColumn("floor (tests)")})
    for verdict in dict.fromkeys(str(r["verdict"]) for r in mine if r.get("verdict")):
        st.caption(verdict)
    sources = {str(r["reference_source"]) for r in mine if r.get("reference_source")}
    if sources:
        st.caption("References: " + "; ".join(sorted(sources)))


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


def measure_section(measure: Measure, rows: list[dict[str, Any]] | None) -> None:
    hue = theme.colour(measure.name)
    st.html(f'<div style="border-left:6px solid {hue};padding:.1rem 0 .1rem .8rem;margin-top:1.2rem">'
            f'<h2 id="{measure.name}" style="margin:0;padding:0">{measure.name.title()}</h2>'
            f'<span style="color:#555">measure version {measure.version}</span></div>')
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.markdown("**What it counts**")
        st.markdown(description(measure).replace("``", "`"))
        st.markdown(f"**Formula**: {measure.method or '—'}")
    with right:
        lexicon_section(measure)
        st.markdown(f"**Cite**: {measure.citation or 'Narrative Lens (this project), measure version ' + measure.version}")
        st.markdown("**Known limits**")
        st.warning(measure.limits or "None recorded.", icon=":material/info:")
    validation_section(measure, rows)
    st.markdown("**Columns it reports** (in the paragraph table, the article summary and every export)")
    st.dataframe(columns_frame(measure), hide_index=True, width="stretch", column_config={
        "meaning": st.column_config.TextColumn("meaning", width="large")})
