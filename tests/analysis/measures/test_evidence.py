"""Evidence keeps the behaviour of a frozen dataclass with its hand-written __init__."""

import dataclasses
import pickle

import pytest

from analysis.measures.base import Evidence


def test_fields_defaults_equality_and_hash():
    e = Evidence(3, 9, "threat", "danger", 2.0)
    assert (e.start, e.end, e.category, e.term, e.weight, e.note, e.quoted) == (3, 9, "threat", "danger",
                                                                                 2.0, "", False)
    assert e == Evidence(start=3, end=9, category="threat", term="danger", weight=2.0, note="", quoted=False)
    assert e != Evidence(3, 9, "threat", "danger", 2.0, quoted=True)
    assert hash(e) == hash(Evidence(3, 9, "threat", "danger", 2.0))
    assert [f.name for f in dataclasses.fields(Evidence)] == ["start", "end", "category", "term", "weight",
                                                             "note", "quoted"]
    assert repr(e) == "Evidence(start=3, end=9, category='threat', term='danger', weight=2.0, note='', quoted=False)"


def test_frozen_copyable_and_picklable():
    e = Evidence(0, 4, "modal", "may", 0.25, "a note", True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.weight = 1.0  # type: ignore[misc]
    assert dataclasses.replace(e, weight=1.0) == Evidence(0, 4, "modal", "may", 1.0, "a note", True)
    assert pickle.loads(pickle.dumps(e)) == e
    assert dataclasses.asdict(e)["note"] == "a note"


def test_lexicon_match_is_frozen_and_equal_by_value():
    from analysis.lexicon import Entry, Match

    entry = Entry("threat", "threat_danger", 1.0)
    m = Match(2, 8, entry)
    assert (m.start, m.end, m.entry) == (2, 8, entry) and m == Match(2, 8, entry)
    assert repr(m) == f"Match(start=2, end=8, entry={entry!r})"
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.start = 0  # type: ignore[misc]
