"""The sourcing measure against the hedging measure on the same paragraphs.

Both score the same segmented paragraphs in this process, alternating; hedging (one
lexicon pass with context rules) is the baseline, so the ratio says what finding quotes,
attributions and pronoun referents costs on top of a word-list measure. A second line
times one long paragraph (the same paragraphs joined without breaks) to show the cost
stays linear in length.

    python -m bench.bench_sources [--paragraphs 1000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import statistics
import time

from analysis.measures import hedging, sources
from analysis.text import segment
from bench.bench_pipeline import clear_caches
from devkit.corpus import paragraphs


def timed(measure, pars) -> float:
    clear_caches()  # every per-input cache, the sourcing detector's included
    start = time.perf_counter()
    for p in pars:
        measure.score(p)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--paragraphs", type=int, default=1000)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    texts = paragraphs(args.paragraphs)
    pars = segment("\n\n".join(texts)).paragraphs
    long_par = segment(" ".join(texts)).paragraphs
    chars = sum(len(t) for t in texts)
    for label, ps in (("paragraphs", pars), ("one long paragraph", long_par)):
        base, ours = [], []
        for _ in range(args.repeats):
            base.append(timed(hedging, ps))
            ours.append(timed(sources, ps))
        b, o = statistics.median(base), statistics.median(ours)
        print(f"{label}: {len(ps)} x, {chars / 1e6:.2f} MB; hedging {b:.3f} s, sources {o:.3f} s; "
              f"ratio sources/hedging = {o / b:.1f}; sources {o / (chars / 1e6):.2f} s per MB")


if __name__ == "__main__":
    main()
