"""``python -m analysis agreement CODES.csv [--level ...] [--format text|json]``: Krippendorff's alpha of a CSV.

CODES.csv holds one row per coded value: ``unit,coder,value`` (a first row reading
``unit,coder,value`` is a header and skipped). A value may be empty (or ``NA``, ``NaN``,
``.``, ``*``): missing. At the nominal level values are labels (numbers that are equal,
``1`` and ``1.0``, are the same label); the ordinal, interval and ratio levels need numbers.
It prints alpha, the number of units with two or more values and the number of pairable
values; ``--format json`` prints them as an object whose key ``alpha`` is null when alpha is
undefined. Unreadable or inconsistent input exits with status 2 and one line on standard error.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import sys
from pathlib import Path

import pandas as pd

from analysis.agreement import alpha as ka

MISSING = {"", "na", "n/a", "nan", ".", "*"}
MAX_BYTES = 50 * 1024 * 1024


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("agreement", help="Krippendorff's alpha of unit,coder,value rows")
    p.add_argument("codes", metavar="CODES.csv", help="rows unit,coder,value; - for standard input")
    p.add_argument("--level", choices=ka.LEVELS, default="nominal", help="level of measurement (default nominal)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=run)


def read(source: str) -> pd.DataFrame:
    """The rows of ``source`` as a frame (unit, coder, value: text, ``None`` when missing)."""
    shown = "standard input" if source == "-" else Path(source).name
    try:
        data = sys.stdin.buffer.read(MAX_BYTES + 1) if source == "-" else Path(source).read_bytes()
    except FileNotFoundError:
        raise ka.AgreementInputError(f"{shown}: no such file") from None
    except IsADirectoryError:
        raise ka.AgreementInputError(f"{shown}: is a folder, not a CSV file") from None
    except OSError as exc:
        raise ka.AgreementInputError(f"{shown}: cannot be read ({exc.strerror})") from None
    if len(data) > MAX_BYTES:
        raise ka.AgreementInputError(f"{shown}: over the {MAX_BYTES // 2**20} MiB limit")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ka.AgreementInputError(f"{shown}: not UTF-8 text") from None
    rows = []
    for number, row in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) != 3:
            raise ka.AgreementInputError(f"{shown}, line {number}: expected 3 fields (unit,coder,value), "
                                         f"found {len(row)}")
        cells = [cell.strip() for cell in row]
        if number == 1 and [c.lower() for c in cells] == ["unit", "coder", "value"]:
            continue
        if not cells[0] or not cells[1]:
            raise ka.AgreementInputError(f"{shown}, line {number}: the unit and the coder cannot be empty")
        rows.append((cells[0], cells[1], None if cells[2].lower() in MISSING else cells[2]))
    if not rows:
        raise ka.AgreementInputError(f"{shown}: no rows of unit,coder,value")
    return pd.DataFrame(rows, columns=["unit", "coder", "value"])


def nominal_values(frame: pd.DataFrame) -> pd.DataFrame:
    """Labels that are all numbers become numbers, so that ``1`` and ``1.0`` agree."""
    present = frame["value"].dropna()
    try:
        numbers = [float(v) for v in present]
    except ValueError:
        return frame
    if not all(math.isfinite(n) for n in numbers):
        return frame
    values = pd.Series([None if v is None else float(v) for v in frame["value"]], index=frame.index, dtype=object)
    return frame.assign(value=values)


def run(args: argparse.Namespace) -> int:
    frame = read(args.codes)
    if args.level == "nominal":
        frame = nominal_values(frame)
    result = ka.from_frame(frame, args.level)
    if args.format == "json":
        doc = {"alpha": None if math.isnan(result.alpha) else result.alpha, "level": result.level,
               "units": result.units, "pairable": result.pairable, "coders": result.coders,
               "observed_disagreement": _finite(result.observed), "expected_disagreement": _finite(result.expected),
               "reference": ka.REFERENCE}
        sys.stdout.write(json.dumps(doc, indent=2, allow_nan=False) + "\n")
        return 0
    shown = "undefined (no pairable values, or no variation)" if math.isnan(result.alpha) else f"{result.alpha:.3f}"
    sys.stdout.write(f"Krippendorff's alpha ({result.level}): {shown}\n"
                     f"units: {result.units} (with two or more values)\n"
                     f"pairable values: {result.pairable}\n"
                     f"coders: {result.coders}\n")
    return 0


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None
