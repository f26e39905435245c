"""Cached DuckDB queries for the Corpus page.

Each function opens the output folder afresh (cheap: a JSON file and an in-memory DuckDB
connection) and is cached on the folder path plus its commit stamp, so a run that is
still writing shows new chunks on the next rerun. The folder is server-side data that the
researcher names, not something they uploaded, so the cache is shared between sessions.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from analysis import paths
from analysis.batch import BatchOptions, run
from analysis.batch.query import CorpusOutput, Filter, latest
from analysis.store import Store, Workspace, db_path

DATA = paths.DATA
ENV = "NARRATIVE_LENS_CORPUS"


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


class _Counter:
    """A text stream for the batch run's progress lines ("[###---] 3/10 articles ..."): each
    line becomes a call ``on_progress(done, total)``."""

    LINE = re.compile(r"(\d[\d,]*)/(\d[\d,]*) articles")

    def __init__(self, on_progress: Callable[[int, int], None]) -> None:
        self.on_progress = on_progress

    def isatty(self) -> bool:
        return True  # a line at every step, not every five seconds

    def write(self, text: str) -> int:
        for done, total in self.LINE.findall(text):
            self.on_progress(int(done.replace(",", "")), int(total.replace(",", "")))
        return len(text)

    def flush(self) -> None:
        return None


def workspace_folder(owner: str, ws: Workspace) -> Path:
    """Where a workspace scored as a corpus is written: beside the workspace database, under a
    name derived from the owner's key (which is private), so no other researcher's page
    offers it."""
    key = hashlib.sha256(f"{owner}\n{ws.id}".encode()).hexdigest()[:20]
    return db_path().parent / "corpus" / f"workspace-{key}"


def score_workspace(store: Store, owner: str, ws: Workspace, on_progress: Callable[[int, int], None]) -> Path:
    """Score every article of ``ws`` as a corpus (``analysis.batch``, the same scoring as the
    command line) into a fresh :func:`workspace_folder`; returns the folder."""
    out = workspace_folder(owner, ws)
    shutil.rmtree(out, ignore_errors=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="nl-workspace-") as tmp:
        source = Path(tmp) / "articles.jsonl"
        with source.open("w", encoding="utf-8") as fh:
            for a in store.articles(ws):
                row = {"id": str(a.id), "title": a.title or a.file_name, "outlet": a.outlet, "date": a.date,
                       "url": a.url, "text": store.text(ws, a.id)}
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        run(source, out, BatchOptions(chunk=10, progress=_Counter(on_progress), progress_every=0))  # type: ignore[arg-type]
    return out
