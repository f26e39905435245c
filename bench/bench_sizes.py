"""The pipeline against the bare libraries for every size of text, side by side in one run.

Bare: VADER's ``polarity_scores`` plus textstat's five formulas (Flesch reading ease,
Flesch-Kincaid, Gunning fog, SMOG, Dale-Chall) on the same texts. Full: ``analysis.analyze``
(every registered measure, evidence, article summary; frames are built only when a caller asks
for them, which these calls do not). CPU time of this process, alternating bare and full runs
with textstat's and our per-input caches emptied before each, median of the repeats.

| texts | target |
|---|---|
| one sentence (NYT editorial sentences), one analyze() call each | <= 3x |
| 10-paragraph articles (bench paragraphs), one call each | <= 1.5x |
| one 1,000-paragraph article | <= 1.3x |
| ``batch``, 100,000 headlines in a CSV, CPU per paragraph | <= 1.5x |
| ``batch --engine dask``, 2 workers over 1, wall clock | >= 1.7x |

The last two rows run bench/bench_batch.py's phases (each in a fresh process: bare libraries,
the local engine, Dask with one and with two workers); ``--batch 0`` leaves them out.

    python -m bench.bench_sizes [--sentences 1500] [--articles 100] [--repeats 3]
                                [--batch 100000] [--dask 100000]

Prints figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable

import analysis
from analysis import paths
from bench import bench_batch
from bench.bench_pipeline import bare, clear_caches
from devkit.corpus import paragraphs

TARGETS = {"sentence": 3.0, "article10": 1.5, "article1000": 1.3, "batch": 1.5, "dask": 1.7}


def sentences(n: int) -> list[str]:
    lines = (paths.EVAL / "sentiment" / "nyt_editorial_snippets.tsv").read_text(encoding="utf-8").splitlines()
    return [line.split("\t", 2)[2] for line in lines[:n]]


def cpu(fn: Callable[[], object]) -> float:
    clear_caches()
    start = time.process_time()
    fn()
    return time.process_time() - start


def cases(args: argparse.Namespace) -> dict[str, tuple[str, list[str], Callable[[], object]]]:
    """Each case: its label, the texts bare scores, and the full pipeline's run."""
    short = sentences(args.sentences)
    pars = paragraphs(args.articles * 10)
    articles = ["\n\n".join(pars[i:i + 10]) for i in range(0, len(pars), 10)]
    big = paragraphs(1000, seed=11)
    return {
        "sentence": (f"{len(short):,} sentences, one analyze() each", short,
                     lambda: [analysis.analyze(t) for t in short]),
        "article10": (f"{len(articles):,} articles of 10 paragraphs, one analyze() each", pars,
                      lambda: [analysis.analyze(t) for t in articles]),
        "article1000": ("one article of 1,000 paragraphs", big, lambda: analysis.analyze("\n\n".join(big))),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sentences", type=int, default=1500)
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--batch", type=int, default=100_000, help="headlines for the batch rows (0: leave out)")
    ap.add_argument("--dask", type=int, default=100_000, help="headlines for the Dask phases")
    args = ap.parse_args()
    analysis.analyze("Warm up: officials may fear a crisis, a spokesperson said.")
    todo = cases(args)
    runs: dict[str, list[tuple[float, float]]] = {k: [] for k in todo}
    for _ in range(args.repeats):
        for name, (_, texts, full) in todo.items():
            runs[name].append((cpu(lambda texts=texts: bare(texts)), cpu(full)))
    lines = [f"CPU seconds, median of {args.repeats} alternating runs (bare = VADER + textstat's five formulas)"]
    for name, (label, _, _) in todo.items():
        b = statistics.median(r[0] for r in runs[name])
        f = statistics.median(r[1] for r in runs[name])
        lines.append(f"  {label}: bare {b:.3f} s, full {f:.3f} s, ratio {f / b:.2f} (target <= {TARGETS[name]:g})")
    print("\n".join(lines), flush=True)
    if args.batch:
        lines += batch_rows(args)
        print("\n".join(["", "All ratios side by side:", *lines]))


def batch_rows(args: argparse.Namespace) -> list[str]:
    """The batch and Dask rows, from bench/bench_batch.py's phases (progress goes to stderr)."""
    def say(line: str) -> None:
        print(f"  [batch] {line}", file=sys.stderr, flush=True)

    runs = bench_batch.measure("headlines", args.batch, args.dask, say=say)
    b, f = (runs[k]["cpu"] / runs[k]["paragraphs"] * 1e3 for k in ("baseline", "local"))
    d1, d2 = runs["dask-1"], runs["dask-2"]
    return [f"  batch, {args.batch:,} headlines in a CSV: bare {b:.3f} ms, batch {f:.3f} ms CPU per paragraph, "
            f"ratio {bench_batch.cpu_ratio(runs):.2f} (target <= {TARGETS['batch']:g})",
            f"  batch --engine dask, {args.dask:,} headlines: 1 worker {d1['seconds']:.1f} s wall "
            f"({d1['cpu'] / d1['seconds']:.2f} CPU-s per wall-s), 2 workers {d2['seconds']:.1f} s wall "
            f"({d2['cpu'] / d2['seconds']:.2f} CPU-s per wall-s; load average {d2['load']:.1f} on "
            f"{os.cpu_count()} cores), speed-up {bench_batch.dask_speedup(runs):.2f} (target >= {TARGETS['dask']:g})"]


if __name__ == "__main__":
    main()
