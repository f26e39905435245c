"""The news sentences of the sourcing evaluation set whose text may not be shipped.

FactBank's sentences (NYT, WSJ, AP, Xinhua, CNN, ABC, VOA, PRI; the LDC's text, read from the
external evaluation folder, see :mod:`analysis.validate.datasets`) are annotated in
data/eval/sources/news_gold.jsonl by offsets only. The offsets refer to the sentence after
:func:`detokenise`, which undoes the Penn Treebank tokenisation the corpus carries (``` ``…'' ```
for quotation marks, ``ca n't``, a space before punctuation), so that a detector meets the
text as a newspaper printed it. Each unit records the SHA-256 of that text: a different copy
of the corpus is refused, not silently misread.
"""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

FACTBANK = "hedging_news_factbank/factbank_dev.csv"  # relative to the external folder

_PTB = (
    (re.compile(r"'''"), "’”"),
    (re.compile(r"``\s*"), "“"),
    (re.compile(r"\s*''"), "”"),
    (re.compile(r"`"), "‘"),
    (re.compile(r"\b([Cc])a n't\b"), r"\1an't"),
    (re.compile(r"\b([Ww])o n't\b"), r"\1on't"),
    (re.compile(r" n't\b"), "n't"),
    (re.compile(r" ([,.;:?!%])(?=\s|$|[”\"’)])"), r"\1"),
    (re.compile(r"\( "), "("),
    (re.compile(r" \)"), ")"),
)


def detokenise(text: str) -> str:
    """FactBank's sentence as printed: PTB quotation marks back to curly ones, contractions
    joined, no space before punctuation. Deterministic; offsets in the gold refer to its output."""
    for pattern, repl in _PTB:
        text = pattern.sub(repl, text)
    return text


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def factbank_sentences(path: Path) -> dict[tuple[str, str], str]:
    """(document, sentence id) -> detokenised sentence, from the external CSV."""
    with path.open(encoding="utf-8", newline="") as fh:
        return {(r["document"], r["sentence_id"]): detokenise(r["text"]) for r in csv.DictReader(fh)}
