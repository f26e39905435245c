"""A chunk scored at once (one analyze_many, tables built column by column) holds exactly the
rows that each article's own frames give, in input order; a text whose scoring fails is a
failure row in its place; a researcher's dictionary is scored like any measure, on both
engines, and recorded in the versions."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from analysis import analyze, dictionaries, versions
from analysis.batch import BatchOptions, EngineOptions, OutputConflict, run
from analysis.batch.score import (
    ARTICLE,
    DATASETS,
    FAILURE,
    KEYS,
    _dates,
    _failure,
    _meta,
    schemas,
    score_chunk,
    to_arrow,
)
from analysis.batch.sources import Record
from analysis.measures import REGISTRY, Measure, Scored
from analysis.pipeline import content_hash
from devkit.corpus import headlines
from tests.analysis.test_pipeline_identity import HOSTILE
from tools.synthetic_corpus import corpus

ROOT = Path(__file__).resolve().parents[3]
DICTIONARY = ROOT / "tests" / "fixtures" / "dictionaries" / "newsframes.dic"
SORT = {"paragraphs": ["sha256", "paragraph"], "evidence": ["sha256", "start", "end", "measure", "term", "category"],
        "summary": ["sha256"], "failures": ["article_id"]}


def records() -> list[Record]:
    texts = [(a.id, a.text, a.outlet, a.date) for a in corpus(12, seed=4, paragraphs=(1, 4))]
    texts += [("hostile", HOSTILE, None, "no date"), ("empty", "  \n", "wire", None),
              ("headings", "# A heading\n\nAnd a last line", None, None), ("rule", "—\n\n***", None, None)]
    texts += [(f"h{i}", h, "wire" if i % 2 else None, f"2026-05-{i + 1:02d}") for i, h in enumerate(headlines(9))]
    out = [Record(i, aid, f"table row {i + 1}", text, content_hash(text), outlet=outlet, date=date)
           for i, (aid, text, outlet, date) in enumerate(texts)]
    out.insert(5, Record(len(out), "unreadable", "x.pdf", "", "0" * 64, error="a PDF without a text layer"))
    return out


def expected(recs: list[Record], measures: tuple[Measure, ...] = REGISTRY) -> dict[str, pa.Table]:
    """The tables as one frame per article gives them (the batch's way before analyze_many)."""
    parts: dict[str, list[pd.DataFrame]] = {"paragraphs": [], "evidence": [], "summary": []}
    failures, done = [], []
    for rec in recs:
        if rec.error or not rec.text.strip():
            failures.append(_failure(rec, rec.stage, rec.error) if rec.error else
                            _failure(rec, "read", "empty text: nothing to score"))
            continue
        result = analyze(rec.text, name=rec.article_id, measures=measures)
        if result.paragraphs.empty:
            failures.append(_failure(rec, "score", "no paragraphs found in the text"))
            continue
        done.append(rec)
        for name in parts:
            parts[name].append(getattr(result, name))
    meta = _dates(pd.DataFrame([_meta(r) for r in done], columns=ARTICLE))
    out = {}
    for name, frames in parts.items():
        frame = pd.concat(frames, ignore_index=True)
        if name == "summary":
            frame = pd.concat([meta, frame.drop(columns=["article"])], axis=1)
        else:
            sizes = [len(f) for f in frames]
            frame = frame.assign(**{k: np.repeat(meta[k].to_numpy(dtype=object), sizes) for k in KEYS})
        out[name] = to_arrow(name, frame[schemas(measures)[name].names], measures)
    out["failures"] = to_arrow("failures", _dates(pd.DataFrame(failures, columns=FAILURE)), measures)
    return out


def test_a_chunk_holds_the_rows_of_each_articles_own_frames():
    recs = records()
    chunk = score_chunk(recs)
    want = expected(recs)
    for name in DATASETS:
        assert chunk.table(name).equals(want[name]), name
        assert chunk.counts[name] == want[name].num_rows
    assert chunk.duplicates == 0
    assert chunk.table("failures").column("article_id").to_pylist() == ["unreadable", "empty", "rule"]


def test_a_text_whose_scoring_fails_is_a_failure_row_in_its_place():
    def fragile(par):
        if "catastrophe" in par.text:
            raise ValueError("cannot read this one")
        return Scored({"fragile": 1.0})

    measure = Measure("fragile", "1", REGISTRY[0].columns[:0], fragile, lambda doc, s: {"fragile": 1.0})
    recs = [Record(i, f"a{i}", "t", text, content_hash(text)) for i, text in
            enumerate(["A calm day.", "It was a catastrophe.", "", "Another calm day."])]
    chunk = score_chunk(recs, (*REGISTRY, measure))
    failures = chunk.table("failures").to_pydict()
    assert failures["article_id"] == ["a1", "a2"]
    assert failures["stage"] == ["score", "read"]
    assert failures["reason"][0] == "ValueError: cannot read this one"
    assert chunk.table("summary").column("article_id").to_pylist() == ["a0", "a3"]


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("input") / "corpus.csv"
    rows = [vars(a) for a in corpus(30, seed=6, paragraphs=(1, 4))]
    rows[3]["text"] = "A national security crisis: markets attacked, the stock market fell, the government said."
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_batch_takes_a_dictionary_on_the_command_line(table: Path, tmp_path: Path):
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "analysis", "batch", str(table), "--out", str(out), "--chunk", "7",
                           "--dictionary", str(DICTIONARY)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    measure = dictionaries.load(DICTIONARY).measure()
    paragraphs = pd.read_parquet(out / "paragraphs").sort_values(SORT["paragraphs"]).reset_index(drop=True)
    columns = ["newsframes.threat", "newsframes.economy", "newsframes.institution"]
    assert set(columns) <= set(paragraphs.columns)
    rows = pd.read_csv(table)
    for i in (3, 11):
        alone = analyze(rows["text"][i], measures=(*REGISTRY, measure)).paragraphs
        mine = paragraphs[paragraphs["article_id"] == rows["id"][i]].reset_index(drop=True)
        pd.testing.assert_frame_equal(mine[alone.columns], alone, check_dtype=False)
    assert paragraphs.loc[paragraphs["article_id"] == rows["id"][3], "newsframes.threat"].iloc[0] > 0
    evidence = pd.read_parquet(out / "evidence")
    assert "newsframes" in set(evidence["measure"])
    doc = json.loads((out / "provenance.json").read_text())
    assert doc["versions"] == versions((*REGISTRY, measure))
    assert doc["versions"]["measure:newsframes"] == measure.version
    with pytest.raises(OutputConflict, match="other versions"):
        run(table, out, BatchOptions(chunk=7))  # without the dictionary: not mixed in


def test_a_dictionary_measure_pickles_and_scores_the_same_on_dask(table: Path, tmp_path: Path):
    measure = dictionaries.load(DICTIONARY).measure()
    again = pickle.loads(pickle.dumps(measure))
    text = "Markets attacked in a national security crisis."
    assert analyze(text, measures=(again,)).evidence_rows == analyze(text, measures=(measure,)).evidence_rows
    measures = (*REGISTRY, measure)
    local = run(table, tmp_path / "local", BatchOptions(chunk=7), measures)
    dask = run(table, tmp_path / "dask", BatchOptions(chunk=7, engine=EngineOptions("dask", workers=2)), measures)
    assert local.status == dask.status == "complete"
    for dataset in ("paragraphs", "evidence", "summary"):
        a = pd.read_parquet(tmp_path / "local" / dataset).sort_values(SORT[dataset]).reset_index(drop=True)
        b = pd.read_parquet(tmp_path / "dask" / dataset).sort_values(SORT[dataset]).reset_index(drop=True)
        pd.testing.assert_frame_equal(a, b)
        assert "newsframes.threat" in a.columns or dataset == "evidence"
