"""The paragraph table, with each score column explained by its Column metadata."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd
import streamlit as st

from analysis.measures import HEADLINE, Column, column

EXTRA = ("fk_grade",)  # shown beside the headline measures in the table


def paragraphs(frame: pd.DataFrame, names: Sequence[str] = (*HEADLINE, *EXTRA),
               info: Callable[[str], Column] = column) -> None:
    """Draw the per-paragraph scores of ``names`` (``info`` finds each column's declaration:
    ``Analysis.column_info`` for a researcher's dictionary); the text column shows the
    paragraph in full on hover."""
    names = list(names)
    shown = frame[["paragraph", "words", *names, "text"]]
    config: dict[str, object] = {
        "paragraph": st.column_config.NumberColumn("¶", help="Paragraph number, 1 = first (as in the charts and on the Read page)",
                                                   format="¶ %d", width="small"),
        "words": st.column_config.NumberColumn("Words", width="small"),
        "text": st.column_config.TextColumn("Text", width="large"),
    }
    for name in names:
        col = info(name)
        config[name] = st.column_config.NumberColumn(
            col.label, format=col.printf, help=f"{col.unit}; {col.direction}. Range {col.range_text}. {col.description}")
    st.dataframe(shown, hide_index=True, column_config=config, width="stretch")
