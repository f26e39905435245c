"""The Compare page's articles: the session's workspace (the Coverage page's), the page's own
uploads saved into it, the articles' names and the focus picker.

Every article of the workspace is there without an upload; a file uploaded here is read,
scored and saved in the workspace like one imported on the Coverage page, so it is there again
after a reload. The focus is the session's focus article (kept in the workspace as its focus,
see :mod:`ui.workspace`); when it is not in the workspace (the bundled article, a file from the
sidebar's picker) it joins the articles under its title. When the workspace database cannot be
opened or written, uploads are kept for this browser session only, and the page says so.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from analysis import compare
from analysis.ingest import EXTENSIONS, UnreadableInput, load_bytes
from analysis.store import Store, StoredArticle, StoreError, Workspace
from ui import coverage, page, state, workspace
from ui.state import Article
from views.escape import md

SESSION_ONLY = ("The workspace database cannot be written{why}: articles added here are kept for this browser "
                "session only, and are gone after a reload.")


@dataclass(frozen=True)
class Source:
    """Where the page's articles live: the owner's workspace (``ws`` None until there is one),
    or, with ``store`` None or read-only, this session only."""

    store: Store | None
    owner: str
    ws: Workspace | None

    @property
    def saves(self) -> bool:
        return self.store is not None and not self.store.readonly


@dataclass(frozen=True)
class Entry:
    """One article of the comparison: its name on every chart (unique), the article, and its
    row in the workspace (None for the session's focus when it is not saved there)."""

    label: str
    article: Article
    stored: StoredArticle | None = None

    def named(self) -> Article:
        """The article under its label, as the comparison names it."""
        return dataclasses.replace(self.article, title=self.label)


def open_source() -> Source:
    """The session's workspace, or a session-only source and a notice when the database fails."""
    owner = coverage.owner_key()
    try:
        store = coverage.store()
    except (StoreError, OSError) as exc:
        st.warning(md(SESSION_ONLY.format(why=f" ({exc})")), icon=":material/warning:")
        return Source(None, owner, None)
    if store.readonly:
        st.warning(md(SESSION_ONLY.format(why=f" ({store.notice})" if store.notice else "")),
                   icon=":material/warning:")
    return Source(store, owner, workspace.current(store, owner))


def entries(src: Source, focus: Article) -> list[Entry]:
    """The workspace's articles (its focus first), and the session's focus when it is not one of
    them; with no workspace, the focus and this session's uploads. Labels are made unique."""
    rows: list[tuple[str, Article, StoredArticle | None]] = []
    if src.store is not None and src.ws is not None:
        rows = [(workspace.label(a), workspace.article(src.store, src.ws, a), a) for a in src.store.articles(src.ws)]
    rows += [(a.title, a, None) for a in state.comparison()]  # added while the database could not be written
    unique: dict[str, tuple[str, Article, StoredArticle | None]] = {}
    for row in rows:
        unique.setdefault(row[1].sha256, row)  # the same text once
    rows = list(unique.values())
    if focus.sha256 not in unique:
        rows.insert(0, (focus.title, focus, None))
    names = compare.unique_names([r[0] for r in rows])
    return [Entry(n, a, s) for n, (_, a, s) in zip(names, rows, strict=True)]


def sidebar(src: Source) -> Source:
    """The sidebar's "Other coverage": which workspace, and an uploader whose files are saved in
    it. Returns the source (a first upload makes the workspace)."""
    with st.sidebar:
        st.subheader("Other coverage")
        if src.store is not None and src.ws is not None:
            src = _pick_workspace(src)
            name = src.ws.name if src.ws is not None else ""
            st.caption(f"The articles of the workspace **{md(name)}** are here; add more here or on the "
                       "Coverage page, where their details can be edited.")
            st.page_link(page.COVERAGE_PAGE, label="Open the workspace", icon=":material/folder_open:")
        gen = state.get(state.COMPARE_UPLOADS, 0)
        files = st.file_uploader("Add articles (text, Markdown, HTML, Word or PDF)", type=sorted(EXTENSIONS),
                                 accept_multiple_files=True, key=f"compare_uploads_{gen}",
                                 help="Each file is one article. It is saved in the workspace with the others, "
                                      "so it is here again after a reload; the same text is added once.")
        if files:
            src, outcomes = save_uploads(src, files)
            state.put(state.COMPARE_OUTCOMES, outcomes)
            state.put(state.COMPARE_UPLOADS, gen + 1)  # a fresh, empty uploader
            st.rerun()
        for o in state.take(state.COMPARE_OUTCOMES) or []:
            if o.status == "refused":
                st.warning(md(o.detail), icon=":material/block:")
            else:
                st.caption(f"{'Added' if o.status == 'imported' else 'Already there:'} {md(o.name)}"
                           + (f" ({md(o.detail)})" if o.status == "duplicate" else ""))
    return src


def _pick_workspace(src: Source) -> Source:
    assert src.store is not None and src.ws is not None
    spaces = src.store.workspaces(src.owner)
    if len(spaces) < 2:
        return src
    ids = [w.id for w in spaces]
    by_id = {w.id: w for w in spaces}
    chosen = st.selectbox("Workspace", ids, index=ids.index(src.ws.id), format_func=lambda i: by_id[i].name,
                          help="The workspaces of the Coverage page; the one chosen here is the Coverage page's too.")
    if chosen != src.ws.id:
        workspace.remember(by_id[chosen])
    return dataclasses.replace(src, ws=by_id[chosen])


def save_uploads(src: Source, files: Sequence[Any]) -> tuple[Source, list[coverage.Outcome]]:
    """Read, score and save uploaded files in the workspace (made if there is none yet); a file
    that cannot be read is a refused outcome and never stops the others. Without a writable
    database, the readable files are kept for this session."""
    if not src.saves:
        return src, session_uploads(files)
    assert src.store is not None
    ws = src.ws or workspace.current(src.store, src.owner, create=True)
    assert ws is not None
    return dataclasses.replace(src, ws=ws), coverage.import_all(src.store, ws, coverage.uploads(list(files)),
                                                                "comparison")


def session_uploads(files: Sequence[Any]) -> list[coverage.Outcome]:
    """The uploaded files as this session's comparison articles (the same text once)."""
    arts = state.comparison()
    known = {a.sha256 for a in arts}
    outcomes = []
    for f in files:
        try:
            loaded = load_bytes(f.getvalue(), getattr(f, "name", "upload"))
        except UnreadableInput as exc:
            outcomes.append(coverage.Outcome("refused", getattr(f, "name", "upload"), str(exc)))
            continue
        art = Article(loaded.title or loaded.name, loaded.text, f"upload:{loaded.name}")
        outcomes.append(coverage.Outcome("duplicate" if art.sha256 in known else "imported", loaded.name,
                                         "the same text is already here"))
        if art.sha256 not in known:
            known.add(art.sha256)
            arts.append(art)
    state.set_comparison(arts)
    return outcomes


def choose_focus(src: Source, pool: list[Entry]) -> Entry:
    """The focus picker: its value is the session's focus; choosing another makes it the focus
    of every page and the workspace's focus (so a reload keeps it)."""
    by_label = {e.label: e for e in pool}
    shown = state.focus()
    focus = next((e for e in pool if e.article.sha256 == shown.sha256), pool[0])
    state.put(state.COMPARE_FOCUS, focus.label)  # the picker shows the focus, whoever changed it
    st.selectbox("Focus article", list(by_label), key=state.COMPARE_FOCUS, on_change=_focus_picked,
                 args=(src, by_label), help="The article every page studies; the others are compared with it. "
                                            "Kept in the workspace as its focus, so a reload keeps it.")
    return focus


def _focus_picked(src: Source, by_label: dict[str, Entry]) -> None:
    picked = by_label.get(state.get(state.COMPARE_FOCUS))
    if picked is not None:
        keep_focus(src, picked)


def keep_focus(src: Source, focus: Entry) -> None:
    """Make ``focus`` the session's focus and the workspace's; a focus that is not in the
    workspace leaves it without one, so a reload does not bring back an older choice. The
    focus it replaces, when not saved in the workspace (the bundled article, the sidebar's),
    stays among this session's articles."""
    before = state.focus()
    if before.sha256 != focus.article.sha256 and (src.ws is None or src.store is None or before.sha256 not in {
            a.sha256 for a in src.store.articles(src.ws)}):
        state.set_comparison([*state.comparison(), before])
    state.set_focus(focus.article)
    if not src.saves or src.ws is None:
        return
    assert src.store is not None
    try:
        if focus.stored is not None:
            src.store.update_article(src.ws, focus.stored.id, role="focus")
        else:
            for a in src.store.articles(src.ws):
                if a.role == "focus":
                    src.store.update_article(src.ws, a.id, role="comparison")
    except StoreError as exc:  # deleted meanwhile in another tab: the session's focus still changes
        st.warning(md(f"The focus could not be saved in the workspace: {exc}"))


def names_editor(src: Source, pool: list[Entry]) -> None:
    """The articles' names: outlet and title, saved in the workspace (the name is the outlet,
    else the title, else the file name)."""
    saved = [e for e in pool if e.stored is not None]
    if not saved or src.store is None or src.ws is None:
        return
    with st.expander("Names of the articles", icon=":material/edit:"):
        st.caption("An article is named by its outlet, else its title, else its file name, on every chart and "
                   "table. Edit them here or on the Coverage page; they are saved in the workspace.")
        before = pd.DataFrame([{"id": e.stored.id, "name": e.label, "outlet": e.stored.outlet,
                                "title": e.stored.title, "file": e.stored.file_name}
                               for e in saved if e.stored is not None]).set_index("id")
        gen = state.get(state.COMPARE_NAMES, 0)
        cc = st.column_config
        after = st.data_editor(before, key=f"compare_names_{src.ws.id}_{gen}", hide_index=True, width="stretch",
                               num_rows="fixed", disabled=["name", "file"] if src.saves else True,
                               column_config={"name": cc.TextColumn("Shown as"),
                                              "outlet": cc.TextColumn("Outlet", max_chars=200),
                                              "title": cc.TextColumn("Title", max_chars=500),
                                              "file": cc.TextColumn("File")})
        if st.button("Save names", icon=":material/save:", disabled=after.equals(before) or not src.saves):
            problems = save_names(src.store, src.ws, before, after)
            for problem in problems:
                st.error(md(problem))
            if not problems:
                state.put(state.COMPARE_NAMES, gen + 1)
                st.rerun()


def save_names(store: Store, ws: Workspace, before: pd.DataFrame, after: pd.DataFrame) -> list[str]:
    """Write changed outlets and titles; one message per article that could not be saved."""
    problems = []
    for article_id in after.index:
        changes = {c: str(after.at[article_id, c] or "") for c in ("outlet", "title")
                   if str(after.at[article_id, c] or "") != str(before.at[article_id, c] or "")}
        if changes:
            try:
                store.update_article(ws, int(article_id), **changes)
            except StoreError as exc:
                problems.append(f"{before.at[article_id, 'name']}: {exc}")
    return problems
