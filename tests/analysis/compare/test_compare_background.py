"""The claim alignment's background table (analysis/compare/background.py, data/compare/)."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys

import pytest

from analysis import paths
from analysis.compare import background


def _builder():
    spec = importlib.util.spec_from_file_location("build_compare_background",
                                                  paths.ROOT / "tools" / "build_compare_background.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_compare_background", module)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_table_is_what_the_builder_builds_from_the_shipped_corpus():
    """A change of the stop words, the lemma rules or the word families changes the keys: the
    table must then be rebuilt (and its manifest bumped), or this fails."""
    text, info = _builder().build()
    assert background.TABLE.read_text(encoding="utf-8") == text
    manifest = json.loads(background.MANIFEST.read_text(encoding="utf-8"))
    for key in ("sentences", "paragraphs", "texts", "grams", "ngram", "built_with", "source", "licence", "citation"):
        assert manifest[key] == info[key], key


def test_the_manifest_says_where_the_counts_come_from_and_checks_the_table():
    manifest = json.loads(background.MANIFEST.read_text(encoding="utf-8"))
    assert manifest["sha256"] == background.checksum(background.TABLE)
    assert "CC BY-SA 4.0" in manifest["licence"] and "Vajjala" in manifest["citation"]
    assert manifest["texts"] == 189 and manifest["version"] and manifest["date"]


def test_load_gives_sentence_counts_of_content_word_ngrams():
    bg = background.load()
    assert bg.sentences == 7250 and bg.ngram == (3, 5) and len(bg.df) > 10_000
    assert all(0 < n <= bg.sentences for n in bg.df.values())
    assert " the " not in bg.df  # a stop word is not a content word
    # "year" is common in news, "reservoir" is not (its last five letters, "rvoir", are rare)
    assert bg.df[" year"] > 100 * bg.df["rvoir"]


def test_load_refuses_a_table_edited_without_its_manifest(tmp_path, monkeypatch):
    table, manifest = tmp_path / "background.tsv", tmp_path / "manifest.json"
    shutil.copy(background.TABLE, table)
    shutil.copy(background.MANIFEST, manifest)
    table.write_text(table.read_text(encoding="utf-8").replace(" year\t", " year\t9", 1), encoding="utf-8")
    monkeypatch.setattr(background, "TABLE", table)
    monkeypatch.setattr(background, "MANIFEST", manifest)
    background.load.cache_clear()
    try:
        with pytest.raises(background.BackgroundError, match="tools/build_compare_background.py"):
            background.load()
    finally:
        monkeypatch.undo()
        background.load.cache_clear()
    assert background.load().sentences == 7250


def test_count_cuts_sentences_as_the_alignment_does():
    n, df = background.count(["The dam cracked. Engineers opened the gates; residents fled.", "", "Gates."])
    assert n == 3  # two sentences in the first paragraph, one in the last; the empty one has none
    assert df[" gat"] == 2 and df[" dam "] == 1
