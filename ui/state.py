"""Every session-state key of the dashboard, and the focus article, shared by every page.

Everything a researcher brings lives in ``st.session_state`` (per browser session), never
in module globals, so one researcher's text never reaches another's page. Pages and ui/
modules name a key through the constants here and read or write it with ``get``, ``put`` and
``take``; nothing else spells a key out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

from analysis import paths
from analysis.pipeline import content_hash

BUNDLED = paths.BUNDLED_ARTICLE
BUNDLED_TITLE = "AI model theft accusation (bundled article)"

FOCUS = "focus_article"  # the Article every page analyses
COMPARISON = "comparison_articles"  # list[Article]: the other coverage of the Compare page
# The article picker in the sidebar (ui/page.py)
PICKER_MODE = "picker_mode"
PICKER_PASTE = "picker_paste"
PICKER_PASTE_TITLE = "picker_paste_title"
PICKER_UPLOAD = "picker_upload"
PICKER_LOADED = "picker_loaded"  # (file_id, Article or None, error message) of the last upload
# The Coverage page
COVERAGE_SCOPE = "coverage_scope"  # the random key of a session without login (ui/coverage.owner_key)
COVERAGE_NOTICE_SHOWN = "coverage_notice_shown"  # the store's notice (a damaged file set aside) was shown
COVERAGE_WORKSPACE = "coverage_ws"  # the workspace picker
COVERAGE_ROLE = "coverage_role"  # add as focus or comparison
COVERAGE_OUTCOMES = "coverage_outcomes"  # what the last import did, shown once after the rerun
COVERAGE_EDITOR = "coverage_editor_gen"  # bumped to give the metadata editor a fresh state
COVERAGE_FLASH = "coverage_flash"  # a message shown once after the rerun
# The session's workspace, shared by the Coverage and Compare pages (ui/workspace.py)
WORKSPACE = "workspace_id"  # the workspace last opened (a switch of page may drop the address's ?ws=)
FOCUS_RESTORED = "focus_restored"  # this session has taken its focus from the workspace once (after a reload)
# The Compare page
COMPARE_UPLOADS = "compare_uploads_gen"  # bumped to empty the uploader once its files are saved
COMPARE_OUTCOMES = "compare_outcomes"  # what the last upload did, shown once after the rerun
COMPARE_NAMES = "compare_names_gen"  # bumped to give the names editor a fresh state
COMPARE_FOCUS = "compare_focus"  # the focus picker (its value is the focus article's label)
# The Corpus page
CORPUS_PATH = "corpus_path"  # the batch output folder
CORPUS_SCORED = "corpus_scored"  # the folder of a workspace just scored as a corpus, to open next
# The researcher's dictionaries (ui/dictionaries.py, refreshed by ui.page.setup on every page)
DICTIONARY_MEASURES = "dictionary_measures"  # tuple of the owner's dictionaries as measures
DICTIONARY_PROBLEM = "dictionary_problem"  # why they could not be read ("" when they could)
# The Dictionaries page (ui/dictionaries_page.py)
DICTIONARY_UPLOAD = "dictionary_upload_gen"  # bumped to give the upload form a fresh file picker
DICTIONARY_FLASH = "dictionary_flash"  # a message shown once after the rerun
DICTIONARY_CHOSEN = "dictionary_chosen"  # the dictionary shown (its name)
DICTIONARY_SEARCH = "dictionary_search"  # the terms' search box
DICTIONARY_EDITOR = "dictionary_editor_gen"  # bumped to give the terms' editor a fresh state
DICTIONARY_TEXTS = "dictionary_texts"  # the workspace whose articles the consistency is computed on
# Home (ui/home.py)
HOME_COLUMNS = "home_columns"  # the picker of the columns the arc, heatmap and table show
HOME_COLUMNS_KEPT = "home_columns_kept"  # the same choice, kept while another page is shown


@dataclass(frozen=True)
class Article:
    title: str
    text: str
    source: str  # "bundled", "pasted", "upload:<file name>", "workspace:<workspace id>:<article id>"

    @property
    def sha256(self) -> str:
        return content_hash(self.text)


def get(key: str, default: Any = None) -> Any:
    return st.session_state.get(key, default)


def put(key: str, value: Any) -> None:
    st.session_state[key] = value


def take(key: str) -> Any:
    """The value under ``key``, removed (a message shown once), or None."""
    return st.session_state.pop(key, None)


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


def comparison() -> list[Article]:
    """The other coverage of this session (Compare page, or sent from a workspace)."""
    return list(st.session_state.get(COMPARISON) or [])


def set_comparison(articles: list[Article]) -> None:
    st.session_state[COMPARISON] = list(articles)
