"""Session-state keys and the focus article, shared by every page.

Everything a researcher brings lives in ``st.session_state`` (per browser session), never
in module globals, so one researcher's text never reaches another's page.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from analysis import paths
from analysis.pipeline import content_hash

BUNDLED = paths.BUNDLED_ARTICLE
BUNDLED_TITLE = "AI model theft accusation (bundled article)"

FOCUS = "focus_article"  # the Article every page analyses


@dataclass(frozen=True)
class Article:
    title: str
    text: str
    source: str  # "bundled", "pasted", "upload:<file name>", "workspace:<id>"

    @property
    def sha256(self) -> str:
        return content_hash(self.text)


def bundled() -> Article:
    return Article(BUNDLED_TITLE, BUNDLED.read_text(encoding="utf-8"), "bundled")


def focus() -> Article:
    """The article the pages show: the bundled one until the researcher picks another."""
    art = st.session_state.get(FOCUS)
    if art is None:
        art = bundled()
        st.session_state[FOCUS] = art
    return art


def set_focus(article: Article) -> None:
    st.session_state[FOCUS] = article
