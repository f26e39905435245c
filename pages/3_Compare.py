"""Compare: the focus article against other coverage of the same story: profiles on every
measure, arcs aligned on relative position, distinguishing words and claim coverage."""

import streamlit as st

from analysis import compare
from ui import cache, page
from ui import compare_page as cp
from views.escape import md

focus = page.setup("Compare")

with page.guard("the Compare page"):
    st.title("Compare with other coverage")
    st.caption("How the focus article differs from other reports of the same story: its profile on every "
               "measure, its arc, its characteristic words, and which of its paragraphs other outlets carry.")
    others = cp.other_coverage()
    pool = [focus] + [a for a in others if a.sha256 != focus.sha256]
    if len(pool) < 2:
        st.info("Add at least one other report of the same story to compare: upload files in the sidebar "
                "(text, Markdown, HTML, Word or PDF), or send a saved workspace's articles from the Coverage "
                f"page. Until then there is nothing to compare the focus article, **{md(focus.title)}**, with.")
        st.stop()

    labels = compare.unique_names([a.title for a in pool])
    c1, c2 = st.columns([1, 2])
    focus_label = c1.selectbox("Focus article", labels, index=0,
                               help="Any article can be the focus; the others are compared with it.")
    chosen = c2.multiselect("Compared with", [n for n in labels if n != focus_label],
                            default=[n for n in labels if n != focus_label])
    if not chosen:
        st.info("Choose at least one article to compare with.")
        st.stop()
    by_label = dict(zip(labels, pool, strict=True))
    with st.spinner(f"Analysing and comparing {len(chosen) + 1} articles…"):
        result = cache.compare([by_label[focus_label]] + [by_label[n] for n in chosen])
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
