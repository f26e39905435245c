"""tools/alarm_sensitivity.py: the provisional golds read one half only; a wrong argument is refused."""

import json
from pathlib import Path

from tools import alarm_sensitivity as sens

UNITS = Path(__file__).resolve().parents[2] / "data" / "eval" / "alarm_news" / "units.jsonl"


def test_provisional_golds_hold_the_development_half_only():
    dev = {json.loads(x)["id"] for x in UNITS.read_text(encoding="utf-8").splitlines() if json.loads(x)["half"] == "dev"}
    agreed, union = sens.provisional("agreed", "dev"), sens.provisional("union", "dev")
    assert {u.id for u in agreed} == {u.id for u in union} == dev
    # every agreed span lies inside a span of the union (it is the overlap of two of them)
    for a, b in zip(agreed, union, strict=True):
        assert all(any(s <= s2 and e2 <= e and c == c2 for s, e, c in b.spans) for s2, e2, c2 in a.spans)
        assert a.rating == b.rating and a.rating in (0, 0.5, 1, 1.5, 2, 2.5, 3)


def test_usage(capsys):
    assert sens.main([]) == 2
    assert sens.main(["train"]) == 2
    assert "dev|heldout" in capsys.readouterr().err
