"""The output folder of a batch run, written so that a killed run loses nothing.

Layout (one part file per chunk of articles, the same chunk number in every dataset)::

    OUT/paragraphs/part-000001.parquet   one row per paragraph
    OUT/evidence/part-000001.parquet     one row per matched span
    OUT/summary/part-000001.parquet      one row per scored article
    OUT/failures/part-000001.parquet     one row per article that could not be scored
    OUT/chunks/part-000001.json          chunk 1's commit record: (content hash, id) per article
    OUT/provenance.json                  versions, input, runs, counts

Chunks rather than hive partitions by outlet or date: a corpus of a million articles
from a few hundred outlets would otherwise scatter into tens of thousands of tiny files,
and every row already carries ``outlet`` and ``date`` for DuckDB to filter on
(``read_parquet('OUT/paragraphs/*.parquet')``). Parts are compressed with zstd (encoded
where the chunk was scored: :mod:`analysis.batch.score`).

A chunk is committed in three steps: each part is written to a hidden temporary file and
renamed into place (a rename is atomic), then the chunk's JSON record is renamed into
``chunks/``. A chunk without its record was interrupted: opening the folder again deletes
its parts and the hashes it held are scored again, so no article is ever counted twice.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from analysis.batch.score import DATASETS, Chunk

FORMAT = "narrative-lens-batch/1"
_PART = re.compile(r"^part-(\d{6})\.(parquet|json)$")


class OutputConflict(ValueError):
    """The output folder holds something this run must not mix with."""


def _atomic_write(path: Path, write: Any) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    write(tmp)
    os.replace(tmp, path)


def write_json(path: Path, doc: dict[str, Any]) -> None:
    text = json.dumps(doc, indent=2, ensure_ascii=False, default=str) + "\n"
    _atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


class Output:
    """An output folder opened for writing (created, or resumed)."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        if self.root.exists() and not self.root.is_dir():
            raise OutputConflict(f"{root}: exists and is not a folder")
        if self.root.is_dir() and any(self.root.iterdir()) and not (self.root / "provenance.json").exists():
            raise OutputConflict(f"{root}: is not empty and holds no batch output; choose a new --out folder")
        for name in (*DATASETS, "chunks"):
            (self.root / name).mkdir(parents=True, exist_ok=True)
        self.done: dict[str, str] = {}  # content hash -> first article id with that text
        self.done_pairs: set[tuple[str, str]] = set()  # (content hash, article id) committed
        self.committed: list[dict[str, Any]] = []
        self._recover()

    @property
    def provenance_path(self) -> Path:
        return self.root / "provenance.json"

    def provenance(self) -> dict[str, Any] | None:
        if not self.provenance_path.exists():
            return None
        doc: dict[str, Any] = json.loads(self.provenance_path.read_text(encoding="utf-8"))
        return doc

    def _recover(self) -> None:
        """Read committed chunks; delete temporary files and parts of uncommitted chunks."""
        numbers: set[int] = set()
        for record in sorted((self.root / "chunks").glob("part-*.json")):
            doc = json.loads(record.read_text(encoding="utf-8"))
            self.committed.append(doc)
            self._remember(doc["articles"])
            numbers.add(int(doc["chunk"]))
        self.orphans_removed = 0
        for name in (*DATASETS, "chunks"):
            for f in (self.root / name).iterdir():
                match = _PART.match(f.name)
                if f.name.endswith(".tmp") or (match and int(match.group(1)) not in numbers):
                    f.unlink()
                    self.orphans_removed += 1
        self._next = max(numbers, default=0) + 1

    def _remember(self, articles: Iterable[list[str]]) -> None:
        for key, article_id in articles:
            self.done.setdefault(key, article_id)
            self.done_pairs.add((key, article_id))

    def commit(self, chunk: Chunk, articles: list[list[str]], extra: dict[str, Any]) -> dict[str, Any]:
        """Write one chunk's parts, then its record; returns the record."""
        number = self._next
        self._next += 1
        name = f"part-{number:06d}"
        for dataset, data in chunk.parts.items():  # Parquet encoded where the chunk was scored
            _atomic_write(self.root / dataset / f"{name}.parquet", lambda tmp, d=data: tmp.write_bytes(d))
        counts = {dataset: chunk.counts.get(dataset, 0) for dataset in DATASETS}
        record = {"chunk": number, "articles": articles, "counts": counts, **extra,
                  "written_at": datetime.now(UTC).isoformat(timespec="seconds")}
        write_json(self.root / "chunks" / f"{name}.json", record)
        self.committed.append(record)
        self._remember(articles)
        return record

    def totals(self) -> dict[str, int]:
        out = {dataset: 0 for dataset in DATASETS}
        for record in self.committed:
            for dataset in DATASETS:
                out[dataset] += int(record["counts"].get(dataset, 0))
        out["articles"] = sum(len(r["articles"]) for r in self.committed)
        out["chunks"] = len(self.committed)
        return out
