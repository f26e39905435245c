"""What a claim match rests on (analysis/compare/evidence.py)."""

from __future__ import annotations

from analysis.compare.anchors import figures
from analysis.compare.evidence import figure_score, shared
from analysis.compare.units import paragraph_pieces
from analysis.text import paragraph


def test_a_figure_counts_one_a_rounding_or_a_year_half_and_only_figures_other_than_years_are_strong():
    assert figure_score(figures("7.4% and 400GB"), figures("7.4 per cent, 400 gigabytes")) == (
        2.0, ["7.4% = 7.4 per cent", "400GB = 400 gigabytes"], True)
    assert figure_score(figures("7.4%"), figures("more than seven per cent"))[0] == 0.5
    score, _, strong = figure_score(figures("a 2021 survey"), figures("in 2021"))
    assert (score, strong) == (0.5, False)
    assert figure_score(figures("1.2%"), figures("2.1%")) == (0.0, [], False)


def test_names_roles_and_dates_are_set_apart_from_the_words_of_the_claim():
    a = paragraph_pieces(paragraph("Chief executive Ingrid Vos said on Tuesday the trust would not pay a ransom."))
    b = paragraph_pieces(paragraph("Mr Vos, the chief executive, thanked staff on Tuesday for their efforts."))
    words, names = shared(a, b, frozenset())
    assert words == [] and names == ["Vos"]
    c = paragraph_pieces(paragraph("Ingrid Vos refused to pay the ransom demanded by the gang."))
    words, _ = shared(a, c, frozenset())
    assert words == ["pay", "ransom"]


def test_a_word_that_completes_the_same_name_in_both_counts_with_the_names():
    """"The Calder Reach reservoir was built in 1958" says nothing of what the flood report
    claims about the Calder Reach reservoir: "reservoir" names the same thing as the name."""
    focus = paragraph_pieces(paragraph("Engineers opened the spillway gates of the Calder Reach reservoir, "
                                       "sending water through the lower part of the town."))
    history = paragraph_pieces(paragraph("The Calder Reach reservoir was built in 1958 to supply the mill towns."))
    words, names = shared(focus, history, frozenset())
    assert words == ["towns"] and names == ["Calder", "Reach", "reservoir"]
    # the same word not right after the name is a word of the claim
    retold = paragraph_pieces(paragraph("The reservoir at Calder Reach overflowed after the gates were opened."))
    words, names = shared(focus, retold, frozenset())
    assert "reservoir" in words and "reservoir" not in names


def test_a_verb_after_its_subject_does_not_complete_the_name():
    """"Lanxin rejected the accusation" / "Lanxin denied the accusation": the denial is the claim."""
    a = paragraph_pieces(paragraph("The company said Lanxin rejected the accusation on Tuesday."))
    b = paragraph_pieces(paragraph("In a filing, Lanxin denied the accusation."))
    words, names = shared(a, b, frozenset())
    assert names == ["Lanxin"] and words == ["accusation", "denied"]
