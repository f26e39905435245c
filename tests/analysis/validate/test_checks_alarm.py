"""The alarm checks on small sets written here by hand (the real held-out half is scored only by
``python -m analysis validate``): one half read at a time, the gold absent until it exists, the
figures worked out by hand, the GoodNewsEveryone cue column and its absence without the folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.measures import get
from analysis.validate import checks_alarm as ca
from analysis.validate import datasets as ds
from analysis.validate import report
from analysis.validate.checks import Settings

SETTINGS = Settings(ds.FAST, 50, 8, None)

UNITS = [
    # dev: rated 2, its framing cue inside the gold span ("massive"), an event word matched too
    {"id": "a:1", "half": "dev", "text": "Hackers caused massive damage, and the battle escalated.", "previous": ""},
    # dev: rated 0, no cue at all
    {"id": "a:2", "half": "dev", "text": "The council met on Tuesday to discuss the library budget.", "previous": ""},
    # dev: rated 0 but "unprecedented" counts (a false positive: not in the gold)
    {"id": "b:1", "half": "dev", "text": "An unprecedented flood hit the town.", "previous": ""},
    # held out: must never be read when the development half is asked for
    {"id": "c:1", "half": "heldout", "text": "A terrifying catastrophe looms over every family.", "previous": ""},
]


def _span(text, term, category):
    start = text.index(term)
    return {"start": start, "end": start + len(term), "category": category}


def _write(tmp_path: Path, gold: bool = True) -> tuple[Path, Path]:
    units = tmp_path / "units.jsonl"
    units.write_text("".join(json.dumps(u) + "\n" for u in UNITS), encoding="utf-8")
    g = tmp_path / "gold.jsonl"
    if gold:
        t1, t3 = UNITS[0]["text"], UNITS[2]["text"]
        records = [
            {"id": "a:1", "rating": 2.0, "spans": [_span(t1, "Hackers", "event"), _span(t1, "massive", "loaded"),
                                                   _span(t1, "damage", "event"), _span(t1, "battle", "conflict")]},
            {"id": "a:2", "rating": 0.0, "spans": []},
            {"id": "b:1", "rating": 0.5, "spans": [_span(t3, "flood", "event")]},
            {"id": "c:1", "rating": 3.0, "spans": []},
        ]
        g.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return units, g


def test_one_half_is_read_and_the_other_is_not(tmp_path):
    units, gold = _write(tmp_path)
    dev = ca.alarm_news("dev", gold, units)
    assert [u.id for u in dev] == ["a:1", "a:2", "b:1"]
    assert [u.id for u in ca.alarm_news("heldout", gold, units)] == ["c:1"]
    with pytest.raises(ValueError):
        ca.alarm_news("train", gold, units)


def test_without_the_gold_the_set_is_absent_not_failed(tmp_path):
    units, gold = _write(tmp_path, gold=False)
    with pytest.raises(ds.Absent, match="does not exist yet"):
        ca.alarm_news("dev", gold, units)


def test_the_figures_by_hand(tmp_path):
    units, gold = _write(tmp_path)
    rows = {r["metric"]: r for r in ca.alarm_news_rows(ca.alarm_news("dev", gold, units), "dev", SETTINGS)}
    # alarm: a:1 > 0 (massive, battle, escalated), a:2 = 0, b:1 > 0 (unprecedented); the one unit rated 2 or
    # more (a:1) must outscore both others for an AUC of 1
    m = get("alarm")
    values = [ca.score_unit(m, u["text"]).value for u in UNITS[:3]]
    assert values[0] > values[2] > values[1] == 0
    assert rows["roc_auc"]["value"] == pytest.approx(1.0)
    # framing evidence counted: massive, battle, escalated (a:1), unprecedented (b:1): 4; inside a gold
    # framing span: massive, battle (2) -> precision 2/4; gold framing spans: massive, battle, both found
    assert (rows["span_precision"]["value"], rows["span_precision"]["n"]) == (pytest.approx(0.5), 4)
    assert (rows["span_recall"]["value"], rows["span_recall"]["n"]) == (pytest.approx(1.0), 2)
    # event: Hackers, damage and flood counted and in the gold
    assert rows["event_span_precision"]["value"] == pytest.approx(1.0)
    assert rows["event_span_recall"]["value"] == pytest.approx(1.0)
    # Spearman of (values) with ratings (2, 0, 0.5): both orders agree -> 1
    assert rows["spearman_r"]["value"] == pytest.approx(1.0)
    assert {r["part"] for r in rows.values()} == {"development"}
    assert rows["event_span_recall"]["subscale"] == "alarm_event" and rows["roc_auc"]["subscale"] == "alarm"


def test_an_older_measure_without_subscales_counts_every_category_as_framing():
    framing, event = ca.split_categories(get("sentiment"))
    assert event == frozenset()
    framing, event = ca.split_categories(get("alarm"))
    assert "crime" in event and "catastrophe" in framing and not framing & event


def test_goodnewseveryone_cues_and_absence(tmp_path):
    with pytest.raises(ds.Absent):
        ca.gne(None)
    rows = ca.gne_check(SETTINGS)
    if SETTINGS.external is None:
        assert all(r["absent"] and r["value"] is None for r in rows)
    # the release escapes a quotation mark inside a cue twice in two rows
    assert ca._cue_groups('[["likely died as a result of \\\\"\\\\"criminal act\\\\"\\\\""]]') == [
        ['likely died as a result of "criminal act"']]
    assert ca._cue_spans("Terror Threat Grows In City", ["threat grows", "nowhere"]) == [(7, 19)]  # "Terror " is 7 characters


def test_goodnewseveryone_from_a_folder(tmp_path):
    folder = tmp_path / "alarm" / "goodnewseveryone"
    folder.mkdir(parents=True)
    header = "id\theadline\turl\tbias_horizontal\tbias_vertical\tcountry\tsource\tdominant_emotion\tintensity\t" \
             "cause\texperiencer\ttarget\tcue\tother_emotions\treader_emotions\n"
    lines = [("1", "A terrifying catastrophe looms over the coast", "fear", '[["terrifying"]]'),
             ("2", "Council opens a new library in the town centre", "joy", '[["opens"]]'),
             ("3", "Voters angry over plan", "anger", '[["angry"]]')]
    body = "".join(f"{i}\t{h}\tu\t\t\tUK\ts\t{e}\tmedium\t\t\t\t\"{c.replace(chr(34), chr(34) * 2)}\"\t\t\n"
                   for i, h, e, c in lines)
    (folder / "gne-release-v1.0.tsv").write_text(header + body, encoding="utf-8")
    rows = {r["metric"]: r for r in ca.gne_check(Settings(ds.FAST, 50, 8, tmp_path))}
    assert rows["roc_auc_fear"]["value"] == pytest.approx(1.0)  # the fear headline alone scores above 0
    # cues of fear and anger headlines: "terrifying" (covered), "angry" (not an alarm cue): 1 of 2
    assert (rows["cue_recall"]["value"], rows["cue_recall"]["n"]) == (pytest.approx(0.5), 2)


def test_emobank_arousal_rows():
    rows = ca.emobank_check(SETTINGS)
    assert [r["dataset"] for r in rows] == ["emobank_newspaper_arousal", "emobank_headlines_arousal"]
    assert all(-1 <= r["value"] <= 1 and r["n"] == 400 for r in rows)


def test_every_row_has_a_verdict():
    for dataset, metric in [("alarm_news_dev", "roc_auc"), ("alarm_news_heldout", "span_precision"),
                            ("goodnewseveryone_headlines", "cue_recall"), ("emobank_newspaper_arousal", "spearman_r")]:
        r = {"measure": "alarm", "dataset": dataset, "metric": metric, "value": 0.5, "ci_low": 0.4,
             "ci_high": 0.6, "n": 10, "floor": None}
        text = report.verdict(r)
        assert "0.500" in text and "clickbait" not in text
