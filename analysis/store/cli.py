"""``python -m analysis workspace list|import|remove``: the saved workspace from the command line.

Workspaces made here belong to the owner key ``local`` (``--owner`` to choose another, for
example a login e-mail used on the dashboard). Each imported file is reported on its own
line; a refused file goes to standard error and makes the exit status 2, after every
other file has been imported. When the store itself cannot take a write (a full disk, a
read-only folder), importing stops: the error names the file it happened on, and the last
line of standard error lists every file not imported (exit status 2).

Everything printed that came from outside (titles, outlets, workspace names) goes through
``analysis.terminal.safe``: control characters and bidi overrides are shown as escapes.
"""

from __future__ import annotations

import argparse
import sys

from analysis.ingest import Loaded, UnreadableInput, load, load_url, safe_name
from analysis.ingest.limits import TextLimits, with_overrides
from analysis.ingest.limits import add_arguments as add_limit_arguments
from analysis.pipeline import analyze
from analysis.store import ROLES, Store, StoreError, Workspace
from analysis.terminal import safe

OWNER = "local"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("workspace", help="list, import into, or remove saved workspaces")
    p.add_argument("--data-dir", metavar="DIR", help="data folder (default: $NARRATIVE_LENS_DATA or per-user)")
    p.add_argument("--owner", default=OWNER, help="owner key of the workspaces (default: local)")
    ops = p.add_subparsers(dest="op", required=True)
    ls = ops.add_parser("list", help="workspaces, or the articles of one")
    ls.add_argument("name", nargs="?", help="a workspace name")
    imp = ops.add_parser("import", help="import files or URLs into a workspace (created if new)")
    imp.add_argument("name", help="workspace name")
    imp.add_argument("sources", nargs="+", metavar="FILE_OR_URL")
    imp.add_argument("--role", choices=ROLES, default="comparison")
    add_limit_arguments(imp)
    rm = ops.add_parser("remove", help="delete a workspace, or one article of it")
    rm.add_argument("name", help="workspace name")
    rm.add_argument("--article", type=int, metavar="ID", help="delete only this article")
    p.set_defaults(func=run)


def _get(store: Store, owner: str, name: str) -> Workspace:
    ws = store.find(owner, name)
    if ws is None:
        raise StoreError(f"no workspace named {name!r}")
    return ws


def _read(source: str, caps: TextLimits) -> Loaded:
    if source.lower().startswith(("http://", "https://")):
        return load_url(source, limits=caps)
    return load(source, caps)


def run(args: argparse.Namespace) -> int:
    store = Store.open(args.data_dir)
    if store.notice:
        print(f"warning: {safe(store.notice)}", file=sys.stderr)
    if args.op == "list":
        if not args.name:
            for ws in store.workspaces(args.owner):
                print(f"{safe(ws.name)}\t{ws.articles} article(s)\tcreated {safe(ws.created)}")
            return 0
        for a in store.articles(_get(store, args.owner, args.name)):
            fields = (a.id, a.role, a.format, a.encoding, a.title or a.file_name, a.outlet, a.date)
            print("\t".join(safe(f) for f in fields))
        return 0
    if args.op == "remove":
        ws = _get(store, args.owner, args.name)
        if args.article is None:
            store.delete_workspace(ws)
            print(f"deleted workspace {safe(ws.name)}")
        else:
            store.article(ws, args.article)
            store.delete_article(ws, args.article)
            print(f"deleted article {args.article} from {safe(ws.name)}")
        return 0
    caps = with_overrides(args.max_words, args.max_chars)
    ws = store.ensure_workspace(args.owner, args.name)
    status = 0
    for i, source in enumerate(args.sources):
        try:
            loaded = _read(source, caps)
        except UnreadableInput as exc:
            print(f"error: {exc}", file=sys.stderr)
            status = 2
            continue
        try:
            got = store.add_article(ws, loaded, analyze(loaded.text, loaded.name), role=args.role)
        except StoreError as exc:  # the store cannot take writes now: the rest would fail the same way
            rest = [loaded.name, *(_shown(s) for s in args.sources[i + 1:])]
            print(f"error: {loaded.name}: {exc}", file=sys.stderr)
            print(f"not imported ({len(rest)} of {len(args.sources)}): {', '.join(rest)}", file=sys.stderr)
            return 2
        for warning in loaded.warnings:
            print(f"warning: {safe(warning)}", file=sys.stderr)
        verb = "duplicate" if got.duplicate else "imported"
        print(f"{verb}: {loaded.name} ({loaded.format}, {loaded.encoding}) as article {got.article.id}")
    return status


def _shown(source: str) -> str:
    """A file or URL as given on the command line, for the list of files not imported."""
    if source.lower().startswith(("http://", "https://")):
        return safe(source)
    return safe_name(source)
