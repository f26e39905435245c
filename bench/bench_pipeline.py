"""Full pipeline against the bare libraries on the same 1,000 distinct paragraphs.

Bare libraries: VADER's polarity_scores on each paragraph plus textstat's five formulas
(Flesch reading ease, Flesch-Kincaid, Gunning fog, SMOG, Dale-Chall). Full pipeline:
``analysis.analyze`` on the paragraphs as one article (segmentation, VADER per sentence
with evidence, hedging, alarm, the five formulas per paragraph and for the article,
frames); also reported: each paragraph analysed as an article of its own. Both run in this process, alternating, with
textstat's internal caches cleared before every run so neither profits from the other.

    python -m bench.bench_pipeline [--paragraphs 1000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from types import ModuleType

import analysis
from analysis.measures import readability, sentiment
from devkit.corpus import paragraphs


def clear_caches() -> None:
    """Empty every per-input cache, textstat's and ours (per-word syllables, sourcing per
    paragraph), so that no run profits from the texts an earlier run saw. Caches of set-up
    objects (the VADER analyser, lexicons, compiled patterns) stay: both sides keep theirs."""
    for module in list(sys.modules.values()):
        if not isinstance(module, ModuleType):
            continue
        ours = module.__name__.startswith("analysis")
        if not (ours or module.__name__.startswith("textstat")):
            continue
        for obj in vars(module).values():
            if not (callable(obj) and hasattr(obj, "cache_clear")) or obj.__name__ == "get_cmudict":
                continue
            if ours and obj.cache_parameters().get("maxsize") is None:
                continue  # functools.cache on a set-up object, not on the input
            obj.cache_clear()


def bare(texts: list[str]) -> None:
    sia = sentiment.analyzer()
    ts = readability.textstat()
    for t in texts:
        sia.polarity_scores(t)
        ts.flesch_reading_ease(t)
        ts.flesch_kincaid_grade(t)
        ts.gunning_fog(t)
        ts.smog_index(t)
        ts.dale_chall_readability_score(t)


def full(texts: list[str]) -> None:
    """The pipeline on the paragraphs as one article (frames and summary built once)."""
    analysis.analyze("\n\n".join(texts))


def full_each(texts: list[str]) -> None:
    """The pipeline on every paragraph as an article of its own (frames built 1,000 times)."""
    for t in texts:
        analysis.analyze(t)


class GcClock:
    """CPU seconds spent in the garbage collector and the number of full (generation 2)
    collections while it is installed, through ``gc.callbacks``."""

    def __init__(self) -> None:
        self.seconds, self.full, self._start = 0.0, 0, 0.0

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._start = time.process_time()
        else:
            self.seconds += time.process_time() - self._start
            self.full += info["generation"] == 2


def timed(fn, texts: list[str]) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds of this process, CPU seconds of it in the garbage
    collector, full collections): CPU time is the steadier figure on a shared machine,
    where other processes stretch the wall clock of one run and not another."""
    clear_caches()
    clock = GcClock()
    gc.callbacks.append(clock)
    try:
        wall, cpu = time.perf_counter(), time.process_time()
        fn(texts)
        return time.perf_counter() - wall, time.process_time() - cpu, clock.seconds, clock.full
    finally:
        gc.callbacks.remove(clock)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--paragraphs", type=int, default=1000)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    texts = paragraphs(args.paragraphs)
    full(texts[:5])  # warm-up: load VADER, the CMU dictionary, the lexicons
    runs: dict[str, list[tuple[float, float, float, int]]] = {"bare": [], "full": [], "each": []}
    for _ in range(args.repeats):
        for name, fn in (("bare", bare), ("full", full), ("each", full_each)):
            runs[name].append(timed(fn, texts))
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} paragraphs, {words} words, {args.repeats} alternating runs (medians)")
    for i, clock in enumerate(("wall", "CPU")):
        b, f, e = (statistics.median(r[i] for r in runs[k]) for k in ("bare", "full", "each"))
        print(f"[{clock}] bare VADER + 5 textstat formulas: {b:.3f} s ({len(texts) / b:,.0f} paragraphs/s); "
              f"full pipeline: {f:.3f} s ({len(texts) / f:,.0f} paragraphs/s)")
        print(f"[{clock}] ratio full / bare: {f / b:.2f}  (target <= 1.5); each paragraph as an "
              f"article of its own: ratio {e / b:.2f} (three DataFrames and provenance per call)")
    g, n = (statistics.median(r[i] for r in runs["full"]) for i in (2, 3))
    bg = statistics.median(r[2] for r in runs["bare"])
    print(f"[CPU] of which garbage collection: full pipeline {g:.3f} s (median {n:g} full collections, "
          f"which trace every object of the process), bare {bg:.3f} s")


if __name__ == "__main__":
    main()
