"""Grow a real batch output into a large one for page benchmarks, without rescoring.

Every scored article of ``SRC`` is copied ``copies`` times under a new id, content hash
and date (shifted by whole weeks), in part files of ``chunk`` articles with their commit
records, so the result is a valid batch output whose value distributions are real
scores (repeated). Its provenance says it was replicated. Not for research use.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import timedelta
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis.batch.score import schemas


def replicate(src: Path, dst: Path, copies: int, chunk: int = 100) -> int:
    frames = {d: pd.read_parquet(src / d) for d in ("summary", "paragraphs", "evidence")}
    if dst.exists():
        shutil.rmtree(dst)
    for d in ("paragraphs", "evidence", "summary", "failures", "chunks"):
        (dst / d).mkdir(parents=True)
    rows = []
    for copy in range(copies):
        for _, art in frames["summary"].iterrows():
            rows.append((copy, art["article_id"]))
    by_id = {d: dict(tuple(f.groupby("article_id", sort=False))) for d, f in frames.items()}
    for n, start in enumerate(range(0, len(rows), chunk), 1):
        parts: dict[str, list[pd.DataFrame]] = {d: [] for d in frames}
        pairs = []
        for copy, aid in rows[start:start + chunk]:
            new_id = f"{aid}-c{copy:03d}"
            digest = hashlib.sha256(new_id.encode()).hexdigest()
            pairs.append([digest, new_id])
            for d in frames:
                f = by_id[d].get(aid)
                if f is None:
                    continue
                f = f.assign(article_id=new_id, sha256=digest)
                f["date"] = f["date"].map(lambda x, c=copy: x + timedelta(weeks=c * 3) if x is not None else x)
                parts[d].append(f)
        counts = {}
        for d, fs in parts.items():
            frame = pd.concat(fs, ignore_index=True)
            counts[d] = len(frame)
            table = pa.Table.from_pandas(frame, schema=schemas()[d], preserve_index=False)
            pq.write_table(table, dst / d / f"part-{n:06d}.parquet", compression="zstd")
        (dst / "chunks" / f"part-{n:06d}.json").write_text(json.dumps(
            {"chunk": n, "articles": pairs, "counts": {**counts, "failures": 0}}))
    prov = json.loads((src / "provenance.json").read_text())
    prov["replicated"] = {"from": str(src), "copies": copies, "note": "benchmark data: real scores repeated"}
    (dst / "provenance.json").write_text(json.dumps(prov, indent=2, default=str))
    return len(rows)
