"""What a claim match rests on: shared figures, names and words, and how to say it.

``figure_score`` weighs the figures two passages share (``anchors.same_figure``);
``shared`` lists the content words and names they share (a name, a role such as "chief
executive" or a date is not evidence of the same claim: ``tokens.ROLE_WORDS``,
``tokens.WHEN_WORDS``); ``explain`` says it in one line for the ``evidence`` column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from analysis.compare.anchors import same_figure
from analysis.compare.tokens import ROLE_WORDS, WHEN_WORDS
from analysis.compare.units import Piece

Units = Sequence[Sequence[Piece]]  # per paragraph, its pieces


def _is_year(figure: tuple[str, str, float]) -> bool:
    return figure[0].isdigit() and 1900 <= figure[2] <= 2100


def figure_score(a: Sequence[tuple[str, str, float]], b: Sequence[tuple[str, str, float]]
                  ) -> tuple[float, list[str], bool]:
    """Shared figures: 1 per same figure, 0.5 per rounding or year; how to say them; and
    whether one of them is a figure other than a year (strong evidence of the same claim)."""
    score, said, seen, strong = 0.0, [], set(), False
    for x in a:
        for y in b:
            how = same_figure(x, y)
            if how and (x[0], y[0]) not in seen:
                seen.add((x[0], y[0]))
                year = _is_year(x) or _is_year(y)
                score += 1.0 if how == "=" and not year else 0.5
                strong = strong or not year
                said.append(x[1] if how == "=" and x[1] == y[1] else f"{x[1]} {how} {y[1]}")
    return score, said, strong


@dataclass
class Candidate:
    score: float
    cosine: float
    paragraph: int  # 0-based index in its article
    focus_piece: int  # -1: the whole focus paragraph
    piece: int  # -1: the whole other paragraph
    figures: list[str]
    strong_figure: bool
    shares_claim: bool
    words: list[str]
    names: list[str]


def _completing(pieces: Sequence[Piece], names: set[str]) -> set[tuple[str, str]]:
    """(name, word) for each content word that completes a name inside a definite noun
    phrase, "the Calder Reach reservoir": "the", capitalised words ending in the name, then
    the word. ("Lanxin rejected the claim" has no "the" before the name: a subject and its
    verb, not a name and its noun.)"""
    out = set()
    for pc in pieces:
        for before, word in zip(pc.words, pc.words[1:], strict=False):
            if before in names and word not in names and before in pc.forms and word in pc.forms:
                phrase = (rf"\b[Tt]he\s+(?:[A-Z][\w'’.-]*\s+)*{re.escape(pc.forms[before])}"
                          rf"\s+{re.escape(pc.forms[word])}\b")
                if re.search(phrase, pc.text):
                    out.add((before, word))
    return out


def shared(a: Sequence[Piece], b: Sequence[Piece], known: frozenset[str]) -> tuple[list[str], list[str]]:
    """Content words and names two groups of pieces share, as written in ``b``. A shared word
    that completes the same shared name in both ("the Calder Reach reservoir", ``_completing``)
    names the same thing and counts with the names."""
    keys_a = {w for pc in a for w in pc.words}
    names_a = {w for pc in a for w in pc.name_keys(known)}
    forms = {k: v for pc in b for k, v in pc.forms.items()}
    names_b = {w for pc in b for w in pc.name_keys(known)}
    both = keys_a & set(forms)
    name_keys = {k for k in both if k in names_a or k in names_b}
    completing = {w for _, w in _completing(a, names_a | names_b) & _completing(b, names_a | names_b)
                  if w in both}
    names = sorted(name_keys | completing)
    words = sorted(k for k in both if k not in names and forms[k].lower() not in ROLE_WORDS
                   and forms[k].lower() not in WHEN_WORDS and not k.isdigit())
    return [forms[k] for k in words], [forms[k] for k in names]


def explain(cand: Candidate, other: Units) -> str:
    """What a (near) match rests on, in words."""
    if cand.piece >= 0:
        pc = other[cand.paragraph][cand.piece]
        where = f"sentence {pc.sentence}" + (f", clause {pc.clause}" if pc.clause else "")
    else:
        where = "the whole paragraph"
    parts = [f"{where}: similarity {cand.cosine:.2f}"]
    if cand.figures:
        parts.append("same figures " + ", ".join(cand.figures))
    if cand.names:
        parts.append("names " + ", ".join(cand.names[:4]))
    if cand.words:
        parts.append("words " + ", ".join(cand.words[:6]))
    return "; ".join(parts)
