"""Development figures of the alarm measure on the DEVELOPMENT half of the alarm set only: against
the adjudicated gold (``gold.jsonl``, dev units only) and, beside it, the two annotators' files
read as a provisional gold; the errors against the gold listed for reading.

- rating: the mean of A's and B's ratings (the adjudication rule for ratings one point apart);
- spans, two ways: ``agreed`` (spans of the same category that both marked, cut to the words
  both marked: the rule's gold without adjudication) and ``union`` (every span either marked).

Never reads the held-out half: units whose ``half`` is not ``dev`` are dropped before anything
else is done with them (data/eval/alarm_news/README.md, "The held-out half").

Usage: python tools/alarm_dev.py [--errors] [--gne] [--emobank]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.measures import get  # noqa: E402
from analysis.validate import checks_alarm as ca  # noqa: E402
from analysis.validate import datasets as ds  # noqa: E402
from analysis.validate.checks import Settings  # noqa: E402
from tools import alarm_sensitivity  # noqa: E402


def provisional(kind: str) -> list[ca.Unit]:
    return alarm_sensitivity.provisional(kind, "dev")


def errors(units: list[ca.Unit]) -> None:
    m = get("alarm")
    framing_cats, _ = ca.split_categories(m)
    for u in units:
        s = m.score(ca.paragraph(u.text, u.previous))
        gold = [(a, b, c) for a, b, c in u.spans if c != "event"]
        fp = [e for e in s.evidence if e.weight > 0 and e.category in framing_cats
              and not ca._overlaps((e.start, e.end), [(a, b) for a, b, _ in gold])]
        fn = [(u.text[a:b], c) for a, b, c in gold
              if not any(e.weight > 0 and e.category in framing_cats and min(b, e.end) > max(a, e.start)
                         for e in s.evidence)]
        zero = [(e.term, e.category, e.note) for e in s.evidence if e.weight == 0]
        if fp or fn or zero:
            value = s.values["alarm"]
            print(f"{u.id} rating {u.rating} alarm {value:.2f}")
            for e in fp:
                print(f"   FP {e.term!r} {e.category} {e.weight} {e.note}")
            for t, c in fn:
                print(f"   FN {t!r} {c}")
            for t, c, n in zero:
                print(f"   0  {t!r} {c} {n}")


def main(argv: list[str]) -> int:
    settings = Settings(ds.FULL, 200, 8, ds.external_root(None))
    gold = ca.alarm_news("dev") if ca.GOLD.is_file() else []
    for kind in ("gold", "agreed", "union"):
        units = gold if kind == "gold" else provisional(kind)
        if not units:
            continue
        for r in ca.alarm_news_rows(units, "dev", settings):
            print(f"{kind:7s} {r['metric']:22s} {r['value']:.3f}  ({r['ci_low']:.3f}-{r['ci_high']:.3f}, n = {r['n']})")
    if "--errors" in argv:
        errors(gold or provisional("union"))
    if "--gne" in argv:
        for r in ca.gne_check(settings):
            print(f"gne     {r['metric']:22s} {r['value']:.3f}  ({r['ci_low']:.3f}-{r['ci_high']:.3f}, n = {r['n']})")
    if "--emobank" in argv:
        for r in ca.emobank_check(settings):
            print(f"{r['dataset']:26s} {r['metric']} {r['value']:.3f}  ({r['ci_low']:.3f}-{r['ci_high']:.3f}, n = {r['n']})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
