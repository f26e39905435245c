"""CPU time of each registered measure's ``score`` on the same 1,000 bench paragraphs,
segmented once (segmentation is not counted), so that a change to one measure shows its own
cost. The median of alternating runs, CPU seconds of this process, per 1,000 paragraphs.

    python -m bench.bench_measures [--paragraphs 1000] [--repeats 5] [--only alarm]
"""

from __future__ import annotations

import argparse
import statistics
import time

from analysis.measures import REGISTRY
from analysis.text import segment
from devkit.corpus import paragraphs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--paragraphs", type=int, default=1000)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--only", action="append", default=[], help="measure name (repeatable)")
    args = ap.parse_args()
    doc = segment("\n\n".join(paragraphs(args.paragraphs)))
    pars = doc.paragraphs
    measures = [m for m in REGISTRY if not args.only or m.name in args.only]
    for m in measures:
        m.score(pars[0])  # warm-up: load the lexicon, compile the patterns
    runs: dict[str, list[float]] = {m.name: [] for m in measures}
    for _ in range(args.repeats):
        for m in measures:
            cpu = time.process_time()
            for par in pars:
                m.score(par)
            runs[m.name].append(time.process_time() - cpu)
    per = 1000 / len(pars)
    print(f"{len(pars)} paragraphs, {doc.words} words, {args.repeats} alternating runs (CPU medians)")
    for name, times in runs.items():
        print(f"{name:12s} {statistics.median(times) * per * 1000:8.1f} ms per 1,000 paragraphs "
              f"(min {min(times) * per * 1000:.1f})")


if __name__ == "__main__":
    main()
