"""Run a batch: read the corpus, skip what is done, score chunks, commit them, record provenance."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from analysis.batch import engines
from analysis.batch.engines import Batch, EngineOptions
from analysis.batch.progress import Progress
from analysis.batch.sources import Corpus, open_corpus
from analysis.batch.store import FORMAT, Output, OutputConflict, write_json
from analysis.ingest.limits import TextLimits
from analysis.measures import Measure
from analysis.pipeline import versions


@dataclass(frozen=True)
class BatchOptions:
    """``chunk``: articles per part file and per task (a task of 100 short articles takes
    a few seconds). ``stop_after``: commit this many chunks, then stop as if interrupted
    (for tests of resuming). ``limits``: the caps on one article's text (None: the
    server's, from the environment); an article over them is a failure row, not scored."""

    engine: EngineOptions = field(default_factory=EngineOptions)
    chunk: int | None = None  # articles per chunk; None: by size (CHUNK_CHARS of text, see _batches)
    text_column: str = "text"
    stop_after: int | None = None
    progress: TextIO | None = None
    progress_every: float = 5.0
    limits: TextLimits | None = None


@dataclass
class RunCounts:
    """What this run did. ``already_done``: skipped because a previous run scored them;
    ``repeats``: the same id and text seen again in this input (counted once);
    ``duplicates``: the same text under another id (recorded in failures, not rescored).
    An id used again for another text is a failure (stage "id"), never merged with the first."""

    scored: int = 0
    failed: int = 0
    duplicates: int = 0
    repeats: int = 0
    already_done: int = 0
    paragraphs: int = 0
    evidence: int = 0
    chunks: int = 0


@dataclass
class RunReport:
    out: Path
    status: str  # "complete", "stopped", "interrupted"
    counts: RunCounts
    totals: dict[str, int]
    seconds: float


def _comparable(v: dict[str, str]) -> dict[str, str]:
    return {k: val for k, val in v.items() if k != "python"}


# A chunk without --chunk: articles up to this much text (or CHUNK_ARTICLES articles). About
# 100 articles of 2,000 characters, or 2,500 headlines: a part file has a fixed cost per column
# (7 ms a chunk of 100 headlines, a quarter of scoring them), which a chunk of this size makes small.
CHUNK_CHARS = 200_000
CHUNK_ARTICLES = 5_000


def _batches(corpus: Corpus, out: Output, size: int | None, counts: RunCounts, bar: Progress) -> Iterator[Batch]:
    """Chunks of ``size`` articles, or (``size`` None) of about CHUNK_CHARS of text."""
    chars = 0
    first: dict[str, str] = {}  # content hash -> first id with it, this run
    pairs: set[tuple[str, str]] = set()
    owner: dict[str, tuple[str, str]] = {aid: (key, "an earlier run") for key, aid in out.done_pairs}
    batch: Batch = []
    for rec in corpus.records():
        pair = (rec.key, rec.article_id)
        if pair in out.done_pairs:
            counts.already_done += 1
            bar.skip()
            continue
        if pair in pairs:
            counts.repeats += 1
            bar.skip()
            continue
        pairs.add(pair)
        taken = owner.setdefault(rec.article_id, (rec.key, f"row {rec.row + 1}"))
        original = out.done.get(rec.key) or first.get(rec.key)
        if taken[0] != rec.key:
            rec = replace(rec, text="", stage="id", error=f"id '{rec.article_id}' is already used by {taken[1]} "
                                                          "for another text; give every article its own id")
        elif original is not None and rec.error is None and rec.text.strip():
            rec = replace(rec, text="", stage="duplicate",
                          error=f"same text as article '{original}', scored once under that id")
        else:
            first.setdefault(rec.key, rec.article_id)
        batch.append(rec)
        chars += len(rec.text)
        if (len(batch) >= size) if size else (chars >= CHUNK_CHARS or len(batch) >= CHUNK_ARTICLES):
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _run_doc(opts: BatchOptions, corpus: Corpus, started: str, status: str, counts: RunCounts) -> dict[str, Any]:
    eng = opts.engine
    return {"started": started, "finished": datetime.now(UTC).isoformat(timespec="seconds"),
            "status": status, "engine": eng.engine, "workers": eng.workers, "scheduler": eng.scheduler,
            "chunk": opts.chunk, "input": {"path": str(corpus.path.resolve()), "kind": corpus.kind,
                                           "records": corpus.total, "text_column": corpus.text_column},
            "counts": vars(counts).copy()}


def run(input_path: str | Path, out_dir: str | Path, opts: BatchOptions | None = None,
        measures: Sequence[Measure] | None = None) -> RunReport:
    """Score every article of ``input_path`` into ``out_dir`` (created or resumed) with
    ``measures`` (default: every registered one; the command line adds a measure per
    ``--dictionary``). Their versions are recorded, and an output scored with others is refused."""
    opts = opts or BatchOptions()
    if opts.chunk is not None and opts.chunk < 1:
        raise ValueError("chunk must be at least 1 article")
    corpus = open_corpus(input_path, opts.text_column, opts.limits)
    out = Output(out_dir)
    chosen = None if measures is None else tuple(measures)
    now = versions(chosen)
    previous = out.provenance()
    if previous and _comparable(previous.get("versions", {})) != _comparable(now):
        raise OutputConflict(f"{out_dir} was scored with other versions of the analysis "
                             f"({previous.get('versions')}); write this run to a new --out folder")
    doc = previous or {"format": FORMAT, "versions": now, "runs": [],
                       "layout": "one Parquet part per chunk of articles in paragraphs/, evidence/, "
                                 "summary/, failures/; chunks/ holds each chunk's commit record"}
    counts = RunCounts()
    started = datetime.now(UTC).isoformat(timespec="seconds")
    doc["runs"].append(_run_doc(opts, corpus, started, "running", counts))
    write_json(out.provenance_path, doc)

    bar = Progress(corpus.total, opts.progress, every=opts.progress_every)
    t0 = time.monotonic()
    status = "failed"  # until an engine returns
    batches = _batches(corpus, out, opts.chunk, counts, bar)
    try:
        if opts.engine.engine == "dask":
            with engines.dask_client(opts.engine) as client:
                status = _drain(engines.run_dask(batches, client, chosen), out, opts, counts, bar)
        elif opts.engine.engine == "local":
            status = _drain(engines.run_local(batches, chosen), out, opts, counts, bar)
        else:
            raise ValueError(f"unknown engine {opts.engine.engine!r}: use local or dask")
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        bar.close()
        doc["runs"][-1] = _run_doc(opts, corpus, started, status, counts)
        doc["totals"] = out.totals()
        doc["updated_at"] = datetime.now(UTC).isoformat(timespec="seconds")
        write_json(out.provenance_path, doc)
    return RunReport(out.root, status, counts, out.totals(), time.monotonic() - t0)


def _drain(results: Iterator[tuple[Batch, Any]], out: Output, opts: BatchOptions,
           counts: RunCounts, bar: Progress) -> str:
    for batch, chunk in results:
        out.commit(chunk, [[r.key, r.article_id] for r in batch], {"engine": opts.engine.engine})
        rows = chunk.counts
        counts.chunks += 1
        counts.scored += rows["summary"]
        counts.duplicates += chunk.duplicates
        counts.failed += rows["failures"] - chunk.duplicates
        counts.paragraphs += rows["paragraphs"]
        counts.evidence += rows["evidence"]
        bar.update(len(batch), rows["paragraphs"])
        if opts.stop_after is not None and counts.chunks >= opts.stop_after:
            return "stopped"
    return "complete"


