"""Claim alignment: which paragraphs of other articles carry the claims of each focus paragraph.

Evidence (offline, no model). Every paragraph is cut into pieces (``units``): its sentences
and, where a sentence joins two statements, its clauses. A piece becomes a TF-IDF vector of
the **character 3- to 5-grams of its lemmas**: the content words, lowercase, without stop
words, spelled-out numbers as digits, lemmatised by the rules of ``lemma`` ("stole" ->
"steal", "queries" -> "query"; a few word families of news paraphrase share one key:
"denied"/"rejected", "fake"/"bogus"), each padded with spaces and cut into n-grams so that
derivations meet too ("accusation"/"accused"). Term frequencies
are sublinear (1 + ln tf), weighted by a smoothed inverse sentence frequency over every
sentence of every article compared (``idf = ln((1 + S) / (1 + df)) + 1``), and scaled to
unit length; a paragraph's vector is built the same way from all its words.

The **similarity** of a focus paragraph and a piece of another article is the highest
cosine between that piece and the focus paragraph or any of its pieces, plus
``figure_bonus`` for each figure both state (``anchors.figures``: "400GB" = "400
gigabytes", "6%" = "6 per cent"; half for a rounding, "more than seven per cent" and
"7.4%"; at most two), capped at 1. A whole paragraph of the other article is a piece too.

A focus paragraph is **carried** by an article when one of its pieces

(a) reaches ``threshold``;
(b) shares with it more than names: a content word that is neither a name nor a role
    ("chief executive", "spokesperson"), or a figure. A paragraph that names the same
    chief executive while saying something else is not a retelling;
(c) resembles it at least ``rival_ratio`` times as much as it resembles the focus
    paragraph it resembles most. This replaces the old mutual-best rule: one paragraph of
    another article may carry several focus paragraphs (each sentence or clause its own),
    but an outlet's lead, which shares the story's words with every focus paragraph, is
    credited only where it resembles a focus paragraph nearly as much as its best one.

The matched paragraph is the one holding the highest-scoring piece that passes; the row
says why (``evidence``: which sentence, the similarity, the shared figures, names and
words) or why not (``note``). See ``analysis.compare.METHOD_NOTE`` and
``tools/calibrate_alignment.py`` for how the numbers were chosen.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse

from analysis.compare.evidence import Candidate, explain, figure_score, shared
from analysis.compare.units import Piece, units
from analysis.text import Document

# Chosen on the development scenarios tests/fixtures/compare/dev and dev2 with
# tools/calibrate_alignment.py (which prints the figures); checked on .../heldout.
THRESHOLD = 0.26
RIVAL_RATIO = 0.8
FIGURE_BONUS = 0.2
MIN_SHARED_WORDS = 2  # content words (not names, roles or numbers) a match shares, unless a figure

ALIGNMENT_COLUMNS = ["focus_paragraph", "article", "paragraph", "similarity", "best_paragraph",
                     "matched", "note", "evidence"]


@dataclass(frozen=True)
class AlignOptions:
    """``threshold``: the lowest similarity that counts as the same claim (0..1);
    ``rival_ratio``: how close to its best focus paragraph a piece must come (0..1);
    ``figure_bonus``: added per shared figure (two at most); ``ngram``: character n-gram
    lengths."""

    threshold: float = THRESHOLD
    rival_ratio: float = RIVAL_RATIO
    figure_bonus: float = FIGURE_BONUS
    ngram: tuple[int, int] = (3, 5)


Units = Sequence[Sequence[Piece]]  # per paragraph, its pieces


def paragraph_units(doc: Document) -> list[list[Piece]]:
    """The pieces of every paragraph of ``doc`` (what the alignment compares)."""
    return units(doc)


def known_names(docs: Sequence[Units]) -> frozenset[str]:
    """Every word written as a name inside a sentence somewhere in the comparison."""
    return frozenset(n for doc in docs for par in doc for pc in par for n in pc.names)


def _ngrams(word: str, lo: int, hi: int) -> list[str]:
    padded = f" {word} "
    return [padded[i : i + n] for n in range(lo, hi + 1) for i in range(len(padded) - n + 1)]


@dataclass
class _Layout:
    """Row bookkeeping: ``pieces`` (doc, paragraph, piece index) per piece row, and the
    paragraph rows of each doc."""

    pieces: list[tuple[int, int, int]]
    par_rows: list[list[int]]


def _matrices(docs: Sequence[Units], options: AlignOptions
              ) -> tuple[sparse.csr_matrix, sparse.csr_matrix, _Layout]:
    """Unit-length TF-IDF rows: one per piece, one per paragraph (over its sentences)."""
    types: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    layout = _Layout([], [])
    par_of_piece: list[int] = []
    sentence_rows: list[int] = []
    n_par = 0
    for d, doc in enumerate(docs):
        layout.par_rows.append([])
        for p, pieces in enumerate(doc):
            layout.par_rows[-1].append(n_par)
            for i, pc in enumerate(pieces):
                row = len(layout.pieces)
                layout.pieces.append((d, p, i))
                par_of_piece.append(n_par if pc.clause == 0 else -1)
                if pc.clause == 0:
                    sentence_rows.append(row)
                for w in pc.words:
                    rows.append(row)
                    cols.append(types.setdefault(w, len(types)))
            n_par += 1
    n_rows = len(layout.pieces)
    type_counts = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n_rows, max(len(types), 1)))
    grams: dict[str, int] = {}
    g_rows: list[int] = []
    g_cols: list[int] = []
    for word, i in types.items():
        for g in _ngrams(word, *options.ngram):
            g_rows.append(i)
            g_cols.append(grams.setdefault(g, len(grams)))
    incidence = sparse.csr_matrix((np.ones(len(g_rows)), (g_rows, g_cols)), shape=(max(len(types), 1), max(len(grams), 1)))
    counts = (type_counts @ incidence).tocsr()
    sent = counts[sentence_rows] if sentence_rows else counts
    df = np.bincount(sent.indices, minlength=counts.shape[1])
    idf = np.log((1.0 + sent.shape[0]) / (1.0 + df)) + 1.0
    keep = [r for r, p in enumerate(par_of_piece) if p >= 0]
    to_par = sparse.csr_matrix((np.ones(len(keep)), ([par_of_piece[r] for r in keep], keep)),
                               shape=(n_par, n_rows))
    return _weigh(counts, idf), _weigh((to_par @ counts).tocsr(), idf), layout


def _weigh(counts: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    """Sublinear TF times IDF, rows scaled to unit length (empty rows stay zero)."""
    m = counts.astype(np.float64).tocsr(copy=True)
    m.data = (1.0 + np.log(m.data)) * idf[m.indices]
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    scale = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    return (sparse.diags(scale) @ m).tocsr()


def align(names: Sequence[str], docs: Sequence[Units], options: AlignOptions = AlignOptions()) -> pd.DataFrame:
    """For each focus paragraph and each other article, the paragraph that carries it.

    ``names[0]``/``docs[0]`` is the focus; ``docs`` holds per article per paragraph its
    pieces (``paragraph_units``). Rows, paragraphs numbered from 1: ``focus_paragraph``,
    ``article``, ``paragraph`` (the paragraph there that carries it, missing when none does),
    ``similarity`` (of the best piece there, 0..1, figure bonus included; NaN when it cannot
    be computed), ``best_paragraph`` (where that best piece is, even when it does not count),
    ``matched``, ``note`` (why the best piece does not count) and ``evidence`` (what the
    match rests on: the sentence, the cosine, shared figures, names and words).
    """
    rows: list[tuple[object, ...]] = []
    n_focus = len(docs[0]) if docs else 0
    if len(docs) < 2 or n_focus == 0:
        for k in range(1, len(docs)):
            for fp in range(n_focus):
                rows.append((fp + 1, names[k], pd.NA, math.nan, pd.NA, False, "no paragraphs to compare", ""))
        return _frame(rows)
    pieces_m, pars_m, layout = _matrices(docs, options)
    focus_pars = pars_m[layout.par_rows[0]]
    focus_piece_rows = [r for r, (d, _, _) in enumerate(layout.pieces) if d == 0]
    focus_pieces = pieces_m[focus_piece_rows]
    focus_owner = np.array([layout.pieces[r][1] for r in focus_piece_rows], dtype=int)
    empty_focus = np.array([not any(pc.words for pc in par) for par in docs[0]], dtype=bool)
    known = known_names(docs)
    for k in range(1, len(docs)):
        other_piece_rows = [r for r, (d, _, _) in enumerate(layout.pieces) if d == k]
        if not other_piece_rows:
            for fp in range(n_focus):
                rows.append((fp + 1, names[k], pd.NA, math.nan, pd.NA, False, "no paragraphs to compare", ""))
            continue
        rows += _article_rows(names[k], docs[0], docs[k], options, focus_pars, focus_pieces, focus_owner,
                              pieces_m[other_piece_rows], pars_m[layout.par_rows[k]],
                              [layout.pieces[r][1:] for r in other_piece_rows], empty_focus, known)
    return _frame(rows)


def _article_rows(name: str, focus: Units, other: Units, options: AlignOptions,
                  focus_pars: sparse.csr_matrix, focus_pieces: sparse.csr_matrix, focus_owner: np.ndarray,
                  other_pieces: sparse.csr_matrix, other_pars: sparse.csr_matrix,
                  other_index: list[tuple[int, int]], empty_focus: np.ndarray, known: frozenset[str]
                  ) -> list[tuple[object, ...]]:
    n_focus = len(focus)
    # Columns: every piece of the other article, then each of its whole paragraphs.
    targets = sparse.vstack([other_pieces, other_pars]).tocsr()
    col_par = np.array([p for p, _ in other_index] + list(range(len(other))), dtype=int)
    col_piece = np.array([i for _, i in other_index] + [-1] * len(other), dtype=int)
    whole = (focus_pars @ targets.T).toarray()  # focus paragraph as a whole
    parts = (focus_pieces @ targets.T).toarray() if focus_pieces.shape[0] else np.zeros((0, targets.shape[0]))
    cosine = whole.copy()
    which = np.full(cosine.shape, -1, dtype=int)
    for r in range(parts.shape[0]):
        f = focus_owner[r]
        better = parts[r] > cosine[f]
        cosine[f, better] = parts[r, better]
        which[f, better] = r
    cosine = np.clip(cosine, 0.0, 1.0)
    focus_flat = [pc for par in focus for pc in par]
    # Figure bonus per (focus paragraph, target).
    bonus = np.zeros_like(cosine)
    figs: dict[tuple[int, int], tuple[list[str], bool]] = {}
    target_figs = [other[p][i].figures if i >= 0 else tuple(f for pc in other[p] if pc.clause == 0
                                                           for f in pc.figures)
                   for p, i in zip(col_par, col_piece, strict=True)]
    for f in range(n_focus):
        f_figs = tuple(x for pc in focus[f] if pc.clause == 0 for x in pc.figures)
        if not f_figs:
            continue
        for c, t_figs in enumerate(target_figs):
            if t_figs:
                s, said, strong = figure_score(f_figs, t_figs)
                if s:
                    bonus[f, c] = options.figure_bonus * min(s, 2.0)
                    figs[(f, c)] = (said, strong)
    score = np.minimum(cosine + bonus, 1.0)
    score[empty_focus, :] = np.nan
    best_focus = np.nanmax(np.where(np.isnan(score), -1.0, score), axis=0)
    out: list[tuple[object, ...]] = []
    for f in range(n_focus):
        if empty_focus[f]:
            out.append((f + 1, name, pd.NA, math.nan, pd.NA, False, "no content words", ""))
            continue
        line = score[f]
        order = np.argsort(-line, kind="stable")
        chosen: Candidate | None = None
        first: Candidate | None = None
        first_note = ""
        for c in order:
            if line[c] <= 0 and first is not None:
                break
            cand = _candidate(f, int(c), focus, other, focus_flat, which, cosine, line, col_par, col_piece,
                              figs, known)
            note = _verdict(cand, options, float(best_focus[c]), f, score[:, c])
            if first is None:
                first, first_note = cand, note
            if not note:
                chosen = cand
                break
            if line[c] < options.threshold:
                break
        assert first is not None
        if chosen is not None:
            out.append((f + 1, name, chosen.paragraph + 1, chosen.score, chosen.paragraph + 1, True, "",
                        explain(chosen, other)))
        else:
            out.append((f + 1, name, pd.NA, first.score, first.paragraph + 1, False, first_note,
                        explain(first, other)))
    return out


def _candidate(f: int, c: int, focus: Units, other: Units, focus_flat: list[Piece], which: np.ndarray,
               cosine: np.ndarray, line: np.ndarray, col_par: np.ndarray, col_piece: np.ndarray,
               figs: dict[tuple[int, int], tuple[list[str], bool]], known: frozenset[str]) -> Candidate:
    p, i = int(col_par[c]), int(col_piece[c])
    fpiece = int(which[f, c])
    a = [focus_flat[fpiece]] if fpiece >= 0 else [pc for pc in focus[f] if pc.clause == 0]
    b = [other[p][i]] if i >= 0 else [pc for pc in other[p] if pc.clause == 0]
    words, names = shared(a, b, known)
    said, strong = figs.get((f, c), ([], False))
    return Candidate(float(line[c]), float(cosine[f, c]), p, fpiece, i, said, strong,
                      len(words) >= MIN_SHARED_WORDS or strong, words, names)


def _verdict(cand: Candidate, options: AlignOptions, best: float, f: int, column: np.ndarray) -> str:
    """Why a candidate does not count ("" when it does)."""
    if cand.score < options.threshold:
        return f"below the threshold {options.threshold:.2f}"
    if not cand.shares_claim:
        shared = ", ".join(cand.names + cand.words)
        return f"shares too little beyond names ({shared})" if shared else "shares no word"
    if cand.score < options.rival_ratio * best and not cand.strong_figure:
        rival = int(np.nanargmax(np.where(np.isnan(column), -1.0, column)))
        return f"that passage matches focus paragraph {rival + 1} better"
    return ""


def _frame(rows: list[tuple[object, ...]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=ALIGNMENT_COLUMNS)
    return frame.astype({"focus_paragraph": "int64", "paragraph": "Int64", "similarity": "float64",
                         "best_paragraph": "Int64", "matched": "bool", "note": "str", "evidence": "str"})


def coverage(alignment: pd.DataFrame, n_focus: int, n_others: int) -> pd.DataFrame:
    """Per focus paragraph (numbered from 1): how many of the other articles carry it.

    ``carried_by`` N of ``of`` M; ``outlets`` names them; ``status`` says it in words,
    "found nowhere else" when N = 0 (the first lead on an uncorroborated claim).
    """
    rows = []
    for fp in range(1, n_focus + 1):
        hits = alignment[(alignment["focus_paragraph"] == fp) & alignment["matched"]]
        n = len(hits)
        status = f"carried by {n} of {n_others}" if n else "found nowhere else"
        rows.append((fp, n, n_others, list(hits["article"]), status))
    return pd.DataFrame(rows, columns=["focus_paragraph", "carried_by", "of", "outlets", "status"])
