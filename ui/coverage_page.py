"""The Coverage page's views, one function each: the workspace picker and its management, adding
articles, the editable list of a workspace's articles, and choosing the focus article. The
store, the owner's key, importing and the editor's columns are ``ui.coverage``."""

from __future__ import annotations

import streamlit as st

from analysis.ingest import MAX_BYTES
from analysis.store import Store, StoreError, Workspace
from ui import auth, page, state, workspace
from ui import coverage as cov
from views.escape import md


def open_store() -> Store:
    """The workspace database, or a message and the end of the page when it cannot be opened."""
    try:
        store = cov.store()
    except (StoreError, OSError) as exc:
        st.error(f"The workspace database cannot be opened: {md(exc)}")
        st.stop()
    if store.notice and not state.get(state.COVERAGE_NOTICE_SHOWN):
        st.warning(md(store.notice), icon=":material/warning:")
        state.put(state.COVERAGE_NOTICE_SHOWN, True)
    return store


def bookmark_note() -> None:
    if not auth.configured():
        st.info("**Bookmark this page's address to come back to these workspaces.** Without a login, this "
                "browser session's workspaces are reached through the address, which carries a private key: "
                "anyone holding it can open them, so share it like a private link.", icon=":material/bookmark:")


def choose_workspace(store: Store, owner: str) -> Workspace:
    """The workspace picker (and its address in ``?ws=``, shared with the Compare page); a first
    one is made when there is none."""
    current = workspace.current(store, owner, create=True)
    assert current is not None
    spaces = store.workspaces(owner)
    by_id = {str(w.id): w for w in spaces}
    left, right = st.columns([3, 2], vertical_alignment="bottom")
    choice = left.selectbox("Workspace", [w.id for w in spaces], index=[w.id for w in spaces].index(current.id),
                            format_func=lambda i: by_id[str(i)].name, key=state.COVERAGE_WORKSPACE)
    current = by_id[str(choice)]
    workspace.remember(current)
    with right, st.popover("Manage workspaces", icon=":material/folder_managed:", width="stretch"):
        manage(store, owner, current)
    return current


def manage(store: Store, owner: str, current: Workspace) -> None:
    with st.form("ws_new", clear_on_submit=True, border=False):
        new_name = st.text_input("New workspace", placeholder="e.g. Flood barrier, February 2025")
        if st.form_submit_button("Create"):
            try:
                st.query_params["ws"] = str(store.create_workspace(owner, new_name).id)
                state.take(state.COVERAGE_WORKSPACE)
                st.rerun()
            except StoreError as exc:
                st.error(md(exc))
    with st.form("ws_rename", border=False):
        renamed = st.text_input("Rename this workspace", value=current.name)
        if st.form_submit_button("Rename"):
            try:
                store.rename_workspace(current, renamed)
                st.rerun()
            except StoreError as exc:
                st.error(md(exc))
    sure = st.checkbox(f"Yes, delete “{md(current.name)}” and its {current.articles} articles")
    if st.button("Delete workspace", type="secondary", disabled=not sure, icon=":material/delete:"):
        store.delete_workspace(current)
        st.query_params.pop("ws", None)
        state.take(state.COVERAGE_WORKSPACE)
        st.rerun()


def add_articles(store: Store, current: Workspace) -> None:
    """Files, pasted text or a web address, imported and scored with a progress bar; what each
    import did is shown once, after the rerun that counts the new articles everywhere."""
    st.subheader("Add articles")
    role = st.radio("Add as", ["comparison", "focus"], horizontal=True, key=state.COVERAGE_ROLE,
                    format_func=lambda r: "comparison coverage" if r == "comparison" else "the focus article")
    tab_files, tab_paste, tab_url = st.tabs(["Files", "Paste text", "Web address"])
    sources = []
    with tab_files, st.form("upload", clear_on_submit=True):
        files = st.file_uploader(f"Text, Markdown, HTML, Word or PDF files (up to {MAX_BYTES // 2**20} MB each)",
                                 type=cov.UPLOAD_TYPES, accept_multiple_files=True)
        if st.form_submit_button("Import files", type="primary", icon=":material/upload:") and files:
            sources = cov.uploads(files)
    with tab_paste, st.form("paste", clear_on_submit=True):
        title = st.text_input("Title (optional)")
        text = st.text_area("Article text", height=160)
        if st.form_submit_button("Import text"):
            sources = cov.pasted(text, title)
    with tab_url, st.form("url", clear_on_submit=True):
        url = st.text_input("Address of a public web page (http or https)", placeholder="https://")
        st.caption("Pages on this machine or a private network are refused; the fetch gives up after 30 s.")
        if st.form_submit_button("Fetch and import"):
            sources = cov.fetched(url)
    if sources:
        state.put(state.COVERAGE_OUTCOMES, cov.import_all(store, current, sources, role))
        focus = next((a for a in store.articles(current) if a.role == "focus"), None)
        if role == "focus" and focus is not None:  # the article added as the focus is every page's focus
            state.set_focus(workspace.article(store, current, focus))
        st.rerun()
    outcomes = state.take(state.COVERAGE_OUTCOMES)
    if outcomes:
        cov.show(outcomes)


def edit_articles(store: Store, current: Workspace, articles: list) -> None:
    """The workspace's articles as an editable table (metadata only) and its save button."""
    before = cov.frame(articles)
    gen = state.get(state.COVERAGE_EDITOR, 0)
    after = st.data_editor(before, key=f"coverage_editor_{current.id}_{gen}", column_config=cov.column_config(),
                           disabled=["format", "encoding", "words", "file_name"], hide_index=True,
                           width="stretch", num_rows="fixed")
    if st.button("Save changes", icon=":material/save:", disabled=after.equals(before)):
        problems = cov.save_edits(store, current, before, after)
        for problem in problems:
            st.error(md(problem))
        if not problems:
            state.put(state.COVERAGE_EDITOR, gen + 1)
            st.rerun()


def focus_or_delete(store: Store, current: Workspace, articles: list) -> None:
    """Make one article the focus of every page, or delete some."""
    label = {a.id: f"{a.title or a.file_name} · {a.outlet or a.format}" for a in articles}
    pick_col, del_col = st.columns(2)
    with pick_col:
        chosen = st.selectbox("Focus article for the other pages", list(label), format_func=label.get,
                              index=next((i for i, a in enumerate(articles) if a.role == "focus"), 0))
        if st.button("Study this article", type="primary", icon=":material/center_focus_strong:"):
            try:
                art = store.update_article(current, chosen, role="focus")
                state.set_focus(workspace.article(store, current, art))
            except StoreError as exc:  # deleted meanwhile in another tab
                st.error(md(exc))
            else:
                state.put(state.COVERAGE_EDITOR, state.get(state.COVERAGE_EDITOR, 0) + 1)
                state.put(state.COVERAGE_FLASH, f"“{md(art.title or art.file_name)}” is now the focus article "
                                                "of every page.")
                st.rerun()
        flash = state.take(state.COVERAGE_FLASH)
        if flash:
            st.success(flash, icon=":material/center_focus_strong:")
            st.page_link(page.READ_PAGE, label="Read it paragraph by paragraph", icon=":material/menu_book:")
            st.page_link(page.COMPARE_PAGE, label="Compare it with the rest of the workspace",
                         icon=":material/compare:")
    with del_col:
        doomed = st.multiselect("Delete articles", list(label), format_func=label.get)
        if st.button("Delete selected", disabled=not doomed, icon=":material/delete:"):
            for article_id in doomed:
                store.delete_article(current, article_id)
            state.put(state.COVERAGE_EDITOR, state.get(state.COVERAGE_EDITOR, 0) + 1)
            st.rerun()
