"""Choose the paragraphs of the alarm annotation set (data/eval/alarm_news/) from the
OneStopEnglish advanced texts, deterministically, and write units.jsonl and pilot.jsonl.

The choice never looks at any alarm score: it reads only the article's topic (topics.csv,
assigned by a person from the file name and first paragraph of each article) and fixed rules.

- A paragraph is a non-empty line of the article file (BOM and surrounding spaces removed),
  numbered from 1. Lines under MIN_WORDS words (titles, list headings, "Typical salary:
  £65,000") are never chosen, but keep their number and serve as the previous paragraph.
- Strata: ``threat`` (articles about conflict, crime, disaster and environment, health risks,
  security and surveillance) and ``calm`` (politics, economy and work, science and nature,
  culture and sport, society and lifestyle). Each stratum gets PER_STRATUM units, spread as
  evenly as possible over its articles: every article gets the same share, the remainder goes
  one by one to articles in a seeded random order, and an article with too few paragraphs
  passes its shortfall on in the same order. Within an article the paragraphs are a seeded
  random sample (seed: SEED and the file name, so one article's draw never depends on another's).
- Halves, by article: within each topic, articles in name order alternate between ``dev`` and
  ``heldout``; topics in TOPICS order start alternately with ``dev`` and with ``heldout``, so
  that odd-sized topics do not all favour one half.
- Pilot: PILOT_PER_STRATUM paragraphs per stratum from dev-half articles, not among the units,
  for the annotators' calibration round (never from a held-out article).

Usage: python tools/alarm_news_units.py          # (re)write the two files
       python tools/alarm_news_units.py --check  # exit 1 if the committed files differ
"""

from __future__ import annotations

import csv
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data" / "eval" / "readability" / "onestopenglish" / "Adv-Txt"
OUT = ROOT / "data" / "eval" / "alarm_news"
SEED = 14
MIN_WORDS = 15
PER_STRATUM = 165
PILOT_PER_STRATUM = 10
TOPICS = ("conflict", "crime_justice", "disaster_environment", "health_risk", "security_surveillance",
          "politics", "economy_work", "science_nature", "culture_sport", "society_lifestyle")
STRATA = ("threat", "calm")


def paragraphs(path: Path) -> list[str]:
    """The article's paragraphs: its non-empty lines, stripped (index 0 = paragraph 1)."""
    text = path.read_text(encoding="utf-8-sig")
    return [line.strip() for line in text.splitlines() if line.strip()]


def eligible(pars: list[str]) -> list[int]:
    """Paragraph numbers (from 1) long enough to be chosen."""
    return [i + 1 for i, p in enumerate(pars) if len(p.split()) >= MIN_WORDS]


def read_topics(path: Path = OUT / "topics.csv") -> dict[str, tuple[str, str]]:
    """article file name -> (topic, stratum)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    topics = {row["article"]: (row["topic"], row["stratum"]) for row in rows}
    for article, (topic, stratum) in topics.items():
        if topic not in TOPICS or stratum not in STRATA:
            raise ValueError(f"topics.csv: {article}: unknown topic or stratum {topic!r}, {stratum!r}")
    return topics


def halves(topics: dict[str, tuple[str, str]]) -> dict[str, str]:
    """article -> 'dev' or 'heldout': alternate in name order within each topic."""
    half: dict[str, str] = {}
    for k, topic in enumerate(TOPICS):
        names = sorted(a for a, (t, _) in topics.items() if t == topic)
        order = ("dev", "heldout") if k % 2 == 0 else ("heldout", "dev")
        for i, article in enumerate(names):
            half[article] = order[i % 2]
    return half


def quotas(articles: list[str], capacity: dict[str, int], total: int, seed: str) -> dict[str, int]:
    """Spread ``total`` units over ``articles`` as evenly as their capacities allow."""
    order = sorted(articles)
    random.Random(seed).shuffle(order)
    share = {a: 0 for a in order}
    left = total
    while left > 0:
        room = [a for a in order if share[a] < capacity[a]]
        if not room:
            raise ValueError(f"only {total - left} paragraphs available, {total} wanted")
        level = min(share[a] for a in room)
        for a in room:  # raise the lowest first, in the seeded order
            if left and share[a] == level:
                share[a] += 1
                left -= 1
    return share


def choose(source: Path = SOURCE, topics: dict[str, tuple[str, str]] | None = None
           ) -> tuple[list[dict], list[dict]]:
    """The units and the pilot paragraphs, as records in article then paragraph order."""
    topics = read_topics() if topics is None else topics
    half = halves(topics)
    texts = {a: paragraphs(source / a) for a in topics}
    ok = {a: eligible(p) for a, p in texts.items()}
    chosen: dict[str, list[int]] = defaultdict(list)
    for stratum in STRATA:
        members = [a for a, (_, s) in topics.items() if s == stratum]
        share = quotas(members, {a: len(ok[a]) for a in members}, PER_STRATUM, f"{SEED}:{stratum}")
        for article, n in share.items():
            chosen[article] = sorted(random.Random(f"{SEED}:{article}").sample(ok[article], n))

    def record(article: str, n: int, with_half: bool) -> dict:
        pars = texts[article]
        rec = {"id": f"{article}:{n}", "article": article, "paragraph": n,
               "text": pars[n - 1], "previous": pars[n - 2] if n > 1 else ""}
        if with_half:
            rec["half"] = half[article]
        return rec

    units = [record(a, n, True) for a in sorted(chosen) for n in chosen[a]]

    pilot: list[dict] = []
    rng = random.Random(f"{SEED}:pilot")
    for stratum in STRATA:
        pool = [(a, n) for a in sorted(topics) if topics[a][1] == stratum and half[a] == "dev"
                for n in ok[a] if n not in chosen[a]]
        pilot += [record(a, n, False) for a, n in rng.sample(pool, PILOT_PER_STRATUM)]
    pilot.sort(key=lambda r: (r["article"], r["paragraph"]))
    return units, pilot


def dumps(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main(argv: list[str]) -> int:
    units, pilot = choose()
    files = {OUT / "units.jsonl": dumps(units), OUT / "pilot.jsonl": dumps(pilot)}
    if "--check" in argv:
        stale = [p.name for p, text in files.items()
                 if not p.exists() or p.read_text(encoding="utf-8") != text]
        if stale:
            print(f"out of date: {', '.join(stale)}; run python tools/alarm_news_units.py", file=sys.stderr)
            return 1
        return 0
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    print(f"{len(units)} units, {len(pilot)} pilot paragraphs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
