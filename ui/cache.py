"""The one cache wrapper the pages call to analyse text.

Keyed by the text's content hash and the analysis version. Streamlit's cache_data is shared
by all sessions of a server; the key includes the session's id so that nothing one
researcher analysed is ever served to another.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

import analysis
from analysis.pipeline import ANALYSIS_VERSION, content_hash


def _session_id() -> str:
    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else "no-session"


@st.cache_data(max_entries=64, show_spinner=False)
def _analyse(session: str, digest: str, version: str, text: str, name: str) -> analysis.Analysis:
    return analysis.analyze(text, name=name)


def analyze(text: str, name: str) -> analysis.Analysis:
    return _analyse(_session_id(), content_hash(text), ANALYSIS_VERSION, text, name)
