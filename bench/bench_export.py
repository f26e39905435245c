"""Seconds to export every chart of an article as PNG, and to build its report (HTML, PDF).

The article is the dev focus report of tests/fixtures/compare with three other outlets, so
"every chart" is the home page's two (arc, heatmap) and the Compare page's four (profile,
arcs, words, coverage), each a 2x PNG with its caption, as the download buttons make them.

- baseline: one Chromium per image (kaleido's one-shot call, no server), as a naive exporter
  would do it;
- ours: the one long-lived kaleido/Chromium process of report.figures, first round (includes
  starting the browser) and warm rounds (median);
- the report: HTML (figures as SVG, warm server) and the PDF printed by Chromium.

    python bench/bench_export.py [--reps 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import kaleido  # noqa: E402

import analysis  # noqa: E402
from analysis import compare  # noqa: E402
from analysis.validate import stored  # noqa: E402
from report import build, figures  # noqa: E402
from views import compare_charts  # noqa: E402

DEV = ROOT / "tests" / "fixtures" / "compare" / "dev"


def charts(results: list[analysis.Analysis]) -> list[tuple[object, str]]:
    out = list(build.article_figures(results[0]).values())
    result = compare.compare(results)
    out += [(fig, build.caption(results[0], key)) for key, fig in compare_charts.all_figures(result).items()]
    return out


def export_all(items: list[tuple[object, str]]) -> float:
    t = time.perf_counter()
    for fig, caption in items:
        data = figures.png(fig, caption)  # type: ignore[arg-type]
        assert data[:4] == b"\x89PNG"
    return time.perf_counter() - t


def oneshot_all(items: list[tuple[object, str]]) -> float:
    """The baseline: a fresh Chromium for every image."""
    t = time.perf_counter()
    for fig, caption in items:
        big = figures.exportable(fig, caption)  # type: ignore[arg-type]
        opts = {"format": "png", "width": 1100, "height": int(big.layout.height), "scale": 2}
        data = kaleido.calc_fig_sync(big, opts=opts, kopts={"path": figures.CHROMIUM, "mathjax": False})
        assert bytes(data)[:4] == b"\x89PNG"
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=3)
    args = ap.parse_args()
    names = ["focus.txt", "herald.txt", "ledger.txt", "wire.txt"]
    results = [analysis.analyze((DEV / n).read_text(encoding="utf-8"), n) for n in names]
    items = charts(results)
    n = len(items)

    base = oneshot_all(items)
    print(f"baseline, one Chromium per image: {n} PNGs in {base:.2f} s ({base / n:.2f} s per image)")
    first = export_all(items)
    print(f"one long-lived process, first round (starts Chromium): {first:.2f} s ({first / n:.2f} s per image)")
    warm = statistics.median(export_all(items) for _ in range(args.reps))
    print(f"one long-lived process, warm (median of {args.reps}): {warm:.2f} s ({warm / n:.2f} s per image)")
    print(f"ratio baseline / warm: {base / warm:.1f}x; baseline / first round: {base / first:.1f}x")

    validation = stored.load()
    html_single = statistics.median(_time(lambda: build.build_html(results[:1], validation)) for _ in range(args.reps))
    html_full = statistics.median(_time(lambda: build.build_html(results, validation)) for _ in range(args.reps))
    doc = build.build_html(results, validation)
    pdf_s = statistics.median(_time(lambda: build.pdf(doc)) for _ in range(args.reps))
    print(f"report HTML, article alone (2 SVG figures): {html_single:.2f} s (median of {args.reps})")
    print(f"report HTML, with 3 other reports (6 SVG figures + comparison): {html_full:.2f} s; "
          f"{len(doc.encode('utf-8')) / 1024:.0f} KiB")
    print(f"report PDF printed by Chromium from that HTML: {pdf_s:.2f} s (median of {args.reps})")
    figures.stop()


def _time(fn: object) -> float:
    t = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
