"""What the Compare page needs besides charts: the comparison articles in session state,
adding uploads to them, and the side-by-side paragraph view (the cached comparison itself is
``ui.cache.compare``)."""

from __future__ import annotations

import html
from collections.abc import Sequence

import pandas as pd
import streamlit as st

from analysis import compare
from analysis.ingest import UnreadableInput, load_bytes
from ui.state import Article

COMPARISON = "comparison_articles"  # list[ui.state.Article]; the workspace page fills it too
SCORES = ("sentiment", "hedging", "alarm", "reading_ease", "hedging_vague_source", "alarm_quoted")
MARK_COLOURS = {"hedging": "#E69F00", "alarm": "#D55E00"}


def comparison_articles() -> list[Article]:
    arts = st.session_state.get(COMPARISON)
    if arts is None:
        arts = []
        st.session_state[COMPARISON] = arts
    return list(arts)


def add_uploads(files: Sequence[object]) -> tuple[list[str], list[str]]:
    """Append uploaded files to the comparison articles (same text only once).

    Returns the names added and one message per file that could not be read; a file
    that fails never stops the others.
    """
    arts = comparison_articles()
    known = {a.sha256 for a in arts}
    added, problems = [], []
    for f in files:
        name = getattr(f, "name", "upload")
        try:
            loaded = load_bytes(f.getvalue(), name)  # type: ignore[attr-defined]
        except UnreadableInput as exc:
            problems.append(str(exc))
            continue
        art = Article(title=loaded.name, text=loaded.text, source=f"upload:{loaded.name}")
        if art.sha256 in known:
            continue
        known.add(art.sha256)
        arts.append(art)
        added.append(art.title)
    st.session_state[COMPARISON] = arts
    return added, problems


def _paragraph_row(paragraphs: pd.DataFrame, paragraph: int) -> pd.Series:
    """The row of paragraph number ``paragraph`` (numbered from 1)."""
    return paragraphs.loc[paragraphs["paragraph"] == paragraph].iloc[0]


def marked_paragraph(result: compare.Comparison, article: str, paragraph: int) -> str:
    """One paragraph as HTML with its hedges and alarm words underlined in their measure's
    colour. Every piece of text is escaped; offsets come from the evidence table."""
    a = result.analysis(article)
    row = _paragraph_row(a.paragraphs, paragraph)
    start, end = int(row["start"]), int(row["end"])
    # ``paragraph`` is numbered from 1, as in the alignment, the paragraphs and the evidence
    ev = a.evidence[(a.evidence["paragraph"] == paragraph) & a.evidence["measure"].isin(MARK_COLOURS)
                    & (a.evidence["weight"] > 0)].sort_values("start")
    out, pos = [], start
    for e in ev.itertuples():
        if e.start < pos:
            continue  # overlapping spans: the first one wins
        out.append(html.escape(a.text[pos : e.start]))
        colour = MARK_COLOURS[e.measure]
        tip = html.escape(f"{e.measure}: {e.category}, weight {e.weight:g}" + (f"; {e.note}" if e.note else ""))
        out.append(f'<span title="{tip}" style="border-bottom:3px solid {colour};'
                   f'background:{colour}22">{html.escape(a.text[e.start : e.end])}</span>')
        pos = e.end
    out.append(html.escape(a.text[pos:end]))
    return ('<div style="line-height:1.6;font-size:1.02rem;padding:0.8rem 1rem;border:1px solid #E6E6E6;'
            f'border-radius:6px;background:#FFFFFF">{"".join(out)}</div>')


def scores(result: compare.Comparison, focus: tuple[str, int], other: tuple[str, int] | None) -> pd.DataFrame:
    """The two paragraphs' headline scores side by side, with the difference (other - focus).
    ``other`` is None when the outlet has no paragraph to show (the column is then NaN).
    Paragraphs are numbered from 1."""
    from analysis.measures import column

    def values(article: str, paragraph: int) -> list[float]:
        row = _paragraph_row(result.analysis(article).paragraphs, paragraph)
        return [float(row[c]) for c in SCORES]

    mine = values(*focus)
    theirs = values(*other) if other is not None else [float("nan")] * len(SCORES)
    return pd.DataFrame({
        "score": [column(c).label for c in SCORES], "unit": [column(c).unit for c in SCORES],
        f"{focus[0]} ¶{focus[1]}": mine,
        (f"{other[0]} ¶{other[1]}" if other is not None else "other"): theirs,
        "difference": [t - m for m, t in zip(mine, theirs, strict=True)],
    })
