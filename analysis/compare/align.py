"""Claim alignment: for each focus paragraph, the most similar paragraph of every other article.

Method (offline, no model): each paragraph becomes a TF-IDF vector of the **character
3- to 5-grams of its content words**. Content words are the lowercase word tokens without
stop words (``tokens.STOP_WORDS``), with spelled-out numbers as digits and numbers split
from glued units ("twenty" -> "20", "400GB" -> "400", "gb"; ``tokens.normal``). Each word
is padded with spaces and cut into n-grams, so "evacuated" and "evacuation" share " eva",
"evac", "vacu" ... and inflections meet without a stemmer. Term frequencies are sublinear
(``1 + ln tf``), weighted by a smoothed inverse paragraph frequency over every paragraph of
every article in the comparison (``idf = ln((1 + P) / (1 + df)) + 1``) and scaled to unit
length. The similarity of two paragraphs is the cosine of their vectors: 0 = no n-gram in
common, 1 = the same n-grams in the same proportions.

Names, places and figures carry most of the weight, which is what survives when an outlet
retells a paragraph in its own words. Known limits of any such lexical method: a retelling
that keeps none of them is missed, and a short paragraph that names the same person in the
same role while saying something else can clear the threshold.

A focus paragraph is *carried* by an article when its best paragraph there (a) scores at
least ``THRESHOLD`` and (b) is a mutual best match: of all focus paragraphs, that paragraph
resembles this one most (the mutual-nearest-neighbour rule of bitext alignment). Rule (b)
stops an outlet's lead, which shares the event's names with every focus paragraph, from
being counted as a retelling of each of them; its cost is that an outlet paragraph merging
two focus paragraphs is credited to only one. See ``analysis.compare.METHOD_NOTE`` for how
the threshold was chosen.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse

from analysis.compare.tokens import is_content, normal
from analysis.text import Document

# Chosen on tests/fixtures/compare/dev (tools/calibrate_alignment.py prints the figures):
# the midpoint between the lowest similarity of a labelled retelling and the highest
# similarity of a mutual best pair that is not one, rounded to two decimals.
# Checked on tests/fixtures/compare/heldout.
THRESHOLD = 0.18

ALIGNMENT_COLUMNS = ["focus_paragraph", "article", "paragraph", "similarity", "best_paragraph",
                     "matched", "note"]


@dataclass(frozen=True)
class AlignOptions:
    """``threshold``: the lowest similarity that counts as the same claim (0..1);
    ``ngram``: the character n-gram lengths (inclusive range)."""

    threshold: float = THRESHOLD
    ngram: tuple[int, int] = (3, 5)


def paragraph_words(doc: Document) -> list[list[str]]:
    """The normalised content words of each paragraph (what the n-grams are cut from)."""
    return [[form for t in par.tokens if is_content(t[2]) for form in normal(t[2])]
            for par in doc.paragraphs]


def _tfidf(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """Sublinear TF, smoothed IDF over the rows, rows scaled to unit length."""
    counts = counts.tocsr().astype(np.float64)
    n_rows = counts.shape[0]
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = np.log((1.0 + n_rows) / (1.0 + df)) + 1.0
    counts.data = (1.0 + np.log(counts.data)) * idf[counts.indices]
    norms = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
    scale = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    return sparse.diags(scale) @ counts


def _ngrams(word: str, lo: int, hi: int) -> list[str]:
    padded = f" {word} "
    return [padded[i : i + n] for n in range(lo, hi + 1) for i in range(len(padded) - n + 1)]


def features(docs: Sequence[Sequence[Sequence[str]]], options: AlignOptions = AlignOptions()
             ) -> sparse.csr_matrix:
    """The TF-IDF matrix of character n-grams, one row per paragraph of every document.

    ``docs`` holds, per document, per paragraph, its content words (``paragraph_words``).
    Each distinct word is cut into n-grams once: paragraph x word counts times a
    word x n-gram incidence matrix.
    """
    types: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    row = 0
    for doc in docs:
        for words in doc:
            for w in words:
                rows.append(row)
                cols.append(types.setdefault(w, len(types)))
            row += 1
    type_counts = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)),
                                    shape=(row, max(len(types), 1)))
    grams: dict[str, int] = {}
    g_rows: list[int] = []
    g_cols: list[int] = []
    for word, i in types.items():
        for g in _ngrams(word, *options.ngram):
            g_rows.append(i)
            g_cols.append(grams.setdefault(g, len(grams)))
    incidence = sparse.csr_matrix((np.ones(len(g_rows)), (g_rows, g_cols)),
                                  shape=(max(len(types), 1), max(len(grams), 1)))
    return _tfidf(type_counts @ incidence)


def similarity(docs: Sequence[Sequence[Sequence[str]]], options: AlignOptions = AlignOptions()
               ) -> np.ndarray:
    """Similarity (0..1) of each paragraph of ``docs[0]`` to every paragraph of all docs.

    Shape ``(paragraphs of docs[0], paragraphs of all docs)``; a focus paragraph without any
    content word has NaN similarity throughout (nothing to compare, not "no match").
    """
    grams = features(docs, options)
    n_focus = len(docs[0])
    sims = (grams[:n_focus] @ grams.T).toarray()
    empty = np.array([len(p) == 0 for p in docs[0]], dtype=bool)
    sims[empty, :] = np.nan
    return np.clip(sims, 0.0, 1.0)


def align(names: Sequence[str], docs: Sequence[Sequence[Sequence[str]]],
          options: AlignOptions = AlignOptions()) -> pd.DataFrame:
    """For each focus paragraph and each other article, its best paragraph and similarity.

    ``names[0]``/``docs[0]`` is the focus. Rows: ``focus_paragraph``, ``article``,
    ``paragraph`` (the matched paragraph there, missing when none clears the rule),
    ``similarity`` (of the best paragraph, 0..1, NaN when it cannot be computed),
    ``best_paragraph`` (the best paragraph even when it does not count, for near misses),
    ``matched`` and ``note`` (why a best paragraph does not count).
    """
    return _rows(names, docs, similarity(docs, options), options.threshold)


def _rows(names: Sequence[str], docs: Sequence[Sequence[Sequence[str]]], sims: np.ndarray,
          threshold: float) -> pd.DataFrame:
    bounds = np.cumsum([0, *[len(d) for d in docs]])
    rows: list[tuple[object, ...]] = []
    for k in range(1, len(docs)):
        block = sims[:, bounds[k] : bounds[k + 1]]
        for fp in range(len(docs[0])):
            line = block[fp] if block.size else block.reshape(0)
            if line.size == 0 or np.all(np.isnan(line)):
                why = "no paragraphs to compare" if line.size == 0 else "no content words"
                rows.append((fp, names[k], pd.NA, math.nan, pd.NA, False, why))
                continue
            best = int(np.nanargmax(line))
            score = float(line[best])
            rival = int(np.nanargmax(block[:, best]))
            if score < threshold:
                note = f"below the threshold {threshold:.2f}"
            elif rival != fp:
                note = f"that paragraph matches focus paragraph {rival} better"
            else:
                note = ""
            ok = not note
            rows.append((fp, names[k], best if ok else pd.NA, score, best, ok, note))
    frame = pd.DataFrame(rows, columns=ALIGNMENT_COLUMNS)
    return frame.astype({"focus_paragraph": "int64", "paragraph": "Int64", "similarity": "float64",
                         "best_paragraph": "Int64", "matched": "bool"})


def coverage(alignment: pd.DataFrame, n_focus: int, n_others: int) -> pd.DataFrame:
    """Per focus paragraph: how many of the other articles carry it.

    ``carried_by`` N of ``of`` M; ``outlets`` names them; ``status`` says it in words,
    "found nowhere else" when N = 0 (the first lead on an uncorroborated claim).
    """
    rows = []
    for fp in range(n_focus):
        hits = alignment[(alignment["focus_paragraph"] == fp) & alignment["matched"]]
        n = len(hits)
        status = f"carried by {n} of {n_others}" if n else "found nowhere else"
        rows.append((fp, n, n_others, list(hits["article"]), status))
    return pd.DataFrame(rows, columns=["focus_paragraph", "carried_by", "of", "outlets", "status"])
