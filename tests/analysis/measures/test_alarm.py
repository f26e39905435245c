import pytest

from analysis.measures import alarm

from .helpers import hits, score


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A grave threat of panic.", [("threat", "threat_danger", 1.0), ("panic", "fear_panic", 2.0)]),
        ("There is no threat and no panic.", [("threat", "threat_danger", 0.0), ("panic", "fear_panic", 0.0)]),
        ("The country was never in crisis.", [("crisis", "escalation_crisis", 0.0)]),
        ("It is hardly a crisis.", [("crisis", "escalation_crisis", 0.5)]),
        ("This is not a minor breach.", [("breach", "threat_danger", 1.0)]),
        ("A catastrophic, unprecedented escalation.",
         [("catastrophic", "catastrophe", 2.0), ("unprecedented", "sensational", 1.0),
          ("escalation", "escalation_crisis", 1.0)]),
        ("Not surprisingly, the war escalated.",  # negation stops at the comma
         [("war", "conflict_metaphor", 1.0), ("escalated", "escalation_crisis", 1.0)]),
        ("Officials met on Tuesday to discuss the budget.", []),
    ],
)
def test_hand_checked_cues(text, expected):
    assert [(t, c, w) for t, c, w, _ in hits(alarm.MEASURE, text)] == expected


def test_negation_note_says_why():
    [(_, _, _, note)] = hits(alarm.MEASURE, "There was no threat.")
    assert note == "negated by 'no'"
    [(_, _, _, note)] = hits(alarm.MEASURE, "This is not a minor breach.")
    assert "intensifies" in note


def test_categories_and_quoted_share():
    _, scored = score(alarm.MEASURE, 'Officials said "panic is spreading" amid the war today.')  # 9 words
    v = scored.values
    assert v["alarm_fear_panic"] == pytest.approx(200 / 9)
    assert v["alarm_conflict_metaphor"] == pytest.approx(100 / 9)
    assert v["alarm_quoted"] == pytest.approx(200 / 9)
    assert v["alarm"] == pytest.approx(300 / 9)
