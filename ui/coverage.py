"""What the Coverage page needs: the store, the user's scope, importing, the editable table.

Scope. Workspaces belong to a user key. With login configured (``st.login``), it is the
account's e-mail. Without login, each browser session gets its own key, issued and signed by
the server (``analysis.store.keys``: 128 random bits and an HMAC over them), kept in
``st.session_state`` and mirrored in the URL (``?scope=...&ws=...``), so a reload or a
bookmark reopens the same workspaces. A key the server did not issue (one chosen by whoever
sent the link) opens a fresh workspace under a new key, and the page says so. Anyone holding
an issued URL holds that key, so share it like a private link.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from analysis.ingest import EXTENSIONS, Loaded, UnreadableInput, load_bytes, load_text, load_url, safe_name
from analysis.pipeline import Analysis
from analysis.store import EDITABLE, Store, StoredArticle, StoreError, Workspace, data_dir, db_path
from analysis.store.keys import Keys
from ui import cache, state
from views.escape import md

SCOPE = state.COVERAGE_SCOPE
NOTICE_SHOWN = state.COVERAGE_NOTICE_SHOWN
UPLOAD_TYPES = sorted(EXTENSIONS)  # every extension the readers take
UNSIGNED = ("This workspace address was not issued by this server (or its key has been retired), so a fresh, "
            "empty workspace was opened under a new address. Nothing saved under the old address is shown.")
_LOG = logging.getLogger(__name__)


@st.cache_resource(show_spinner=False)
def _open(path: str) -> Store:
    return Store(path)


def store() -> Store:
    """The workspace database (opened and checked once per server process and path)."""
    return _open(str(db_path()))


@st.cache_resource(show_spinner=False)
def _keys(folder: str) -> Keys:
    return Keys(folder)


def keys() -> Keys:
    """The server's key signer (its secret read once per server process and data folder)."""
    return _keys(str(data_dir()))


def owner_key() -> str:
    """The user key that scopes workspaces (see the module docstring)."""
    try:
        if st.user.is_logged_in and st.user.get("email"):
            return "user:" + str(st.user.get("email")).lower()
    except Exception:  # noqa: BLE001 - no auth configured: st.user has nothing to say
        pass
    key = st.session_state.get(SCOPE)
    if not key:
        given = st.query_params.get("scope", "")
        signer = keys()
        key = given if signer.verify(given) else signer.issue()
        if given and key != given:
            st.warning(UNSIGNED, icon=":material/key_off:")
        st.session_state[SCOPE] = key
    if st.query_params.get("scope") != key:
        st.query_params["scope"] = key
    return "session:" + key


@dataclass(frozen=True)
class Outcome:
    status: str  # "imported" | "duplicate" | "refused"
    name: str
    detail: str


def import_one(st_store: Store, ws: Workspace, name: str, read: Any, role: str) -> Outcome:
    """Read, score and store one source; every failure becomes a refused Outcome."""
    shown = safe_name(name)
    try:
        loaded: Loaded = read()
        result = cache.analyze(loaded.text, loaded.name)
        got = st_store.add_article(ws, titled(loaded, result), result, role=role)
    except UnreadableInput as exc:
        return Outcome("refused", shown, str(exc))
    except StoreError as exc:
        return Outcome("refused", shown, f"{shown}: {exc}")
    except Exception:  # noqa: BLE001 - one bad file must never lose the others
        _LOG.exception("import of %s failed", shown)
        return Outcome("refused", shown, f"{shown}: could not be imported (an internal error, logged)")
    what = f"{loaded.format}, {loaded.encoding}, {got.article.words:,} words"
    if got.duplicate:
        return Outcome("duplicate", loaded.name, f"already in this workspace as “{got.article.title or got.article.file_name}”")
    return Outcome("imported", loaded.name, what)


def titled(loaded: Loaded, result: Analysis) -> Loaded:
    """``loaded`` with a title: the one the file states, else the heading that opens the text
    (a Word file whose properties name no title, a Markdown file starting with "# ...")."""
    if loaded.title:
        return loaded
    if result.document.headline is not None:  # the headline segmentation found
        return dataclasses.replace(loaded, title=result.document.headline.text.strip())
    if not result.document.headings:
        return loaded
    first = result.document.headings[0]
    if result.document.paragraphs and first.start > result.document.paragraphs[0].start:
        return loaded  # a heading inside the article, not its title
    return dataclasses.replace(loaded, title=first.text.strip())


def import_all(st_store: Store, ws: Workspace, sources: list[tuple[str, Any]], role: str) -> list[Outcome]:
    """Import every source in turn with a progress bar."""
    bar = st.progress(0.0, text=f"Importing and scoring {len(sources)} item(s)…")
    outcomes = []
    for i, (name, read) in enumerate(sources):
        bar.progress(i / len(sources), text=f"{i + 1} of {len(sources)}: {md(safe_name(name))}")
        outcomes.append(import_one(st_store, ws, name, read, role))
    bar.progress(1.0, text=f"Done: {len(sources)} item(s)")
    return outcomes


def uploads(files: list[Any]) -> list[tuple[str, Any]]:
    return [(f.name, lambda f=f: load_bytes(f.getvalue(), f.name)) for f in files]


def pasted(text: str, title: str) -> list[tuple[str, Any]]:
    name = title.strip() or "pasted text"

    def read() -> Loaded:
        got = load_text(text, name)
        return Loaded(**{**got.__dict__, "title": title.strip() or got.title})

    return [(name, read)]


def fetched(url: str) -> list[tuple[str, Any]]:
    return [(url.strip()[:120] or "URL", lambda: load_url(url))]


def show(outcomes: list[Outcome]) -> None:
    counts = {s: sum(o.status == s for o in outcomes) for s in ("imported", "duplicate", "refused")}
    st.markdown(f"**{counts['imported']} imported · {counts['duplicate']} already there · "
                f"{counts['refused']} refused**")
    for o in outcomes:
        if o.status == "imported":
            st.success(f"**Imported** {md(o.name)} ({md(o.detail)})", icon=":material/check_circle:")
        elif o.status == "duplicate":
            st.info(f"**Already there:** {md(o.name)} is {md(o.detail)}", icon=":material/content_copy:")
        else:
            st.error(f"**Refused:** {md(o.detail)}", icon=":material/block:")


COLUMNS = ["id", "title", "outlet", "date", "role", "format", "encoding", "words", "url", "author", "file_name"]


def frame(articles: list[StoredArticle]) -> pd.DataFrame:
    rows = [{c: getattr(a, c) for c in COLUMNS} for a in articles]
    return pd.DataFrame(rows, columns=COLUMNS).set_index("id")


def column_config() -> dict[str, Any]:
    cc = st.column_config
    return {
        "role": cc.SelectboxColumn("Role", options=["focus", "comparison"], required=True,
                                   help="The focus article is the one you study; the rest is comparison coverage"),
        "title": cc.TextColumn("Title", width="medium", max_chars=500),
        "outlet": cc.TextColumn("Outlet", max_chars=200),
        "date": cc.TextColumn("Date", max_chars=40, help="Publication date (YYYY-MM-DD) as the source states it; "
                              "for Word and PDF files, the date the file was created: check it"),
        "url": cc.TextColumn("URL", validate=r"^(https?://.*)?$", max_chars=500),
        "author": cc.TextColumn("Author", max_chars=200),
        "format": cc.TextColumn("Format", disabled=True),
        "encoding": cc.TextColumn("Encoding", disabled=True, help="The character encoding detected"),
        "words": cc.NumberColumn("Words", disabled=True, format="%d", width="small"),
        "file_name": cc.TextColumn("File", disabled=True),
    }


def save_edits(st_store: Store, ws: Workspace, before: pd.DataFrame, after: pd.DataFrame) -> list[str]:
    """Write the edited metadata back; returns one message per problem (empty = all saved)."""
    problems = []
    focus_last = [i for i in after.index if after.at[i, "role"] == "focus" and before.at[i, "role"] != "focus"]
    for article_id in after.index:
        changes = {c: str(after.at[article_id, c] or "") for c in EDITABLE
                   if str(after.at[article_id, c] or "") != str(before.at[article_id, c] or "")}
        if changes.get("role") == "focus" and focus_last and article_id != focus_last[-1]:
            changes.pop("role")  # several rows set to focus: the last one wins
        if changes.get("role") == "comparison" and article_id in focus_last:
            changes.pop("role")
        if not changes:
            continue
        try:
            st_store.update_article(ws, int(article_id), **changes)
        except StoreError as exc:
            problems.append(f"Article {article_id}: {exc}")
    return problems
