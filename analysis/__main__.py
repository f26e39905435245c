"""Command line: ``python -m analysis score|summary|compare|validate|workspace|batch|agreement ...``.

Every format the dashboard reads (txt, md, html, docx, pdf) is read here by the same
``analysis.ingest.load``. Unreadable input exits with status 2 and one line on stderr
naming the file and the reason; ``-`` reads standard input.

``batch INPUT --out DIR`` scores a whole corpus into Parquet (see ``analysis.batch``);
run it again with the same ``--out`` to resume an interrupted run.

``compare`` writes, as JSON, one object with the articles, the profile per article and
measure, the distinguishing words, the alignment rows (``focus_paragraph``, ``article``,
``paragraph`` (null when no paragraph there carries it), ``similarity``, ``evidence``, ...;
paragraphs numbered from 1) and the
coverage per focus paragraph; as CSV, one table chosen with ``--table`` (the alignment by
default; ``profile``, ``words``, ``coverage`` or ``arcs`` otherwise).

``validate`` scores the shipped human-labelled sets (see analysis/validate) and exits 1
when a figure falls below its recorded floor.

``workspace list|import|remove`` manages the saved workspaces (see analysis/store/cli.py).

``agreement CODES.csv`` prints Krippendorff's alpha of ``unit,coder,value`` rows (see
analysis/agreement/cli.py).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from typing import Any

import pandas as pd

from analysis import export
from analysis.agreement import AgreementInputError
from analysis.agreement import cli as agreement_cli
from analysis.batch.sources import BadInput
from analysis.batch.store import OutputConflict
from analysis.dictionaries.formats import DictionaryError
from analysis.ingest import Loaded, UnreadableInput, load, load_bytes
from analysis.ingest.limits import BadSetting, TextLimits, with_overrides
from analysis.ingest.limits import add_arguments as add_limit_arguments
from analysis.measures import REGISTRY, Measure
from analysis.pipeline import Analysis, analyze_many
from analysis.store import StoreError
from analysis.store import cli as workspace_cli
from analysis.terminal import safe


def _read(spec: str, limits: TextLimits) -> Loaded:
    loaded = load_bytes(sys.stdin.buffer.read(), "<stdin>", limits) if spec == "-" else load(spec, limits)
    for warning in loaded.warnings:
        print(f"warning: {safe(warning)}", file=sys.stderr)
    return loaded


def _measures(args: argparse.Namespace) -> tuple[Measure, ...]:
    """The registered measures, then one per ``--dictionary`` (read before any article)."""
    from analysis import dictionaries

    extra = [dictionaries.load(p) for p in getattr(args, "dictionary", None) or ()]
    names = [d.name for d in extra]
    clash = sorted({n for n in names if names.count(n) > 1 or n in {m.name for m in REGISTRY}})
    if clash:
        raise dictionaries.DictionaryError(f"two dictionaries (or a dictionary and a measure) are named "
                                           f"{clash[0]!r}: rename one file")
    return (*REGISTRY, *(d.measure() for d in extra))


def limits(args: argparse.Namespace) -> TextLimits:
    """The caps on extracted text: the server's (environment), with --max-words/--max-chars on top."""
    return with_overrides(getattr(args, "max_words", None), getattr(args, "max_chars", None))


def _analyse_all(files: list[str], args: argparse.Namespace) -> list[Analysis]:
    measures = _measures(args)
    caps = limits(args)
    loaded = [_read(f, caps) for f in files]  # read every file first: fail before any work
    return analyze_many([item.text for item in loaded], [item.name for item in loaded], measures).results


def _write(text: str, out: str | None) -> None:
    if out:
        export.atomic_write(out, text.encode("utf-8"))
    else:
        sys.stdout.write(text)


def _emit(tables: dict[str, pd.DataFrame], args: argparse.Namespace, results: list[Analysis],
          **extra: Any) -> None:
    """Write ``tables`` in ``args.format``: to ``--out`` (atomically; a CSV gets its
    provenance sidecar) or, for text formats, to standard output."""
    prov = export.provenance(results, tables=list(tables))
    if args.format == "json":
        _write(export.to_json(tables, prov, **extra).decode("utf-8"), args.out)
    elif args.out:
        export.write(tables, args.out, args.format, prov)
    else:
        _write(export.to_csv(next(iter(tables.values()))).decode("utf-8"), None)


def cmd_score(args: argparse.Namespace) -> None:
    results = _analyse_all(args.files, args)
    paragraphs = pd.concat([r.paragraphs.assign(article=r.name) for r in results], ignore_index=True)
    paragraphs = paragraphs[["article", *[c for c in paragraphs.columns if c != "article"]]]
    if args.format == "json":
        articles = [{"article": r.name, "meta": r.meta, "headline": _headline(r),
                     "paragraphs": export.records(r.paragraphs), "evidence": export.records(r.evidence),
                     "summary": export.records(r.summary)[0]}
                    for r in results]
        _emit({}, args, results, articles=articles)
    elif args.format == "xlsx":
        evidence = pd.concat([r.evidence.assign(article=r.name) for r in results], ignore_index=True)
        summary = pd.concat([r.summary for r in results], ignore_index=True)
        _emit({"paragraphs": paragraphs, "evidence": evidence, "summary": summary}, args, results)
    else:
        _emit({"paragraphs": paragraphs}, args, results)


def _headline(result: Analysis) -> dict[str, Any] | None:
    """The headline with its own scores and evidence, or None when the article has none."""
    if result.headline.empty:
        return None
    return {**export.records(result.headline)[0], "evidence": export.records(result.headline_evidence)}


def cmd_summary(args: argparse.Namespace) -> None:
    results = _analyse_all(args.files, args)
    _emit({"summary": pd.concat([r.summary for r in results], ignore_index=True)}, args, results)


def cmd_batch(args: argparse.Namespace) -> None:
    from analysis import batch

    opts = batch.BatchOptions(
        engine=batch.EngineOptions(args.engine, args.scheduler, args.workers),
        chunk=args.chunk, text_column=args.text_column, limits=limits(args),
    )
    measures = _measures(args) if args.dictionary else None  # read before any article
    report = batch.run(args.input, args.out, opts, measures)
    c = report.counts
    print(f"{report.status}: {c.scored:,} articles scored ({c.paragraphs:,} paragraphs), {c.failed:,} failed, "
          f"{c.duplicates:,} duplicate texts, {c.already_done:,} already done, in {report.seconds:,.1f} s; "
          f"output in {report.out} (provenance.json)", file=sys.stderr)


def _add_batch(sub: Any) -> None:
    sp = sub.add_parser("batch", help="score a corpus (folder, CSV, JSONL or Parquet) into Parquet datasets")
    sp.add_argument("input", metavar="INPUT", help="a folder of files, or a .csv/.jsonl/.parquet table")
    sp.add_argument("--out", required=True, metavar="DIR", help="output folder (resumed if it exists)")
    sp.add_argument("--engine", choices=("local", "dask"), default="local")
    sp.add_argument("--scheduler", metavar="ADDRESS", help="existing Dask scheduler, e.g. tcp://10.0.0.5:8786")
    sp.add_argument("--workers", type=int, metavar="N", help="local Dask cluster size (default: one per core)")
    sp.add_argument("--chunk", type=int, metavar="N",
                    help="articles per part file (default: by size, about 200,000 characters of text a part)")
    sp.add_argument("--text-column", default="text", metavar="NAME", help="text column of a table")
    add_limit_arguments(sp)
    _dictionary_arg(sp)
    sp.set_defaults(func=cmd_batch)


COMPARE_TABLES = ("alignment", "profile", "words", "coverage", "arcs")


def cmd_compare(args: argparse.Namespace) -> None:
    from analysis import compare

    results = _analyse_all([args.focus, *args.others], args)
    result = compare.compare(results)
    if args.format == "json":
        tables = {name: getattr(result, name) for name in ("articles", "profile", "words", "alignment", "coverage")}
        _emit(tables, args, results, focus=result.meta["focus"], meta=result.meta, method=compare.METHOD_NOTE)
        return
    names = COMPARE_TABLES if args.format == "xlsx" else (args.table,)
    _emit({name: export.joined(getattr(result, name)) for name in names}, args, results)


def cmd_report(args: argparse.Namespace) -> None:
    # The report draws plotly figures: it lives outside analysis/ (which imports no plotly) and is
    # loaded by name only when asked for, so the analysis package and its type check stay plotly-free.
    build = importlib.import_module("report.build")
    results = _analyse_all(args.files, args)
    written = build.write(results, args.out, pdf_path=args.pdf)
    for path in written:
        print(f"wrote {path}", file=sys.stderr)


def cmd_validate(args: argparse.Namespace) -> int:
    from analysis import validate

    doc = validate.run(validate.Options(fast=args.fast, external=args.external),
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
        _format_args(sp)
        _dictionary_arg(sp)
        sp.set_defaults(func=fn)
    sp = sub.add_parser("validate", help="score the shipped human-labelled sets; exit 1 below a floor")
    sp.add_argument("--json", action="store_true", help="print the results document as JSON")
    sp.add_argument("--fast", action="store_true", help="fixed samples and 200 resamples (for CI)")
    sp.add_argument("--write", action="store_true", help="write data/validation.json")
    sp.add_argument("--external", metavar="DIR",
                    help="folder of evaluation sets that may not be shipped (default: "
                         "$NARRATIVE_LENS_EXTERNAL_EVAL); without it they are reported as absent")
    sp.set_defaults(func=cmd_validate)
    sp = sub.add_parser("compare", help="compare a focus article with other coverage")
    sp.add_argument("focus", metavar="FOCUS", help="the focus article; - for standard input")
    sp.add_argument("others", nargs="+", metavar="OTHER", help="other reports to compare it with")
    _format_args(sp)
    sp.add_argument("--table", choices=COMPARE_TABLES, default="alignment",
                    help="which table csv and parquet write (json writes all but arcs, xlsx all)")
    _dictionary_arg(sp)
    sp.set_defaults(func=cmd_compare)
    sp = sub.add_parser("report", help="one self-contained HTML report (and a PDF) of the first file")
    sp.add_argument("files", nargs="+", metavar="FILE",
                    help="the focus article, then other coverage of the same story to compare it with")
    sp.add_argument("--out", metavar="PATH", required=True, help="the HTML file to write")
    sp.add_argument("--pdf", metavar="PATH", help="also print the report to this PDF with Chromium")
    _dictionary_arg(sp)
    add_limit_arguments(sp)
    sp.set_defaults(func=cmd_report)
    workspace_cli.add_parser(sub)
    _add_batch(sub)
    agreement_cli.add_parser(sub)
    return p


def _dictionary_arg(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("--dictionary", action="append", metavar="PATH",
                    help="a dictionary of your own (LIWC .dic or .dicx, quanteda .yaml, or .csv with term, "
                         "category[, weight]); adds a column <file stem>.<category> with matches per 100 words "
                         "for every category; repeat for several")


def _format_args(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("--format", choices=export.FORMATS, default="csv",
                    help="csv (with a PATH.provenance.json sidecar when --out is given), json (with a "
                         "provenance object), xlsx (a provenance sheet), parquet (provenance in the "
                         "schema metadata); xlsx and parquet need --out")
    sp.add_argument("--out", metavar="PATH", help="write here (atomically) instead of standard output")
    add_limit_arguments(sp)


def main(argv: list[str] | None = None) -> int:
    p = parser()
    args = p.parse_args(argv)
    if getattr(args, "format", None) in export.BINARY and not args.out:
        p.error(f"--format {args.format} writes a binary file: give --out PATH")
    try:
        status = args.func(args)
    except (UnreadableInput, StoreError, BadInput, OutputConflict, DictionaryError, AgreementInputError,
            BadSetting) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: cannot write output: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return status if isinstance(status, int) else 0


if __name__ == "__main__":
    sys.exit(main())
