"""Cached DuckDB queries for the Corpus page.

Each function opens the output folder afresh (cheap: a JSON file and an in-memory DuckDB
connection) and is cached on the folder path plus its commit stamp, so a run that is
still writing shows new chunks on the next rerun. The folder is server-side data that the
researcher names, not something they uploaded, so the cache is shared between sessions.
"""

from __future__ import annotations

import os
from typing import Any

import pandas as pd
import streamlit as st

from analysis import paths
from analysis.batch.query import CorpusOutput, Filter, latest

DATA = paths.DATA
ENV = "NARRATIVE_LENS_CORPUS"
PATH_KEY = "corpus_path"


def default_path() -> str:
    """The env var if set, else the most recently updated batch output under data/."""
    if os.environ.get(ENV):
        return os.environ[ENV]
    found = latest(DATA)
    return str(found) if found else ""


def open_output(path: str) -> tuple[CorpusOutput, str]:
    out = CorpusOutput(path)
    return out, out.stamp()


@st.cache_data(max_entries=256, show_spinner=False)
def query(path: str, stamp: str, name: str, *args: Any) -> Any:
    """``CorpusOutput(path).<name>(*args)``, cached per folder state."""
    return getattr(CorpusOutput(path), name)(*args)


@st.cache_data(max_entries=64, show_spinner=False)
def percentiles(path: str, stamp: str, values: pd.DataFrame, level: str, flt: Filter) -> pd.DataFrame:
    return CorpusOutput(path).percentiles(values, level, flt)
