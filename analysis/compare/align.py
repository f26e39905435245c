"""Claim alignment: which paragraphs of other articles carry the claims of each focus paragraph.

Evidence (offline, no model). Every paragraph is cut into pieces (``units``): its sentences
and, where a sentence joins two statements, its clauses. A piece becomes a weighted vector
of the **character 3- to 5-grams of its lemmas** (``vectors``): the content words, lowercase,
without stop words, spelled-out numbers as digits, lemmatised by the rules of ``lemma``
("stole" -> "steal", "queries" -> "query"; a few word families of news paraphrase share one
key: "denied"/"rejected", "fake"/"bogus"). Term frequencies are sublinear; each n-gram
weighs half what its rarity in news at large says (a fixed background table,
``background``) and half what its rarity among the focus article's sentences says; rows are
scaled to unit length. Nothing in an outlet's rows depends on which other outlets are
compared, so neither does what that outlet is found to carry.

The **similarity** of a focus paragraph and a piece of another article is the highest
cosine between that piece and the focus paragraph or any of its pieces, plus
``figure_bonus`` for each figure both state (``anchors.figures``: "400GB" = "400
gigabytes", "6%" = "6 per cent"; half for a rounding, "more than seven per cent" and
"7.4%"; at most two), capped at 1. A whole paragraph of the other article is a piece too.

A focus paragraph is **carried** by an article when one of its pieces

(a) reaches ``threshold``;
(b) shares with it more than names: two content words that are neither names, nor roles
    ("chief executive", "spokesperson"), nor dates, nor words that complete the same name in
    both ("the Calder Reach reservoir"), or a figure. A paragraph that names the same chief
    executive while saying something else is not a retelling;
(c) resembles it at least ``rival_ratio`` times as much as it resembles the focus
    paragraph it resembles most: one paragraph of another article may carry several focus
    paragraphs (each sentence or clause its own), but an outlet's lead, which shares the
    story's words with every focus paragraph, is credited only where it resembles a focus
    paragraph nearly as much as its best one;

and (d) the article tells the same story: at least one of its matches reaches ``story``.
An article whose every resemblance is weak (the same company in another story, the same
town in another event) shares the topic, not the claims, and is credited with none.

The matched paragraph is the one holding the highest-scoring piece that passes; the row
says why (``evidence``: which sentence, the similarity, the shared figures, names and
words) or why not (``note``). Every rule looks at the focus and one other article only.
See ``analysis.compare.METHOD_NOTE`` and ``tools/calibrate_alignment.py`` for how the
numbers were chosen.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse

from analysis.compare import vectors
from analysis.compare.evidence import Candidate, explain, figure_score, shared
from analysis.compare.units import Piece, units
from analysis.text import Document

# THRESHOLD and STORY are chosen on the development scenarios tests/fixtures/compare/dev,
# dev2 and dev3 with tools/calibrate_alignment.py (which prints the figures); checked on
# .../heldout. The others are design choices the tool reports the effect of.
THRESHOLD = 0.26
STORY = 0.45
RIVAL_RATIO = 0.8
FIGURE_BONUS = 0.2
BACKGROUND_SHARE = 0.5  # of an n-gram's weight that comes from the background, the rest from the focus
MIN_SHARED_WORDS = 2  # content words (not names, roles or numbers) a match shares, unless a figure

ALIGNMENT_COLUMNS = ["focus_paragraph", "article", "paragraph", "similarity", "best_paragraph",
                     "matched", "note", "evidence"]


@dataclass(frozen=True)
class AlignOptions:
    """``threshold``: the lowest similarity that counts as the same claim (0..1);
    ``rival_ratio``: how close to its best focus paragraph a piece must come (0..1);
    ``figure_bonus``: added per shared figure (two at most); ``ngram``: character n-gram
    lengths; ``background``: the share of an n-gram's weight taken from the background
    (0..1, the rest from the focus article); ``story``: the similarity one match of an
    article must reach for any of its matches to count (0..1)."""

    threshold: float = THRESHOLD
    rival_ratio: float = RIVAL_RATIO
    figure_bonus: float = FIGURE_BONUS
    ngram: tuple[int, int] = (3, 5)
    background: float = BACKGROUND_SHARE
    story: float = STORY


Units = Sequence[Sequence[Piece]]  # per paragraph, its pieces


def paragraph_units(doc: Document) -> list[list[Piece]]:
    """The pieces of every paragraph of ``doc`` (what the alignment compares)."""
    return units(doc)


def known_names(docs: Sequence[Units]) -> frozenset[str]:
    """Every word written as a name inside a sentence somewhere in ``docs`` (the focus and
    the one article it is compared with)."""
    return frozenset(n for doc in docs for par in doc for pc in par for n in pc.names)


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
    counts, par_counts, grams, layout = vectors.counts(docs, options.ngram)
    w = vectors.weights(grams, counts, layout.sentence_rows[0], options.ngram, options.background)
    pieces_m, pars_m = vectors.weigh(counts, w), vectors.weigh(par_counts, w)
    focus_piece_rows = [r for r, (d, _, _) in enumerate(layout.pieces) if d == 0]
    focus_pars, focus_pieces = pars_m[layout.par_rows[0]], pieces_m[focus_piece_rows]
    focus_owner = np.array([layout.pieces[r][1] for r in focus_piece_rows], dtype=int)
    empty_focus = np.array([not any(pc.words for pc in par) for par in docs[0]], dtype=bool)
    for k in range(1, len(docs)):
        # From here on, only the focus and article k: another article changes nothing.
        other_piece_rows = [r for r, (d, _, _) in enumerate(layout.pieces) if d == k]
        if not other_piece_rows:
            for fp in range(n_focus):
                rows.append((fp + 1, names[k], pd.NA, math.nan, pd.NA, False, "no paragraphs to compare", ""))
            continue
        rows += _article_rows(names[k], docs[0], docs[k], options, focus_pars, focus_pieces, focus_owner,
                              pieces_m[other_piece_rows], pars_m[layout.par_rows[k]],
                              [layout.pieces[r][1:] for r in other_piece_rows], empty_focus,
                              known_names([docs[0], docs[k]]))
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
        # Highest first; a tie (a one-sentence paragraph and its sentence) goes to the piece.
        order = np.lexsort((np.arange(len(line)), -np.round(line, 12)))
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
    return _story_gate(out, options)


def _story_gate(rows: list[tuple[object, ...]], options: AlignOptions) -> list[tuple[object, ...]]:
    """Rule (d): withdraw every match of an article none of whose matches reaches
    ``options.story``; the evidence stays, the note says why."""
    strongest = max((float(r[3]) for r in rows if r[5]), default=0.0)  # type: ignore[arg-type]
    if strongest >= options.story:
        return rows
    note = (f"this article retells no focus paragraph at {options.story:.2f} or more (its best: "
            f"{strongest:.2f}): it shares the topic, not the story")
    return [(r[0], r[1], pd.NA, r[3], r[4], False, note, r[7]) if r[5] else r for r in rows]


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
