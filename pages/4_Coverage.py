"""Coverage: bring other articles about the same event into a saved workspace, and keep them."""

import streamlit as st

from ui import coverage, page, workspace
from ui import coverage_page as cp
from views.escape import md

page.setup("Coverage")

with page.guard("the Coverage page"):
    st.title("Coverage workspace")
    st.caption("Collect other coverage of the same event beside the article you study. Files, pasted text and "
               "web pages are read, scored and saved; they are here again when you come back.")
    store = cp.open_store()
    owner = coverage.owner_key()
    cp.bookmark_note()
    current = cp.choose_workspace(store, owner)
    if workspace.restore_focus(store, current):
        st.rerun()  # a reload: the workspace's focus article is every page's focus again
    cp.add_articles(store, current)

    articles = store.articles(current)
    st.subheader(f"Articles in “{md(current.name)}” · {len(articles)}")
    if not articles:
        st.info("No articles yet: add files, pasted text or a web address above.", icon=":material/inbox:")
        st.stop()
    cp.edit_articles(store, current, articles)
    cp.focus_or_delete(store, current, articles)
    st.caption("Scores are kept with the versions of the measures that produced them. The Compare page sets "
               "the focus article against every article of the workspace; the Corpus page scores a workspace's "
               "articles as a corpus.")
    st.page_link(page.COMPARE_PAGE, label="Compare these articles", icon=":material/compare:")
