"""Command line: ``python -m analysis score|summary|compare|validate|workspace ...``.

Every format the dashboard reads (txt, md, html, docx, pdf) is read here by the same
``analysis.ingest.load``. Unreadable input exits with status 2 and one line on stderr
naming the file and the reason; ``-`` reads standard input.

``compare`` writes, as JSON, one object with the articles, the profile per article and
measure, the distinguishing words, the alignment rows (``focus_paragraph``, ``article``,
``paragraph`` (null when nothing clears the threshold), ``similarity``, ...) and the
coverage per focus paragraph; as CSV, one table chosen with ``--table`` (the alignment by
default; ``profile``, ``words``, ``coverage`` or ``arcs`` otherwise).

``validate`` scores the shipped human-labelled sets (see analysis/validate) and exits 1
when a figure falls below its recorded floor.

``workspace list|import|remove`` manages the saved workspaces (see analysis/store/cli.py).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from typing import Any

import pandas as pd

from analysis.files import WriteFailed, write_atomic
from analysis.ingest import Loaded, UnreadableInput, load, load_bytes
from analysis.pipeline import Analysis, analyze
from analysis.store import StoreError
from analysis.store import cli as workspace_cli


def _read(spec: str) -> Loaded:
    if spec == "-":
        return load_bytes(sys.stdin.buffer.read(), "<stdin>")
    return load(spec)


def _analyse_all(files: list[str]) -> list[Analysis]:
    loaded = [_read(f) for f in files]  # read every file first: fail before any work
    return [analyze(item.text, name=item.name) for item in loaded]


def _clean(value: Any) -> Any:
    """JSON has no NaN: a score that cannot be computed becomes null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [_clean(row) for row in frame.astype(object).to_dict(orient="records")]


def _write(text: str, out: str | None) -> None:
    if out:  # whole or not at all: a full disk leaves no half-written file
        write_atomic(out, text)
    else:
        sys.stdout.write(text)


def cmd_score(args: argparse.Namespace) -> None:
    results = _analyse_all(args.files)
    if args.format == "json":
        doc = [{"article": r.name, "meta": r.meta, "paragraphs": records(r.paragraphs),
                "evidence": records(r.evidence), "summary": records(r.summary)[0]} for r in results]
        _write(json.dumps(_clean(doc), ensure_ascii=False, indent=2) + "\n", args.out)
    else:
        frame = pd.concat([r.paragraphs.assign(article=r.name) for r in results], ignore_index=True)
        frame = frame[["article", *[c for c in frame.columns if c != "article"]]]
        _write(frame.to_csv(index=False), args.out)


def cmd_summary(args: argparse.Namespace) -> None:
    results = _analyse_all(args.files)
    frame = pd.concat([r.summary for r in results], ignore_index=True)
    if args.format == "json":
        _write(json.dumps(records(frame), ensure_ascii=False, indent=2) + "\n", args.out)
    else:
        _write(frame.to_csv(index=False), args.out)


COMPARE_TABLES = ("alignment", "profile", "words", "coverage", "arcs")


def cmd_compare(args: argparse.Namespace) -> None:
    from analysis import compare

    results = _analyse_all([args.focus, *args.others])
    result = compare.compare(results)
    if args.format == "json":
        doc = {"focus": result.meta["focus"], "meta": result.meta, "method": compare.METHOD_NOTE,
               **{name: records(getattr(result, name))
                  for name in ("articles", "profile", "words", "alignment", "coverage")}}
        _write(json.dumps(_clean(doc), ensure_ascii=False, indent=2) + "\n", args.out)
    else:
        frame = getattr(result, args.table)
        if args.table == "coverage":
            frame = frame.assign(outlets=frame["outlets"].map("; ".join))
        _write(frame.to_csv(index=False), args.out)


def cmd_validate(args: argparse.Namespace) -> int:
    from analysis import validate

    doc = validate.run(validate.Options(fast=args.fast),
                       progress=lambda step: print(f"validating {step} ...", file=sys.stderr))
    if args.json:
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(validate.table(doc))
    if args.write:
        print(f"wrote {validate.write(doc)}", file=sys.stderr)
    failed = validate.failures(doc["results"])
    for r in failed:
        print(f"below floor: {r['measure']} / {r['dataset']} / {r['metric']} = {r['value']} "
              f"< {r['floor']}", file=sys.stderr)
    return 1 if failed else 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    for name, fn, help_ in (
        ("score", cmd_score, "per-paragraph scores (json adds evidence and summary)"),
        ("summary", cmd_summary, "one row of article-level scores per file"),
    ):
        sp = sub.add_parser(name, help=help_)
        sp.add_argument("files", nargs="+", metavar="FILE", help="txt, md, html, docx or pdf; - for standard input")
        sp.add_argument("--format", choices=("csv", "json"), default="csv")
        sp.add_argument("--out", metavar="PATH", help="write here instead of standard output")
        sp.set_defaults(func=fn)
    sp = sub.add_parser("validate", help="score the shipped human-labelled sets; exit 1 below a floor")
    sp.add_argument("--json", action="store_true", help="print the results document as JSON")
    sp.add_argument("--fast", action="store_true", help="fixed samples and 200 resamples (for CI)")
    sp.add_argument("--write", action="store_true", help="write data/validation.json")
    sp.set_defaults(func=cmd_validate)
    sp = sub.add_parser("compare", help="compare a focus article with other coverage")
    sp.add_argument("focus", metavar="FOCUS", help="the focus article; - for standard input")
    sp.add_argument("others", nargs="+", metavar="OTHER", help="other reports to compare it with")
    sp.add_argument("--format", choices=("csv", "json"), default="csv")
    sp.add_argument("--table", choices=COMPARE_TABLES, default="alignment",
                    help="which table --format csv writes (json writes all but arcs)")
    sp.add_argument("--out", metavar="PATH", help="write here instead of standard output")
    sp.set_defaults(func=cmd_compare)
    workspace_cli.add_parser(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        status = args.func(args)
    except (UnreadableInput, StoreError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except WriteFailed as exc:
        print(f"error: {exc.strerror}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: cannot write output: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return status if isinstance(status, int) else 0


if __name__ == "__main__":
    sys.exit(main())
