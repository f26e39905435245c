"""Read a corpus as a stream of records: a folder of files, or a CSV, JSONL or Parquet table.

A table needs a text column (``text`` unless told otherwise); ``id``, ``title``, ``outlet``,
``date`` and ``url`` are picked up when present, as the table holds them (an integer id stays
"1", never "1.0": rows are read as Python values, not through a float column). In a folder,
every file that is not hidden is one article, read with :func:`analysis.ingest.load` (so
every format ingest learns is understood here too); its id is its path relative to the
folder, and a file in a sub-folder takes the sub-folder's name as its outlet
(``corpus/bbc/x.txt`` -> ``bbc``). A symbolic link is followed only when it points inside
the folder; one that leads out of it (to /etc/passwd, to another project) is a failure row,
never read, and linked folders are not entered.

Nothing is held whole in memory: tables are read in slices, files one at a time.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.ingest import UnreadableInput, load
from analysis.ingest.limits import TextLimits, check, from_environment
from analysis.pipeline import content_hash

TABLE_SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
META = ("id", "title", "outlet", "date", "url")
SLICE = 1000


class BadInput(ValueError):
    """The corpus as a whole cannot be read (missing path, no text column...)."""


@dataclass(frozen=True)
class Record:
    """One article of the corpus, as read, before scoring.

    ``key`` is the content hash (SHA-256 of the text) that resuming uses to skip work
    already done; for a file that could not be read it is the hash of its bytes.
    ``error`` says why the record cannot be scored (then ``text`` is empty).
    """

    row: int  # 0-based position in the input
    article_id: str
    source: str  # where it came from: the file, or "table.csv row 12"
    text: str
    key: str
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    error: str | None = None
    stage: str = "read"  # where ``error`` arose: "read" or "duplicate"


@dataclass(frozen=True)
class Corpus:
    path: Path
    kind: str  # "folder", "csv", "jsonl", "parquet"
    total: int  # records it will yield
    text_column: str = "text"
    limits: TextLimits = TextLimits()  # the caps on one article's text (analysis.ingest.limits)

    def records(self) -> Iterator[Record]:
        if self.kind == "folder":
            return _folder_records(self.path, self.limits)
        return _table_records(self)


def open_corpus(path: str | Path, text_column: str = "text", limits: TextLimits | None = None) -> Corpus:
    """Inspect ``path``: what kind of corpus it is and how many articles it holds."""
    p = Path(path)
    caps = limits or from_environment()
    if p.is_dir():
        return Corpus(p, "folder", sum(1 for _ in _files(p)), text_column, caps)
    if not p.exists():
        raise BadInput(f"{path}: no such file or folder")
    kind = TABLE_SUFFIXES.get(p.suffix.lower())
    if kind is None:
        raise BadInput(f"{p.name}: a corpus is a folder of files or a .csv, .jsonl or .parquet table")
    corpus = Corpus(p, kind, 0, text_column, caps)
    columns, total = _table_shape(corpus)
    if text_column not in columns:
        found = ", ".join(columns[:12]) or "none"
        raise BadInput(f"{p.name}: no '{text_column}' column (columns: {found}); "
                       "name the text column with --text-column")
    return Corpus(p, kind, total, text_column, caps)


def _files(folder: Path) -> Iterator[Path]:
    for f in sorted(folder.rglob("*")):
        rel = f.relative_to(folder)
        if f.is_file() and not any(part.startswith((".", "_")) for part in rel.parts):
            yield f


def _folder_records(folder: Path, limits: TextLimits) -> Iterator[Record]:
    root = folder.resolve()
    for row, f in enumerate(_files(folder)):
        rel = f.relative_to(folder)
        outlet = rel.parts[0] if len(rel.parts) > 1 else None
        name = rel.as_posix()
        if f.is_symlink() and not f.resolve().is_relative_to(root):
            digest = hashlib.sha256(b"symbolic link: " + name.encode("utf-8", "surrogateescape")).hexdigest()
            yield Record(row, name, name, "", digest, title=f.stem, outlet=outlet,
                         error=f"{name}: a symbolic link to a file outside the input folder: not read")
            continue
        try:
            loaded = load(f, limits)
        except UnreadableInput as exc:
            yield Record(row, name, name, "", _file_hash(f), title=f.stem, outlet=outlet, error=str(exc))
            continue
        yield Record(row, name, name, loaded.text, loaded.sha256, title=f.stem, outlet=outlet)


def _file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes, read a piece at a time (it may be far over the size limit);
    of its name when it cannot be read at all."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        digest.update(b"unreadable: " + str(path).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _table_shape(corpus: Corpus) -> tuple[list[str], int]:
    p = corpus.path
    try:
        if corpus.kind == "parquet":
            import pyarrow.parquet as pq

            meta = pq.ParquetFile(p)
            return list(meta.schema_arrow.names), meta.metadata.num_rows
        if corpus.kind == "jsonl":
            columns: list[str] = []
            total = 0
            with p.open(encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        if not columns:
                            columns = list(json.loads(line))
                        total += 1
            return columns, total
        columns = list(pd.read_csv(p, nrows=0).columns)
        total = 0
        if corpus.text_column in columns:
            for part in pd.read_csv(p, usecols=[corpus.text_column], dtype=str, chunksize=50_000):
                total += len(part)
        return columns, total
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise BadInput(f"{p.name}: cannot be read as {corpus.kind} ({exc})") from None


def _slices(corpus: Corpus) -> Iterator[list[dict[str, Any]]]:
    """Rows as Python values, a slice at a time. Never through a pandas column of a table
    with gaps: an integer column with a missing value becomes float there (1 -> "1.0")."""
    p = corpus.path
    if corpus.kind == "parquet":
        import pyarrow.parquet as pq

        pf = pq.ParquetFile(p)
        wanted = [c for c in (corpus.text_column, *META) if c in pf.schema_arrow.names]
        for batch in pf.iter_batches(batch_size=SLICE, columns=wanted):
            yield batch.to_pylist()
    elif corpus.kind == "jsonl":
        rows: list[dict[str, Any]] = []
        with p.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    rows.append({corpus.text_column: None, "_error": f"line {number} is not JSON ({exc.msg})"})
                if len(rows) >= SLICE:
                    yield rows
                    rows = []
        if rows:
            yield rows
    else:
        for frame in pd.read_csv(p, dtype=str, keep_default_na=False, chunksize=SLICE):
            yield [{str(k): v for k, v in rec.items()} for rec in frame.to_dict(orient="records")]


def _cell(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # an id column stored as float (1.0) is still the id "1"
    text = str(value).strip()
    return text or None


def _table_records(corpus: Corpus) -> Iterator[Record]:
    row = 0
    for rows in _slices(corpus):
        for rec in rows:
            if not isinstance(rec, dict):
                rec = {corpus.text_column: None, "_error": "the line is JSON but not an object"}
            raw = rec.get(corpus.text_column)
            text = raw if isinstance(raw, str) else ("" if _cell(raw) is None else str(raw))
            meta = {k: _cell(rec.get(k)) for k in META}
            article_id = meta["id"] or f"row-{row + 1}"
            error = _cell(rec.get("_error"))
            if error is None and text.strip():
                try:
                    check(text, article_id, corpus.limits)
                except UnreadableInput as exc:
                    error = str(exc)
            yield Record(row, article_id, f"{corpus.path.name} row {row + 1}", text,
                         content_hash(text), title=meta["title"], outlet=meta["outlet"], date=meta["date"],
                         url=meta["url"], error=error)
            row += 1
