"""Agreement between the two annotators of the alarm set, as planned before annotation
(data/eval/alarm_news/README.md, "Agreement").

- Paragraph rating (0-3): Krippendorff's alpha with the ordinal metric (primary), and the
  interval and nominal alphas beside it; the share of units rated the same and within one
  point. A 95% bootstrap interval for the ordinal alpha (units resampled, 1,000 draws, seed 14).
- Spans: F1 between the annotators (B's spans scored against A's: precision = matched B spans /
  B spans, recall = matched A spans / A spans), per category and over all spans, in two ways:
  ``exact`` (same start, end and category) and ``overlap`` (at least one character in common and
  the same category; pairs matched one to one, largest overlap first). Also ``overlap_any``
  (any category: did both see alarm wording there?) and, over overlap-matched pairs, how often
  the ``quoted`` and ``distanced`` flags agree.
- Per category, whether a unit has at least one span of it: nominal alpha.

Every figure is given for the whole set and for each half (dev, heldout).

Usage: python tools/alarm_agreement.py ANNOTATOR_A.jsonl ANNOTATOR_B.jsonl [--units FILE]  (prints JSON;
the pilot has no halves, so only "all")
Both files must pass ``python tools/alarm_annotations.py check`` first.
"""

from __future__ import annotations

import json
import math
import random
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.agreement import alpha as agreement_alpha  # noqa: E402
from tools import alarm_annotations as ann  # noqa: E402

SEED = 14
DRAWS = 1000


def alpha(units: Sequence[Sequence[int | None]], metric: str = "ordinal") -> float:
    """Krippendorff's alpha over units, each a sequence of the coders' values (None = missing),
    computed by the project's own implementation (analysis.agreement). Units with fewer than two
    values are not pairable; NaN when there is no variation at all."""
    return agreement_alpha.from_units([[v for v in u if v is not None] for u in units], metric).alpha


def _overlap(a: dict, b: dict) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def match_spans(spans_a: list[dict], spans_b: list[dict], exact: bool, same_category: bool = True
                ) -> list[tuple[dict, dict]]:
    """One-to-one pairs of matching spans (largest overlap first)."""
    candidates = []
    for i, a in enumerate(spans_a):
        for j, b in enumerate(spans_b):
            if same_category and a["category"] != b["category"]:
                continue
            if exact and (a["start"], a["end"]) != (b["start"], b["end"]):
                continue
            size = _overlap(a, b)
            if size > 0:
                candidates.append((-size, i, j))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((spans_a[i], spans_b[j]))
    return pairs


def _prf(matched: int, n_a: int, n_b: int) -> dict:
    precision = matched / n_b if n_b else math.nan
    recall = matched / n_a if n_a else math.nan
    f1 = 2 * matched / (n_a + n_b) if n_a + n_b else math.nan
    return {"f1": f1, "precision": precision, "recall": recall, "spans_a": n_a, "spans_b": n_b, "matched": matched}


def span_agreement(pairs: list[tuple[dict, dict]]) -> dict:
    """Span F1 between annotators over (record A, record B) pairs of the same unit."""
    out: dict = {}
    for category in (None, *ann.CATEGORIES):
        def keep(spans: list[dict], c: str | None = category) -> list[dict]:
            return [s for s in spans if c is None or s["category"] == c]

        name = category or "all"
        out[name] = {}
        for mode, exact in (("exact", True), ("overlap", False)):
            matched = n_a = n_b = 0
            for a, b in pairs:
                sa, sb = keep(a["spans"]), keep(b["spans"])
                n_a, n_b = n_a + len(sa), n_b + len(sb)
                matched += len(match_spans(sa, sb, exact))
            out[name][mode] = _prf(matched, n_a, n_b)
    matched_any = sum(len(match_spans(a["spans"], b["spans"], False, same_category=False)) for a, b in pairs)
    out["all"]["overlap_any"] = _prf(matched_any, sum(len(a["spans"]) for a, _ in pairs),
                                     sum(len(b["spans"]) for _, b in pairs))
    flagged = [m for a, b in pairs for m in match_spans(a["spans"], b["spans"], False)]
    for flag in ("quoted", "distanced"):
        same = sum(x[flag] == y[flag] for x, y in flagged)
        out["all"][f"{flag}_agreement"] = same / len(flagged) if flagged else math.nan
    return out


def rating_agreement(pairs: list[tuple[dict, dict]], seed: int = SEED, draws: int = DRAWS) -> dict:
    ratings = [(a["rating"], b["rating"]) for a, b in pairs]
    out = {f"alpha_{m}": alpha(ratings, m) for m in ("ordinal", "interval", "nominal")}
    n = len(ratings)
    out["units"] = n
    out["exact"] = sum(x == y for x, y in ratings) / n if n else math.nan
    out["within_one"] = sum(abs(x - y) <= 1 for x, y in ratings) / n if n else math.nan
    rng = random.Random(seed)
    boots = sorted(a for a in (alpha([ratings[rng.randrange(n)] for _ in range(n)]) for _ in range(draws) if n)
                   if not math.isnan(a))
    out["alpha_ordinal_95ci"] = ([boots[int(0.025 * len(boots))], boots[int(0.975 * len(boots)) - 1]]
                                 if boots else [math.nan, math.nan])
    return out


def presence_agreement(pairs: list[tuple[dict, dict]]) -> dict:
    out = {}
    for category in ann.CATEGORIES:
        has = [tuple(int(any(s["category"] == category for s in r["spans"])) for r in pair) for pair in pairs]
        out[category] = {"alpha_nominal": alpha(has, "nominal"), "units_a": sum(h[0] for h in has),
                         "units_b": sum(h[1] for h in has)}
    return out


def agreement(records_a: dict[str, dict], records_b: dict[str, dict], units: dict[str, dict]) -> dict:
    out = {}
    parts = ("all", "dev", "heldout") if all("half" in u for u in units.values()) else ("all",)
    for part in parts:
        ids = [u for u in units if part == "all" or units[u]["half"] == part]
        pairs = [(records_a[u], records_b[u]) for u in ids]
        out[part] = {"rating": rating_agreement(pairs), "spans": span_agreement(pairs),
                     "presence": presence_agreement(pairs)}
    return out


def _load(path: Path, units: dict[str, dict]) -> dict[str, dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    report = ann.check(lines, units)
    if not report.ok:
        raise ValueError(f"{path} does not pass the check: {report.errors[0]}")
    return {rec["id"]: rec for rec in (json.loads(line) for line in lines if line.strip())}


def _clean(value: object) -> object:
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, 4)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def main(argv: list[str]) -> int:
    try:
        argv, units_path = ann.units_option(argv)
        units = ann.read_units(units_path)
    except (ValueError, OSError) as exc:
        print(exc, file=sys.stderr)
        return 2
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        a, b = (_load(Path(p), units) for p in argv)
    except (OSError, ValueError) as exc:
        print(exc, file=sys.stderr)
        return 1
    print(json.dumps(_clean(agreement(a, b, units)), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
