"""The alarm set's gold, by the adjudication rule fixed before annotation
(data/eval/alarm_news/README.md, "Adjudication rule").

    python tools/alarm_gold.py tasks   # -> adjudication_tasks.jsonl: what the adjudicator decides
    python tools/alarm_gold.py build   # annotator_A + annotator_B + adjudication -> gold.jsonl

``tasks`` pairs the two files' spans unit by unit and writes one task per disagreement, with the
two versions shown as "X" and "Y" in an order drawn at random (fixed seed) so the adjudicator
cannot tell whose is whose:
- ``category``: overlapping spans of different categories: choose X, Y or none;
- ``flag``: overlapping spans of the same category whose ``quoted`` or ``distanced`` differ:
  choose X's or Y's flags;
- ``single``: a span only one file has: keep or drop.
Units whose ratings differ by two or more would get a ``rating`` task (rate blind); with the
two files in hand there are none when every pair is within one.

``build`` writes one gold line per unit: ``rating`` (the mean of A and B when they differ by at
most one point, else the median with the adjudicator's), and ``spans``: agreed spans at the
words both marked, with agreed or adjudicated flags, plus the single and category spans the
adjudicator kept. Every task must have a decision; a missing one stops the build.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools import alarm_annotations as ann  # noqa: E402

SET = ROOT / "data" / "eval" / "alarm_news"
SEED = 14
FLAGS = ("quoted", "distanced")


def _overlap(a: dict, b: dict) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def _pairs(spans_a: list[dict], spans_b: list[dict]) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """Pair overlapping spans (largest overlap first, same category preferred); the rest are
    singles of A and of B."""
    candidates = sorted(((a, b) for a in spans_a for b in spans_b if _overlap(a, b)),
                        key=lambda p: (p[0]["category"] != p[1]["category"], -_overlap(*p)))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for a, b in candidates:
        if id(a) in used_a or id(b) in used_b:
            continue
        used_a.add(id(a))
        used_b.add(id(b))
        pairs.append((a, b))
    return (pairs, [a for a in spans_a if id(a) not in used_a], [b for b in spans_b if id(b) not in used_b])


def _public(span: dict) -> dict:
    return {k: span[k] for k in ("start", "end", "text", "category", *FLAGS)}


def tasks(records_a: dict[str, dict], records_b: dict[str, dict], units: dict[str, dict]) -> list[dict]:
    rng = random.Random(SEED)
    out = []
    for uid in units:
        a, b = records_a[uid], records_b[uid]
        base = {"unit": uid, "text": units[uid]["text"], "previous": units[uid].get("previous", "")}
        if abs(a["rating"] - b["rating"]) >= 2:
            out.append({**base, "item": f"{uid}#rating", "kind": "rating"})
        pairs, only_a, only_b = _pairs(a["spans"], b["spans"])
        for k, (sa, sb) in enumerate(pairs):
            if sa["category"] != sb["category"] or any(sa[f] != sb[f] for f in FLAGS):
                kind = "category" if sa["category"] != sb["category"] else "flag"
                x, y = (sa, sb) if rng.random() < 0.5 else (sb, sa)
                out.append({**base, "item": f"{uid}#pair{k}", "kind": kind, "X": _public(x), "Y": _public(y)})
        for s in [*only_a, *only_b]:
            out.append({**base, "item": f"{uid}#single{s['start']}-{s['end']}-{s['category']}", "kind": "single",
                        "span": _public(s)})
    return out


def gold(records_a: dict[str, dict], records_b: dict[str, dict], units: dict[str, dict],
         decisions: dict[str, dict]) -> list[dict]:
    rng = random.Random(SEED)  # the same draws as ``tasks``, to know which of X and Y was whose
    lines = []
    missing = []
    for uid in units:
        a, b = records_a[uid], records_b[uid]
        if abs(a["rating"] - b["rating"]) >= 2:
            third = decisions.get(f"{uid}#rating", {}).get("rating")
            if third is None:
                missing.append(f"{uid}#rating")
                third = a["rating"]
            rating = float(statistics.median([a["rating"], b["rating"], third]))
        else:
            rating = (a["rating"] + b["rating"]) / 2
        spans = []
        pairs, only_a, only_b = _pairs(a["spans"], b["spans"])
        for k, (sa, sb) in enumerate(pairs):
            start, end = max(sa["start"], sb["start"]), min(sa["end"], sb["end"])
            item = f"{uid}#pair{k}"
            if sa["category"] == sb["category"] and all(sa[f] == sb[f] for f in FLAGS):
                chosen, how = sa, "agreed"
            else:
                x, y = (sa, sb) if rng.random() < 0.5 else (sb, sa)
                decision = decisions.get(item)
                if decision is None:
                    missing.append(item)
                    continue
                pick = decision["choice"]
                if pick == "none":
                    continue
                chosen = x if pick == "X" else y
                how = "adjudicated"
                if sa["category"] != sb["category"]:  # a category choice keeps that annotator's own span
                    start, end = chosen["start"], chosen["end"]
            text = units[uid]["text"][start:end]
            spans.append({"start": start, "end": end, "text": text, "category": chosen["category"],
                          **{f: chosen[f] for f in FLAGS}, "how": how})
        for s in [*only_a, *only_b]:
            item = f"{uid}#single{s['start']}-{s['end']}-{s['category']}"
            decision = decisions.get(item)
            if decision is None:
                missing.append(item)
                continue
            if decision["choice"] == "keep":
                spans.append({**_public(s), "how": "adjudicated"})
        spans.sort(key=lambda s: (s["start"], s["end"]))
        lines.append({"id": uid, "half": units[uid]["half"], "rating": rating, "rating_a": a["rating"],
                      "rating_b": b["rating"], "spans": spans})
    if missing:
        raise SystemExit(f"{len(missing)} disagreements have no decision in adjudication.jsonl, e.g. {missing[:3]}")
    return lines


def _records(path: Path) -> dict[str, dict]:
    return {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("tasks", "build") or {"-h", "--help"} & set(argv):
        print(__doc__)
        return 0 if argv and {"-h", "--help"} & set(argv) else 2
    units = ann.read_units(SET / "units.jsonl")
    a, b = _records(SET / "annotator_A.jsonl"), _records(SET / "annotator_B.jsonl")
    if argv[0] == "tasks":
        out = tasks(a, b, units)
        (SET / "adjudication_tasks.jsonl").write_text(
            "".join(json.dumps(t, ensure_ascii=False) + "\n" for t in out), encoding="utf-8")
        kinds = {k: sum(t["kind"] == k for t in out) for k in ("rating", "category", "flag", "single")}
        print(f"{len(out)} tasks: {kinds}")
        return 0
    path = SET / "adjudication.jsonl"
    rows = map(json.loads, path.read_text(encoding="utf-8").splitlines()) if path.exists() else []
    decisions = {d["item"]: d for d in rows}
    lines = gold(a, b, units, decisions)
    (SET / "gold.jsonl").write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in lines),
                                    encoding="utf-8")
    spans = [s for g in lines for s in g["spans"]]
    print(f"gold.jsonl: {len(lines)} units, {len(spans)} spans "
          f"({sum(s['how'] == 'agreed' for s in spans)} agreed, {sum(s['how'] == 'adjudicated' for s in spans)} "
          f"kept by the adjudicator)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
