"""DuckDB queries over a batch output, checked against pandas on the same Parquet files."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.batch import BatchOptions, run
from analysis.batch.query import CorpusOutput, Filter, NotABatchOutput, latest
from tools.synthetic_corpus import corpus


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("q")
    rows = [vars(a).copy() for a in corpus(40, seed=5, paragraphs=(2, 4))]
    rows[1]["text"] = ""
    rows[2]["date"] = "not a date"
    pd.DataFrame(rows).to_parquet(base / "in.parquet")
    run(base / "in.parquet", base / "out", BatchOptions(chunk=15))
    return base / "out"


def test_histogram_counts_every_valid_row(output: Path) -> None:
    c = CorpusOutput(output)
    pars = pd.read_parquet(output / "paragraphs")
    hist = c.histogram("reading_ease", "paragraphs", Filter(), bins=10)
    assert int(hist["n"].sum()) == int(pars["reading_ease"].notna().sum())
    assert hist["bin"].between(0, 9).all() and (hist["hi"] > hist["lo"]).all()
    one = c.histogram("alarm", "paragraphs", Filter(outlets=("Morning Wire",)))
    assert set(one["outlet"]) == {"Morning Wire"}
    assert int(one["n"].sum()) == int((pars["outlet"] == "Morning Wire").sum())


def test_outlet_medians_and_periods_match_pandas(output: Path) -> None:
    c = CorpusOutput(output)
    summ = pd.read_parquet(output / "summary")
    got = c.by_outlet("hedging", "articles", Filter()).set_index("outlet")["median"].sort_index()
    want = summ.groupby("outlet")["hedging"].median().sort_index()
    np.testing.assert_allclose(got.to_numpy(), want.to_numpy())
    months = c.over_time("alarm", "articles", Filter(), "month")
    dated = summ.dropna(subset=["date"])
    assert int(months["n"].sum()) == len(dated) == len(summ) - 1  # "not a date" is left out


def test_percentiles_are_mid_ranks_of_the_corpus(output: Path) -> None:
    c = CorpusOutput(output)
    x = pd.read_parquet(output / "paragraphs")["sentiment"].dropna().to_numpy()
    probe = [float(np.median(x)), float(x.min()), 5.0, float("nan")]
    values = pd.DataFrame({"key": range(4), "measure": "sentiment", "value": probe})
    got = c.percentiles(values, "paragraphs", Filter()).set_index("key")["pct"]
    for key, v in enumerate(probe[:3]):
        want = 100 * ((x < v).sum() + 0.5 * (x == v).sum()) / len(x)
        assert got[key] == pytest.approx(want)
    assert got[2] == 100 and np.isnan(got[3])


def test_articles_found_and_read_back(output: Path) -> None:
    c = CorpusOutput(output)
    hits = c.find_articles("COASTAL")
    assert len(hits) == 8 and hits["outlet"].eq("Coastal Courier").all()
    summary, pars = c.article(hits["article_id"].iloc[0])
    assert len(summary) == 1 and len(pars) == summary["paragraphs"].iloc[0]
    assert c.overview()["failures"] == 1 and len(c.failures()) == 1


def test_measure_names_never_reach_sql_unchecked(output: Path) -> None:
    c = CorpusOutput(output)
    with pytest.raises(ValueError, match="unknown measure"):
        c.histogram('alarm") FROM x; --', "paragraphs", Filter())
    with pytest.raises(ValueError, match="level"):
        c.by_outlet("alarm", "sentences", Filter())
    assert c.find_articles("'; DROP TABLE x; --").empty


def test_folders_that_are_not_outputs_are_refused(tmp_path: Path) -> None:
    with pytest.raises(NotABatchOutput, match="no such folder"):
        CorpusOutput(tmp_path / "missing")
    with pytest.raises(NotABatchOutput, match="provenance"):
        CorpusOutput(tmp_path)
    (tmp_path / "provenance.json").write_text(json.dumps({"runs": []}))
    with pytest.raises(NotABatchOutput, match="no article"):
        CorpusOutput(tmp_path)


def test_latest_finds_the_most_recently_updated_output(output: Path, tmp_path: Path) -> None:
    import shutil

    for name in ("a", "nested/b"):
        shutil.copytree(output, tmp_path / name)
    old = time.time() - 3600
    os.utime(tmp_path / "a" / "provenance.json", (old, old))
    assert latest(tmp_path) == tmp_path / "nested" / "b"
    assert latest(tmp_path / "nowhere") is None
