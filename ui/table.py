"""The paragraph table, with each score column explained by its Column metadata."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.measures import HEADLINE, Column, column

EXTRA = ("fk_grade",)  # shown beside the headline measures in the table


def range_text(col: Column) -> str:
    """ "-1 to 1", "0 and up", "up to 121.22", "unbounded"."""
    lo, hi = col.low, col.high
    if lo is not None and hi is not None:
        return f"{lo:g} to {hi:g}"
    if lo is not None:
        return f"{lo:g} and up"
    if hi is not None:
        return f"up to {hi:g}"
    return "unbounded"


def paragraphs(frame: pd.DataFrame) -> None:
    """Draw the per-paragraph scores; the text column shows the paragraph in full on hover."""
    names = [*HEADLINE, *EXTRA]
    shown = frame[["paragraph", "words", *names, "text"]]
    config: dict[str, object] = {
        "paragraph": st.column_config.NumberColumn("¶", help="Paragraph number, 1 = first (as in the charts and on the Read page)",
                                                   format="¶ %d", width="small"),
        "words": st.column_config.NumberColumn("Words", width="small"),
        "text": st.column_config.TextColumn("Text", width="large"),
    }
    for name in names:
        col = column(name)
        fmt = "%.3f" if name == "sentiment" else "%.2f"
        config[name] = st.column_config.NumberColumn(
            col.label, format=fmt, help=f"{col.unit}; {col.direction}. Range {range_text(col)}. {col.description}")
    st.dataframe(shown, hide_index=True, column_config=config, width="stretch")
