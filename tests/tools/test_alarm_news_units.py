"""The alarm annotation units: the committed files are what the script makes, every unit is
the paragraph it says it is, the strata and halves are as documented."""

import csv
import json
from collections import Counter

import pytest

from tools import alarm_news_units as au

UNITS = [json.loads(line) for line in (au.OUT / "units.jsonl").read_text(encoding="utf-8").splitlines()]
PILOT = [json.loads(line) for line in (au.OUT / "pilot.jsonl").read_text(encoding="utf-8").splitlines()]
TOPICS = au.read_topics()


def test_committed_files_are_what_the_script_writes():
    assert au.main(["--check"]) == 0


def test_check_notices_an_edited_file(tmp_path, monkeypatch):
    for name in ("units.jsonl", "pilot.jsonl"):
        (tmp_path / name).write_text((au.OUT / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "topics.csv").write_text((au.OUT / "topics.csv").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(au, "OUT", tmp_path)
    assert au.main(["--check"]) == 0
    edited = (tmp_path / "units.jsonl").read_text(encoding="utf-8").replace("the", "teh", 1)
    (tmp_path / "units.jsonl").write_text(edited, encoding="utf-8")
    assert au.main(["--check"]) == 1


def test_topics_cover_every_article_once():
    files = sorted(p.name for p in au.SOURCE.glob("*-adv.txt"))
    with (au.OUT / "topics.csv").open(encoding="utf-8", newline="") as handle:
        listed = [row["article"] for row in csv.DictReader(handle)]
    assert sorted(listed) == files and len(set(listed)) == len(listed) == 189


def test_each_unit_is_the_numbered_paragraph_of_its_article():
    for unit in UNITS + PILOT:
        pars = au.paragraphs(au.SOURCE / unit["article"])
        n = unit["paragraph"]
        assert unit["id"] == f"{unit['article']}:{n}"
        assert unit["text"] == pars[n - 1]
        assert unit["previous"] == (pars[n - 2] if n > 1 else "")
        assert len(unit["text"].split()) >= au.MIN_WORDS


def test_counts_strata_and_halves():
    assert len(UNITS) >= 320 and len({u["id"] for u in UNITS}) == len(UNITS)
    strata = Counter(TOPICS[u["article"]][1] for u in UNITS)
    assert strata == {"threat": au.PER_STRATUM, "calm": au.PER_STRATUM}
    halves = Counter(u["half"] for u in UNITS)
    assert set(halves) == {"dev", "heldout"} and abs(halves["dev"] - halves["heldout"]) <= 0.1 * len(UNITS)
    by_article = {}
    for u in UNITS:
        assert by_article.setdefault(u["article"], u["half"]) == u["half"], "an article is split across halves"
    for stratum in au.STRATA:  # both halves carry both strata
        for half in ("dev", "heldout"):
            assert sum(1 for u in UNITS if u["half"] == half and TOPICS[u["article"]][1] == stratum) >= 60


def test_halves_alternate_in_name_order_within_a_topic():
    half = au.halves(TOPICS)
    for k, topic in enumerate(au.TOPICS):
        names = sorted(a for a, (t, _) in TOPICS.items() if t == topic)
        first = "dev" if k % 2 == 0 else "heldout"
        assert half[names[0]] == first
        assert all(half[a] != half[b] for a, b in zip(names, names[1:], strict=False))


def test_pilot_is_outside_the_units_and_the_held_out_half():
    unit_ids = {u["id"] for u in UNITS}
    half = au.halves(TOPICS)
    assert len(PILOT) == 2 * au.PILOT_PER_STRATUM
    assert all(p["id"] not in unit_ids and half[p["article"]] == "dev" for p in PILOT)
    assert "half" not in PILOT[0]


def test_quotas_spread_evenly_and_pass_a_shortfall_on():
    share = au.quotas(["a", "b", "c"], {"a": 1, "b": 5, "c": 5}, 7, "s")
    assert share["a"] == 1 and sorted([share["b"], share["c"]]) == [3, 3]
    assert sum(au.quotas(["a", "b"], {"a": 3, "b": 3}, 5, "s").values()) == 5
    with pytest.raises(ValueError, match="only 2 paragraphs"):
        au.quotas(["a"], {"a": 2}, 3, "s")


def test_unknown_topic_is_refused(tmp_path):
    bad = tmp_path / "topics.csv"
    bad.write_text("article,topic,stratum\nX-adv.txt,sports,calm\n", encoding="utf-8")
    with pytest.raises(ValueError, match="X-adv.txt"):
        au.read_topics(bad)
