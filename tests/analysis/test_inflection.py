"""Regular inflections for lexicon entries written with a trailing "+"."""

import pytest

from analysis import lexicon as lx
from analysis.inflection import forms, word_forms


@pytest.mark.parametrize("word, expected", [
    ("alarm", {"alarms", "alarmed", "alarming", "alarmly"}),
    ("escalate", {"escalates", "escalated", "escalating"}),
    ("panic", {"panics", "panicked", "panicking", "panically"}),
    ("spy", {"spies", "spied", "spying"}),
    ("war", {"wars", "warred", "warring"}),
    ("catastrophic", {"catastrophically"}),
    ("terrible", {"terribly"}),
    ("crash", {"crashes", "crashed", "crashing"}),
    ("die", {"dies", "died", "dying"}),
    ("agree", {"agrees", "agreed", "agreeing"}),
])
def test_regular_forms(word, expected):
    got = word_forms(word)
    assert got[0] == word and expected <= set(got)


def test_only_the_last_word_of_a_phrase_is_inflected():
    assert "arms races" in forms("arms race")
    assert all(f.startswith("arms ") for f in forms("arms race"))
    assert forms("ab") == ("ab",)  # too short to inflect safely


def test_a_plus_entry_matches_its_forms_and_a_written_form_wins():
    lex = lx.Lexicon("t", "0", (lx.Entry("alarm+", "fear", 1.0), lx.Entry("alarming", "loaded", 2.0),
                                lx.Entry("cyberattack+", "event", 1.0), lx.Entry("war+", "conflict", 1.0),
                                lx.Entry("record", "loaded", 1.0)))
    text = "Alarms rang; alarming cyberattacks; warring firms; recorded music; a record; warm weather."
    found = [(text[m.start:m.end], m.entry.term, m.entry.category) for m in lex.finditer(text)]
    assert found == [("Alarms", "alarm+", "fear"), ("alarming", "alarming", "loaded"),
                     ("cyberattacks", "cyberattack+", "event"), ("warring", "war+", "conflict"),
                     ("record", "record", "loaded")]  # "recorded" and "warm" are no matches
