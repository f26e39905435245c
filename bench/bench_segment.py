"""Segmentation speed: ``text.segment`` on the bench corpus, optionally against an older text.py.

Three shapes of input from the same 1,000 distinct paragraphs: one article with blank lines
between paragraphs, one article with single line breaks, and every paragraph as a text of its
own (the validation harness's shape). With ``--baseline PATH`` (a copy of an earlier
``analysis/text.py``, e.g. ``git show main:analysis/text.py > /tmp/text_main.py``) both run in
this process, alternating, and the ratio of the fastest runs is printed (CPU seconds: the
steadier figure on a shared machine).

    python -m bench.bench_segment [--paragraphs 1000] [--repeats 7] [--loops 10] [--baseline /tmp/text_main.py]
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from collections.abc import Callable
from types import ModuleType

from analysis import text as current
from devkit.corpus import paragraphs


def load(path: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location("text_baseline", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: cannot be imported")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def cpu(fn: Callable[[], object]) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--paragraphs", type=int, default=1000)
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("--loops", type=int, default=10, help="passes over the input per timed run")
    ap.add_argument("--baseline", help="path of an earlier analysis/text.py to compare with")
    args = ap.parse_args()
    texts = paragraphs(args.paragraphs)
    shapes = {"blank lines": ["\n\n".join(texts)], "line breaks": ["\n".join(texts)], "each alone": texts}
    modules = {"current": current}
    if args.baseline:
        modules["baseline"] = load(args.baseline)
    for name, inputs in shapes.items():
        runs: dict[str, list[float]] = {k: [] for k in modules}
        for _ in range(args.repeats):
            for key, module in modules.items():
                seg = module.segment
                runs[key].append(cpu(lambda seg=seg, inputs=inputs: [seg(t) for _ in range(args.loops)
                                                                       for t in inputs]))
        # the fastest run is the one least disturbed by other processes; the median is shown too
        best = {k: min(v) for k, v in runs.items()}
        med = {k: statistics.median(v) for k, v in runs.items()}
        line = f"{name:12s}: current {best['current']:.3f} s CPU (median {med['current']:.3f})"
        if "baseline" in best:
            line += (f", baseline {best['baseline']:.3f} s (median {med['baseline']:.3f}); "
                     f"ratio current/baseline {best['current'] / best['baseline']:.3f}")
        print(line + f"  [{len(texts)} paragraphs x {args.loops}, best of {args.repeats}]")


if __name__ == "__main__":
    main()
