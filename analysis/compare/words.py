"""Distinguishing words: weighted log-odds with an informative Dirichlet prior.

Monroe, Colaresi and Quinn (2008), "Fightin' Words: Lexical Feature Selection and
Evaluation for Identifying the Content of Political Conflict", Political Analysis 16(4).
For a term w, counts y_wi and y_wj in corpora i and j of sizes n_i and n_j, and prior
pseudo-counts a_w summing to a_0:

    delta_w = ln((y_wi + a_w) / (n_i + a_0 - y_wi - a_w))
            - ln((y_wj + a_w) / (n_j + a_0 - y_wj - a_w))
    var(delta_w) ~= 1 / (y_wi + a_w) + 1 / (y_wj + a_w)
    z_w = delta_w / sqrt(var)

z > 0: w is characteristic of i; z < 0: of j; |z| > 1.96 is the conventional 5 % level
(many terms are tested at once, so read it as a ranking, not a test).

Choices made here:

- **Terms** are lowercase word tokens (``analysis.text.tokens``) and bigrams of adjacent
  tokens within one sentence. Unigrams and bigrams are two separate vocabularies, each with
  its own sizes n and its own prior, since a bigram count is not a draw from the unigram
  multinomial.
- **Prior**: a_w = alpha0 x (pooled count of w in all compared articles / pooled total), so
  a_0 = alpha0. ``alpha0`` defaults to the mean article size in tokens: the prior weighs as
  much as one typical article, so a term used a few times in one article and never
  elsewhere is pulled toward the pooled rate rather than topping the list, while a term an
  article uses far more than the others keeps a large z. The same prior serves every
  comparison of one page, so z-scores of different comparisons are on one footing.
- **Stop words** stay in the counts (they are part of each text's size, and n_i must be
  the whole text) but are left out of the tables: a unigram that is a stop word, or a
  bigram with a stop word at either end ("of the", "the dam"), is not shown; nor is a
  lone number of one or two digits (the pieces of "1.4" and "1:40"), while "412" or "2021" is.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.compare.tokens import STOP_WORDS
from analysis.text import Document

WORD_COLUMNS = ["comparison", "article", "term", "n", "count", "count_rest", "per_1000",
                "per_1000_rest", "delta", "se", "z", "side"]


@dataclass(frozen=True)
class WordOptions:
    """``alpha0``: prior weight in pseudo-tokens (None = mean article size);
    ``top``: terms kept per comparison and side; ``bigrams``: count two-word phrases."""

    alpha0: float | None = None
    top: int = 25
    bigrams: bool = True


def log_odds(y_i: np.ndarray, y_j: np.ndarray, prior: np.ndarray
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(delta, var, z)`` for every term; ``prior`` holds a_w (its sum is a_0).

    ``y_i`` and ``y_j`` are counts over one vocabulary, so n_i = y_i.sum(). Every a_w must
    be > 0 (a pooled prior guarantees it for every term seen anywhere).
    """
    y_i = np.asarray(y_i, dtype=np.float64)
    y_j = np.asarray(y_j, dtype=np.float64)
    a = np.asarray(prior, dtype=np.float64)
    n_i, n_j, a0 = y_i.sum(), y_j.sum(), a.sum()
    delta = (np.log((y_i + a) / (n_i + a0 - y_i - a))
             - np.log((y_j + a) / (n_j + a0 - y_j - a)))
    var = 1.0 / (y_i + a) + 1.0 / (y_j + a)
    return delta, var, delta / np.sqrt(var)


def terms(doc: Document, bigrams: bool = True) -> tuple[Counter[str], Counter[str]]:
    """Unigram and bigram counts of a document (bigrams stay within a sentence)."""
    uni: Counter[str] = Counter()
    bi: Counter[str] = Counter()
    for par in doc.paragraphs:
        words = [t[2] for t in par.tokens]
        uni.update(words)
        if not bigrams or len(words) < 2:
            continue
        ends = [s.end for s in par.sentences]
        sentence = [bisect.bisect_right(ends, t[0]) for t in par.tokens]
        bi.update(f"{words[k]} {words[k + 1]}" for k in range(len(words) - 1)
                  if sentence[k] == sentence[k + 1])
    return uni, bi


def shown(term: str) -> bool:
    """Whether a term appears in the tables: no stop word alone or at a bigram's edge, and
    no number of one or two digits alone (the pieces of "1.4" or "1:40" say nothing)."""
    parts = term.split(" ")
    if len(parts) == 1 and parts[0].isdigit() and len(parts[0]) < 3:
        return False
    return parts[0] not in STOP_WORDS and parts[-1] not in STOP_WORDS


def _matrix(counters: Sequence[Counter[str]]) -> tuple[list[str], np.ndarray]:
    vocab = sorted(set().union(*counters)) if counters else []
    index = {t: i for i, t in enumerate(vocab)}
    m = np.zeros((len(counters), len(vocab)))
    for r, c in enumerate(counters):
        if c:
            m[r, [index[t] for t in c]] = list(c.values())
    return vocab, m


def distinguishing(names: Sequence[str], docs: Sequence[Document],
                   options: WordOptions = WordOptions()) -> pd.DataFrame:
    """The top terms of "focus vs the rest" (both sides) and of each other article vs the rest.

    ``names[0]``/``docs[0]`` is the focus. Columns: ``comparison`` ("focus vs rest" or
    "<article> vs rest"), ``article`` (side i), ``term``, ``n`` (1 or 2 words), ``count``
    and ``count_rest``, the rates ``per_1000`` tokens of each side, ``delta`` (log-odds
    ratio, natural log), ``se``, ``z`` and ``side`` ("article" when z > 0, "rest" when z < 0).
    """
    counted = [terms(d, options.bigrams) for d in docs]
    frames = []
    for n, counters in ((1, [c[0] for c in counted]), (2, [c[1] for c in counted])):
        vocab, m = _matrix(counters)
        if not vocab:
            continue
        keep = np.array([shown(t) for t in vocab])
        pooled = m.sum(axis=0)
        alpha0 = options.alpha0 or max(m.sum() / len(docs), 1.0)
        prior = alpha0 * pooled / pooled.sum()
        for k in range(len(docs)):
            if len(docs) < 2:
                break
            label = "focus vs rest" if k == 0 else f"{names[k]} vs rest"
            y_i, y_j = m[k], pooled - m[k]
            delta, var, z = log_odds(y_i, y_j, prior)
            sides = [("article", -z)] + ([("rest", z)] if k == 0 else [])
            for side, key in sides:
                idx = np.argsort(key, kind="stable")
                idx = idx[keep[idx] & (key[idx] < 0)]  # shown terms on this side only
                order = idx[: options.top]
                frames.append(pd.DataFrame({
                    "comparison": label, "article": names[k], "term": [vocab[i] for i in order],
                    "n": n, "count": y_i[order].astype("int64"), "count_rest": y_j[order].astype("int64"),
                    "per_1000": 1000 * y_i[order] / max(y_i.sum(), 1),
                    "per_1000_rest": 1000 * y_j[order] / max(y_j.sum(), 1),
                    "delta": delta[order], "se": np.sqrt(var[order]), "z": z[order], "side": side,
                }))
    if not frames:
        return pd.DataFrame(columns=WORD_COLUMNS)
    return pd.concat(frames, ignore_index=True)[WORD_COLUMNS]


def contexts(doc: Document, term: str, width: int = 60) -> pd.DataFrame:
    """Every occurrence of ``term`` (one or two words, lowercase) in ``doc``, keyword in
    context: ``paragraph``, ``start``/``end`` (offsets into the whole text, so
    ``doc.raw[start:end]`` is the occurrence), ``left``, ``match``, ``right``."""
    parts = term.lower().split()
    rows = []
    for par in doc.paragraphs:
        toks = par.tokens
        for k in range(len(toks) - len(parts) + 1):
            if all(toks[k + j][2] == parts[j] for j in range(len(parts))):
                s, e = toks[k][0], toks[k + len(parts) - 1][1]
                rows.append((par.index + 1, par.start + s, par.start + e,
                             par.text[max(0, s - width) : s], par.text[s:e], par.text[e : e + width]))
    return pd.DataFrame(rows, columns=["paragraph", "start", "end", "left", "match", "right"])
