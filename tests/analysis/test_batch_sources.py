"""What a corpus is read as (analysis/batch/sources.py and the run's id checks): hostile
folders and tables from issue 20, each through a real batch run into real Parquet."""

from __future__ import annotations

import json

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis.batch import BatchOptions, run
from devkit import fixtures as fx

SECRET = "Top secret marker: the payroll of the whole newsroom, never to be scored."


def _sql(query: str) -> list[tuple]:
    return duckdb.sql(query).fetchall()


def _article(i: int) -> str:
    return fx.ARTICLE.replace("Tuesday", f"Tuesday {i}")


def test_a_symlink_out_of_the_input_folder_is_not_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET + "\n\n" + fx.ARTICLE, encoding="utf-8")
    corpus = tmp_path / "corpus"
    (corpus / "bbc").mkdir(parents=True)
    (corpus / "bbc" / "a.txt").write_text(_article(1), encoding="utf-8")
    (corpus / "leak.txt").symlink_to(outside / "secret.txt")
    (corpus / "passwd.txt").symlink_to("/etc/passwd")
    (corpus / "bbc" / "dir").symlink_to(outside, target_is_directory=True)
    (corpus / "same.txt").symlink_to(corpus / "bbc" / "a.txt")  # inside the folder: fine
    out = tmp_path / "out"
    report = run(corpus, out, BatchOptions(chunk=10))
    assert report.status == "complete"
    texts = " ".join(r[0] for r in _sql(f"SELECT text FROM read_parquet('{out}/paragraphs/*.parquet')"))
    assert "payroll" not in texts and "root:" not in texts
    failures = dict(_sql(f"SELECT article_id, reason FROM read_parquet('{out}/failures/*.parquet')"))
    for link in ("leak.txt", "passwd.txt"):
        assert "symbolic link" in failures[link] and "outside the input folder" in failures[link], failures
    assert "bbc/dir/secret.txt" not in failures
    scored = sorted(r[0] for r in _sql(f"SELECT article_id FROM read_parquet('{out}/summary/*.parquet')"))
    assert scored == ["bbc/a.txt"]
    assert "same text as article 'bbc/a.txt'" in failures["same.txt"]  # read, and known as a copy


def test_a_reused_id_is_refused_not_merged(tmp_path):
    """Two different texts under one id in a table. Before, both were scored under the same
    article_id, so every query by id mixed their paragraphs."""
    table = tmp_path / "t.csv"
    pd.DataFrame({"id": ["a", "b", "a", "b"],
                  "text": [_article(1), _article(2), _article(3), _article(2)]}).to_csv(table, index=False)
    out = tmp_path / "out"
    report = run(table, out, BatchOptions(chunk=10))
    assert report.counts.scored == 2 and report.counts.repeats == 1 and report.counts.failed == 1
    failures = _sql(f"SELECT article_id, row, stage, reason FROM read_parquet('{out}/failures/*.parquet')")
    assert failures == [("a", 2, "id", "id 'a' is already used by row 1 for another text; give every article "
                                       "its own id")]
    pars = _sql(f"SELECT DISTINCT sha256 FROM read_parquet('{out}/paragraphs/*.parquet') WHERE article_id = 'a'")
    assert len(pars) == 1


def test_a_reused_id_is_refused_across_resumed_runs(tmp_path):
    first = tmp_path / "first.csv"
    pd.DataFrame({"id": ["a"], "text": [_article(1)]}).to_csv(first, index=False)
    out = tmp_path / "out"
    run(first, out, BatchOptions())
    second = tmp_path / "second.csv"
    pd.DataFrame({"id": ["a", "c"], "text": [_article(9), _article(3)]}).to_csv(second, index=False)
    report = run(second, out, BatchOptions())
    assert report.counts.scored == 1 and report.counts.failed == 1
    ids = sorted(r[0] for r in _sql(f"SELECT article_id FROM read_parquet('{out}/summary/*.parquet')"))
    assert ids == ["a", "c"]


def test_integer_ids_stay_integers(tmp_path):
    """JSONL and Parquet ids 1, 2 and a row without one. Before, pandas made the column
    float (because of the missing value) and the ids came out as "1.0", "2.0"."""
    rows = [{"id": 1, "text": _article(1)}, {"id": 2, "text": _article(2)}, {"text": _article(3)}]
    jsonl = tmp_path / "c.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    parquet = tmp_path / "c.parquet"
    pq.write_table(pa.table({"id": pa.array([1, 2, None], pa.int64()), "text": [r["text"] for r in rows]}), parquet)
    floats = tmp_path / "f.parquet"
    pq.write_table(pa.table({"id": pa.array([1.0, 2.0, None], pa.float64()), "text": [r["text"] for r in rows]}),
                   floats)
    for source in (jsonl, parquet, floats):
        out = tmp_path / f"out-{source.name}"
        run(source, out, BatchOptions())
        ids = sorted(r[0] for r in _sql(f"SELECT article_id FROM read_parquet('{out}/summary/*.parquet')"))
        assert ids == ["1", "2", "row-3"], source.name
