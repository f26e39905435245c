"""The vectors the claim alignment compares: character n-grams of lemma keys, weighted.

Every piece (``units``) and every paragraph becomes a row of n-gram counts: the character
``ngram``-grams (``tokens.char_ngrams``) of its lemma keys, so that derivations meet
("accusation"/"accused"). A paragraph's row sums its sentences. Rows are weighted by
sublinear term frequency (1 + ln tf) times a weight per n-gram, and scaled to unit length.

The weight of an n-gram does not depend on which other articles are compared: it mixes

- how rare the n-gram is in news at large: the smoothed inverse sentence frequency over the
  background corpus (``background``: 7,250 Guardian sentences), and
- how rare it is in the focus article: the same over the focus's sentences, so that the
  words the focus repeats in paragraph after paragraph (the story's names and topic) weigh
  less than the words of one claim,

as ``share * idf_background + (1 - share) * idf_focus`` with
``idf = ln((1 + S) / (1 + df)) + 1``. An outlet's vectors, and so its similarities, depend
on the focus and that outlet only; adding or removing an article changes no other row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from analysis.compare import background
from analysis.compare.tokens import char_ngrams
from analysis.compare.units import Piece

Units = Sequence[Sequence[Piece]]  # per paragraph, its pieces


@dataclass
class Layout:
    """Row bookkeeping: ``pieces`` (doc, paragraph, piece index) per piece row; the paragraph
    rows of each doc; the piece rows that are whole sentences, per doc."""

    pieces: list[tuple[int, int, int]]
    par_rows: list[list[int]]
    sentence_rows: list[list[int]]


def counts(docs: Sequence[Units], ngram: tuple[int, int]
           ) -> tuple[sparse.csr_matrix, sparse.csr_matrix, list[str], Layout]:
    """Raw n-gram counts, one row per piece and one per paragraph (over its sentences), and
    the n-gram of each column."""
    types: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    layout = Layout([], [], [])
    par_of_piece: list[int] = []
    n_par = 0
    for d, doc in enumerate(docs):
        layout.par_rows.append([])
        layout.sentence_rows.append([])
        for p, pieces in enumerate(doc):
            layout.par_rows[-1].append(n_par)
            for i, pc in enumerate(pieces):
                row = len(layout.pieces)
                layout.pieces.append((d, p, i))
                par_of_piece.append(n_par if pc.clause == 0 else -1)
                if pc.clause == 0:
                    layout.sentence_rows[-1].append(row)
                for w in pc.words:
                    rows.append(row)
                    cols.append(types.setdefault(w, len(types)))
            n_par += 1
    n_rows = len(layout.pieces)
    type_counts = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n_rows, max(len(types), 1)))
    # Columns in the order of the n-grams themselves, not of their first appearance: a row's
    # n-grams then come in the same order whatever other articles are compared, so its
    # products and norms are summed in the same order, to the last bit.
    spelled = {w: char_ngrams(w, *ngram) for w in types}
    grams = {g: j for j, g in enumerate(sorted({g for gs in spelled.values() for g in gs}))}
    g_rows: list[int] = []
    g_cols: list[int] = []
    for word, i in types.items():
        for g in spelled[word]:
            g_rows.append(i)
            g_cols.append(grams[g])
    incidence = sparse.csr_matrix((np.ones(len(g_rows)), (g_rows, g_cols)),
                                  shape=(max(len(types), 1), max(len(grams), 1)))
    piece_counts = (type_counts @ incidence).tocsr()
    keep = [r for r, p in enumerate(par_of_piece) if p >= 0]
    to_par = sparse.csr_matrix((np.ones(len(keep)), ([par_of_piece[r] for r in keep], keep)),
                               shape=(n_par, n_rows))
    return piece_counts, (to_par @ piece_counts).tocsr(), list(grams), layout


def idf(df: np.ndarray, n: int) -> np.ndarray:
    """Smoothed inverse document frequency, ln((1 + n) / (1 + df)) + 1: from 1 (in every
    one of n units) to 1 + ln(1 + n) (in none)."""
    return np.log((1.0 + n) / (1.0 + df)) + 1.0


def background_idf(grams: Sequence[str], ngram: tuple[int, int]) -> np.ndarray:
    """The background's inverse sentence frequency of each n-gram."""
    bg = background.load()
    if ngram[0] < bg.ngram[0] or ngram[1] > bg.ngram[1]:
        raise ValueError(f"the background table counts {bg.ngram[0]}- to {bg.ngram[1]}-grams, "
                         f"not {ngram[0]}- to {ngram[1]}-grams: rebuild it with tools/build_compare_background.py")
    df = np.fromiter((bg.df.get(g, 0) for g in grams), dtype=np.float64, count=len(grams))
    return idf(df if len(df) else np.zeros(1), bg.sentences)


def local_idf(piece_counts: sparse.csr_matrix, rows: Sequence[int]) -> np.ndarray:
    """Inverse sentence frequency of each n-gram over the sentence rows ``rows``."""
    sent = piece_counts[list(rows)]
    df = np.bincount(sent.indices, minlength=piece_counts.shape[1])
    return idf(df, sent.shape[0])


def weights(grams: Sequence[str], piece_counts: sparse.csr_matrix, focus_sentences: Sequence[int],
            ngram: tuple[int, int], share: float) -> np.ndarray:
    """The weight of each n-gram: ``share`` of the background's and the rest the focus's."""
    return share * background_idf(grams, ngram) + (1.0 - share) * local_idf(piece_counts, focus_sentences)


def weigh(m: sparse.csr_matrix, w: np.ndarray) -> sparse.csr_matrix:
    """Sublinear TF times the weights, rows scaled to unit length (empty rows stay zero)."""
    m = m.astype(np.float64).tocsr(copy=True)
    m.sort_indices()  # sums in the order of the n-grams (see ``counts``)
    m.data = (1.0 + np.log(m.data)) * w[m.indices]
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    scale = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    out = (sparse.diags(scale) @ m).tocsr()
    out.sort_indices()
    return out
