"""Choose and check the claim-alignment threshold and story level on the labelled scenarios.

    python tools/calibrate_alignment.py              # calibrate on dev + dev2 + dev3 and report them
    python tools/calibrate_alignment.py --heldout    # and report the held-out scenario too
    python tools/calibrate_alignment.py --details    # and list every miss and wrong match
    python tools/calibrate_alignment.py --sweep      # and the same calibration at other background shares

A labelled pair is (focus paragraph, other article) with the paragraphs there that carry it
(labels.json, paragraphs numbered from 1). For each scenario the tool counts the carried
pairs *found* (matched, to a paragraph that carries it), the *wrong* matches (matched to a
paragraph that does not carry it, or where nothing does) and recall = found / carried pairs.

**Stability.** A researcher adds and removes outlets; what one outlet is found to carry must
not change with them. For every subset of the other articles of each development scenario
(all of them: 15 + 127 + 127), the alignment is run on the focus and that subset, and every
(focus paragraph, article) decision, matched or not and to which paragraph, is compared with
the decision on the whole scenario. A setting is *stable* when no decision changes in any
subset.

**Choice.** ``threshold`` (0.10 to 0.60) and ``story`` (0.20 to 0.60), in steps of 0.01, on
the development scenarios only, pooled, with the other options as set in
``analysis.compare.align``: among the stable settings, those with the fewest wrong matches,
then the most found; for each story level, the widest run of consecutive thresholds with
those figures; the story levels with the widest such run, and of those the middle of the
widest consecutive run; ``THRESHOLD`` is the middle of the threshold run at that level.

How it is computed: rules (b) and (c) do not depend on the two numbers, so one run of the
alignment per scenario and subset with both at 0 gives, per row, the best piece that passes
them (its similarity and paragraph) and, per article, its strongest such piece; at a setting
(t, s) a row is matched when its similarity reaches t and its article's strongest reaches s.
The tool checks this against a real run at the chosen setting.

The held-out scenario (tests/fixtures/compare/heldout) is only reported, and only when asked
(``--heldout``), so that looking at it is a decision. Offline; reads only the fixture files.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.compare import align  # noqa: E402
from analysis.text import segment  # noqa: E402

SCENARIOS = ROOT / "tests" / "fixtures" / "compare"
DEVELOPMENT = ("dev", "dev2", "dev3")
CHECK = ("heldout",)
THRESHOLDS = np.round(np.arange(0.10, 0.605, 0.01), 2)
STORIES = np.round(np.arange(0.20, 0.605, 0.01), 2)
SHARES = (0.0, 0.25, 0.5, 0.75, 1.0)

Loaded = tuple[list[str], list, dict[str, dict[int, set[int]]]]


def load(scenario: Path) -> Loaded:
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
    """(found, carried pairs, wrong matches, one line per miss or wrong match), from a real run."""
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


@dataclass
class Tops:
    """Per row (article, focus paragraph) of one run with threshold and story at 0: the
    similarity and paragraph of the best piece passing rules (b) and (c) (-1 and 0 when
    none), and its article's strongest."""

    keys: list[tuple[str, int]]
    sim: np.ndarray
    par: np.ndarray
    strongest: np.ndarray

    def matched(self) -> np.ndarray:
        """Boolean (row, story level, threshold): matched at that setting."""
        over_t = self.sim[:, None, None] >= THRESHOLDS[None, None, :]
        over_s = self.strongest[:, None, None] >= STORIES[None, :, None]
        return over_t & over_s


def tops(names: list[str], docs: list, options: align.AlignOptions) -> Tops:
    rows = align.align(names, docs, replace(options, threshold=0.0, story=0.0))
    ok = rows["matched"].to_numpy(dtype=bool)
    sim = np.where(ok, rows["similarity"].fillna(-1.0).to_numpy(dtype=float), -1.0)
    par = np.where(ok, rows["paragraph"].fillna(0).to_numpy(dtype=int), 0)
    best = {a: sim[(rows["article"] == a).to_numpy()].max() for a in rows["article"].unique()}
    return Tops(list(zip(rows["article"], rows["focus_paragraph"], strict=True)), sim, par,
                np.array([best[a] for a in rows["article"]]))


def figures(t: Tops, truth: dict[str, dict[int, set[int]]]) -> tuple[np.ndarray, np.ndarray, int]:
    """Found and wrong over the (story, threshold) grid, and the number of carried pairs."""
    expected = [truth[a].get(f, set()) for a, f in t.keys]
    right = np.array([p in e for p, e in zip(t.par, expected, strict=True)])
    m = t.matched()
    return (m & right[:, None, None]).sum(axis=0), (m & ~right[:, None, None]).sum(axis=0), \
        sum(bool(e) for e in expected)


def subsets(n_others: int) -> list[tuple[int, ...]]:
    """Every non-empty proper subset of the other articles (by index from 1)."""
    idx = range(1, n_others + 1)
    return [c for k in range(1, n_others) for c in itertools.combinations(idx, k)]


def unstable(loaded: Loaded, options: align.AlignOptions, full: Tops) -> np.ndarray:
    """Per (story, threshold): how many (focus paragraph, article) decisions of the whole
    scenario change in at least one subset of its other articles."""
    names, docs, _ = loaded
    decision = full.matched()
    where = {k: i for i, k in enumerate(full.keys)}
    changed = np.zeros((len(full.keys), *decision.shape[1:]), dtype=bool)
    for sub in subsets(len(names) - 1):
        part = tops([names[0], *(names[i] for i in sub)], [docs[0], *(docs[i] for i in sub)], options)
        rows = [where[k] for k in part.keys]
        m = part.matched()
        same_par = (part.par == full.par[rows])[:, None, None]
        changed[rows] |= (m != decision[rows]) | (m & ~same_par)
    return changed.sum(axis=0)


def _runs(ok: np.ndarray, values: np.ndarray) -> list[list[float]]:
    runs: list[list[float]] = []
    for i, good in enumerate(ok):
        if good:
            if runs and runs[-1][-1] == values[i - 1]:
                runs[-1].append(float(values[i]))
            else:
                runs.append([float(values[i])])
    return runs


@dataclass
class Choice:
    threshold: float
    story: float
    found: int
    wrong: int
    threshold_run: list[float]
    story_run: list[float]
    found_grid: np.ndarray
    wrong_grid: np.ndarray
    unstable_grid: np.ndarray


def choose(loaded: dict[str, Loaded], base: align.AlignOptions, stability: bool = True) -> Choice:
    """Calibrate on the development scenarios (see the module docstring)."""
    found = wrong = bad = 0
    for name in DEVELOPMENT:
        full = tops(loaded[name][0], loaded[name][1], base)
        f, w, _ = figures(full, loaded[name][2])
        found, wrong = found + f, wrong + w
        if stability:
            bad = bad + unstable(loaded[name], base, full)
    stable = np.asarray(bad) == 0 if stability else np.ones_like(found, dtype=bool)
    key = np.where(stable, wrong * 10_000 - found, np.iinfo(np.int64).max)
    best = key.min()
    widths = []
    for s in range(len(STORIES)):
        runs = _runs(key[s] == best, THRESHOLDS)
        widths.append(max(runs, key=len) if runs else [])
    widest = max(len(r) for r in widths)
    story_run = max(_runs(np.array([len(r) == widest for r in widths]), STORIES), key=len)
    story = round((story_run[0] + story_run[-1]) / 2, 2)
    run = widths[int(np.flatnonzero(STORIES == story)[0])]
    threshold = round((run[0] + run[-1]) / 2, 2)
    i_s, i_t = int(np.flatnonzero(STORIES == story)[0]), int(np.flatnonzero(THRESHOLDS == threshold)[0])
    return Choice(threshold, story, int(found[i_s, i_t]), int(wrong[i_s, i_t]), run, story_run,
                  found, wrong, np.asarray(bad) if stability else np.zeros_like(found))


def report(name: str, loaded: Loaded, options: align.AlignOptions, details: bool) -> tuple[int, int, int]:
    found, total, wrong, lines = score(*loaded, options)
    print(f"{name}: {found} of {total} carried pairs found (recall {found / total:.2f}), {wrong} wrong matches")
    if details:
        print("\n".join(lines))
    return found, total, wrong


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--details", action="store_true", help="list every miss and wrong match")
    ap.add_argument("--heldout", action="store_true", help="report the held-out scenario too")
    ap.add_argument("--sweep", action="store_true", help="calibrate at other background shares too")
    args = ap.parse_args(argv)
    shown = (*DEVELOPMENT, *CHECK) if args.heldout else DEVELOPMENT
    loaded = {n: load(SCENARIOS / n) for n in shown}
    base = align.AlignOptions()
    c = choose(loaded, base)
    i_s = int(np.flatnonzero(STORIES == c.story)[0])
    print(f"development scenarios {' + '.join(DEVELOPMENT)} (background share {base.background}, rival_ratio "
          f"{base.rival_ratio}, figure_bonus {base.figure_bonus}); at story {c.story:.2f}, threshold -> found/wrong "
          "(* = a decision changes in some subset of the outlets)")
    print("  " + "  ".join(f"{t:.2f}:{c.found_grid[i_s, j]}/{c.wrong_grid[i_s, j]}"
                           f"{'*' if c.unstable_grid[i_s, j] else ''}" for j, t in enumerate(THRESHOLDS)))
    print(f"stable at every setting of the grid: {bool((c.unstable_grid == 0).all())} "
          f"({sum(len(subsets(len(loaded[n][0]) - 1)) for n in DEVELOPMENT)} subsets)")
    print(f"best stable: {c.found} found, {c.wrong} wrong; thresholds {c.threshold_run[0]:.2f}-"
          f"{c.threshold_run[-1]:.2f} ({len(c.threshold_run)} steps of 0.01) at story levels "
          f"{c.story_run[0]:.2f}-{c.story_run[-1]:.2f} ({len(c.story_run)} steps)")
    print(f"chosen: threshold {c.threshold:.2f}, story {c.story:.2f}; in code: {align.THRESHOLD:.2f}, {align.STORY:.2f}")
    chosen = replace(base, threshold=c.threshold, story=c.story)
    total_found = 0
    for name in shown:
        f, _, _ = report(name, loaded[name], chosen, args.details)
        total_found += f if name in DEVELOPMENT else 0
    if total_found != c.found:
        raise SystemExit(f"the grid says {c.found} found at the chosen setting, a real run {total_found}")
    if args.sweep:
        for share in SHARES:
            s = choose(loaded, replace(base, background=share), stability=False)
            print(f"  background share {share:.2f}: best {s.found} found, {s.wrong} wrong at thresholds "
                  f"{s.threshold_run[0]:.2f}-{s.threshold_run[-1]:.2f} ({len(s.threshold_run)} steps), story "
                  f"{s.story_run[0]:.2f}-{s.story_run[-1]:.2f}")


if __name__ == "__main__":
    main()
