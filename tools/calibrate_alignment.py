"""Choose and check the claim-alignment threshold on the labelled test scenarios.

    python tools/calibrate_alignment.py

For the development scenario (tests/fixtures/compare/dev) it prints the lowest similarity
of a labelled retelling (a true match), the highest similarity of a mutual best pair that
is not a retelling (the non-matches the threshold must reject), and their midpoint: the threshold
``analysis.compare.align.THRESHOLD`` is that midpoint rounded to two decimals. For the
held-out scenario it prints the same figures and how many pairs the chosen threshold gets
wrong there. Offline; reads only the fixture files.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.compare import align  # noqa: E402
from analysis.text import segment  # noqa: E402

SCENARIOS = ROOT / "tests" / "fixtures" / "compare"


def candidates(scenario: Path) -> tuple[list[tuple[str, int, int, float, bool]],
                                        list[tuple[str, int, int, float, bool]]]:
    """Every labelled retelling, and every mutual best pair that is not one, as
    (article, focus paragraph, paragraph, similarity, mutual best)."""
    labels = json.loads((scenario / "labels.json").read_text(encoding="utf-8"))
    names = [labels["focus"], *labels["others"]]
    docs = [align.paragraph_words(segment((scenario / n).read_text(encoding="utf-8"))) for n in names]
    sims = align.similarity(docs)
    rows = align.align(names, docs, align.AlignOptions(threshold=0.0))  # matched = mutual best
    bounds = [0]
    for d in docs:
        bounds.append(bounds[-1] + len(d))
    true, other = [], []
    for k, name in enumerate(names[1:], start=1):
        truth = {int(f): set(ps) for f, ps in labels["others"][name].items()}
        for fp, ps in truth.items():
            for p in ps:
                mutual = bool(((rows["article"] == name) & (rows["focus_paragraph"] == fp)
                               & (rows["paragraph"] == p)).any())
                true.append((name, fp, p, float(sims[fp, bounds[k] + p]), mutual))
        hits = rows[(rows["article"] == name) & rows["matched"]]
        for r in hits.itertuples():
            if r.paragraph not in truth.get(r.focus_paragraph, set()):
                other.append((name, r.focus_paragraph, int(r.paragraph), r.similarity, True))
    return true, other


def report(scenario: Path, threshold: float | None = None) -> float:
    true, other = candidates(scenario)
    low = min(true, key=lambda t: t[3])
    high = max(other, key=lambda t: t[3], default=("-", -1, -1, 0.0, True))
    mid = (low[3] + high[3]) / 2
    print(f"{scenario.name}: {len(true)} labelled retellings, {len(other)} other mutual best pairs")
    print(f"  lowest retelling          {low[3]:.4f}  ({low[0]} p{low[2]} retells focus p{low[1]})")
    print(f"  highest other mutual pair {high[3]:.4f}  ({high[0]} p{high[2]} vs focus p{high[1]})")
    print(f"  midpoint                  {mid:.4f}")
    not_mutual = [t for t in true if not t[4]]
    for t in not_mutual:
        print(f"  not a mutual best pair:   {t[0]} p{t[2]} retells focus p{t[1]} ({t[3]:.4f})")
    if threshold is not None:
        missed = [t for t in true if t[3] < threshold or not t[4]]
        false = [t for t in other if t[3] >= threshold]
        print(f"  at threshold {threshold}: {len(true) - len(missed)} of {len(true)} retellings found, "
              f"{len(false)} false matches")
        for t in false:
            print(f"    false match: {t[0]} p{t[2]} vs focus p{t[1]} ({t[3]:.4f})")
    return mid


if __name__ == "__main__":
    mid = report(SCENARIOS / "dev", align.THRESHOLD)
    print(f"chosen threshold (midpoint, 2 decimals): {round(mid, 2)}; in code: {align.THRESHOLD}")
    report(SCENARIOS / "heldout", align.THRESHOLD)
