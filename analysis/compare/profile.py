"""Profiles and aligned arcs: every article's level and spread on every measure, and its
paragraph values on a common relative-position axis."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.measures import REGISTRY, Column
from analysis.pipeline import Analysis

PROFILE_COLUMNS = ["article", "focus", "measure", "label", "unit", "direction", "level", "median",
                   "q1", "q3", "iqr", "sd", "min", "max", "paragraphs", "words"]
ARC_COLUMNS = ["article", "focus", "measure", "paragraph", "position", "start_pct", "end_pct",
               "value", "words"]


def measures() -> list[Column]:
    """The numeric scores of every registered measure (counts and text notes left out)."""
    return [c for m in REGISTRY for c in m.columns if c.unit not in ("text", "count")]


def positions(a: Analysis) -> pd.DataFrame:
    """Each paragraph's place in its article, in percent of the article's words: ``start_pct``
    and ``end_pct`` bound it, ``position`` is its midpoint. An article without words falls
    back to character offsets."""
    words = a.paragraphs["words"].to_numpy(dtype=float)
    if words.sum() > 0:
        end = np.cumsum(words)
        start = end - words
        total = words.sum()
    else:
        start = a.paragraphs["start"].to_numpy(dtype=float)
        end = a.paragraphs["end"].to_numpy(dtype=float)
        total = max(float(end.max()) if len(end) else 1.0, 1.0)
    return pd.DataFrame({"paragraph": a.paragraphs["paragraph"].to_numpy(),
                         "start_pct": 100 * start / total, "end_pct": 100 * end / total,
                         "position": 100 * (start + end) / 2 / total})


def _wide(names: Sequence[str], analyses: Sequence[Analysis], wanted: Sequence[str]) -> pd.DataFrame:
    """All paragraphs of all articles, one row each, with their relative positions."""
    frames = []
    for k, (name, a) in enumerate(zip(names, analyses, strict=True)):
        if not len(a.paragraphs):
            continue
        part = a.paragraphs[["paragraph", "words", *wanted]].copy()
        pos = positions(a)
        part["start_pct"] = pos["start_pct"].to_numpy()
        part["end_pct"] = pos["end_pct"].to_numpy()
        part["position"] = pos["position"].to_numpy()
        part["article"] = name
        part["focus"] = k == 0
        frames.append(part)
    if not frames:
        return pd.DataFrame(columns=["article", "focus", "paragraph", "words", "start_pct", "end_pct",
                                     "position", *wanted])
    wide = pd.concat(frames, ignore_index=True)
    wide[list(wanted)] = wide[list(wanted)].apply(pd.to_numeric, errors="coerce").astype("float64")
    return wide


def aligned_arcs(names: Sequence[str], analyses: Sequence[Analysis],
                 measure_names: Sequence[str] | None = None) -> pd.DataFrame:
    """Long frame: one row per article, measure and paragraph, with the paragraph's
    relative ``position`` (0..100 % of the article's words, paragraph midpoint; ``start_pct``
    and ``end_pct`` bound it) and its ``value`` (NaN where the measure cannot be computed)."""
    wanted = list(measure_names) if measure_names is not None else [c.name for c in measures()]
    wide = _wide(names, analyses, wanted)
    long = wide.melt(id_vars=["article", "focus", "paragraph", "position", "start_pct", "end_pct",
                              "words"], value_vars=wanted, var_name="measure", value_name="value")
    return long[ARC_COLUMNS].astype({"value": "float64"})


def profile(names: Sequence[str], analyses: Sequence[Analysis],
            arcs: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per article and measure.

    ``level`` is the article-level value from ``Analysis.summary`` (rates pooled over the
    whole text, per 100 words; readability recomputed on the whole text); the spread is over
    the article's paragraphs: ``median``, ``q1``/``q3`` (25th/75th percentiles), ``iqr``,
    ``sd`` (sample standard deviation, NaN under two paragraphs with a value), ``min``,
    ``max`` and ``paragraphs`` (how many have a value; NaN paragraphs are left out).
    ``focus`` marks the first article. ``arcs`` (from ``aligned_arcs``) is reused if given.
    """
    cols = measures()
    if arcs is None:
        arcs = aligned_arcs(names, analyses)
    grid = pd.MultiIndex.from_product([list(names), [c.name for c in cols]], names=["article", "measure"])
    g = arcs.groupby(["article", "measure"], sort=False)["value"]
    stats = pd.DataFrame({"median": g.median(), "q1": g.quantile(0.25), "q3": g.quantile(0.75),
                          "sd": g.std(ddof=1), "min": g.min(), "max": g.max(), "paragraphs": g.count()})
    stats = stats.reindex(grid)
    stats["iqr"] = stats["q3"] - stats["q1"]
    stats["paragraphs"] = stats["paragraphs"].fillna(0).astype("int64")
    summaries = pd.DataFrame([a.summary.iloc[0] if len(a.summary) else pd.Series(dtype=object)
                              for a in analyses])
    levels = []
    for _, row in summaries.iterrows():
        for c in cols:
            levels.append(pd.to_numeric(row.get(c.name, np.nan), errors="coerce"))
    stats["level"] = np.asarray(levels, dtype=float)
    info = {c.name: c for c in cols}
    out = stats.reset_index()
    out["focus"] = out["article"] == names[0]
    out["label"] = out["measure"].map(lambda m: info[m].label)
    out["unit"] = out["measure"].map(lambda m: info[m].unit)
    out["direction"] = out["measure"].map(lambda m: info[m].direction)
    words = {n: int(a.document.words) for n, a in zip(names, analyses, strict=True)}
    out["words"] = out["article"].map(words).astype("int64")
    return out[PROFILE_COLUMNS]


def table(prof: pd.DataFrame, measure_names: Sequence[str]) -> pd.DataFrame:
    """A profile (from ``profile``) as one row per article for reading: ``focus``, ``words``,
    then for each of ``measure_names`` in that order its ``level`` under the measure's label
    and its ``iqr`` (spread over the article's paragraphs) under "<label> · IQR". Indexed by
    article in the profile's order; every article has a row even with no measure chosen."""
    first = prof.drop_duplicates("article").set_index("article")
    out = first[["focus", "words"]].copy()
    for name in measure_names:
        rows = prof[prof["measure"] == name].set_index("article")
        if rows.empty:
            continue
        label = str(rows["label"].iloc[0])
        out[label] = rows["level"].reindex(out.index)
        out[f"{label} · IQR"] = rows["iqr"].reindex(out.index)
    return out
