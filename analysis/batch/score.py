"""Score one chunk of records into four tables, encoded as Parquet. Both engines run exactly this.

Every row carries the article's id and content hash (``article_id``, ``sha256``), and
paragraph and evidence rows also carry ``outlet`` and ``date`` so that a corpus can be
sliced by outlet or period without a join. A record that cannot be scored becomes a
row of ``failures`` with the stage and reason; the chunk goes on.

The chunk's texts are scored with one :func:`analysis.pipeline.analyze_many` and its tables
are built once, column by column, from the columnar records of every article (no frame per
article); they hold exactly the values of each article's ``paragraphs``, ``evidence`` and
``summary`` frames (a test compares them). The Parquet encoding happens here too, so that a
Dask worker does it and the process that commits the chunks only writes bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from operator import itemgetter
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis.batch.sources import Record
from analysis.measures import REGISTRY, Measure
from analysis.pipeline import EVIDENCE_COLUMNS, Analysis, analyze, analyze_many

KEYS = ["article_id", "sha256", "outlet", "date"]
ARTICLE = ["article_id", "sha256", "row", "source", "title", "outlet", "date", "url"]
FAILURE = [*ARTICLE, "stage", "reason"]
DATASETS = ("paragraphs", "evidence", "summary", "failures")
_SAMPLE = "Officials may have warned of a grave threat, experts said.\n\nThe council met on Tuesday."


@dataclass
class Chunk:
    """One scored chunk: each dataset's rows (in input order) as a Parquet file's bytes, with
    its row count, and how many of the failures are duplicate texts."""

    parts: dict[str, bytes]
    counts: dict[str, int]
    duplicates: int = 0

    def table(self, dataset: str) -> pa.Table:
        """The rows of ``dataset`` (an empty table with the dataset's columns when it has none)."""
        data = self.parts.get(dataset)
        return pq.read_table(pa.BufferReader(data)) if data else pa.table({})


def _arrow_type(dtype: Any) -> pa.DataType:
    if str(dtype) == "int64":
        return pa.int64()
    if str(dtype) == "float64":
        return pa.float64()
    if str(dtype) == "bool":
        return pa.bool_()
    return pa.string()


_META_TYPES = {"article_id": pa.string(), "sha256": pa.string(), "row": pa.int64(),
               "source": pa.string(), "title": pa.string(), "outlet": pa.string(),
               "date": pa.date32(), "url": pa.string(), "stage": pa.string(), "reason": pa.string()}
_SCHEMAS: dict[tuple[int, ...], tuple[tuple[Measure, ...], dict[str, pa.Schema]]] = {}


def schemas(measures: Sequence[Measure] | None = None) -> dict[str, pa.Schema]:
    """The fixed Parquet schema of each dataset, taken from the pipeline's own frames, so
    every part file of a corpus has the same columns and types (no all-null guesses).
    Worked out once per set of measures (looked up by their identity, as the pipeline's plan
    is: a Dask worker receives the measures once and reuses them for every chunk)."""
    chosen = tuple(REGISTRY if measures is None else measures)
    key = tuple(map(id, chosen))
    found = _SCHEMAS.get(key)
    if found is None:
        if len(_SCHEMAS) >= 16:
            _SCHEMAS.pop(next(iter(_SCHEMAS)))
        found = _SCHEMAS[key] = (chosen, _schemas(chosen))  # the measures kept alive with their key
    return found[1]


def _schemas(measures: tuple[Measure, ...]) -> dict[str, pa.Schema]:
    ref = analyze(_SAMPLE, measures=measures)

    def build(meta: list[str], frame: pd.DataFrame | None) -> pa.Schema:
        fields = [pa.field(c, _META_TYPES[c]) for c in meta]
        if frame is not None:
            fields += [pa.field(c, _arrow_type(t)) for c, t in frame.dtypes.items()
                       if c not in meta and c != "article"]
        return pa.schema(fields)

    return {"paragraphs": build(KEYS, ref.paragraphs), "evidence": build(KEYS, ref.evidence),
            "summary": build(ARTICLE, ref.summary), "failures": build(FAILURE, None)}


def _meta(rec: Record) -> dict[str, Any]:
    return {"article_id": rec.article_id, "sha256": rec.key, "row": rec.row, "source": rec.source,
            "title": rec.title, "outlet": rec.outlet, "date": rec.date, "url": rec.url}


def _failure(rec: Record, stage: str, reason: str) -> dict[str, Any]:
    return {**_meta(rec), "stage": stage, "reason": reason}


def _dates(frame: pd.DataFrame) -> pd.DataFrame:
    """Parse the ``date`` column to calendar dates; what cannot be parsed becomes null."""
    if "date" in frame and len(frame):
        parsed = pd.to_datetime(frame["date"], errors="coerce", utc=True, format="mixed")
        frame["date"] = parsed.dt.date.where(parsed.notna(), None)
    return frame


def score_chunk(records: Sequence[Record], measures: Sequence[Measure] | None = None) -> Chunk:
    """Score ``records`` (one chunk) with ``measures`` (default: every registered one); the
    rows come back ordered like the input."""
    chosen = tuple(REGISTRY if measures is None else measures)
    failed: dict[int, dict[str, Any]] = {}
    todo: list[int] = []
    for i, rec in enumerate(records):
        if rec.error:
            failed[i] = _failure(rec, rec.stage, rec.error)
        elif not rec.text.strip():
            failed[i] = _failure(rec, "read", "empty text: nothing to score")
        else:
            todo.append(i)

    def score_failed(position: int, exc: Exception) -> None:
        i = todo[position]
        failed[i] = _failure(records[i], "score", f"{type(exc).__name__}: {exc}")

    many = analyze_many([records[i].text for i in todo], [records[i].article_id for i in todo], chosen,
                        failed=score_failed)
    done: list[tuple[Record, Analysis]] = []
    for i, result in zip([i for i in todo if i not in failed], many.results, strict=True):
        if result.records["paragraph"]:
            done.append((records[i], result))
        else:
            failed[i] = _failure(records[i], "score", "no paragraphs found in the text")
    failures = [failed[i] for i in sorted(failed)]
    tables = _tables(done, schemas(chosen))
    tables["failures"] = _table(_lists(_dates(pd.DataFrame(failures, columns=FAILURE))), schemas(chosen)["failures"])
    parts = {name: _parquet(t) for name, t in tables.items() if t.num_rows}
    counts = {name: t.num_rows for name, t in tables.items()}
    return Chunk(parts, counts, sum(f["stage"] == "duplicate" for f in failures))


def _tables(done: list[tuple[Record, Analysis]], schema: dict[str, pa.Schema]) -> dict[str, pa.Table]:
    """The paragraphs, evidence and summary tables of the scored articles, column by column."""
    meta = _lists(_dates(pd.DataFrame([_meta(rec) for rec, _ in done], columns=ARTICLE)))
    results = [r for _, r in done]
    pars = [len(r.records["paragraph"]) for r in results]
    spans = [len(r.evidence_rows) for r in results]

    def keys(sizes: list[int]) -> dict[str, list[Any]]:
        return {k: list(chain.from_iterable(map(repeat, meta[k], sizes))) for k in KEYS}

    paragraphs = keys(pars)
    names = schema["paragraphs"].names[len(KEYS):]
    for name, lists in _transposed(names, [r.records for r in results]).items():
        paragraphs[name] = list(chain.from_iterable(lists))
    evidence = keys(spans)
    rows = list(chain.from_iterable(r.evidence_rows for r in results))
    for i, name in enumerate(EVIDENCE_COLUMNS):
        evidence[name] = list(map(itemgetter(i), rows))
    summary = dict(meta)
    summary.update(_transposed(schema["summary"].names[len(ARTICLE):], [r.summary_values for r in results]))
    return {"paragraphs": _table(paragraphs, schema["paragraphs"]),
            "evidence": _table(evidence, schema["evidence"]),
            "summary": _table(summary, schema["summary"])}


def _lists(frame: pd.DataFrame) -> dict[str, list[Any]]:
    return {str(name): values for name, values in frame.to_dict("list").items()}


def _transposed(names: list[str], mappings: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """``{name: [m[name] for m in mappings]}`` for every name, transposed with C-level helpers
    (an itemgetter per mapping, one zip): a Python loop per column and article cost as much as
    building the arrays and the Parquet file together."""
    if not mappings:
        return {name: [] for name in names}
    get = itemgetter(*names)
    rows = [get(m) for m in mappings] if len(names) > 1 else [(m[names[0]],) for m in mappings]
    return dict(zip(names, map(list, zip(*rows, strict=True)), strict=True))


def _table(columns: dict[str, list[Any]], schema: pa.Schema) -> pa.Table:
    """Columns of Python values as a table of ``schema``; NaN becomes null, as it does when a
    pandas frame is converted (the frames of :mod:`analysis.pipeline` give the same table)."""
    return pa.table([pa.array(columns[f.name], type=f.type, from_pandas=True) for f in schema], schema=schema)


def _parquet(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return bytes(sink.getvalue().to_pybytes())


def to_arrow(name: str, frame: pd.DataFrame, measures: Sequence[Measure] | None = None) -> pa.Table:
    """A frame of the pipeline (with the key columns added) as a table of dataset ``name``."""
    return pa.Table.from_pandas(frame, schema=schemas(measures)[name], preserve_index=False)
