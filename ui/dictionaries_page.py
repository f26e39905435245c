"""The Dictionaries page's views, one function each: adding a dictionary, choosing one, what it
holds (categories with their internal consistency), its terms (searchable, editable), how it is
applied (negation, quoted speech) and removing it. What applies the dictionaries on every page
is ``ui.dictionaries``; parsing and storing them is ``analysis.dictionaries`` and
``analysis.store.dictionaries``."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd
import streamlit as st

from analysis.dictionaries import FORMATS, DictionaryError, load_bytes
from analysis.dictionaries.formats import MAX_BYTES, MAX_ENTRIES
from analysis.store import Store, StoreError
from analysis.store import dictionaries as saved
from ui import dictionaries, state
from ui.state import Article
from views.escape import md

EDIT_LIMIT = 1_000  # rows in the terms' editor at once; the search narrows a larger dictionary


def flash() -> None:
    message = state.take(state.DICTIONARY_FLASH)
    if message:
        st.success(message, icon=":material/check_circle:")


def _done(message: str) -> None:
    """Say ``message`` after a rerun, so every page (and this one's sidebar) sees the change."""
    state.put(state.DICTIONARY_FLASH, message)
    st.rerun()


def _writable(store: Store) -> None:
    if store.readonly:
        raise StoreError(store.notice or "the workspace database is read-only on this server")


def add(store: Store, owner: str, name: str, data: bytes, negation: bool, exclude_quoted: bool) -> tuple[str, str]:
    """Read and save one uploaded file; returns its name and what was saved, or raises
    DictionaryError or StoreError with the line and the reason (nothing is saved then)."""
    _writable(store)
    d = load_bytes(data, name)  # refuses a file named like a built-in measure, with the reason
    store_saved = saved.save(store, owner, d, negation=negation, exclude_quoted=exclude_quoted)
    counts = store_saved.dictionary.term_counts()
    cats = ", ".join(f"{c} ({n:,})" for c, n in counts.items())
    warned = "".join(f"  \n{md(w)}" for w in d.warnings)
    return d.name, (f"Saved **{md(d.name)}** ({md(d.format)}): {len(d.terms):,} terms, {d.wildcards():,} with a wildcard, in "
            f"{len(d.categories)} categories: {md(cats)}. Its categories are now columns on every page, named "
            f"`{d.name}.<category>`.{warned}")  # a file stem: letters, digits, - and _, never a backtick


def upload(store: Store, owner: str) -> None:
    """The upload form: a file and how to apply it."""
    gen = state.get(state.DICTIONARY_UPLOAD, 0)
    with st.form(f"dictionary_upload_{gen}", border=True):
        st.markdown("**Add a dictionary**")
        file = st.file_uploader(
            "A dictionary file: LIWC .dic or .dicx, quanteda-style YAML, or CSV (term, category, weight)",
            type=[f.lstrip(".") for f in FORMATS], key=f"dictionary_file_{gen}",
            help=f"Up to {MAX_BYTES // 2**20} MiB and {MAX_ENTRIES:,} entries. The file's name becomes the prefix "
                 "of its columns: moral.dic gives moral.care, moral.harm …")
        negation, quoted = option_boxes(False, False, f"new_{gen}")
        submitted = st.form_submit_button("Add this dictionary", type="primary", icon=":material/upload:")
    if not submitted:
        return
    if file is None:
        st.warning("Choose a dictionary file first.")
        return
    try:
        name, message = add(store, owner, file.name, file.getvalue(), negation, quoted)
    except (DictionaryError, StoreError) as exc:
        st.error(f"Could not add {md(file.name)}: {md(exc)}. Nothing was saved; your other dictionaries are "
                 "unchanged.", icon=":material/block:")
        return
    state.put(state.DICTIONARY_UPLOAD, gen + 1)
    state.put(state.DICTIONARY_CHOSEN, name)
    _done(message)


def option_boxes(negation: bool, quoted: bool, key: str) -> tuple[bool, bool]:
    neg = st.checkbox("Negation: a match within three words after a negator (no, not, never …) counts 0, "
                      "half after “hardly”", value=negation, key=f"dictionary_negation_{key}")
    quo = st.checkbox("Quoted speech: a match inside a direct quotation counts 0 (shown as evidence, struck "
                      "through), so the journalist's own words are read apart", value=quoted,
                      key=f"dictionary_quoted_{key}")
    return neg, quo


def choose(found: Sequence[saved.Saved]) -> saved.Saved:
    names = [s.name for s in found]
    wanted = state.get(state.DICTIONARY_CHOSEN)
    index = names.index(wanted) if wanted in names else 0
    name = st.selectbox("Dictionary", names, index=index, key=f"dictionary_pick_{len(names)}",
                        help="Every dictionary listed here is applied on every page.")
    state.put(state.DICTIONARY_CHOSEN, name)
    return found[names.index(name)]


def facts(s: saved.Saved) -> None:
    d = s.dictionary
    cells = st.columns(4)
    cells[0].metric("Categories", f"{len(d.categories):,}")
    cells[1].metric("Terms", f"{len(d.terms):,}")
    cells[2].metric("With a wildcard", f"{d.wildcards():,}")
    cells[3].metric("Multi-word", f"{sum(' ' in t.term for t in d.terms):,}")
    edited = (f" · **edited here**: {d.edits:,} change(s) to the uploaded file (SHA-256 `{d.origin_sha256[:12]}…`)"
              if d.edits else "")
    how = ", ".join(h for h, on in (("negation-aware", s.negation), ("quoted speech left out", s.exclude_quoted))
                    if on) or "every match counted plainly (LIWC's way)"
    st.caption(f"File **{md(d.file_name)}** ({md(d.format)}), saved {md(s.created[:16].replace('T', ' '))} UTC · "
               f"version `{d.version}` (SHA-256 of the terms as applied){edited} · applied: {md(how)}.")


def categories(s: saved.Saved, texts: dictionaries.Texts) -> None:
    """One row per category: its column, its entries and its internal consistency on ``texts``."""
    d = s.dictionary
    wild: dict[str, int] = dict.fromkeys(d.categories, 0)
    for t in d.terms:
        for c in t.categories:
            wild[c] += t.term.endswith("*")
    found = {c.category: c for c in dictionaries.consistency(d, texts)}
    rows = [{"category": c, "column": d.column(c), "terms": n, "with a wildcard": wild[c],
             "alpha": _two(found[c].alpha), "KR-20": _two(found[c].kr20), "entries seen (k)": found[c].items,
             "note": found[c].note or ""} for c, n in d.term_counts().items()]
    cc = st.column_config
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", column_config={
        "alpha": cc.TextColumn("Cronbach's alpha", alignment="right",
                               help="Words as items, each entry's rate per 100 words in each text; n/a where it "
                                    "cannot be computed (the note says why)"),
        "KR-20": cc.TextColumn("KR-20", alignment="right",
                               help="Kuder-Richardson 20 on whether each entry occurs in each text"),
        "entries seen (k)": cc.NumberColumn("entries seen (k)", format="%d",
                                            help="Entries of the category that occur in at least one text: the items")})
    n = len(texts.texts)
    st.caption(f"Internal consistency, as LIWC's manual reports it, on {n:,} text(s): {md(texts.where)}. "
               "n/a where it cannot be computed (the note says why).")
    if n < 2:
        st.warning("Too few texts: alpha and KR-20 need at least two. Add articles to a workspace on the "
                   "Coverage page and choose it above.", icon=":material/info:")
    elif n < dictionaries.FEW_TEXTS:
        st.info(f"Only {n} texts: with so few, alpha and KR-20 move a lot with each text added or removed; "
                "read them as a first indication.", icon=":material/info:")


def _two(value: float) -> str:
    """A consistency figure as every view prints a score: two decimals, "n/a" for NaN."""
    return "n/a" if math.isnan(value) else f"{round(value, 2) + 0.0:.2f}"  # + 0.0: no "-0.00"


def texts_picker(store: Store, owner: str, focus: Article) -> dictionaries.Texts:
    """Which texts the consistency is computed on: the focus article and a workspace's articles."""
    spaces = store.workspaces(owner)
    ids: list[int | None] = [None, *(w.id for w in spaces)]
    names = {w.id: w.name for w in spaces}
    wanted = st.query_params.get("ws", "")
    index = next((i for i, w in enumerate(ids) if str(w) == wanted), 1 if spaces else 0)
    chosen = st.selectbox("Texts for the internal consistency", ids, index=index, key=state.DICTIONARY_TEXTS,
                          format_func=lambda i: ("the article in focus only" if i is None else
                                                 f"the article in focus and the workspace “{names[i]}”"))
    return dictionaries.texts(store, owner, chosen, focus)


def entries(s: saved.Saved) -> pd.DataFrame:
    return pd.DataFrame([{"term": t.term, "category": c, "weight": float(t.weight)}
                         for t in s.dictionary.terms for c in t.categories], columns=["term", "category", "weight"])


def terms(store: Store, owner: str, s: saved.Saved) -> None:
    """The terms, searchable, and editable in place (term, category, weight)."""
    every = entries(s)
    left, mid, right = st.columns([2, 2, 1], vertical_alignment="bottom")
    query = left.text_input("Search the terms", key=f"{state.DICTIONARY_SEARCH}_{s.id}",
                            placeholder="part of a term, e.g. attack or attack*")
    cats = mid.multiselect("Categories", s.dictionary.categories, key=f"dictionary_cats_{s.id}",
                           placeholder="every category")
    wild = right.checkbox("Wildcards only", key=f"dictionary_wild_{s.id}")
    keep = pd.Series(True, index=every.index)
    if query.strip():
        keep &= every["term"].str.contains(query.strip().lower(), regex=False)
    if cats:
        keep &= every["category"].isin(cats)
    if wild:
        keep &= every["term"].str.endswith("*")
    shown = every[keep].head(EDIT_LIMIT).reset_index(drop=True)
    st.caption(f"{int(keep.sum()):,} of {len(every):,} entries match" + (
        f"; the first {EDIT_LIMIT:,} are shown: search to narrow before editing" if keep.sum() > EDIT_LIMIT else "")
        + ". Edit a cell, add a row at the foot or delete rows, then save. A term ending in * matches any ending.")
    gen = state.get(state.DICTIONARY_EDITOR, 0)
    cc = st.column_config
    after = st.data_editor(shown, key=f"dictionary_editor_{s.id}_{gen}", num_rows="dynamic", hide_index=True,
                           width="stretch", height=320, column_config={
                               "term": cc.TextColumn("term", required=True, max_chars=200),
                               "category": cc.SelectboxColumn("category", options=list(s.dictionary.categories),
                                                              required=True),
                               "weight": cc.NumberColumn("weight", required=True, format="%.2f", default=1.0)})
    if st.button("Save changes to the terms", key=f"dictionary_save_{s.id}", icon=":material/save:"):
        try:
            message = save_terms(store, owner, s, every, shown, after)
        except StoreError as exc:
            st.error(f"Not saved: {md(exc)}. The dictionary is unchanged.", icon=":material/block:")
            return
        state.put(state.DICTIONARY_EDITOR, gen + 1)
        _done(message)


def save_terms(store: Store, owner: str, s: saved.Saved, every: pd.DataFrame, shown: pd.DataFrame,
               after: pd.DataFrame) -> str:
    """Replace the ``shown`` entries with the edited ones (``after``), keep every other entry,
    and say how many changes were made and how the version moved. Rows are numbered as in the
    editor in any message about a bad row."""
    _writable(store)
    visible = set(zip(shown["term"], shown["category"], strict=True))
    rows = [(_text(r.term), _text(r.category), r.weight) for r in after.itertuples(index=False)]
    rows += [(r.term, r.category, r.weight) for r in every.itertuples(index=False)
             if (r.term, r.category) not in visible]
    after_saved = saved.edit_terms(store, owner, s.id, rows)
    changes = after_saved.dictionary.edits - s.dictionary.edits
    if not changes:
        return "No change to save: the terms are as they were."
    return (f"{changes:,} change(s) saved to **{md(s.name)}**. Its version moved from `{s.dictionary.version}` to "
            f"`{after_saved.dictionary.version}`; every page scores with the edited terms, and the methods text "
            f"says the file was edited ({after_saved.dictionary.edits:,} change(s) in all).")


def _text(value: object) -> str:
    """An editor cell as text: an empty new cell (None or NaN) is ''."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def options(store: Store, owner: str, s: saved.Saved) -> None:
    with st.form(f"dictionary_options_{s.id}", border=False):
        negation, quoted = option_boxes(s.negation, s.exclude_quoted, str(s.id))
        applied = st.form_submit_button("Apply these options")
    st.caption("Both are off by default: LIWC counts words plainly. Every report's methods paragraph says which "
               "were used.")
    if applied and (negation, quoted) != (s.negation, s.exclude_quoted):
        try:
            _writable(store)
            saved.set_options(store, owner, s.id, negation=negation, exclude_quoted=quoted)
        except StoreError as exc:
            st.error(f"Not saved: {md(exc)}")
            return
        how = ", ".join(h for h, on in (("negation-aware", negation), ("quoted speech left out", quoted)) if on)
        _done(f"**{md(s.name)}** is now applied {how or 'plainly (every match counted)'} on every page.")


def remove(store: Store, owner: str, s: saved.Saved) -> None:
    with st.popover(f"Remove {md(s.name)}", icon=":material/delete:"):  # labels are Markdown
        st.markdown(f"Its {len(s.dictionary.categories)} columns leave every page and export. The file itself is "
                    "not kept: to use it again, upload it again.")
        if st.button(f"Remove {md(s.name)} for good", type="primary", key=f"dictionary_remove_{s.id}"):
            try:
                _writable(store)
                saved.remove(store, owner, s.id)
            except StoreError as exc:
                st.error(f"Not removed: {md(exc)}")
                return
            state.take(state.DICTIONARY_CHOSEN)
            _done(f"Removed **{md(s.name)}**.")
