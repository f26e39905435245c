"""Narrative Lens home page (placeholder until the dashboard lands): the bundled article's
paragraph table."""

from pathlib import Path

import streamlit as st

import analysis

ARTICLE = Path(__file__).parent / "data" / "articles" / "ai-model-theft-accusation.txt"

st.set_page_config(page_title="Narrative Lens", layout="wide")
st.title("Narrative Lens")
result = analysis.analyze(ARTICLE.read_text(encoding="utf-8"), name=ARTICLE.name)
st.dataframe(result.paragraphs[["paragraph", "words", "sentiment", "hedging", "alarm",
                                "reading_ease", "fk_grade", "text"]], hide_index=True)
