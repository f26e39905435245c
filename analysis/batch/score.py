"""Score one chunk of records into four tidy frames. Both engines run exactly this.

Every row carries the article's id and content hash (``article_id``, ``sha256``), and
paragraph and evidence rows also carry ``outlet`` and ``date`` so that a corpus can be
sliced by outlet or period without a join. A record that cannot be scored becomes a
row of ``failures`` with the stage and reason; the chunk goes on.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.batch.sources import Record
from analysis.pipeline import Analysis, analyze

KEYS = ["article_id", "sha256", "outlet", "date"]
ARTICLE = ["article_id", "sha256", "row", "source", "title", "outlet", "date", "url"]
FAILURE = [*ARTICLE, "stage", "reason"]
DATASETS = ("paragraphs", "evidence", "summary", "failures")
_SAMPLE = "Officials may have warned of a grave threat, experts said.\n\nThe council met on Tuesday."


@dataclass
class Chunk:
    """The scored frames of one chunk, in input order."""

    paragraphs: pd.DataFrame
    evidence: pd.DataFrame
    summary: pd.DataFrame
    failures: pd.DataFrame

    def frames(self) -> dict[str, pd.DataFrame]:
        return {name: getattr(self, name) for name in DATASETS}


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


@functools.cache
def schemas() -> dict[str, pa.Schema]:
    """The fixed Parquet schema of each dataset, taken from the pipeline's own frames, so
    every part file of a corpus has the same columns and types (no all-null guesses)."""
    ref = analyze(_SAMPLE)

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


def score_record(rec: Record) -> tuple[Analysis | None, dict[str, Any] | None]:
    """``(analysis, None)`` or ``(None, failure row)``."""
    if rec.error:
        return None, _failure(rec, rec.stage, rec.error)
    if not rec.text.strip():
        return None, _failure(rec, "read", "empty text: nothing to score")
    try:
        result = analyze(rec.text, name=rec.article_id)
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop a corpus
        return None, _failure(rec, "score", f"{type(exc).__name__}: {exc}")
    if result.paragraphs.empty:
        return None, _failure(rec, "score", "no paragraphs found in the text")
    return result, None


def _dates(frame: pd.DataFrame) -> pd.DataFrame:
    """Parse the ``date`` column to calendar dates; what cannot be parsed becomes null."""
    if "date" in frame and len(frame):
        parsed = pd.to_datetime(frame["date"], errors="coerce", utc=True, format="mixed")
        frame["date"] = parsed.dt.date.where(parsed.notna(), None)
    return frame


def score_chunk(records: Sequence[Record]) -> Chunk:
    """Score ``records`` (one chunk); the frames come back ordered like the input.

    The article's keys are added once per chunk (repeated per row with numpy), not per
    article: per-article ``DataFrame.assign`` was a third of the batch's scoring time."""
    done: list[tuple[Record, Analysis]] = []
    failures: list[dict[str, Any]] = []
    for rec in records:
        result, failure = score_record(rec)
        if failure is not None:
            failures.append(failure)
        elif result is not None:
            done.append((rec, result))
    schema = schemas()
    meta = _dates(pd.DataFrame([_meta(rec) for rec, _ in done], columns=ARTICLE))

    def stack(name: str, frames: list[pd.DataFrame]) -> pd.DataFrame:
        cols = schema[name].names
        if not frames:
            return pd.DataFrame(columns=cols)
        frame = pd.concat(frames, ignore_index=True)
        if name == "summary":
            frame = pd.concat([meta, frame.drop(columns=["article"])], axis=1)
        else:
            sizes = [len(f) for f in frames]
            frame = frame.assign(**{k: np.repeat(meta[k].to_numpy(dtype=object), sizes) for k in KEYS})
        return frame[cols]

    return Chunk(stack("paragraphs", [a.paragraphs for _, a in done]),
                 stack("evidence", [a.evidence for _, a in done]),
                 stack("summary", [a.summary for _, a in done]),
                 _dates(pd.DataFrame(failures, columns=FAILURE)))


def to_arrow(name: str, frame: pd.DataFrame) -> pa.Table:
    return pa.Table.from_pandas(frame, schema=schemas()[name], preserve_index=False)
