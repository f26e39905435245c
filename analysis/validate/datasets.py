"""Loaders for the human-labelled subsets shipped in data/eval/ (see its README for
sources, licences and citations). Paths are resolved from this file, never the working
directory.

Sets whose text may not be shipped (FactBank's news sentences, for one) are read from an
external folder that the caller names: ``--external DIR`` on the command line, else the
environment variable ``NARRATIVE_LENS_EXTERNAL_EVAL``. CI points it at the project's shared
evaluation folder. Without it, such a set is reported as absent (:class:`Absent`), never as
a failure; the dashboard never reads it.

Fast mode takes a fixed sample of each set (the first rows after a seeded shuffle), so a
fast run always scores the same items.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import paths

EVAL = paths.EVAL
SAMPLE_SEED = 8
LEVELS = ("Ele", "Int", "Adv")  # OneStopEnglish levels, easiest first
EXTERNAL_ENV = "NARRATIVE_LENS_EXTERNAL_EVAL"


class Absent(Exception):
    """An external evaluation set that is not there: the figure is not measured, not failed."""


def external_root(explicit: str | Path | None = None) -> Path | None:
    """The external evaluation folder: ``explicit``, else ``$NARRATIVE_LENS_EXTERNAL_EVAL``,
    else None."""
    chosen = explicit if explicit not in (None, "") else os.environ.get(EXTERNAL_ENV, "")
    return Path(chosen).expanduser() if chosen else None


def external_file(root: Path | None, relative: str) -> Path:
    """``root/relative``, or :class:`Absent` saying what is missing and how to point at it."""
    if root is None:
        raise Absent(f"{relative} is read from an external folder (not shipped: its licence forbids "
                     f"it); give --external DIR or set {EXTERNAL_ENV}")
    path = root / relative
    if not path.is_file():
        raise Absent(f"{relative} not found under the external folder {root}")
    return path


@dataclass(frozen=True)
class Sizes:
    """How many items each set contributes; ``None`` = all of it."""

    nyt: int | None = None
    emobank: int | None = None  # per genre
    hedging: int | None = None
    articles: int | None = None
    headlines: int | None = None  # per class


FULL = Sizes()
FAST = Sizes(nyt=1200, emobank=400, hedging=None, articles=40, headlines=600)


def _sample(frame: pd.DataFrame, n: int | None) -> pd.DataFrame:
    if n is None or n >= len(frame):
        return frame.reset_index(drop=True)
    return frame.sample(n=n, random_state=SAMPLE_SEED).sort_index().reset_index(drop=True)


def nyt(n: int | None = None) -> pd.DataFrame:
    """VADER's NYT editorial sentences: ``id``, ``rating`` (mean of >= 20 raters, -4..+4),
    ``text``."""
    rows = []
    with (EVAL / "sentiment" / "nyt_editorial_snippets.tsv").open(encoding="utf-8", newline="") as fh:
        for line in fh:
            ident, rating, text = line.rstrip("\r\n").split("\t", 2)
            rows.append((ident, float(rating), text))
    return _sample(pd.DataFrame(rows, columns=["id", "rating", "text"]), n)


def emobank(genre: str, n: int | None = None) -> pd.DataFrame:
    """EmoBank news rows of one ``genre`` ("newspaper" or "SemEval" headlines): ``id``,
    ``valence`` (mean rating, 1..5, higher = more positive), ``text``."""
    frame = pd.read_csv(EVAL / "sentiment" / "emobank_news.csv", keep_default_na=False)
    frame = frame[frame["genre"] == genre][["id", "valence", "text"]]
    return _sample(frame, n)


def hedging(part: str, n: int | None = None) -> pd.DataFrame:
    """Wikipedia uncertainty sentences, ``part`` "train" or "heldout": ``text``, ``label``
    (1 = uncertain or weasel, as annotated in the Szeged / CoNLL-2010 corpus)."""
    if part not in ("train", "heldout"):
        raise ValueError(f"no hedging part {part!r}")
    with (EVAL / "hedging" / f"{part}.csv").open(encoding="utf-8", newline="") as fh:
        frame = pd.DataFrame(list(csv.DictReader(fh)))
    frame["label"] = frame["label"].astype(int)
    return _sample(frame, n)


def may_readings() -> pd.DataFrame:
    """Every "may" in the advanced OneStopEnglish (Guardian) texts with its reading, annotated
    by the project: ``sentence``, ``offset`` (of "may" in it), ``reading`` (epistemic,
    concessive, root or other). See data/eval/hedging_news/README.md."""
    frame = pd.read_csv(EVAL / "hedging_news" / "may_readings.csv", keep_default_na=False)
    frame["offset"] = frame["offset"].astype(int)
    return frame


def _read_level(path: Path, level: str) -> str:
    text = path.read_text(encoding="utf-8-sig")
    if level == "Int":
        first, _, rest = text.partition("\n")
        if first.strip() == "Intermediate":  # a level label, not part of the article
            text = rest
    return text


def onestopenglish(n: int | None = None) -> pd.DataFrame:
    """OneStopEnglish: one row per article, ``article`` and one text column per level
    (``Ele``, ``Int``, ``Adv``). The "Intermediate" label line of the Int texts is dropped."""
    root = EVAL / "readability" / "onestopenglish"
    names = sorted(p.name[: -len("-adv.txt")] for p in (root / "Adv-Txt").glob("*-adv.txt"))
    rows = []
    for name in names:
        row = {"article": name}
        for level in LEVELS:
            row[level] = _read_level(root / f"{level}-Txt" / f"{name}-{level.lower()}.txt", level)
        rows.append(row)
    return _sample(pd.DataFrame(rows), n)


def headlines(n: int | None = None) -> pd.DataFrame:
    """Clickbait and news headlines: ``text``, ``clickbait`` (1 = clickbait, 0 = news).
    ``n`` is per class."""
    parts = []
    for name, label in (("clickbait.txt", 1), ("news.txt", 0)):
        lines = (EVAL / "alarm" / name).read_text(encoding="utf-8").splitlines()
        frame = pd.DataFrame({"text": [s for s in lines if s.strip()], "clickbait": label})
        parts.append(_sample(frame, n))
    return pd.concat(parts, ignore_index=True)
