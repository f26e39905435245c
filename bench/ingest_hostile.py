"""How long each hostile fixture takes to be refused, beside a good file of the same format.

    python bench/ingest_hostile.py [--repeat N]

Prints, per fixture, the median wall-clock seconds of ``analysis.ingest.load_bytes`` over
N runs, the refusal message, and the ratio to the baseline (the good file of that format
read in the same script). The PDF baseline includes the cost of starting the child process.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.ingest import UnreadableInput, load_bytes  # noqa: E402
from devkit import fixtures as fx  # noqa: E402

BASELINE = {"txt": "utf8.txt", "docx": "article.docx", "pdf": "article.pdf", "html": "article.html"}


def huge_page() -> bytes:
    """Not hostile in form, only in size: 18 MB of distinct paragraphs."""
    return b"<html><body><article>" + b"".join(
        b"<p>Paragraph %d: the river rose again, officials said, and the barrier held.</p>\n" % i
        for i in range(220_000)) + b"</article></body></html>"


def timed(name: str, repeat: int) -> tuple[float, str]:
    data = huge_page() if name == "huge-page.html" else fx.make(name)
    times, outcome = [], ""
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            load_bytes(data, name)
            outcome = "read"
        except UnreadableInput as exc:
            outcome = str(exc)
        times.append(time.perf_counter() - start)
    return statistics.median(times), outcome


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    base = {ext: timed(name, args.repeat)[0] for ext, name in BASELINE.items()}
    print(f"baseline (good file, median of {args.repeat}): " +
          ", ".join(f"{BASELINE[e]} {t:.3f} s" for e, t in base.items()))
    print(f"{'fixture':<14} {'bytes':>12} {'seconds':>8} {'x good':>7}  message")
    worst = 0.0
    for name in [*fx.HOSTILE, "huge-page.html"]:
        seconds, outcome = timed(name, 1 if name == "huge-page.html" else args.repeat)
        worst = max(worst, seconds)
        ratio = seconds / base[name.rsplit(".", 1)[1]]
        size = len(huge_page()) if name == "huge-page.html" else len(fx.make(name))
        print(f"{name:<14} {size:>12,} {seconds:>8.3f} {ratio:>7.1f}  {outcome[:90]}")
    print(f"slowest refusal: {worst:.3f} s")


if __name__ == "__main__":
    main()
