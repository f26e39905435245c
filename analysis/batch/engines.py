"""Where chunks are scored: in this process, or on a Dask cluster.

Both engines call the same :func:`analysis.batch.score.score_chunk` on the same chunks,
so their results are identical row for row; only the order in which chunks finish (and
so the part numbers they get) may differ. The Dask engine keeps a bounded number of
chunks in flight, so reading a large corpus never runs ahead of the workers.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from analysis.batch.score import Chunk, score_chunk
from analysis.batch.sources import Record
from analysis.measures import Measure

Batch = list[Record]
Measures = tuple[Measure, ...] | None  # None: every registered measure


@dataclass(frozen=True)
class EngineOptions:
    """``engine``: "local" or "dask". ``scheduler``: address of an existing Dask scheduler
    (its workers must be able to import this package); otherwise a local cluster of
    ``workers`` processes with one thread each (None = one per core) on the loopback."""

    engine: str = "local"
    scheduler: str | None = None
    workers: int | None = None


def run_local(batches: Iterator[Batch], measures: Measures = None) -> Iterator[tuple[Batch, Chunk]]:
    for batch in batches:
        yield batch, score_chunk(batch, measures)


@contextmanager
def dask_client(opts: EngineOptions) -> Iterator[Any]:
    from distributed import Client, LocalCluster

    if opts.scheduler:
        with Client(opts.scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=opts.workers, threads_per_worker=1, processes=True,
                      host="127.0.0.1", dashboard_address=None) as cluster, Client(cluster) as client:
        yield client


def run_dask(batches: Iterator[Batch], client: Any, measures: Measures = None) -> Iterator[tuple[Batch, Chunk]]:
    """Score batches on the cluster, yielding each as it finishes (at most two per
    worker thread in flight). Measures other than the registered ones (a researcher's
    dictionary) are sent to the workers once and shared by every chunk there, so each worker
    builds their plan, schemas and word lists once."""
    from distributed import as_completed

    limit = 2 * max(1, sum(client.nthreads().values()))
    pending: dict[Any, Batch] = {}
    held = None if measures is None else client.scatter(list(measures), broadcast=True)

    def submit() -> Any | None:
        batch = next(batches, None)
        if batch is None:
            return None
        future = client.submit(score_chunk, batch, held, pure=False)
        pending[future] = batch
        return future

    queue = as_completed([f for f in (submit() for _ in range(limit)) if f is not None])
    try:
        for future in queue:
            batch = pending.pop(future)
            chunk = future.result()
            future.release()
            following = submit()
            if following is not None:
                queue.add(following)
            yield batch, chunk
    finally:
        for future in pending:
            future.cancel()
