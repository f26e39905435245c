"""Dictionaries: the researcher's own word lists (LIWC .dic/.dicx, quanteda YAML, CSV) as
measures. Every category becomes a column, matches per 100 words, on every page, in every
export and in the report; saved in the workspace store under the session's key (or the login),
so they are there again after a reload."""

import streamlit as st

from ui import coverage, dictionaries, page
from ui import dictionaries_page as dp

article = page.setup("Dictionaries")

with page.guard("the Dictionaries page"):
    st.title("Your dictionaries")
    st.caption("Bring the word lists of your codebook, or a published dictionary whose licence lets you use it "
               "(LIWC, the Moral Foundations Dictionary, Lexicoder …): each category becomes a column, counted "
               "like LIWC's percentages (matches per 100 words; a multi-word entry is one match, a word in two "
               "categories counts in both), with every match highlighted as evidence. Until you add one, every "
               "page shows the built-in measures only.")
    store = dictionaries.open_store()
    owner = coverage.owner_key()
    if store.readonly:
        st.warning(f"Dictionaries can be read but not saved or changed: {store.notice}", icon=":material/lock:")
    dp.flash()
    dp.upload(store, owner)
    found = dictionaries.listed(store, owner)
    if not found:
        st.info("No dictionary yet: the pages show the built-in measures only.", icon=":material/inbox:")
        st.stop()
    st.divider()
    chosen = dp.choose(found)
    dp.facts(chosen)

    st.subheader("Categories")
    texts = dp.texts_picker(store, owner, article)
    dp.categories(chosen, texts)

    st.subheader("Terms")
    dp.terms(store, owner, chosen)

    st.subheader("How it is applied")
    dp.options(store, owner, chosen)
    dp.remove(store, owner, chosen)
    st.caption("Bookmark this page's address to come back to your dictionaries: without a login they belong to "
               "the private key in the address (share it like a private link).")
