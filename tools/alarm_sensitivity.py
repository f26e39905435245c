"""How much the adjudication rule matters (data/eval/alarm_news/README.md, "Adjudication rule",
Sensitivity): the alarm measure's figures on one half of the alarm set against the adjudicated
gold, against the spans both annotators marked (agreed: the overlap of same-category spans),
against the spans either marked (union), and on the units where A and B gave the same rating.

Ratings are the mean of A and B in every variant (the gold's rule for ratings one point apart).

Usage: python tools/alarm_sensitivity.py dev|heldout
The held-out half is scored once, by the final measure (README, "The held-out half").
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.validate import checks_alarm as ca  # noqa: E402
from analysis.validate import datasets as ds  # noqa: E402
from analysis.validate.checks import Settings  # noqa: E402

SET = ROOT / "data" / "eval" / "alarm_news"


def _records(name: str, ids: set[str]) -> dict[str, dict]:
    out = {}
    for line in (SET / name).read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            if rec["id"] in ids:
                out[rec["id"]] = rec
    return out


def provisional(kind: str, part: str) -> list[ca.Unit]:
    """The units of ``part`` with spans from the two annotators' files: ``agreed`` (same-category
    spans both marked, cut to the words both marked), ``union`` (every span either marked) or
    ``same`` (the gold's spans, only the units A and B rated alike). Only that half is read."""
    units = [json.loads(x) for x in (SET / "units.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    units = [u for u in units if u["half"] == part]
    ids = {u["id"] for u in units}
    a, b = _records("annotator_A.jsonl", ids), _records("annotator_B.jsonl", ids)
    gold = {u.id: u for u in ca.alarm_news(part)} if kind == "same" else {}
    out = []
    for u in units:
        ra, rb = a[u["id"]], b[u["id"]]
        if kind == "same":
            if ra["rating"] == rb["rating"]:
                out.append(gold[u["id"]])
            continue
        if kind == "union":
            spans = [(s["start"], s["end"], s["category"]) for s in ra["spans"] + rb["spans"]]
        else:
            spans = [(max(s["start"], t["start"]), min(s["end"], t["end"]), s["category"])
                     for s in ra["spans"] for t in rb["spans"]
                     if s["category"] == t["category"] and min(s["end"], t["end"]) > max(s["start"], t["start"])]
        out.append(ca.Unit(u["id"], u["text"], u["previous"], (ra["rating"] + rb["rating"]) / 2, tuple(spans)))
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in ca.PARTS:
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    part = argv[0]
    settings = Settings(ds.FULL, 1000, 8, None)
    for kind in ("gold", "agreed", "union", "same"):
        units = ca.alarm_news(part) if kind == "gold" else provisional(kind, part)
        for r in ca.alarm_news_rows(units, part, settings):
            print(f"{part} {kind:6s} {r['metric']:22s} {r['value']:.3f}  ({r['ci_low']:.3f}-{r['ci_high']:.3f}, "
                  f"n = {r['n']}, units {len(units)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
