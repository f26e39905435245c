"""Batch throughput: CPU per paragraph of ``python -m analysis batch`` against the bare
libraries, the Dask speed-up from one worker to two, and peak memory.

    python bench/bench_batch.py                            # 100,000 headlines in a CSV (minutes)
    python bench/bench_batch.py --texts 5000               # a quick look
    python bench/bench_batch.py --kind articles            # articles of five paragraphs, Parquet

Two corpora, both generated and written once to the table every phase reads:

- ``headlines`` (default): distinct one-line headlines (bench.corpus.headlines) in a CSV with
  an ``id`` and a ``text`` column, one paragraph each: the case where per-article work weighs
  most;
- ``articles``: synthetic articles of five paragraphs (tools/synthetic_corpus.py) in Parquet.

Each phase runs in its own fresh Python process, so textstat's per-text caches (and VADER's
lexicon) are never shared between the baseline and the pipeline: each starts cold and pays
its own warm-up. Phases:

- baseline: the bare libraries on each paragraph: VADER's polarity_scores and textstat's
  five formulas (Flesch, Flesch-Kincaid, Gunning fog, SMOG, Dale-Chall), no I/O;
- local: ``analysis.batch.run`` with the in-process engine: the table read, every measure,
  evidence and article summaries, Parquet written;
- dask-1 / dask-2: the same batch on a LocalCluster of one and of two worker processes.

CPU time is user + system time of the phase's process and its worker processes: on a
machine shared with other jobs it is the steadier figure for the engine-versus-libraries
ratio. A speed-up from more workers shows only on the wall clock, and only when the cores
are free: the load average of the machine is printed beside each phase (on this project's
shared 2-core machine other jobs often hold one core or more), together with the Dask
phase's CPU seconds per wall second (2.0 = both cores busy with this run).

Peak memory is ru_maxrss of each phase's process and, for Dask, of its worker processes.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PER_ARTICLE = 5
PHASES = ("baseline", "local", "dask-1", "dask-2")


def make_corpus(kind: str, texts: int, path: Path) -> dict[str, int]:
    """Write ``texts`` headlines (a CSV) or articles of five paragraphs (Parquet) to ``path``."""
    if kind == "headlines":
        from devkit.corpus import headlines

        lines = headlines(texts)
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["id", "text"])
            writer.writerows((f"h{i:07d}", t) for i, t in enumerate(lines, 1))
        return {"articles": len(lines), "paragraphs": len(lines), "distinct": len(set(lines))}
    import pandas as pd

    from tools.synthetic_corpus import corpus

    n = max(1, texts // PER_ARTICLE)
    rows = [vars(a) for a in corpus(n, seed=2026, paragraphs=(PER_ARTICLE, PER_ARTICLE))]
    pd.DataFrame(rows).to_parquet(path, index=False)
    pars = [p for r in rows for p in r["text"].split("\n\n")]
    return {"articles": n, "paragraphs": len(pars), "distinct": len(set(pars))}


def _paragraphs(src: Path) -> list[str]:
    import pandas as pd

    frame = pd.read_csv(src, dtype=str) if src.suffix == ".csv" else pd.read_parquet(src, columns=["text"])
    return [p for t in frame["text"] for p in t.split("\n\n")]


def phase_baseline(src: Path) -> dict[str, float]:
    from bench.bench_pipeline import bare  # VADER and textstat's five formulas per paragraph

    texts = _paragraphs(src)
    t0 = time.perf_counter()
    bare(texts)  # builds VADER and textstat's dictionary first: warm-up counted, as the batch's is
    return {"seconds": time.perf_counter() - t0, "paragraphs": len(texts)}


def phase_batch(src: Path, out: Path, engine: str, workers: int | None, chunk: int | None) -> dict[str, float]:
    from analysis.batch import BatchOptions, EngineOptions, run

    t0 = time.perf_counter()
    report = run(src, out, BatchOptions(engine=EngineOptions(engine, workers=workers), chunk=chunk,
                                        progress_every=30.0))
    return {"seconds": time.perf_counter() - t0, "paragraphs": report.counts.paragraphs}


def child(args: argparse.Namespace) -> None:
    cpu0 = os.times()
    if args.phase == "baseline":
        result = phase_baseline(Path(args.src))
    else:
        engine, _, n = args.phase.partition("-")
        result = phase_batch(Path(args.src), Path(args.out), engine, int(n) if n else None, args.chunk)
    cpu1 = os.times()
    # This phase's CPU: of this process and of the worker processes it waited for (os.times
    # counts children once they are reaped, which a LocalCluster does on closing).
    result["cpu"] = sum(b - a for a, b in zip(cpu0[:4], cpu1[:4], strict=True))
    result["load"] = os.getloadavg()[0]
    result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["children_peak_mib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps(result))


def run_phase(phase: str, src: Path, out: Path, chunk: int | None) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--phase", phase, "--src", str(src), "--out", str(out),
           *(["--chunk", str(chunk)] if chunk else [])]
    done = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(kind: str, texts: int, dask_texts: int | None = None, chunk: int | None = None,
            phases: tuple[str, ...] = PHASES, say: Any = print) -> dict[str, dict[str, float]]:
    """Run ``phases`` on generated corpora and return each phase's figures (``seconds`` wall,
    ``cpu``, ``paragraphs``, ``load``, peak memory)."""
    suffix = ".csv" if kind == "headlines" else ".parquet"
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        work = Path(tmp)
        sizes = {"main": texts, "dask": dask_texts or texts}
        if sizes["dask"] == sizes["main"]:
            sizes.pop("dask")
        shape = {k: make_corpus(kind, n, work / f"{k}{suffix}") for k, n in sizes.items()}
        for k, s in shape.items():
            say(f"corpus[{k}]: {s['articles']:,} {kind}, {s['paragraphs']:,} paragraphs "
                f"({s['distinct']:,} distinct)")
        results = {}
        for phase in phases:
            src = work / (("dask" if phase.startswith("dask") and "dask" in shape else "main") + suffix)
            out = work / f"out-{phase}"
            results[phase] = r = run_phase(phase, src, out, chunk)
            say(f"{phase:9s} {r['paragraphs']:>9,.0f} paragraphs in {r['seconds']:7.1f} s wall, "
                f"{r['cpu']:7.1f} s CPU ({r['paragraphs'] / r['cpu']:7.0f} per CPU-second, "
                f"{r['cpu'] / r['seconds']:.2f} CPU-s per wall-s); peak RSS {r['peak_mib']:.0f} MiB "
                f"(largest child {r['children_peak_mib']:.0f} MiB); load average {r['load']:.1f} "
                f"on {os.cpu_count()} cores")
            shutil.rmtree(out, ignore_errors=True)
        return results


def cpu_ratio(results: dict[str, dict[str, float]]) -> float:
    """CPU per paragraph of the local batch over that of the bare libraries."""
    per = {k: v["cpu"] / v["paragraphs"] for k, v in results.items()}
    return per["local"] / per["baseline"]


def dask_speedup(results: dict[str, dict[str, float]]) -> float:
    """Paragraphs per wall second with two workers over one."""
    rate = {k: v["paragraphs"] / v["seconds"] for k, v in results.items()}
    return rate["dask-2"] / rate["dask-1"]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--kind", choices=("headlines", "articles"), default="headlines")
    p.add_argument("--texts", type=int, default=100_000, help="headlines, or paragraphs of articles")
    p.add_argument("--dask-texts", type=int, help="size for the Dask phases (default: --texts)")
    p.add_argument("--chunk", type=int, help="articles per chunk (default: the batch's own, by size)")
    p.add_argument("--phase", help=argparse.SUPPRESS)
    p.add_argument("--src", help=argparse.SUPPRESS)
    p.add_argument("--out", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.phase:
        child(args)
        return
    results = measure(args.kind, args.texts, args.dask_texts, args.chunk)
    rate = {k: v["paragraphs"] / v["seconds"] for k, v in results.items()}
    print(f"\nlocal engine / bare libraries, CPU per paragraph: {cpu_ratio(results):.2f}x (target <= 1.5); "
          f"by wall clock {rate['baseline'] / rate['local']:.2f}x")
    print(f"dask speed-up, 2 workers over 1 (wall clock): {dask_speedup(results):.2f}x (target >= 1.7)")
    print(f"dask-2 / local engine (wall clock): {rate['dask-2'] / rate['local']:.2f}x")


if __name__ == "__main__":
    main()
