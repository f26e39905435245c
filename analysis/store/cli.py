"""``python -m analysis workspace list|import|remove``: the saved workspace from the command line.

Workspaces made here belong to the owner key ``local`` (``--owner`` to choose another, for
example a login e-mail used on the dashboard). Each imported file is reported on its own
line; a refused file goes to standard error and makes the exit status 2, after every
other file has been imported.
"""

from __future__ import annotations

import argparse
import sys

from analysis.ingest import Loaded, UnreadableInput, load, load_url
from analysis.ingest.limits import TextLimits, with_overrides
from analysis.ingest.limits import add_arguments as add_limit_arguments
from analysis.pipeline import analyze
from analysis.store import ROLES, Store, StoreError, Workspace

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
        print(f"warning: {store.notice}", file=sys.stderr)
    if args.op == "list":
        if not args.name:
            for ws in store.workspaces(args.owner):
                print(f"{ws.name}\t{ws.articles} article(s)\tcreated {ws.created}")
            return 0
        for a in store.articles(_get(store, args.owner, args.name)):
            print(f"{a.id}\t{a.role}\t{a.format}\t{a.encoding}\t{a.title or a.file_name}\t{a.outlet}\t{a.date}")
        return 0
    if args.op == "remove":
        ws = _get(store, args.owner, args.name)
        if args.article is None:
            store.delete_workspace(ws)
            print(f"deleted workspace {ws.name}")
        else:
            store.article(ws, args.article)
            store.delete_article(ws, args.article)
            print(f"deleted article {args.article} from {ws.name}")
        return 0
    caps = with_overrides(args.max_words, args.max_chars)
    ws = store.find(args.owner, args.name) or store.create_workspace(args.owner, args.name)
    status = 0
    for source in args.sources:
        try:
            loaded = _read(source, caps)
        except UnreadableInput as exc:
            print(f"error: {exc}", file=sys.stderr)
            status = 2
            continue
        got = store.add_article(ws, loaded, analyze(loaded.text, loaded.name), role=args.role)
        verb = "duplicate" if got.duplicate else "imported"
        print(f"{verb}: {loaded.name} ({loaded.format}, {loaded.encoding}) as article {got.article.id}")
    return status
