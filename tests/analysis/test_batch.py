"""Batch scoring of a generated corpus: both engines agree, a killed run resumes without
duplicates, failures are recorded, and every input format gives the same scores."""

from __future__ import annotations

import importlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from analysis.__main__ import main
from analysis.batch import BatchOptions, EngineOptions, OutputConflict, run
from analysis.batch.score import DATASETS
from analysis.batch.store import Output
from tools.synthetic_corpus import corpus

ROOT = Path(__file__).resolve().parents[2]
N = 200
SORT = {"paragraphs": ["sha256", "paragraph"], "evidence": ["sha256", "start", "end", "measure", "term"],
        "summary": ["sha256"], "failures": ["article_id"]}


def _rows(n: int) -> list[dict[str, str]]:
    rows = [vars(a).copy() for a in corpus(n, seed=9, paragraphs=(2, 5))]
    rows[7]["text"] = ""  # cannot be scored: recorded, the run goes on
    rows[11]["text"] = "   \n  "
    if n > 20:
        rows[20]["text"] = rows[3]["text"]  # syndicated copy: same text under another id
    return rows


def read(out: Path, dataset: str) -> pd.DataFrame:
    frame = pd.read_parquet(out / dataset)
    return frame.sort_values(SORT[dataset]).reset_index(drop=True)


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("input") / "corpus.csv"
    pd.DataFrame(_rows(N)).to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def local_out(table: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local") / "out"
    report = run(table, out, BatchOptions(chunk=40))
    assert report.status == "complete"
    return out


def test_every_article_is_scored_once_or_recorded_as_failed(local_out: Path) -> None:
    summary, failures = read(local_out, "summary"), read(local_out, "failures")
    assert len(summary) == N - 3 and summary["sha256"].is_unique and summary["article_id"].is_unique
    assert set(failures["stage"]) == {"read", "duplicate"}
    reasons = dict(zip(failures["article_id"], failures["reason"], strict=True))
    assert "empty text" in reasons[_rows(N)[7]["id"]] and "empty text" in reasons[_rows(N)[11]["id"]]
    assert _rows(N)[3]["id"] in reasons[_rows(N)[20]["id"]]
    assert set(summary["article_id"]) | set(failures["article_id"]) == {r["id"] for r in _rows(N)}


def test_rows_carry_their_article_and_match_the_single_article_pipeline(local_out: Path) -> None:
    import analysis

    paragraphs, summary = read(local_out, "paragraphs"), read(local_out, "summary")
    assert paragraphs[["article_id", "sha256", "outlet", "date"]].notna().all().all()
    assert set(paragraphs["sha256"]) == set(summary["sha256"])
    assert int(summary["paragraphs"].sum()) == len(paragraphs)
    row = _rows(N)[42]
    alone = analysis.analyze(row["text"], name=row["id"]).paragraphs
    batch = paragraphs[paragraphs["article_id"] == row["id"]].reset_index(drop=True)
    pd.testing.assert_frame_equal(batch[alone.columns], alone, check_dtype=False)
    assert str(summary.loc[summary["article_id"] == row["id"], "date"].iloc[0]) == row["date"]


def test_provenance_records_versions_input_and_counts(local_out: Path, table: Path) -> None:
    doc = json.loads((local_out / "provenance.json").read_text())
    assert doc["versions"]["analysis"] == __import__("analysis").__version__
    last = doc["runs"][-1]
    assert last["status"] == "complete" and last["input"]["path"] == str(table.resolve())
    assert last["counts"]["scored"] == N - 3 and last["counts"]["failed"] == 2
    assert last["counts"]["duplicates"] == 1
    assert doc["totals"]["paragraphs"] == len(read(local_out, "paragraphs"))


def test_dask_engine_gives_identical_results(table: Path, local_out: Path, tmp_path: Path) -> None:
    out = tmp_path / "dask"
    report = run(table, out, BatchOptions(chunk=40, engine=EngineOptions("dask", workers=2)))
    assert report.status == "complete" and report.counts.chunks == 5
    for dataset in DATASETS:
        pd.testing.assert_frame_equal(read(out, dataset), read(local_out, dataset))


def test_killed_process_resumes_to_the_same_output_without_duplicates(
        table: Path, local_out: Path, tmp_path: Path) -> None:
    out = tmp_path / "killed"
    cmd = [sys.executable, "-m", "analysis", "batch", str(table), "--out", str(out), "--chunk", "10"]
    child = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(list((out / "chunks").glob("part-*.json"))) < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert child.poll() is None, "the run finished before it could be interrupted"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    committed = len(list((out / "chunks").glob("part-*.json")))
    assert 3 <= committed < N // 10
    report = run(table, out, BatchOptions(chunk=10))
    assert report.counts.already_done == committed * 10
    summary = read(out, "summary")
    assert summary["sha256"].is_unique and len(summary) == N - 3
    paragraphs = read(out, "paragraphs")
    assert not paragraphs.duplicated(["sha256", "paragraph"]).any()
    assert int(summary["paragraphs"].sum()) == len(paragraphs)
    assert not list(out.rglob("*.tmp"))
    for dataset in DATASETS:  # chunks of 10 here, 40 there: the rows are the same
        pd.testing.assert_frame_equal(read(out, dataset), read(local_out, dataset))
    runs = json.loads((out / "provenance.json").read_text())["runs"]
    assert [r["status"] for r in runs] == ["running", "complete"]  # the killed run never finished


def test_parts_of_an_uncommitted_chunk_are_removed_on_resume(local_out: Path, tmp_path: Path) -> None:
    import shutil

    out = tmp_path / "copy"
    shutil.copytree(local_out, out)
    stray = out / "paragraphs" / "part-000099.parquet"
    shutil.copy(next((out / "paragraphs").glob("part-*.parquet")), stray)
    (out / "summary" / ".part-000100.parquet.tmp").write_bytes(b"half")
    opened = Output(out)
    assert opened.orphans_removed == 2 and not stray.exists()
    assert len(opened.done_pairs) == N


def test_other_analysis_versions_are_not_mixed_in(local_out: Path, table: Path, tmp_path: Path) -> None:
    import shutil

    out = tmp_path / "old"
    shutil.copytree(local_out, out)
    doc = json.loads((out / "provenance.json").read_text())
    doc["versions"]["measure:hedging"] = "0.9"
    (out / "provenance.json").write_text(json.dumps(doc))
    with pytest.raises(OutputConflict, match="other versions"):
        run(table, out)


def _write_formats(tmp_path: Path, rows: list[dict[str, str]]) -> dict[str, Path]:
    frame = pd.DataFrame(rows)
    paths = {"csv": tmp_path / "c.csv", "jsonl": tmp_path / "c.jsonl", "parquet": tmp_path / "c.parquet"}
    frame.to_csv(paths["csv"], index=False)
    frame.to_json(paths["jsonl"], orient="records", lines=True, force_ascii=False)
    frame.to_parquet(paths["parquet"], index=False)
    folder = tmp_path / "folder"
    for row in rows:
        f = folder / row["outlet"] / f"{row['id']}.txt"
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(row["text"], encoding="utf-8")
    (folder / "Daily Ledger" / "scan.txt").write_bytes(b"\x00\x01binary\x00" * 50)
    paths["folder"] = folder
    return paths


def test_every_input_format_gives_the_same_scores(tmp_path: Path) -> None:
    rows = [vars(a).copy() for a in corpus(25, seed=3, paragraphs=(2, 3))]
    rows[4]["text"] = ""
    summaries = {}
    for kind, path in _write_formats(tmp_path, rows).items():
        out = tmp_path / f"out-{kind}"
        report = run(path, out, BatchOptions(chunk=10))
        assert report.counts.scored == 24, kind
        failures = read(out, "failures")
        assert len(failures) == (2 if kind == "folder" else 1), kind
        summaries[kind] = read(out, "summary")
    columns = ["sha256", "outlet", "words", "sentiment", "hedging", "alarm", "reading_ease", "smog"]
    for kind in ("jsonl", "parquet", "folder"):
        pd.testing.assert_frame_equal(summaries[kind][columns], summaries["csv"][columns], obj=kind)
    assert list(summaries["parquet"]["url"]) == list(summaries["csv"]["url"])
    binary = read(tmp_path / "out-folder", "failures")
    assert "binary" in binary.loc[binary["article_id"].str.endswith("scan.txt"), "reason"].iloc[0]


def test_command_line_runs_and_explains_bad_input(table: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    small = tmp_path / "small.jsonl"
    pd.DataFrame(_rows(12)).rename(columns={"text": "body"}).to_json(small, orient="records", lines=True)
    assert main(["batch", str(small), "--out", str(tmp_path / "o")]) == 2
    assert "no 'text' column" in capsys.readouterr().err
    assert main(["batch", str(small), "--out", str(tmp_path / "o"), "--text-column", "body"]) == 0
    err = capsys.readouterr().err
    assert "10 articles scored" in err and "articles/s" in err and "left" in err


def test_a_stopped_run_says_so_and_the_next_one_finishes(tmp_path: Path) -> None:
    rows = _rows(12)
    src = tmp_path / "s.jsonl"
    lines = [json.dumps(r) for r in rows]
    lines[6] = "{not json"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "o"
    first = run(src, out, BatchOptions(chunk=4, stop_after=1))
    assert first.status == "stopped" and first.totals["articles"] == 4
    second = run(src, out, BatchOptions(chunk=4))
    assert second.counts.already_done == 4 and second.totals["articles"] == 12
    failures = read(out, "failures")
    assert "line 7 is not JSON" in " ".join(failures["reason"])
    runs = json.loads((out / "provenance.json").read_text())["runs"]
    assert [r["status"] for r in runs] == ["stopped", "complete"]
    assert main(["batch", str(tmp_path / "missing"), "--out", str(tmp_path / "o2")]) == 2


def test_progress_line_shows_rate_and_time_left(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from analysis.batch import progress

    clock = iter([0.0, 10.0, 10.0, 20.0, 20.0])
    monkeypatch.setattr(progress.time, "monotonic", lambda: next(clock))
    stream = io.StringIO()
    bar = progress.Progress(100, stream, every=0.0)
    bar.skip(20)  # already done: advances the bar, not the rate
    bar.update(20, 100)  # 20 articles in 20 s -> 1 article/s, 60 left -> 01:00
    line = stream.getvalue().splitlines()[-1]
    assert "40/100 articles, 20 already done" in line and "1.0 articles/s" in line
    assert "5 paragraphs/s" in line and "01:00 left" in line


def test_without_a_chunk_size_chunks_are_cut_by_the_amount_of_text(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Headlines and long articles make part files of similar size: a chunk closes when it
    holds CHUNK_CHARS of text (or CHUNK_ARTICLES articles), whatever its number of articles."""
    batch_run = importlib.import_module("analysis.batch.run")  # the module, not the function
    texts = [f"Headline number {i} may matter" for i in range(30)]
    texts += ["A long article. " * 40]
    src = tmp_path / "in.csv"
    pd.DataFrame({"id": [f"t{i}" for i in range(len(texts))], "text": texts}).to_csv(src, index=False)
    monkeypatch.setattr(batch_run, "CHUNK_CHARS", 300)
    monkeypatch.setattr(batch_run, "CHUNK_ARTICLES", 20)
    report = run(src, tmp_path / "out", BatchOptions())
    records = [json.loads(p.read_text()) for p in sorted((tmp_path / "out" / "chunks").glob("*.json"))]
    sizes = [len(r["articles"]) for r in records]
    assert sum(sizes) == 31 and report.counts.scored == 31
    assert sizes == [11, 11, 9]  # 11 headlines of 28-29 characters pass 300; the long article closes the last
