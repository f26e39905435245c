"""The one cache wrapper the pages call to analyse text (``analyze``), to list its sources
and quotations (``sourcing``) and to compare articles (``compare``).

Keyed by the texts' content hashes and a digest of every measure's, lexicon's and library's
version (``analysis.pipeline.versions_digest``), so a score from an older measure is never
served as current. The researcher's own dictionaries (``ui.dictionaries``, found by
``ui.page.setup`` on every run) are scored beside the registered measures, and the key names
each one's version and how it is applied (negation, quoted speech): adding, editing or
removing one, or changing its options, scores the text afresh. Without dictionaries the
measures and the key are the registry's, as before. Streamlit's
cache_data is shared by all sessions of a server; the key includes the session's id so that
nothing one researcher analysed is ever served to another.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

import analysis
from analysis.measures import REGISTRY, Measure
from analysis.pipeline import content_hash, versions_digest
from ui import state
from ui.state import Article

if TYPE_CHECKING:  # the compare engine is imported by the one page that compares, not at start-up
    from analysis import compare as comparison


def _session_id() -> str:
    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else "no-session"


def _dictionaries() -> tuple[Measure, ...]:
    return tuple(state.get(state.DICTIONARY_MEASURES) or ())


def _measures() -> tuple[tuple[Measure, ...] | None, str]:
    """The measures to score with (None: the registry) and the version key they imply."""
    extra = _dictionaries()
    if not extra:
        return None, versions_digest()
    measures = (*REGISTRY, *extra)
    # A dictionary's version is its terms' hash; its methods text also names the options it is
    # applied with, which change the scores but not the version.
    how = hashlib.sha256("\n".join(f"{m.name}\t{m.version}\t{m.methods}" for m in extra).encode()).hexdigest()
    return measures, f"{versions_digest(measures)}:{how[:16]}"


@st.cache_data(max_entries=64, show_spinner=False)
def _analyse(session: str, digest: str, version: str, text: str, name: str,
             _measures: tuple[Measure, ...] | None = None) -> analysis.Analysis:
    return analysis.analyze(text, name=name, measures=_measures)


def analyze(text: str, name: str) -> analysis.Analysis:
    """``text`` scored with every registered measure and the researcher's dictionaries."""
    measures, version = _measures()
    return _analyse(_session_id(), content_hash(text), version, text, name, measures)


@st.cache_data(max_entries=64, show_spinner=False)
def _sourcing(session: str, digest: str, version: str,
              _result: analysis.Analysis) -> tuple[pd.DataFrame, pd.DataFrame]:
    from analysis.sourcing import table

    return table.mentions(_result.document), table.quotations(_result.document)


def sourcing(text: str, name: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every source mention and every direct quotation of the analysed ``text`` (the tables of
    :mod:`analysis.sourcing.table`), built once per text and session: walking every paragraph
    again costs about 0.3 s CPU per rerun on a 1,000-paragraph article."""
    return _sourcing(_session_id(), content_hash(text), versions_digest(), analyze(text, name))


@st.cache_data(max_entries=16, show_spinner=False)
def _compare(session: str, digests: tuple[str, ...], names: tuple[str, ...], version: str,
             _articles: tuple[Article, ...]) -> comparison.Comparison:
    from analysis import compare as comparison

    analyses = [analyze(a.text, name) for a, name in zip(_articles, names, strict=True)]
    return comparison.compare(analyses)


def compare(articles: Sequence[Article]) -> comparison.Comparison:
    """The comparison of ``articles[0]`` (focus) with the rest, keyed by the texts' hashes and
    titles (the articles themselves are not hashed again)."""
    from analysis.compare import COMPARE_VERSION

    return _compare(_session_id(), tuple(a.sha256 for a in articles), tuple(a.title for a in articles),
                    f"{COMPARE_VERSION}:{_measures()[1]}", tuple(articles))
