"""A researcher's dictionary: what a 5,000-term dictionary adds to the pipeline's cost, and the
internal consistency of a small dictionary on texts the project ships.

1. The pipeline on the same 1,000 bench paragraphs (one article) with the registered measures
   alone, and with a 5,000-term LIWC-style dictionary added (20 categories; words from VADER's
   lexicon, a tenth of them as wildcard stems, 200 two-word entries, a tenth of the words in two
   categories), alternating runs, CPU time: the ratio with / without.
2. Cronbach's alpha and KR-20 per category of tests/fixtures/dictionaries/newsframes.dic on the
   189 advanced OneStopEnglish (Guardian) texts in data/eval/readability.

    python -m bench.bench_dictionary [--paragraphs 1000] [--repeats 3]

Prints figures only; nothing is asserted (the machine is shared and noisy).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

import analysis
from analysis import dictionaries, paths
from analysis.dictionaries import consistency
from analysis.measures import REGISTRY, sentiment
from devkit.corpus import paragraphs

SMALL = paths.ROOT / "tests" / "fixtures" / "dictionaries" / "newsframes.dic"


def big_dictionary(folder: Path, terms: int = 5_000, categories: int = 20, seed: int = 5) -> Path:
    """A deterministic LIWC-style .dic of ``terms`` entries built from VADER's word list."""
    rng = random.Random(seed)
    words = sorted(w for w in sentiment.analyzer().lexicon if w.isalpha() and len(w) > 3)
    rng.shuffle(words)
    lines = ["%", *(f"{i}\tcat{i:02d}" for i in range(1, categories + 1)), "%"]
    used: set[str] = set()
    for w in words:
        if len(used) >= terms - 200:
            break
        term = w[:5] + "*" if rng.random() < 0.1 and len(w) > 6 else w
        if term in used:
            continue
        used.add(term)
        cats = rng.sample(range(1, categories + 1), 2 if rng.random() < 0.1 else 1)
        lines.append(f"{term}\t" + "\t".join(map(str, cats)))
    for _ in range(200):
        a, b = rng.sample(words[:2000], 2)
        if f"{a} {b}" not in used:
            used.add(f"{a} {b}")
            lines.append(f"{a} {b}\t{rng.randint(1, categories)}")
    path = folder / "big.dic"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def cpu(fn) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--paragraphs", type=int, default=1000)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    text = "\n\n".join(paragraphs(args.paragraphs))
    with tempfile.TemporaryDirectory() as tmp:
        built = time.process_time()
        big = dictionaries.load(big_dictionary(Path(tmp)))
        measure = big.measure()
        with_dictionary = (*REGISTRY, measure)
        analysis.analyze("Warm up: a storm.", measures=with_dictionary)
        built = time.process_time() - built
        plain, added = [], []
        for _ in range(args.repeats):
            plain.append(cpu(lambda: analysis.analyze(text)))
            added.append(cpu(lambda: analysis.analyze(text, measures=with_dictionary)))
    p, a = statistics.median(plain), statistics.median(added)
    print(f"1. {args.paragraphs} paragraphs, {len(big.terms):,}-term dictionary ({big.wildcards():,} wildcards, "
          f"{len(big.categories)} categories), {args.repeats} alternating runs, median CPU:")
    print(f"   registered measures alone {p:.3f} s; with the dictionary {a:.3f} s; ratio {a / p:.2f} "
          f"(reading and preparing the dictionary once: {built:.2f} s)")
    root = paths.EVAL / "readability" / "onestopenglish" / "Adv-Txt"
    texts = [f.read_text(encoding="utf-8-sig") for f in sorted(root.glob("*.txt"))]
    small = dictionaries.load(SMALL)
    print(f"2. {SMALL.name} on {len(texts)} OneStopEnglish advanced texts (Guardian news):")
    print(f"   {'category':<12} {'entries':>7} {'items':>5} {'alpha':>7} {'KR-20':>7}  note")
    for row in consistency.measure(small, texts):
        print(f"   {row.category:<12} {row.entries:>7} {row.items:>5} {row.alpha:>7.3f} {row.kr20:>7.3f}  {row.note}")


if __name__ == "__main__":
    main()
