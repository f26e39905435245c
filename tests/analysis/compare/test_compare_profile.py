"""Profiles and aligned arcs: levels are the article-level scores, spreads are over
paragraphs, positions put every article on one 0..100 % axis."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

import analysis
from analysis import compare
from analysis.compare import profile

DEV = Path(__file__).resolve().parents[2] / "fixtures" / "compare" / "dev"


@pytest.fixture(scope="module")
def result():
    files = ["focus.txt", "herald.txt", "wire.txt"]
    return compare.compare([analysis.analyze((DEV / f).read_text(encoding="utf-8"), f) for f in files])


def test_profile_has_every_article_and_measure_with_the_focus_marked(result):
    names = {c.name for c in profile.measures()}
    assert {"sentiment", "hedging", "alarm", "reading_ease"} <= names
    assert "readability_note" not in names and "sentences" not in names
    assert len(result.profile) == 3 * len(names)
    focus = result.profile[result.profile["focus"]]
    assert set(focus["article"]) == {"focus.txt"} and len(focus) == len(names)


def test_level_is_the_summary_value_and_spread_is_over_paragraphs(result):
    a = result.analysis("herald.txt")
    row = result.profile[(result.profile["article"] == "herald.txt")
                         & (result.profile["measure"] == "hedging")].iloc[0]
    assert row["level"] == pytest.approx(a.summary.iloc[0]["hedging"])
    values = a.paragraphs["hedging"].to_numpy(float)
    q1, med, q3 = np.percentile(values, [25, 50, 75])
    assert (row["q1"], row["median"], row["q3"]) == pytest.approx((q1, med, q3))
    assert row["iqr"] == pytest.approx(q3 - q1)
    assert row["sd"] == pytest.approx(np.std(values, ddof=1))
    assert row["paragraphs"] == len(values) and row["unit"] == "hedges per 100 words"


def test_nan_paragraphs_are_left_out_of_the_spread():
    a = analysis.analyze("Short one.\n\nThis second paragraph is long enough to have a reading ease "
                         "score computed for it by the formula.", "x")
    assert math.isnan(a.paragraphs.loc[0, "reading_ease"])
    prof = compare.compare([a]).profile.set_index("measure")
    assert prof.loc["reading_ease", "paragraphs"] == 1
    assert math.isnan(prof.loc["reading_ease", "sd"])  # one value: no spread


def test_positions_span_the_article_by_words(result):
    for a in result.analyses:
        pos = profile.positions(a)
        assert pos["start_pct"].iloc[0] == 0 and pos["end_pct"].iloc[-1] == pytest.approx(100)
        assert pos["position"].is_monotonic_increasing
        widths = (pos["end_pct"] - pos["start_pct"]) / 100 * a.document.words
        assert widths.to_numpy() == pytest.approx(a.paragraphs["words"].to_numpy(float))


def test_arcs_are_long_and_cover_every_paragraph(result):
    arcs = result.arcs
    assert list(arcs.columns) == profile.ARC_COLUMNS
    sent = arcs[arcs["measure"] == "sentiment"]
    assert len(sent) == sum(len(a.paragraphs) for a in result.analyses)
    herald = sent[sent["article"] == "herald.txt"].sort_values("paragraph")
    assert herald["value"].to_numpy() == pytest.approx(
        result.analysis("herald.txt").paragraphs["sentiment"].to_numpy(float))
    assert arcs["position"].between(0, 100).all()


def test_one_article_alone_and_one_without_paragraphs():
    alone = compare.compare([analysis.analyze("The dam held on Tuesday night.", "only")])
    assert alone.alignment.empty and alone.words.empty and len(alone.coverage) == 1
    assert alone.coverage.iloc[0]["status"] == "found nowhere else" and alone.coverage.iloc[0]["of"] == 0
    empty = analysis.analyze("Title line\n\n---", "heading")  # a heading and a rule: no paragraph
    assert len(empty.paragraphs) == 0
    both = compare.compare([analysis.analyze("The dam held on Tuesday night.", "f"), empty])
    assert both.alignment.iloc[0]["note"] == "no paragraphs to compare"
    assert both.profile[both.profile["article"] == "heading"]["paragraphs"].eq(0).all()


def test_compare_needs_a_focus():
    with pytest.raises(ValueError):
        compare.compare([])


def test_table_is_one_row_per_article_with_level_and_spread_in_the_chosen_order(result):
    prof = result.profile
    t = profile.table(prof, ["alarm", "hedging"])
    assert list(t.index) == ["focus.txt", "herald.txt", "wire.txt"]
    assert list(t.columns) == ["focus", "words", "Alarm", "Alarm · IQR", "Hedging", "Hedging · IQR"]
    assert t["focus"].tolist() == [True, False, False]
    assert t["words"].tolist() == [result.analysis(n).document.words for n in t.index]
    for name, label in (("alarm", "Alarm"), ("hedging", "Hedging")):
        for article in t.index:
            row = prof[(prof["article"] == article) & (prof["measure"] == name)].iloc[0]
            assert t.loc[article, label] == pytest.approx(row["level"], nan_ok=True)
            assert t.loc[article, f"{label} · IQR"] == pytest.approx(row["q3"] - row["q1"], nan_ok=True)


def test_table_without_measures_still_lists_every_article(result):
    t = profile.table(result.profile, [])
    assert list(t.index) == ["focus.txt", "herald.txt", "wire.txt"] and list(t.columns) == ["focus", "words"]
