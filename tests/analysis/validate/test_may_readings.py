"""The news "may" readings set (data/eval/hedging_news/) and the harness rows built on it."""

from __future__ import annotations

import pytest

from analysis.validate import checks
from analysis.validate import datasets as ds

READINGS = {"epistemic", "concessive", "root", "other"}


def test_every_row_points_at_a_may_and_has_a_known_reading() -> None:
    frame = ds.may_readings()
    assert len(frame) == 129 and frame["id"].is_unique
    assert set(frame["reading"]) <= READINGS and set(frame["reading_b"]) <= READINGS
    for sentence, offset in zip(frame["sentence"], frame["offset"], strict=True):
        assert sentence[offset:offset + 3].lower() == "may", sentence


@pytest.mark.parametrize(("sentence", "weight"), [
    ("The plant may close next year.", 1.0),
    ("Players may choose either side.", 0.25),
    ("Symptoms may include fever.", 0.25),
    ("The talks ended on 3 May.", 0.0),  # the month: shown with its reason, weight 0
])
def test_may_weight_reads_the_measure(sentence: str, weight: float) -> None:
    offset = sentence.lower().rindex("may")
    assert checks.may_weight(sentence, offset) == weight


def test_may_weight_finds_the_instance_after_leading_whitespace() -> None:
    # the segmenter drops leading blank space: offsets must still refer to the sentence as given
    sentence = "\ufeff  Players may choose. The plant may close."
    assert checks.may_weight(sentence, sentence.index("may")) == 0.25
    assert checks.may_weight(sentence, sentence.rindex("may")) == 1.0


def test_rows_count_the_readings() -> None:
    rows = {r["metric"]: r for r in checks.hedging_news(checks.Settings(ds.FAST, 50, 0))}
    frame = ds.may_readings()
    full = [checks.may_weight(t, o) >= 1.0 for t, o in zip(frame["sentence"], frame["offset"], strict=True)]
    hedge = [r in checks.HEDGE_READINGS for r in frame["reading"]]
    both = sum(f and h for f, h in zip(full, hedge, strict=True))
    assert rows["full_weight_precision"]["value"] == both / sum(full)
    assert rows["hedge_recall"]["value"] == both / sum(hedge)
    assert 0 < both < len(frame)
