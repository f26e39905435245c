"""Compare: the focus article against other coverage of the same story (the session's workspace,
the Coverage page's): profiles on every measure, arcs aligned on relative position,
distinguishing words and claim coverage."""

import streamlit as st

from analysis import compare
from ui import cache, page, state, workspace
from ui import compare_articles as ca
from ui import compare_page as cp
from views.escape import md

page.setup("Compare")

with page.guard("the Compare page"):
    st.title("Compare with other coverage")
    st.caption("How the focus article differs from other reports of the same story: its profile on every "
               "measure, its arc, its characteristic words, and which of its paragraphs other outlets carry.")
    src = ca.open_source()
    if src.store is not None and workspace.restore_focus(src.store, src.ws):
        st.rerun()  # a reload: the workspace's focus, drawn from the sidebar on
    src = ca.sidebar(src)
    pool = ca.entries(src, state.focus())
    if len(pool) < 2:
        st.info("Add at least one other report of the same story to compare: import articles on the Coverage "
                "page, or upload files in the sidebar (text, Markdown, HTML, Word or PDF); both are saved in "
                f"this session's workspace. Until then there is nothing to compare the focus article, "
                f"**{md(pool[0].label)}**, with.")
        st.page_link(page.COVERAGE_PAGE, label="Import coverage", icon=":material/folder_open:")
        st.stop()

    c1, c2 = st.columns([1, 2])
    with c1:
        focus = ca.choose_focus(src, pool)
    labels = [e.label for e in pool if e is not focus]
    own = [e.label for e in pool if e is not focus and e.article.source != "bundled"]  # not the demo article
    chosen = c2.multiselect("Compared with", labels, default=own or labels)
    ca.names_editor(src, pool)
    if not chosen:
        st.info("Choose at least one article to compare with.")
        st.stop()
    by_label = {e.label: e for e in pool}
    with st.spinner(f"Analysing and comparing {len(chosen) + 1} articles…"):
        result = cache.compare([focus.named()] + [by_label[n].named() for n in chosen])
    names = list(result.articles["article"])
    view = cp.View(result, names[0], names[1:])
    st.caption(f"Focus: **{md(view.focus)}** · {len(view.others)} other article(s) · "
               f"{int(result.articles['words'].sum()):,} words in all")

    for tab, draw in zip(st.tabs(list(cp.TABS)), cp.TABS.values(), strict=True):
        with tab:
            draw(view)
    with st.expander("How these comparisons are computed"):
        st.markdown(compare.METHOD_NOTE)
    cp.take_away(view)
