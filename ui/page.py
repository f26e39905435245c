"""What every page does first: page setup, the shared sidebar with the article picker, and
the guard that turns an unexpected error into a readable message instead of a traceback."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import streamlit as st

from analysis.ingest import EXTENSIONS, UnreadableInput, load_bytes, load_text
from ui import auth, dictionaries, state
from ui.state import Article
from views import theme
from views.escape import md

log = logging.getLogger("narrative_lens")

BUNDLED, PASTE, UPLOAD = "Bundled article", "Paste text", "Upload a file"
MODES = (BUNDLED, PASTE, UPLOAD)
MODE_KEY, PASTE_KEY, PASTE_TITLE_KEY = state.PICKER_MODE, state.PICKER_PASTE, state.PICKER_PASTE_TITLE
UPLOAD_KEY, LOADED_KEY = state.PICKER_UPLOAD, state.PICKER_LOADED
PAGES = Path(__file__).resolve().parents[1] / "pages"
METHODS_PAGE = "pages/9_Methods.py"
READ_PAGE = "pages/1_Read.py"
COVERAGE_PAGE = "pages/4_Coverage.py"
COMPARE_PAGE = "pages/3_Compare.py"
# Widget values that must survive a switch of page (Streamlit drops the state of widgets
# a page does not draw; writing the value back keeps it).
_KEEP = (MODE_KEY, PASTE_KEY, PASTE_TITLE_KEY)


def navigate(home: Callable[[], None]) -> None:
    """The sidebar's navigation: "Home" (``home``, drawn by app.py) and then every page of
    pages/ in file-name order, titled and addressed by its name without the number
    ("2_Who_speaks.py" -> "Who speaks" at /Who_speaks); runs the page the address asks for."""
    pages = [st.Page(home, title="Home", default=True)]
    for path in sorted(PAGES.glob("*.py")):
        name = re.sub(r"^\d+_", "", path.stem)
        pages.append(st.Page(f"pages/{path.name}", title=name.replace("_", " "), url_path=name))
    st.navigation(pages).run()


def setup(title: str) -> Article:
    """Configure the page, draw the shared sidebar, and return the article to show."""
    st.set_page_config(page_title=f"{title} · Narrative Lens", layout="wide",
                       initial_sidebar_state="expanded")
    for key in _KEEP:
        if key in st.session_state:
            state.put(key, state.get(key))
    with st.sidebar:
        auth.account_box()
        try:
            picker()
        except Exception as exc:  # never leave the researcher without a page
            log.exception("article picker failed")
            st.error(f"The article picker failed ({type(exc).__name__}: {md(exc)}); the previous article is kept.")
        article = state.focus()
        st.caption(f"Showing **{md(article.title)}** · {_source(article)}")
        dictionaries.refresh()  # the researcher's own dictionaries, applied by ui.cache.analyze
        dictionaries.sidebar_note()
    return article


def picker() -> None:
    """Choose the article: the bundled one, pasted text, or an uploaded file of any format the
    readers take."""
    st.markdown("#### Article")
    mode = st.radio("Source of the article", MODES, key=MODE_KEY, label_visibility="collapsed",
                    on_change=_mode_changed)
    if mode == PASTE:
        with st.form("paste_form", border=False):
            st.text_input("Title (optional)", key=PASTE_TITLE_KEY, placeholder="Pasted text")
            st.text_area("Paste the article's text", key=PASTE_KEY, height=220,
                         placeholder="Paragraphs separated by blank lines or line breaks")
            submitted = st.form_submit_button("Analyse this text", type="primary")
        if submitted:
            text = state.get(PASTE_KEY) or ""
            if not text.strip():
                st.warning("Paste some text first: the box is empty.")
            else:
                title = (state.get(PASTE_TITLE_KEY) or "").strip() or "Pasted text"
                try:
                    state.set_focus(Article(title, load_text(text, title).text, "pasted"))
                except UnreadableInput as exc:
                    st.error(f"Could not use this text. {md(exc)}")
    elif mode == UPLOAD:
        upload = st.file_uploader("An article file: text, Markdown, HTML, Word (.docx) or PDF",
                                  type=sorted(EXTENSIONS), key=UPLOAD_KEY,
                                  help="Up to 20 MiB. A saved web page keeps its headline; scanned PDFs "
                                       "without a text layer cannot be read.")
        if upload is not None:
            _take_upload(upload.file_id, upload.name, upload.getvalue())


def _mode_changed() -> None:
    """Choosing "Bundled article" shows it again. The focus changes only on the researcher's
    action, never on a rerun, so an article another page put in focus (a workspace) stays."""
    if state.get(MODE_KEY) == BUNDLED:
        state.set_focus(state.bundled())


def _take_upload(file_id: str, name: str, data: bytes) -> None:
    """Turn a newly uploaded file into the focus article, once per upload."""
    loaded = state.get(LOADED_KEY)
    if loaded is not None and loaded[0] == file_id:
        if loaded[1] is None:
            st.error(loaded[2])  # keep saying why while the unreadable file is still there
        return
    try:
        loaded = load_bytes(data, name)
    except UnreadableInput as exc:
        state.put(LOADED_KEY, (file_id, None, f"Could not read this file. {md(exc)}"))
        st.error(f"Could not read this file. {md(exc)}")
        return
    article = Article(loaded.title or loaded.name, loaded.text, f"upload:{loaded.name}")
    state.put(LOADED_KEY, (file_id, article, ""))
    state.set_focus(article)


def _source(article: Article) -> str:
    """Where the article came from, in words (never an internal id)."""
    kind, _, rest = article.source.partition(":")
    if kind == "upload":
        return f"uploaded file {md(rest)}"
    return {"bundled": "bundled with the app", "pasted": "pasted text",
            "workspace": "from a saved workspace (Coverage page)"}.get(kind, "")


@contextmanager
def guard(what: str = "this page") -> Iterator[None]:
    """Run a page body; an unexpected error becomes a readable message on the page.

    Streamlit's own control flow (st.stop, st.rerun) derives from BaseException and passes
    through untouched."""
    try:
        yield
    except Exception as exc:
        log.exception("error while drawing %s", what)
        st.error(f"Something went wrong while drawing {what}: {type(exc).__name__}: {md(exc)}. "
                 "Your article is kept; try another article or page, and please report this with the text "
                 "that caused it.")


def plotly(fig: object, title: str, key: str) -> None:
    """Draw a figure with the shared config: our template (not Streamlit's theme), a 2x PNG
    download named after the article, no plotly logo."""
    st.plotly_chart(fig, theme=None, config=theme.plotly_config(f"{title}-{key}"), key=key)
