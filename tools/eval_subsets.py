"""Build data/eval/ (the validation subsets shipped with the project) from a copy of the
public evaluation sets, once, deterministically.

Usage: python tools/eval_subsets.py SOURCE_DIR

SOURCE_DIR holds the sets as distributed (sentiment/, hedging/, readability/onestopenglish/,
alarm/; see data/eval/README.md for where each comes from). Nothing in analysis/ reads
SOURCE_DIR: the harness reads only what this script writes into data/eval/.

- NYT editorial sentences and EmoBank news: copied whole.
- Wikipedia uncertainty sentences: split once into train.csv (70%, for tuning the hedge
  lexicon) and heldout.csv (30%, never used for tuning), stratified by label, seed 8. A
  sentence that occurs more than once goes wholly into one part, so no text leaks across.
- OneStopEnglish: the three levels of every article, copied unchanged.
- Clickbait / news headlines: a fixed random subsample of 2,000 of each (seed 8).
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "eval"
SEED = 8
HELDOUT_SHARE = 0.30
HEADLINES_PER_CLASS = 2000


def split_hedging(src: Path, out: Path) -> tuple[int, int]:
    frame = pd.read_csv(src, keep_default_na=False)
    frame["label"] = frame["label"].astype(int)
    first = frame.drop_duplicates("text")  # one decision per distinct sentence
    rng = random.Random(SEED)
    heldout_texts: set[str] = set()
    for label in (0, 1):
        texts = sorted(first.loc[first["label"] == label, "text"])
        rng.shuffle(texts)
        heldout_texts.update(texts[: round(len(texts) * HELDOUT_SHARE)])
    is_heldout = frame["text"].isin(heldout_texts)
    out.mkdir(parents=True, exist_ok=True)
    frame[~is_heldout].to_csv(out / "train.csv", index=False)
    frame[is_heldout].to_csv(out / "heldout.csv", index=False)
    return int((~is_heldout).sum()), int(is_heldout.sum())


def sample_lines(src: Path, n: int, rng: random.Random) -> list[str]:
    lines = [s.strip() for s in src.read_text(encoding="utf-8").splitlines()]
    lines = sorted({s for s in lines if s})
    return sorted(rng.sample(lines, n))


def main(source: Path) -> None:
    (OUT / "sentiment").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source / "sentiment" / "vader_nyt_editorial_snippets.tsv",
                    OUT / "sentiment" / "nyt_editorial_snippets.tsv")
    shutil.copyfile(source / "sentiment" / "emobank_news.csv", OUT / "sentiment" / "emobank_news.csv")

    train, held = split_hedging(source / "hedging" / "wikipedia_uncertainty_train.csv", OUT / "hedging")
    print(f"hedging: {train} train, {held} held out")

    ose_src = source / "readability" / "onestopenglish"
    ose_out = OUT / "readability" / "onestopenglish"
    for level in ("Ele", "Int", "Adv"):
        shutil.copytree(ose_src / f"{level}-Txt", ose_out / f"{level}-Txt", dirs_exist_ok=True)
    shutil.copyfile(ose_src / "LICENSE.md", ose_out / "LICENSE.md")

    (OUT / "alarm").mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    for name, target in (("clickbait_data.txt", "clickbait.txt"), ("non_clickbait_data.txt", "news.txt")):
        lines = sample_lines(source / "alarm" / name, HEADLINES_PER_CLASS, rng)
        (OUT / "alarm" / target).write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.copyfile(source / "alarm" / "LICENSE", OUT / "alarm" / "LICENSE")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]))
