"""Figures and names as anchors of a claim (analysis/compare/anchors.py)."""

from __future__ import annotations

import pytest

from analysis.compare.anchors import figures, names, same_figure


def keys(text: str) -> list[str]:
    return [f[0] for f in figures(text)]


@pytest.mark.parametrize(("a", "b"), [
    ("copied 400 gigabytes", "stole 400GB"),
    ("fell 6% on Monday", "fell 6 per cent"),
    ("more than 9 million queries", "NINE MILLION questions"),
    ("9m requests", "9,000,000 requests"),
    ("roughly 3,100 accounts", "3100 accounts"),
    ("at 1:40 a.m.", "by 1:40"),
    ("£3.2 million", "3.2m pounds"),
])
def test_the_same_figure_written_two_ways_has_one_key(a, b):
    assert keys(a) and keys(a) == keys(b)


@pytest.mark.parametrize(("a", "b", "how"), [
    ("7.4%", "more than seven per cent", "≈"),
    ("about 3,100 accounts", "3,000 fake accounts", "≈"),
    ("1.2%", "2.1%", ""),
    ("7.4%", "7.4 gigabytes", ""),
    ("1:40", "1.4 metres", ""),
    ("400GB", "400 gigabytes", "="),
])
def test_rounding_is_near_and_other_figures_are_not(a, b, how):
    assert same_figure(figures(a)[0], figures(b)[0]) == how


@pytest.mark.parametrize("text", ["three hospitals", "on March 3", "3 March", "two occasions", "twelve years",
                                  "one senior nurse"])
def test_small_whole_numbers_and_days_of_a_date_are_not_anchors(text):
    assert figures(text) == ()


def test_years_and_larger_numbers_are():
    assert keys("a 2021 survey of 412 homes") == ["2021", "412"]


def test_names_are_capitalised_words_inside_a_sentence_and_runs_at_its_start():
    text = "Ingrid Vos said on Tuesday that Lanxin Precision, from Shenzhen, copied it. The Dutch firm agreed."
    assert names(text) == {"ingrid", "vos", "lanxin", "precision", "shenzhen", "dutch"}  # nationalities too


def test_a_sentence_initial_word_alone_and_words_in_capitals_after_it():
    assert names("Furious boss Ingrid Vos fumed.") == {"ingrid", "vos"}
    assert "chinese" in names("A CHINESE firm used an army.")
    assert names("") == frozenset()
