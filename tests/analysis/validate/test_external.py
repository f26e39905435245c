"""External evaluation sets (text that may not be shipped): found through the option or the
environment variable, reported as absent without them, and an absent set never fails a run."""

import pytest

from analysis.validate import checks, report
from analysis.validate import datasets as ds


def test_explicit_folder_wins_over_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(ds.EXTERNAL_ENV, "/nowhere")
    assert ds.external_root(tmp_path) == tmp_path
    assert ds.external_root(None) == ds.Path("/nowhere")
    monkeypatch.delenv(ds.EXTERNAL_ENV)
    assert ds.external_root(None) is None


def test_a_missing_set_is_absent_with_its_reason(tmp_path):
    with pytest.raises(ds.Absent, match="NARRATIVE_LENS_EXTERNAL_EVAL"):
        ds.external_file(None, "news/set.csv")
    with pytest.raises(ds.Absent, match="not found under"):
        ds.external_file(tmp_path, "news/set.csv")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "set.csv").write_text("a\n", encoding="utf-8")
    assert ds.external_file(tmp_path, "news/set.csv").read_text(encoding="utf-8") == "a\n"


def test_an_absent_set_is_reported_and_does_not_fail():
    rows = checks.absent("example", "factbank", ("f1",), "not here", "held-out")
    done = report.finish(rows, {("example", "factbank", "f1"): 0.7})
    assert done[0]["verdict"] == "Not measured here: not here."
    assert report.failures(done) == []
    # the same row measured below its floor does fail
    measured = report.finish([{**rows[0], "absent": None, "value": 0.5}], {("example", "factbank", "f1"): 0.7})
    assert report.failures(measured) == measured
