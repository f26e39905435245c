"""Choose and check the claim-alignment threshold on the labelled test scenarios.

    python tools/calibrate_alignment.py              # calibrate on dev + dev2 and report them
    python tools/calibrate_alignment.py --heldout    # and report the held-out scenario too
    python tools/calibrate_alignment.py --details    # and list every miss and wrong match

A labelled pair is (focus paragraph, other article) with the paragraphs there that carry it
(labels.json, paragraphs numbered from 1). For each scenario the tool counts the carried
pairs *found* (matched, to a paragraph that carries it), the *wrong* matches (matched to a
paragraph that does not carry it, or where nothing does) and recall = found / carried pairs.

The threshold is chosen on the development scenarios only (tests/fixtures/compare/dev and
dev2, pooled), with ``rival_ratio`` and ``figure_bonus`` as set in
``analysis.compare.align``: every threshold from 0.10 to 0.40 in steps of 0.01 is tried; of
those with the fewest wrong matches, then the most found, the widest run of consecutive
thresholds is kept, and ``THRESHOLD`` is its middle. The held-out scenario
(tests/fixtures/compare/heldout) is only reported, and only when asked (``--heldout``), so
that looking at it is a decision. Offline; reads only the fixture files.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.compare import align  # noqa: E402
from analysis.text import segment  # noqa: E402

SCENARIOS = ROOT / "tests" / "fixtures" / "compare"
DEVELOPMENT = ("dev", "dev2")
CHECK = ("heldout",)
GRID = [round(0.10 + 0.01 * i, 2) for i in range(31)]


def load(scenario: Path) -> tuple[list[str], list[list[list[align.Piece]]], dict[str, dict[int, set[int]]]]:
    """File names (focus first), their pieces, and the labels {article: {focus paragraph: {paragraphs}}}."""
    labels = json.loads((scenario / "labels.json").read_text(encoding="utf-8"))
    names = [labels["focus"], *labels["others"]]
    docs = [segment((scenario / n).read_text(encoding="utf-8")) for n in names]
    for n, d in zip(names, docs, strict=True):
        expected = labels.get("paragraphs", {}).get(n)
        if expected is not None and expected != len(d.paragraphs):
            raise SystemExit(f"{scenario.name}/{n}: {len(d.paragraphs)} paragraphs, labels.json expects {expected}; "
                             "the segmentation changed, so the labels must be renumbered by hand")
    truth = {a: {int(f): set(ps) for f, ps in m.items()} for a, m in labels["others"].items()}
    return names, [align.paragraph_units(d) for d in docs], truth


def score(names: list[str], docs: list, truth: dict[str, dict[int, set[int]]], options: align.AlignOptions
          ) -> tuple[int, int, int, list[str]]:
    """(found, carried pairs, wrong matches, one line per miss or wrong match)."""
    rows = align.align(names, docs, options)
    found = wrong = total = 0
    lines = []
    for r in rows.itertuples():
        expected = truth[r.article].get(r.focus_paragraph, set())
        total += bool(expected)
        if r.matched and r.paragraph in expected:
            found += 1
        elif r.matched:
            wrong += 1
            lines.append(f"    wrong: {r.article} ¶{r.paragraph} for focus ¶{r.focus_paragraph} "
                         f"({r.similarity:.3f}; {r.evidence})")
        elif expected:
            lines.append(f"    missed: {r.article} ¶{sorted(expected)} carries focus ¶{r.focus_paragraph}; best "
                         f"¶{r.best_paragraph} {r.similarity:.3f}: {r.note} ({r.evidence})")
    return found, total, wrong, lines


def choose(loaded: dict[str, tuple], base: align.AlignOptions) -> tuple[float, list[tuple[float, int, int]]]:
    """The middle of the widest run of thresholds with the fewest wrong, then most found."""
    table = []
    for t in GRID:
        opts = replace(base, threshold=t)
        found = wrong = 0
        for name in DEVELOPMENT:
            f, _, w, _ = score(*loaded[name], opts)
            found, wrong = found + f, wrong + w
        table.append((t, found, wrong))
    best = min((w, -f) for _, f, w in table)
    runs: list[list[float]] = []
    for t, f, w in table:
        if (w, -f) == best:
            if runs and round(runs[-1][-1] + 0.01, 2) == t:
                runs[-1].append(t)
            else:
                runs.append([t])
    widest = max(runs, key=len)
    return round((widest[0] + widest[-1]) / 2, 2), table


def report(name: str, loaded: tuple, options: align.AlignOptions, details: bool) -> None:
    found, total, wrong, lines = score(*loaded, options)
    print(f"{name}: {found} of {total} carried pairs found (recall {found / total:.2f}), {wrong} wrong matches")
    if details:
        print("\n".join(lines))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--details", action="store_true", help="list every miss and wrong match")
    ap.add_argument("--heldout", action="store_true", help="report the held-out scenario too")
    args = ap.parse_args(argv)
    shown = (*DEVELOPMENT, *CHECK) if args.heldout else DEVELOPMENT
    loaded = {n: load(SCENARIOS / n) for n in shown}
    base = align.AlignOptions()
    chosen, table = choose(loaded, base)
    print(f"development scenarios {' + '.join(DEVELOPMENT)} (rival_ratio {base.rival_ratio}, "
          f"figure_bonus {base.figure_bonus}): threshold -> found, wrong")
    print("  " + "  ".join(f"{t:.2f}:{f}/{w}" for t, f, w in table))
    print(f"chosen threshold (middle of the widest best run): {chosen:.2f}; in code: {align.THRESHOLD:.2f}")
    for name in shown:
        report(name, loaded[name], base, args.details)


if __name__ == "__main__":
    main()
