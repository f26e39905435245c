"""Tables out: CSV, Excel, JSON and Parquet, safe to open and carrying their provenance.

Every export says where its numbers came from (``provenance``): the input files by name and
SHA-256 of their text, the versions of the analysis, of every measure and lexicon and of the
libraries (``analysis.versions()``), and the UTC time of the export. Where it goes:

- Excel: a second sheet, ``provenance`` (key, value rows), after the data sheets;
- JSON: a top-level ``"provenance"`` object beside the tables;
- Parquet: the schema metadata, key ``narrative_lens.provenance`` (a JSON string);
- CSV: a sidecar file next to it, ``<file>.csv.provenance.json`` (``write``), or, for a
  single download, a zip holding ``<name>.csv`` and ``<name>.provenance.json``
  (``csv_bundle``). Comment lines in the CSV itself would break the spreadsheets and CSV
  readers that researchers open it with, so the CSV stays a plain table.

Spreadsheet formula injection: a text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return would be run as a formula by Excel or LibreOffice (OWASP, "CSV
Injection"); in CSV and Excel such cells get a leading single quote, which the spreadsheet
shows as text. Only text cells are touched: a numeric column stays numeric, so ``-3.5`` in a
score column is still a number, while the text ``"-3"`` in a text column is neutralised.
JSON and Parquet keep the text as it is (they are not run by spreadsheets). JSON is strict:
NaN and infinities become ``null``.

Files are written to a temporary file in the target folder and renamed into place, so an
error (a full disk) never leaves a partial file behind. Pure Python: no streamlit, no plotly.
"""

from __future__ import annotations

import io
import json
import math
import os
import tempfile
import zipfile
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.pipeline import Analysis, versions

FORMATS = ("csv", "json", "xlsx", "parquet")
BINARY = ("xlsx", "parquet")
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
PARQUET_KEY = b"narrative_lens.provenance"
PROVENANCE_SHEET = "provenance"
TOOL = "Narrative Lens"


def provenance(inputs: Sequence[Analysis] | Sequence[Mapping[str, Any]], *,
               tables: Sequence[str] = (), when: datetime | None = None) -> dict[str, Any]:
    """Where a table came from: each input's file name and SHA-256, the versions, the date.

    ``inputs`` are analysed articles or their ``meta`` mappings (``article``, ``sha256``). The
    versions are those the inputs were scored with (their ``meta["versions"]``: a researcher's
    dictionary named by its hash, a subset of measures only those), else this installation's."""
    metas = [i.meta if isinstance(i, Analysis) else i for i in inputs]
    used: dict[str, Any] = {}
    for m in metas:
        used.update(m.get("versions") or {})
    return {
        "tool": TOOL,
        "inputs": [{"file": str(m.get("article", "")), "sha256": str(m.get("sha256", ""))} for m in metas],
        "tables": list(tables),
        "versions": used or versions(),
        "exported_at": (when or datetime.now(UTC)).isoformat(timespec="seconds"),
    }


def neutralise_text(value: Any) -> Any:
    """A text that a spreadsheet would run as a formula, made literal with a leading quote."""
    if isinstance(value, str) and value.startswith(DANGEROUS):
        return "'" + value
    return value


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell neutralised; numeric, boolean and date columns untouched."""
    out = frame.copy()
    for name in out.columns:
        col = out[name]
        if pd.api.types.is_numeric_dtype(col) or pd.api.types.is_bool_dtype(col) \
                or pd.api.types.is_datetime64_any_dtype(col):
            continue
        out[name] = col.map(neutralise_text).astype(col.dtype if col.dtype != object else object)
    return out


def _json_value(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, Mapping):
        return {str(k): _json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_value(v) for v in value]
    if hasattr(value, "item"):  # numpy scalars
        return _json_value(value.item())
    if isinstance(value, datetime | pd.Timestamp):
        return value.isoformat()
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as JSON-ready dicts: NaN and infinities become None, numpy scalars Python ones."""
    return [_json_value(row) for row in frame.astype(object).to_dict(orient="records")]


def to_json(tables: Mapping[str, pd.DataFrame], prov: Mapping[str, Any], **extra: Any) -> bytes:
    """``{"provenance": {...}, <table>: [rows], ...}`` as strict UTF-8 JSON."""
    doc = {"provenance": _json_value(dict(prov)), **{k: _json_value(v) for k, v in extra.items()},
           **{name: records(frame) for name, frame in tables.items()}}
    return (json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n").encode("utf-8")


def to_csv(frame: pd.DataFrame) -> bytes:
    """One table as UTF-8 CSV (RFC 4180: CRLF rows) with formula-like text cells neutralised.

    With CRLF as the row end, the csv writer quotes any field holding a carriage return; with
    pandas' default "\n" a lone "\r" inside a cell went out unquoted and split the row."""
    return neutralise(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8")


def provenance_json(prov: Mapping[str, Any]) -> bytes:
    return (json.dumps(_json_value(dict(prov)), ensure_ascii=False, indent=2, allow_nan=False)
            + "\n").encode("utf-8")


def csv_bundle(frame: pd.DataFrame, prov: Mapping[str, Any], name: str = "table") -> bytes:
    """A zip with ``<name>.csv`` and ``<name>.provenance.json``: one download, both files."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(f"{name}.csv", to_csv(frame))
        z.writestr(f"{name}.provenance.json", provenance_json(prov))
    return buf.getvalue()


def _provenance_rows(prov: Mapping[str, Any]) -> list[tuple[str, str]]:
    rows = [("tool", str(prov.get("tool", TOOL))), ("exported_at", str(prov.get("exported_at", "")))]
    for i, item in enumerate(prov.get("inputs", [])):
        rows += [(f"input {i + 1} file", item["file"]), (f"input {i + 1} sha256", item["sha256"])]
    rows.append(("tables", ", ".join(prov.get("tables", []))))
    rows += [(f"version {k}", str(v)) for k, v in prov.get("versions", {}).items()]
    return rows


def _sheet_name(name: str, used: set[str]) -> str:
    base = "".join("_" if c in "[]:*?/\\" else c for c in name)[:31] or "table"
    out, i = base, 2
    while out.lower() in used:
        out = f"{base[:28]}_{i}"
        i += 1
    used.add(out.lower())
    return out


def joined(frame: pd.DataFrame, sep: str = "; ") -> pd.DataFrame:
    """A copy of ``frame`` whose list cells (the outlets that carry a paragraph, in the claim
    coverage) are one text joined by ``sep``, for a table a person reads or a flat file."""
    out = frame.copy()
    for name in out.columns:
        if out[name].dtype == object and out[name].map(lambda v: isinstance(v, list | tuple)).any():
            out[name] = out[name].map(lambda v: sep.join(map(str, v)) if isinstance(v, list | tuple) else v)
    return out


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    """Cells holding lists or mappings (a spreadsheet cell cannot) as JSON text."""
    out = frame.copy()
    for name in out.columns:
        if out[name].dtype == object and out[name].map(lambda v: isinstance(v, list | tuple | dict)).any():
            out[name] = out[name].map(lambda v: json.dumps(_json_value(v), ensure_ascii=False)
                                      if isinstance(v, list | tuple | dict) else v)
    return out


def to_xlsx(tables: Mapping[str, pd.DataFrame], prov: Mapping[str, Any]) -> bytes:
    """One sheet per table (text cells neutralised, numbers as numbers), then ``provenance``."""
    buf = io.BytesIO()
    used: set[str] = {PROVENANCE_SHEET}
    with pd.ExcelWriter(buf, engine="openpyxl") as xl:
        for name, frame in tables.items():
            neutralise(_flat(frame)).to_excel(xl, sheet_name=_sheet_name(name, used), index=False)
        rows = [(k, neutralise_text(v)) for k, v in _provenance_rows(prov)]
        pd.DataFrame(rows, columns=["key", "value"]).to_excel(xl, sheet_name=PROVENANCE_SHEET, index=False)
    return buf.getvalue()


def to_parquet(frame: pd.DataFrame, prov: Mapping[str, Any]) -> bytes:
    """One table as Parquet with the provenance in the schema metadata (``PARQUET_KEY``)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(frame, preserve_index=False)
    meta = dict(table.schema.metadata or {})
    meta[PARQUET_KEY] = provenance_json(prov)
    buf = io.BytesIO()
    pq.write_table(table.replace_schema_metadata(meta), buf)
    return buf.getvalue()


def encode(tables: Mapping[str, pd.DataFrame], fmt: str, prov: Mapping[str, Any]) -> bytes:
    """The bytes of an export. CSV and Parquet hold one table; JSON and Excel hold several."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "json":
        return to_json(tables, prov)
    if fmt == "xlsx":
        return to_xlsx(tables, prov)
    if len(tables) != 1:
        raise ValueError(f"a {fmt} file holds one table; got {len(tables)} ({', '.join(tables)})")
    [frame] = tables.values()
    return to_csv(frame) if fmt == "csv" else to_parquet(frame, prov)


def atomic_write(path: str | os.PathLike[str], data: bytes | Callable[[io.BufferedWriter], None]) -> Path:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place; on any
    error the temporary file is removed and an existing file at ``path`` is left as it was."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            if callable(data):
                data(fh)
            else:
                fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; an export is an ordinary file
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def sidecar(path: str | os.PathLike[str]) -> Path:
    """Where a CSV's provenance goes: ``table.csv`` -> ``table.csv.provenance.json``."""
    p = Path(path)
    return p.with_name(p.name + ".provenance.json")


def write(tables: Mapping[str, pd.DataFrame], path: str | os.PathLike[str], fmt: str | None,
          prov: Mapping[str, Any]) -> list[Path]:
    """Export to ``path`` (format from ``fmt`` or the file's suffix); returns the files written
    (a CSV also writes its provenance sidecar)."""
    fmt = fmt or Path(path).suffix.lstrip(".").lower()
    data = encode(tables, fmt, prov)
    written = [atomic_write(path, data)]
    if fmt == "csv":
        written.append(atomic_write(sidecar(path), provenance_json(prov)))
    return written
