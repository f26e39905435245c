"""The news sentences of the sourcing set: FactBank's text is read from the external folder,
never shipped, checked against the annotated text, and reported absent without the folder."""

import csv
import json

import pytest

from analysis.eval_sources import load_all, news
from analysis.validate import datasets as ds


@pytest.mark.parametrize("raw, printed", [
    ("``We will win,'' he said .", "“We will win,” he said."),
    ("Pak ca n't find buyers , and he wo n't sell .", "Pak can't find buyers, and he won't sell."),
    ("He had `` no qualms '' about it .", "He had “no qualms” about it."),
    ("The deal ( signed Friday ) stands", "The deal (signed Friday) stands"),
])
def test_detokenise_undoes_the_treebank_tokenisation(raw, printed):
    assert news.detokenise(raw) == printed


def test_no_factbank_text_is_shipped():
    units = news.load_units()
    shipped = [u for u in units if u["corpus"] == "factbank"]
    assert len(shipped) >= 300
    assert all("text" not in u and "previous" not in u and len(u["sha256"]) == 64 for u in shipped)
    for line in news.NEWS_GOLD.read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        assert set(g) == {"id", "quotes", "sources", "scare", "note"}
        assert all(isinstance(s["start"], int) and set(s) == {"start", "end", "kind", "verb", "mode", "resolved"}
                   for s in g["sources"])


def test_without_the_external_folder_the_factbank_part_is_absent(monkeypatch):
    monkeypatch.delenv(ds.EXTERNAL_ENV, raising=False)
    records, absent = load_all(None)
    assert absent and ds.EXTERNAL_ENV in absent
    assert {r["corpus"] for r in records} == {"onestopenglish", "emobank"}


def test_a_different_copy_of_factbank_is_refused(tmp_path, monkeypatch):
    monkeypatch.delenv(ds.EXTERNAL_ENV, raising=False)
    units = [u for u in news.load_units() if u["corpus"] == "factbank"][:1]
    path = tmp_path / news.FACTBANK
    path.parent.mkdir(parents=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["document", "sentence_id", "text", "uncertain", "cue_types", "cues"])
        w.writerow([units[0]["document"] + ".txt", units[0]["sentence"], "Some other sentence .", 0, "", ""])
    with pytest.raises(news.TextMismatch):
        news.unit_texts(units, tmp_path)
    records, absent = load_all(tmp_path)
    assert absent and "differs" in absent


def test_every_unit_has_its_annotation_and_offsets_slice_its_text(external_eval):
    records, absent = load_all(external_eval)
    assert absent is None and len(records) == 588
    for r in records:
        for q in r["quotes"]:
            assert r["text"][q["start"] : q["end"]] == q["text"] and q["text"][:1] in "“\"'‘”" + r["text"][:1]
        for s in r["sources"]:
            assert r["text"][s["start"] : s["end"]] == s["text"] and s["kind"] in news.KINDS
            assert s["mode"] in ("direct", "indirect")
        for s in r["scare"]:
            assert r["text"][s["start"] : s["end"]] == s["text"]


def test_the_set_meets_the_issue(external_eval):
    """At least 400 units from at least four kinds of outlet; at least 60 anonymous source
    mentions in the held-out half; the halves share no document."""
    records, _ = load_all(external_eval)
    assert len(records) >= 400 and {r["outlet_kind"] for r in records} >= {"uk_press", "us_press", "wire", "broadcast"}
    held = [s for r in records if r["part"] == "held-out" for s in r["sources"] if s["kind"] == "anonymous"]
    assert len(held) >= 60
    parts = {}
    for r in records:
        parts.setdefault(r["file"], set()).add(r["part"])
    assert all(len(p) == 1 for p in parts.values())


def test_the_selection_rule_reproduces_the_shipped_units(external_eval):
    """tools/sources_news_select.py, run again, chooses exactly the shipped units (ids, halves,
    strata and the SHA-256 of every FactBank sentence): the choice is a rule, not a hand pick."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[3] / "tools" / "sources_news_select.py"
    spec = importlib.util.spec_from_file_location("sources_news_select", path)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    fb = tool.factbank_units(external_eval / news.FACTBANK)
    chosen = tool.choose(fb + tool.emobank_units({u["document"] for u in fb}))
    assert [tool.shipped(u) for u in chosen] == news.load_units()
