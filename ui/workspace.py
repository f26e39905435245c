"""The session's workspace as the Coverage and Compare pages share it: which one is open, what
an article is called, and the focus article kept in it.

Which workspace: the page address's ``?ws=`` (a reload, a bookmark), else the one this session
opened last (``state.WORKSPACE``: a switch of page may drop the address's parameters), else the
owner's first. Whichever page opens it writes it back to both places.

What an article is called (``label``): its outlet, else its title, else its file name. The
name is edited through those fields (the Coverage page's table, the Compare page's names), so
it lives in one place, the workspace, and every page and chart shows the same one.

The focus: "Study this article" (Coverage) and the focus picker (Compare) make an article the
session's focus and the workspace's ``focus`` row. A new session on the same address (a
reload) takes the workspace's focus instead of the bundled article (``restore_focus``).
"""

from __future__ import annotations

import streamlit as st

from analysis.store import Store, StoredArticle, Workspace
from ui import state
from ui.state import Article

DEFAULT_NAME = "Comparison set 1"  # the workspace made on a first visit or a first upload


def current(store: Store, owner: str, create: bool = False) -> Workspace | None:
    """The workspace this session shows (see the module docstring); None when the owner has
    none and ``create`` is false, else a first one is made."""
    spaces = store.workspaces(owner)
    if not spaces:
        if not create:
            return None
        spaces = [store.ensure_workspace(owner, DEFAULT_NAME)]
    by_id = {str(w.id): w for w in spaces}
    chosen = (by_id.get(str(st.query_params.get("ws", ""))) or by_id.get(str(state.get(state.WORKSPACE, "")))
              or spaces[0])
    remember(chosen)
    return chosen


def remember(ws: Workspace) -> None:
    """Make ``ws`` the session's workspace, in the session and in the page address."""
    state.put(state.WORKSPACE, ws.id)
    if st.query_params.get("ws") != str(ws.id):
        st.query_params["ws"] = str(ws.id)


def label(article: StoredArticle) -> str:
    """What an article is called on every chart: its outlet, else its title, else its file name."""
    return (article.outlet or "").strip() or (article.title or "").strip() or article.file_name


def article(store: Store, ws: Workspace, stored: StoredArticle) -> Article:
    """A stored article as the pages' Article (its text read from the workspace)."""
    return Article(stored.title or stored.file_name, store.text(ws, stored.id), f"workspace:{ws.id}:{stored.id}")


def restore_focus(store: Store, ws: Workspace | None) -> bool:
    """Once per session: when the focus is still the bundled article, take the workspace's
    focus article instead (a reload keeps what the researcher chose). True when it changed."""
    if state.get(state.FOCUS_RESTORED):
        return False
    state.put(state.FOCUS_RESTORED, True)
    shown = state.get(state.FOCUS)
    if ws is None or (shown is not None and shown.source != "bundled"):
        return False
    stored = next((a for a in store.articles(ws) if a.role == "focus"), None)
    if stored is None:
        return False
    state.set_focus(article(store, ws, stored))
    return True
