"""A fixed background for the claim alignment's term weights: how common each character
n-gram is in news at large, read from a table shipped with the project.

Why: a weight computed over the articles being compared moves when an article is added or
removed, and with it every similarity; a claim could then appear or vanish because an
unrelated outlet joined the set. The background does not move. ``align`` mixes it with the
weights of the focus article alone (``AlignOptions.background``), so that what one outlet is
found to carry depends on the focus and that outlet only, never on the others.

The table (``data/compare/background.tsv``: ``gram<TAB>sentences``, sorted) gives, for every
character 3- to 5-gram of a lemma key (``tokens.char_ngrams`` over ``units.piece`` words,
exactly as the alignment forms them), the number of sentences of the corpus that contain it;
its manifest (``data/compare/manifest.json``) gives the number of sentences, the n-gram
lengths, the corpus, its licence and citation, the date and the table's SHA-256. The corpus:
the 189 advanced-level texts of OneStopEnglish (Vajjala & Lučić 2018; Guardian news articles
as adapted by English teachers, CC BY-SA 4.0), shipped in ``data/eval/readability``. Only the
counts are shipped here; the table is rebuilt by ``python tools/build_compare_background.py``,
and a test rebuilds it and compares, so that a change of the lemma rules or the stop words
that would change the keys fails until the table is rebuilt and its manifest bumped.

``load()`` refuses a table whose checksum is not the manifest's, like ``analysis.lexicon``.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from analysis import paths
from analysis.compare.tokens import char_ngrams
from analysis.compare.units import paragraph_pieces
from analysis.text import paragraph

DIR = paths.DATA / "compare"
TABLE = DIR / "background.tsv"
MANIFEST = DIR / "manifest.json"
CORPUS = paths.EVAL / "readability" / "onestopenglish" / "Adv-Txt"


class BackgroundError(RuntimeError):
    pass


@dataclass(frozen=True)
class Background:
    """``sentences``: how many sentences the corpus has (with at least one content word);
    ``df``: n-gram -> how many of them contain it; ``ngram``: the n-gram lengths counted."""

    sentences: int
    df: dict[str, int] = field(repr=False)
    ngram: tuple[int, int] = (3, 5)
    version: str = ""
    source: str = ""


def count(paragraphs: Iterable[str], ngram: tuple[int, int] = (3, 5)) -> tuple[int, Counter[str]]:
    """Sentences with a content word, and per n-gram the sentences that contain it, over
    ``paragraphs`` (plain text, one paragraph each), cut as the alignment cuts them."""
    n = 0
    df: Counter[str] = Counter()
    for text in paragraphs:
        if not text.strip():
            continue
        for pc in paragraph_pieces(paragraph(text.strip())):
            if pc.clause or not pc.words:
                continue
            n += 1
            df.update({g for w in set(pc.words) for g in char_ngrams(w, *ngram)})
    return n, df


def corpus_paragraphs(folder: Path = CORPUS) -> list[str]:
    """The paragraphs of the background corpus: one a line in each text, in file order."""
    out = []
    for path in sorted(folder.glob("*.txt")):
        out += [line for line in path.read_text(encoding="utf-8-sig").splitlines() if line.strip()]
    return out


def render(df: Counter[str]) -> str:
    """The table's text: ``gram<TAB>sentences``, one a line, sorted by gram."""
    return "".join(f"{g}\t{df[g]}\n" for g in sorted(df))


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@functools.cache
def load() -> Background:
    """The shipped background, checked against its manifest (built once per process)."""
    try:
        info = json.loads(MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackgroundError(f"cannot read {MANIFEST}: {exc}") from exc
    digest = checksum(TABLE)
    if digest != info["sha256"]:
        raise BackgroundError(
            f"{TABLE.name} changed but {MANIFEST.name} did not: rebuild both with "
            f"python tools/build_compare_background.py (file {digest[:12]}…, manifest {info['sha256'][:12]}…)")
    df: dict[str, int] = {}
    with TABLE.open(encoding="utf-8", newline="\n") as fh:
        for line in fh:
            gram, _, n = line.rstrip("\n").rpartition("\t")
            df[gram] = int(n)
    lo, hi = info["ngram"]
    return Background(int(info["sentences"]), df, (lo, hi), info["version"], info["source"])
