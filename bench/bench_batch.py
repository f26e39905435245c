"""Batch throughput: paragraphs per second of the local engine against the bare libraries,
the Dask speed-up from one worker to two, and peak memory.

    python bench/bench_batch.py                      # 100,000 paragraphs (many minutes)
    python bench/bench_batch.py --paragraphs 5000    # a quick look

The corpus is generated (tools/synthetic_corpus.py): articles of five paragraphs, written
once to a Parquet table that every phase reads. Each phase runs in its own fresh Python
process, so textstat's per-text lru_cache (and VADER's lexicon) are never shared between
the baseline and the pipeline: each starts cold and pays its own warm-up. Within a phase
a paragraph that occurs twice in the corpus is a cache hit for both alike; the script
prints how many distinct paragraphs there are.

- baseline: the bare libraries on each paragraph: VADER's polarity_scores and textstat's
  five formulas (Flesch, Flesch-Kincaid, Gunning fog, SMOG, Dale-Chall), no I/O;
- local: ``python -m analysis batch`` in-process engine, Parquet in and out, all measures,
  evidence and article summaries;
- dask-1 / dask-2: the same batch on a LocalCluster of one and of two worker processes.

Every phase counts its own warm-up (loading the pronunciation dictionary, starting the
cluster); at 100,000 paragraphs that is a small share. The machine's load average is
printed beside each phase: on a shared machine it bounds what a speed-up can show.

Throughput is given per wall-clock second and per CPU-second (user + system time of
the phase's process and its workers): on a machine shared with other jobs the second is
the steadier figure for the engine-versus-libraries ratio, while a speed-up from more
workers can only be seen on the wall clock.

Peak memory is ru_maxrss of each phase's process and, for Dask, of its worker processes.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PER_ARTICLE = 5


def make_corpus(paragraphs: int, path: Path) -> dict[str, int]:
    import pandas as pd

    from tools.synthetic_corpus import corpus

    n = max(1, paragraphs // PER_ARTICLE)
    rows = [vars(a) for a in corpus(n, seed=2026, paragraphs=(PER_ARTICLE, PER_ARTICLE))]
    pd.DataFrame(rows).to_parquet(path, index=False)
    pars = [p for r in rows for p in r["text"].split("\n\n")]
    return {"articles": n, "paragraphs": len(pars), "distinct": len(set(pars))}


def phase_baseline(src: Path) -> dict[str, float]:
    import pandas as pd

    from bench.bench_pipeline import bare  # VADER and textstat's five formulas per paragraph

    texts = [p for t in pd.read_parquet(src, columns=["text"])["text"] for p in t.split("\n\n")]
    t0 = time.perf_counter()
    bare(texts)  # builds VADER and textstat's dictionary first: warm-up counted, as the batch's is
    return {"seconds": time.perf_counter() - t0, "paragraphs": len(texts)}


def phase_batch(src: Path, out: Path, engine: str, workers: int | None) -> dict[str, float]:
    from analysis.batch import BatchOptions, EngineOptions, run

    t0 = time.perf_counter()
    report = run(src, out, BatchOptions(engine=EngineOptions(engine, workers=workers), chunk=100,
                                        progress_every=30.0))
    return {"seconds": time.perf_counter() - t0, "paragraphs": report.counts.paragraphs}


def child(args: argparse.Namespace) -> None:
    if args.phase == "baseline":
        result = phase_baseline(Path(args.src))
    else:
        engine, _, n = args.phase.partition("-")
        result = phase_batch(Path(args.src), Path(args.out), engine, int(n) if n else None)
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    result["cpu"] = own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
    result["load"] = os.getloadavg()[0]
    result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["children_peak_mib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps(result))


def run_phase(phase: str, src: Path, out: Path) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--phase", phase, "--src", str(src), "--out", str(out)]
    done = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--paragraphs", type=int, default=100_000)
    p.add_argument("--dask-paragraphs", type=int, help="size for the Dask phases (default: --paragraphs)")
    p.add_argument("--phase", help=argparse.SUPPRESS)
    p.add_argument("--src", help=argparse.SUPPRESS)
    p.add_argument("--out", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.phase:
        child(args)
        return
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        work = Path(tmp)
        sizes = {"main": args.paragraphs, "dask": args.dask_paragraphs or args.paragraphs}
        shape = {k: make_corpus(n, work / f"{k}.parquet") for k, n in sizes.items()}
        for k, s in shape.items():
            print(f"corpus[{k}]: {s['articles']:,} articles, {s['paragraphs']:,} paragraphs "
                  f"({s['distinct']:,} distinct)", flush=True)
        results = {}
        for phase, src in (("baseline", "main"), ("local", "main"), ("dask-1", "dask"), ("dask-2", "dask")):
            out = work / f"out-{phase}"
            results[phase] = r = run_phase(phase, work / f"{src}.parquet", out)
            rate = r["paragraphs"] / r["seconds"]
            print(f"{phase:9s} {r['paragraphs']:>9,.0f} paragraphs in {r['seconds']:8.1f} s = {rate:8.1f} "
                  f"paragraphs/s, {r['paragraphs'] / r['cpu']:8.1f} per CPU-second; peak RSS {r['peak_mib']:.0f} MiB (largest child {r['children_peak_mib']:.0f} MiB); "
                  f"load average {r['load']:.1f} on {os.cpu_count()} cores",
                  flush=True)
            shutil.rmtree(out, ignore_errors=True)
        rate = {k: v["paragraphs"] / v["seconds"] for k, v in results.items()}
        cpu = {k: v["paragraphs"] / v["cpu"] for k, v in results.items()}
        print(f"\nlocal engine / bare libraries: {rate['local'] / rate['baseline']:.2f}x the throughput "
              f"({rate['baseline'] / rate['local']:.1f}x slower) by wall clock; "
              f"{cpu['local'] / cpu['baseline']:.2f}x by CPU time ({cpu['baseline'] / cpu['local']:.1f}x slower)")
        print(f"dask speed-up, 2 workers over 1: {rate['dask-2'] / rate['dask-1']:.2f}x")
        print(f"dask-2 / local engine: {rate['dask-2'] / rate['local']:.2f}x")


if __name__ == "__main__":
    main()
