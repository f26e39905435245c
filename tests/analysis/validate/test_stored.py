"""The one reader of data/validation.json: one shape for every view, None when there is nothing
to read, readable names for the evaluation sets."""

from __future__ import annotations

import json

import pytest

from analysis import paths
from analysis.validate import stored


def test_reads_the_shipped_file_as_written() -> None:
    doc = stored.load()
    assert doc is not None and doc == json.loads(paths.VALIDATION.read_text(encoding="utf-8"))
    sources = stored.rows(doc, "sources", "sources_annotated")
    assert sources and all(r["measure"] == "sources" and r["dataset"] == "sources_annotated" for r in sources)
    assert len(stored.rows(doc)) == len(doc["results"])


@pytest.mark.parametrize("content", [None, "", "not json", "[]", '{"rows": []}', '{"results": {}}'])
def test_anything_else_is_no_document(tmp_path, content) -> None:
    path = tmp_path / "validation.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert stored.load(path) is None
    assert stored.rows(stored.load(path), "hedging") == []


def test_rows_that_are_not_objects_are_dropped(tmp_path) -> None:
    path = tmp_path / "validation.json"
    path.write_text(json.dumps({"results": [{"measure": "alarm"}, 3, "x", None]}), encoding="utf-8")
    assert stored.load(path) == {"results": [{"measure": "alarm"}]}


def test_every_shipped_set_has_a_readable_name() -> None:
    ids = {r["dataset"] for r in stored.rows(stored.load())}
    names = {i: stored.dataset_label(i) for i in ids}
    assert all(name != i and "_" not in name for i, name in names.items()), names
    assert stored.dataset_label("onestopenglish:fk_grade").endswith("Flesch-Kincaid grade")
    assert stored.dataset_label("someone_elses_set") == "someone_elses_set"
