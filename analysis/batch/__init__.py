"""Score a whole corpus: ``python -m analysis batch INPUT --out DIR``.

INPUT is a folder of files or a CSV / JSONL / Parquet table (see :mod:`.sources`); the
output folder layout, and how a killed run resumes, is described in :mod:`.store`. The
same scoring function (:func:`.score.score_chunk`) runs in this process or on a Dask
cluster (:mod:`.engines`).
"""

from analysis.batch.engines import EngineOptions
from analysis.batch.run import BatchOptions, RunCounts, RunReport, run
from analysis.batch.sources import BadInput
from analysis.batch.store import OutputConflict

__all__ = ["BadInput", "BatchOptions", "EngineOptions", "OutputConflict", "RunCounts", "RunReport", "run"]
