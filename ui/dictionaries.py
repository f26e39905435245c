"""The researcher's dictionaries in the dashboard: which apply to this session, their measures,
and their internal consistency on the session's texts.

Dictionaries are saved per owner in the workspace store (``analysis.store.dictionaries``; the
owner is the Coverage page's, ``ui.coverage.owner_key``). ``refresh`` runs at the top of every
page (``ui.page.setup``): it reads each dictionary's stamp (one light query, no terms parsed)
and keeps the owner's dictionaries as measures for this run; ``ui.cache.analyze`` scores with
them beside the registered measures. A measure is built once per server process and stamp
(its lexicon is compiled once, and the pipeline recognises the same object from run to run);
an edit or a changed option changes the stamp and so builds it afresh.

A first visit has no workspace key yet, so it can own no dictionary: nothing is looked up, no
key is issued, and every page shows the built-in measures as it did before dictionaries
existed. The same holds whenever the owner has none.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

import streamlit as st

from analysis.dictionaries import Dictionary
from analysis.dictionaries import consistency as cons
from analysis.measures import Measure
from analysis.pipeline import content_hash
from analysis.store import Store, StoreError
from analysis.store import dictionaries as saved
from ui import coverage, state
from views.escape import md

log = logging.getLogger("narrative_lens")
DICTIONARIES_PAGE = "pages/7_Dictionaries.py"
FEW_TEXTS = 10  # under this many texts, say that alpha moves a lot with each text added


def _logged_in() -> bool:
    try:
        return bool(st.user.is_logged_in and st.user.get("email"))
    except Exception:  # noqa: BLE001 - no auth configured: st.user has nothing to say
        return False


def owner() -> str | None:
    """The owner whose dictionaries apply, or None on a first visit (no key issued yet)."""
    if _logged_in() or state.get(state.COVERAGE_SCOPE) or st.query_params.get("scope"):
        return coverage.owner_key()
    return None


@st.cache_resource(max_entries=64, show_spinner=False)
def _saved(db: str, who: str, dictionary_id: int, stamp: str) -> saved.Saved:
    """One saved dictionary, parsed once per stamp (``db`` and ``stamp`` key the cache: a
    test's data folder, an edit or a changed option each make a new entry)."""
    return saved.get(coverage.store(), who, dictionary_id)


@st.cache_resource(max_entries=64, show_spinner=False)
def _measure(db: str, who: str, dictionary_id: int, stamp: str) -> Measure:
    """The saved dictionary as a measure: the same object while its stamp holds, so that its
    lexicon is compiled once and the pipeline's plan for it is reused."""
    return _saved(db, who, dictionary_id, stamp).measure()


def listed(store: Store, who: str) -> list[saved.Saved]:
    """The owner's dictionaries, by name, each parsed once per stamp."""
    return [_saved(str(store.path), who, i, stamp) for i, _, stamp in saved.stamps(store, who)]


def refresh() -> None:
    """Find the owner's dictionaries and keep their measures for this run; a store that cannot
    be read leaves the built-in measures and says why (``problem``)."""
    measures: tuple[Measure, ...] = ()
    problem = ""
    who = owner()
    if who is not None:
        try:
            store = coverage.store()
            measures = tuple(_measure(str(store.path), who, i, stamp) for i, _, stamp in saved.stamps(store, who))
        except (StoreError, OSError, sqlite3.Error) as exc:
            log.warning("dictionaries not applied: %s", exc)
            problem = f"Your dictionaries could not be read ({exc}); the pages show the built-in measures only."
    state.put(state.DICTIONARY_MEASURES, measures)
    state.put(state.DICTIONARY_PROBLEM, problem)


def applied() -> tuple[Measure, ...]:
    """The owner's dictionaries as measures, as ``refresh`` found them on this run."""
    return tuple(state.get(state.DICTIONARY_MEASURES) or ())


def sidebar_note() -> None:
    """One line in the sidebar while dictionaries apply (nothing when none do)."""
    problem = state.get(state.DICTIONARY_PROBLEM)
    if problem:
        st.warning(md(problem), icon=":material/dictionary:")
    found = applied()
    if found:
        names = ", ".join(f"**{md(m.name)}** ({len(m.columns)} categories)" for m in found)
        st.caption(f"Your dictionaries, applied on every page: {names}.")


def open_store() -> Store:
    """The workspace database, or a message and the end of the page when it cannot be opened."""
    try:
        store = coverage.store()
    except (StoreError, OSError, sqlite3.Error) as exc:
        st.error(f"The workspace database cannot be opened, so no dictionary can be saved or shown: {md(exc)}")
        st.stop()
    return store


# ---- internal consistency ------------------------------------------------------------


@dataclass(frozen=True)
class Texts:
    """The texts the consistency is computed on: their titles and texts, in order, each once."""

    titles: tuple[str, ...]
    texts: tuple[str, ...]
    where: str  # which texts, in words


def texts(store: Store, who: str, workspace_id: int | None, focus: state.Article) -> Texts:
    """The focus article and the articles of one of the owner's workspaces, the same text once."""
    titles, bodies, seen = [focus.title], [focus.text], {focus.sha256}
    where = f"the article in focus (“{focus.title}”)"
    if workspace_id is not None:
        ws = store.workspace(who, workspace_id)
        added = 0
        for art in store.articles(ws):
            text = store.text(ws, art.id)
            digest = content_hash(text)
            if digest in seen:
                continue
            seen.add(digest)
            titles.append(art.title or art.file_name)
            bodies.append(text)
            added += 1
        where += f" and the {added:,} other article(s) of the workspace “{ws.name}”"
    return Texts(tuple(titles), tuple(bodies), where)


@st.cache_data(max_entries=32, show_spinner="Computing the internal consistency…")
def _consistency(version: str, digests: tuple[str, ...], _dictionary: Dictionary,
                 _texts: Sequence[str]) -> list[cons.Consistency]:
    return cons.measure(_dictionary, _texts)


def consistency(dictionary: Dictionary, given: Texts) -> list[cons.Consistency]:
    """Alpha and KR-20 per category on ``given`` (cached on the dictionary's version and the
    texts' hashes)."""
    return _consistency(dictionary.version, tuple(content_hash(t) for t in given.texts), dictionary, given.texts)
