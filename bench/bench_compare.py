"""Benchmark: the bundled article compared with 50 generated articles of about 800 words.

    python bench/bench_compare.py [--articles 50] [--words 800] [--repeat 3]

Times, in one process, from texts to every Compare view computed: the analysis of all 51
articles (every registered measure), then ``analysis.compare.compare`` (profile, aligned
arcs, distinguishing words, claim alignment), then the four chart figures when
``ui.compare_charts`` is importable. The one-time start-up (lexicons, VADER, the
pronunciation dictionary: paid once per server process, not per page view) is timed
separately. The target is under 3 s of server time for the warm path; the script prints
each part (wall-clock, median of the runs), its share, the process's CPU time (on a machine
whose cores are shared, wall-clock includes waiting for a core) and the ratio to the
target. Nothing is asserted.

The generated articles are deterministic: sentences drawn from the test-scenario texts and
the bundled article by a seeded generator, with invented names swapped in, grouped into
paragraphs of 2 to 4 sentences until the word count is reached.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import analysis  # noqa: E402
from analysis import compare  # noqa: E402
from analysis.text import segment  # noqa: E402

TARGET_S = 3.0
SOURCES = [ROOT / "data" / "articles" / "ai-model-theft-accusation.txt",
           *sorted((ROOT / "tests" / "fixtures" / "compare").glob("*/*.txt"))]
NAMES = ["Esterby", "Calder Reach", "Northvale", "Brennan Valley", "Harlow", "Kilcrea", "Farrow Point",
         "Marta Okonjo", "Dev Prakash", "Rowan Ellery", "Helen Achterberg", "Priya Nandakumar"]
OUTLETS = ["Herald", "Ledger", "Courier", "Gazette", "Wire", "Post", "Tribune", "Observer", "Record", "Mail"]


def sentences() -> list[str]:
    out = []
    for path in SOURCES:
        doc = segment(path.read_text(encoding="utf-8"))
        out += [s for p in doc.paragraphs for s in p.sentence_texts() if len(s.split()) >= 5]
    return out


def article(pool: list[str], seed: int, words: int) -> str:
    rng = random.Random(seed)
    swap = dict(zip(NAMES, rng.sample(NAMES, len(NAMES)), strict=True))
    pattern = re.compile("|".join(re.escape(n) for n in sorted(NAMES, key=len, reverse=True)))
    paragraphs, count = [], 0
    while count < words:
        para = " ".join(pattern.sub(lambda m: swap[m.group()], rng.choice(pool))
                        for _ in range(rng.randint(2, 4)))
        paragraphs.append(para)
        count += len(para.split())
    title = f"{OUTLETS[seed % len(OUTLETS)]} report {seed}"
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def figures(result: compare.Comparison) -> int:
    try:
        from ui import compare_charts
    except ImportError:
        return 0
    return len(compare_charts.all_figures(result))


def run(texts: list[tuple[str, str]]) -> dict[str, float]:
    c0, t0 = time.process_time(), time.perf_counter()
    analyses = [analysis.analyze(text, name) for name, text in texts]
    t1 = time.perf_counter()
    result = compare.compare(analyses)
    t2 = time.perf_counter()
    n_fig = figures(result)
    t3, c3 = time.perf_counter(), time.process_time()
    parts = {"analyse": t1 - t0, "compare": t2 - t1, "charts": t3 - t2, "cpu": c3 - c0}
    parts.update({f"  compare.{k}": v for k, v in result.meta["seconds"].items()})
    parts["figures"] = n_fig
    return parts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=50)
    ap.add_argument("--words", type=int, default=800)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    t0 = time.perf_counter()
    analysis.analyze("Warm up: the lexicons, VADER and the dictionary load once per process.", "w")
    startup = time.perf_counter() - t0

    pool = sentences()
    focus = SOURCES[0].read_text(encoding="utf-8")
    texts = [("focus", focus)] + [(f"outlet-{k:02d}", article(pool, k, args.words))
                                  for k in range(args.articles)]
    total_words = sum(len(segment(t).paragraphs) and segment(t).words for _, t in texts)
    runs = [run(texts) for _ in range(args.repeat)]
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    warm = med["analyse"] + med["compare"] + med["charts"]

    print(f"focus + {args.articles} articles, {total_words:,} words in all; median of {args.repeat} runs")
    print(f"one-time start-up (per process)   {startup:7.3f} s")
    for key in ("analyse", "compare", "  compare.profile_arcs", "  compare.words",
                "  compare.alignment", "charts"):
        share = med[key] / warm * 100 if warm else 0
        print(f"{key:<34}{med[key]:7.3f} s  {share:5.1f} %")
    print(f"{'texts -> all views (warm)':<34}{warm:7.3f} s  ratio to the {TARGET_S:.0f} s target: "
          f"{warm / TARGET_S:.2f}")
    print(f"{'  of which CPU time of this process':<34}{med['cpu']:7.3f} s  (the rest: waiting for a "
          f"shared core)")
    print(f"{'cold (start-up + warm)':<34}{startup + warm:7.3f} s  ratio: {(startup + warm) / TARGET_S:.2f}")
    print(f"figures built: {int(med['figures'])}")


if __name__ == "__main__":
    main()
