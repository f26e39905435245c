"""The rule-based lemmatiser of the claim alignment (analysis/compare/lemma.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis import lexicon as lx
from analysis.compare.lemma import _lemma, lemma


@pytest.mark.parametrize(("forms", "note"), [
    ("steal stole stolen steals stealing", "irregular verb"),
    ("query queries", "-ies plural"),
    ("deny denied denies denying", "-ied past, -ying"),
    ("accuse accused accuses accusing", "final e restored by dropping it everywhere"),
    ("stop stopped stopping stops", "doubled consonant"),
    ("tax taxes", "-es after a sibilant"),
    ("match matches", "-es after ch"),
    ("make made making makes", "irregular past and -ing"),
    ("run ran running runs", "doubled consonant before -ing"),
    ("person people", "irregular plural"),
    ("fall fell fallen falling falls", "irregular verb"),
    ("copy copied copies copying", "-ied, -ies, -ying"),
])
def test_inflections_meet(forms, note):
    keys = {lemma(w) for w in forms.split()}
    assert len(keys) == 1, (note, keys)


@pytest.mark.parametrize("word", ["news", "series", "analysis", "status", "bias", "physics", "morning", "need"])
def test_words_that_only_look_inflected_are_kept_whole(word):
    assert lemma(word) == lemma(word + "") and len(lemma(word)) >= len(word) - 1


@pytest.mark.parametrize(("a", "b"), [("denied", "rejected"), ("bogus", "fake"), ("slid", "fell"),
                                      ("gained", "rose"), ("lawsuit", "sue"), ("cloned", "copied")])
def test_a_family_of_news_paraphrase_shares_one_key(a, b):
    assert lemma(a) == lemma(b)


@pytest.mark.parametrize(("a", "b"), [("fell", "rose"), ("denied", "confirmed"), ("stole", "copied")])
def test_opposites_and_different_acts_stay_apart(a, b):
    assert lemma(a) != lemma(b)


def test_no_word_is_in_two_families():
    """Terms are unique in the lexicon (its own test); their lemmas must be too, or a word would
    belong to whichever family was read first."""
    entries = lx.load("word_families").entries
    keys = {}
    for e in entries:
        assert keys.setdefault(_lemma(e.term), e.category) == e.category, e.term


def test_numbers_and_short_words_pass_through():
    assert lemma("400") == "400" and lemma("gb") == "gb" and lemma("ceo") == "ceo"


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=20))
def test_a_key_is_never_empty_and_is_stable(word):
    key = lemma(word)
    assert key and lemma(word) == key
