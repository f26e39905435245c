"""Coverage: bring other articles about the same event into a saved workspace, and keep them."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from analysis.ingest import MAX_BYTES
from analysis.store import StoreError, Workspace
from ui import coverage as cov
from ui import page, state

page.setup("Coverage")

with page.guard("the Coverage page"):
    st.title("Coverage workspace")
    st.caption("Collect other coverage of the same event beside the article you study. Files, pasted text and "
               "web pages are read, scored and saved; they are here again when you come back.")

    try:
        store = cov.store()
    except (StoreError, OSError) as exc:
        st.error(f"The workspace database cannot be opened: {cov.md(exc)}")
        st.stop()
    if store.notice and not st.session_state.get(cov.NOTICE_SHOWN):
        st.warning(cov.md(store.notice), icon=":material/warning:")
        st.session_state[cov.NOTICE_SHOWN] = True
    owner = cov.owner_key()

    # ---- which workspace -----------------------------------------------------------------------
    spaces = store.workspaces(owner)
    if not spaces:
        spaces = [store.create_workspace(owner, "Comparison set 1")]
    wanted = st.query_params.get("ws", "")
    by_id = {str(w.id): w for w in spaces}
    current: Workspace = by_id.get(wanted) or spaces[0]

    left, right = st.columns([3, 2], vertical_alignment="bottom")
    with left:
        choice = st.selectbox("Workspace", [w.id for w in spaces], index=[w.id for w in spaces].index(current.id),
                              format_func=lambda i: by_id[str(i)].name,
                              key="coverage_ws")
        current = by_id[str(choice)]
        st.query_params["ws"] = str(current.id)
    with right, st.popover("Manage workspaces", icon=":material/folder_managed:", width="stretch"):
        with st.form("ws_new", clear_on_submit=True, border=False):
            new_name = st.text_input("New workspace", placeholder="e.g. Flood barrier, February 2025")
            if st.form_submit_button("Create"):
                try:
                    made = store.create_workspace(owner, new_name)
                    st.query_params["ws"] = str(made.id)
                    st.session_state.pop("coverage_ws", None)
                    st.rerun()
                except StoreError as exc:
                    st.error(cov.md(exc))
        with st.form("ws_rename", border=False):
            renamed = st.text_input("Rename this workspace", value=current.name)
            if st.form_submit_button("Rename"):
                try:
                    store.rename_workspace(current, renamed)
                    st.rerun()
                except StoreError as exc:
                    st.error(cov.md(exc))
        sure = st.checkbox(f"Yes, delete “{cov.md(current.name)}” and its {current.articles} articles")
        if st.button("Delete workspace", type="secondary", disabled=not sure, icon=":material/delete:"):
            store.delete_workspace(current)
            st.query_params.pop("ws", None)
            st.session_state.pop("coverage_ws", None)
            st.rerun()

    # ---- add articles ----------------------------------------------------------------------------
    st.subheader("Add articles")
    role = st.radio("Add as", ["comparison", "focus"], horizontal=True, key="coverage_role",
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
    if sources:  # import, then rerun so that every count and list on the page includes the new articles
        st.session_state["coverage_outcomes"] = cov.import_all(store, current, sources, role)
        st.rerun()
    if st.session_state.get("coverage_outcomes"):
        cov.show(st.session_state.pop("coverage_outcomes"))

    # ---- the workspace's articles ----------------------------------------------------------------
    articles = store.articles(current)
    st.subheader(f"Articles in “{cov.md(current.name)}” · {len(articles)}")
    if not articles:
        st.info("No articles yet: add files, pasted text or a web address above.", icon=":material/inbox:")
        st.stop()
    before = cov.frame(articles)
    gen = st.session_state.setdefault("coverage_editor_gen", 0)
    after = st.data_editor(before, key=f"coverage_editor_{current.id}_{gen}", column_config=cov.column_config(),
                           disabled=["format", "encoding", "words", "file_name"], hide_index=True,
                           width="stretch", num_rows="fixed")
    if st.button("Save changes", icon=":material/save:", disabled=after.equals(before)):
        problems = cov.save_edits(store, current, before, after)
        for problem in problems:
            st.error(cov.md(problem))
        if not problems:
            st.session_state["coverage_editor_gen"] = gen + 1
            st.rerun()

    label = {a.id: f"{a.title or a.file_name} · {a.outlet or a.format}" for a in articles}
    pick_col, del_col = st.columns(2)
    with pick_col:
        chosen = st.selectbox("Focus article for the other pages", list(label), format_func=label.get,
                              index=next((i for i, a in enumerate(articles) if a.role == "focus"), 0))
        if st.button("Study this article", type="primary", icon=":material/center_focus_strong:"):
            try:
                art = store.update_article(current, chosen, role="focus")
                state.set_focus(state.Article(art.title or art.file_name, store.text(current, chosen),
                                              f"workspace:{current.id}:{chosen}"))
            except StoreError as exc:  # deleted meanwhile in another tab
                st.error(cov.md(exc))
            else:
                st.session_state["coverage_editor_gen"] = gen + 1
                st.session_state["coverage_flash"] = (f"“{cov.md(art.title or art.file_name)}” is now the focus "
                                                      "article of every page.")
                st.rerun()
        flash = st.session_state.pop("coverage_flash", None)
        if flash:
            st.success(flash, icon=":material/center_focus_strong:")
            if (Path(__file__).parent / "1_Read.py").exists():
                st.page_link("pages/1_Read.py", label="Read it paragraph by paragraph", icon=":material/menu_book:")
    with del_col:
        doomed = st.multiselect("Delete articles", list(label), format_func=label.get)
        if st.button("Delete selected", disabled=not doomed, icon=":material/delete:"):
            for article_id in doomed:
                store.delete_article(current, article_id)
            st.session_state["coverage_editor_gen"] = gen + 1
            st.rerun()

    st.caption("Scores are kept with the analysis version that produced them. Without a login, this browser "
               "session's workspaces are reached through this page's address (it carries a private key): "
               "bookmark it to come back.")
