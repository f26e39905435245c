"""``python -m analysis workspace list|import|remove|export-codes|import-codes``: the saved workspace from the command line.

Workspaces made here belong to the owner key ``local`` (``--owner`` to choose another, for
example a login e-mail used on the dashboard). Each imported file is reported on its own
line; a refused file goes to standard error and makes the exit status 2, after every
other file has been imported. When the store itself cannot take a write (a full disk, a
read-only folder), importing stops: the error names the file it happened on, and the last
line of standard error lists every file not imported (exit status 2).

``export-codes NAME`` writes the workspace's codes as CSV (one row per code; ``--history``:
every decision) or, with ``--format qdpx``, as a REFI-QDA project with the articles, for
ATLAS.ti, MAXQDA or NVivo; ``import-codes NAME FILE`` reads either back (the format from the
file's extension), all or nothing, and prints what it wrote.

Everything printed that came from outside (titles, outlets, workspace names) goes through
``analysis.terminal.safe``: control characters and bidi overrides are shown as escapes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.ingest import Loaded, UnreadableInput, load, load_url, safe_name
from analysis.ingest.limits import TextLimits, with_overrides
from analysis.ingest.limits import add_arguments as add_limit_arguments
from analysis.pipeline import analyze
from analysis.store import ROLES, Store, StoreError, Workspace, codes_csv, qdpx
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
    exp = ops.add_parser("export-codes", help="the workspace's codes as CSV, or a REFI-QDA project (.qdpx)")
    exp.add_argument("name", help="workspace name")
    exp.add_argument("--format", choices=("csv", "qdpx"), default="csv")
    exp.add_argument("--out", metavar="PATH", help="write here (atomically); CSV goes to standard output without it")
    exp.add_argument("--history", action="store_true", help="CSV: every decision, withdrawn ones included")
    imc = ops.add_parser("import-codes", help="read codes from a CSV or a .qdpx into a workspace")
    imc.add_argument("name", help="workspace name")
    imc.add_argument("file", metavar="FILE", help="a .csv written by export-codes, or a .qdpx project")
    imc.add_argument("--coder", default="imported", help="coder of .qdpx codings that name no user")
    p.set_defaults(func=run)


def _codes(store: Store, args: argparse.Namespace) -> int:
    """export-codes and import-codes."""
    from analysis import export

    ws = _get(store, args.owner, args.name)
    if args.op == "export-codes":
        if args.format == "qdpx" and not args.out:
            raise StoreError("--format qdpx writes a zip file: give --out PATH")
        data = qdpx.to_qdpx(store, ws) if args.format == "qdpx" else codes_csv.to_csv(store, ws, history=args.history)
        if args.out:
            export.atomic_write(args.out, data)
            print(f"wrote {args.out}", file=sys.stderr)
        else:
            sys.stdout.write(data.decode("utf-8"))
        return 0
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StoreError(f"{path.name}: cannot be read ({exc.strerror})") from None
    if path.suffix.lower() == ".qdpx":
        got = qdpx.from_qdpx(store, ws, data, path.name, coder=args.coder)
        print(f"{path.name}: {got.articles_added} article(s) added, {got.articles_matched} matched; "
              f"{got.codes_added} code(s) added to the codebook; {got.recorded} decision(s) recorded, "
              f"{got.unchanged} unchanged")
        for reason in got.skipped:
            print(f"skipped: {reason}", file=sys.stderr)
        return 0
    done = codes_csv.from_csv(store, ws, data, path.name)
    print(f"{path.name}: {done.codes_added} code(s) added to the codebook; {done.recorded} decision(s) recorded, "
          f"{done.unchanged} unchanged")
    return 0


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
    if args.op in ("export-codes", "import-codes"):
        return _codes(store, args)
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
