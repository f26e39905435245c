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
from views.escape import html, md

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
    """The validation rows as a reader sees them: named sets and metrics, which sub-scale was
    judged and on which part of the set (development or held-out), the interval in one cell,
    "—" where the run recorded nothing (no published reference, no floor)."""
    return pd.DataFrame([{
        "evaluation set": stored.dataset_label(str(r.get("dataset", ""))),
        "sub-scale": str(r.get("subscale") or "—"),
        "part": str(r.get("part") or "—"),
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


def _figures(rows: list[dict[str, Any]], yardstick: str = "") -> str:
    """A sub-scale's measured figures, set by set, each with its part and n (the set named
    unless it is ``yardstick``, which has a column of its own)."""
    by_set: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in rows:
        if isinstance(r.get("value"), int | float) and r.get("n"):
            by_set.setdefault((str(r.get("dataset", "")), str(r.get("part") or "")), []).append(r)
    out = []
    for (dataset, part), items in by_set.items():
        figures = ", ".join(f"{METRIC_NAMES.get(str(r['metric']), str(r['metric']).replace('_', ' '))} "
                            f"{_figure(r['value'], 2)}" for r in items)
        n = max(int(r["n"]) for r in items)
        where = "" if dataset == yardstick else f"; {stored.dataset_label(dataset)}"
        out.append(f"{part or 'part not recorded'}: {figures} (n = {n:,}{where})")
    return " · ".join(out)


def subscale_frame(measure: Measure, doc: dict[str, Any] | None) -> pd.DataFrame:
    """One row per sub-scale: its column, meaning, whether the measure's figure includes it, the
    set that judges it and its measured figures with the part they come from."""
    composite = measure.column(measure.name)
    whole = composite.label if composite is not None else "the composite"
    mine = stored.rows(doc, measure.name)
    rows = []
    for sub in measure.subscales:
        judged = [r for r in mine if r.get("subscale") == sub.name]
        figures = _figures(judged, sub.yardstick)
        parts = [figures] if figures else []
        if sub.yardstick and not any(r.get("dataset") == sub.yardstick and _figures([r]) for r in judged):
            whole_rows = [r for r in mine if r.get("dataset") == sub.yardstick and _figures([r])]
            parts.append("no figure yet on the set that judges it"
                         + (f" ({measure.name} as a whole has figures there: see the table above)" if whole_rows else ""))
        rows.append({"sub-scale": sub.label, "column": sub.name, "meaning": sub.description,
                     f"in {whole}": "yes" if sub.composite else "no: counted apart",
                     "judged on": stored.dataset_label(sub.yardstick) if sub.yardstick else "—",
                     "validity (part of the set)": " · ".join(parts) or "not yet measured on its own"})
    return pd.DataFrame(rows)


def subscale_section(measure: Measure, doc: dict[str, Any] | None) -> None:
    if not measure.subscales:
        return
    st.markdown("**Sub-scales**: each is a column of its own in every table, chart and export; the measure's "
                "figure sums the ones marked yes. Development figures are those the rules were tuned on; "
                "held-out figures come from text the rules never saw.")
    st.table(subscale_frame(measure, doc), hide_index=True)


def dictionary_section(measure: Measure) -> None:
    """A researcher's dictionary: what it counts and how it was applied (its methods sentence)."""
    hue = theme.colour(measure.name)
    st.html(f'<div style="border-left:6px solid {hue};padding:.1rem 0 .1rem .8rem;margin-top:1.2rem">'
            f'<h3 style="margin:0;padding:0">{html(measure.name)}</h3>'
            f'<span style="color:{theme.MUTED}">your dictionary, version {html(measure.version)}</span></div>')
    st.markdown(md(measure.methods))
    st.caption(f"{md(measure.limits)} Not validated against human judgement by Narrative Lens; its internal "
               "consistency is on the Dictionaries page.")
    st.table(columns_frame(measure), hide_index=True)


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
    subscale_section(measure, doc)
    st.markdown("**Columns it reports** (in the paragraph table, the article summary and every export)")
    st.table(columns_frame(measure), hide_index=True)
