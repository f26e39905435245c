"""names.classify: what a source expression names (hand-checked against the guidelines,
data/eval/sources/GUIDELINES.md, section 3.2)."""

import pytest

from analysis.sourcing import names


@pytest.mark.parametrize("expr, kind", [
    # people, with a title written inside a capitalised run
    ("Dr Eleanor Marsh", "person"),
    ("FBI Director Louis Freeh", "person"),
    ("Pentagon spokesman Pete Williams", "person"),
    ("Ms. Buckham", "person"),
    # organisations: company suffixes, news agencies, international bodies
    ("Upjohn Co.", "organisation"),
    ("the Interfax news agency", "organisation"),
    ("Oxford Economics", "organisation"),
    ("Cineplex Odeon Corp. directors", "organisation"),
    # governments: countries, seats of government, named state bodies, state heads
    ("Brazil and Peru", "government"),
    ("the White House", "government"),
    ("the FBI", "government"),
    ("The UK’s NCSC", "government"),
    ("the Brazilian Ministry of Science and Technology", "government"),
    ("The Bureau of Labor Statistics", "government"),
    ("China's foreign ministry", "government"),
    ("Hall's office", "government"),
    ("police", "government"),
    ("The predominantly Moslem nation of Bangladesh", "government"),
    # documents: named, with a named author or publisher, or definite
    ("a report by the World Health Organization", "document"),
    ("A CBS News report", "document"),
    ("the study", "document"),
    ("Data collected by Ofcom", "document"),
    ("Reports attributed to the Japanese foreign ministry", "document"),
    # anonymous: unnamed people, groups, collectives, unidentified documents
    ("a spokesman for the BPI", "anonymous"),
    ("a Department for Science, Innovation and Technology spokesperson", "anonymous"),
    ("A wave of critics", "anonymous"),
    ("Those close to the talks", "anonymous"),
    ("people familiar with the matter", "anonymous"),
    ("a report", "anonymous"),
    ("Newspaper reports", "anonymous"),
    ("Forecasters", "anonymous"),
    # not sources: an adverb, a participle, a party tag
    ("Soon", ""),
    ("Pointing", ""),
    ("Based on physical evidence officials", ""),
    ("D-Ohio", ""),
])
def test_kinds(expr, kind):
    assert names.classify(expr).kind == kind


def test_a_name_after_a_title_is_the_name():
    assert names.classify("FBI Director Louis Freeh").name == "Director Louis Freeh"
    assert names.classify("Soviet Foreign Ministry spokesman Yuri Gremitskikh").name == "Yuri Gremitskikh"


def test_declared_kinds_and_categories():
    assert names.KINDS == ("person", "organisation", "government", "document", "anonymous")
    assert {"gov_head", "gov_name", "collective"} <= set(names.CATEGORIES)
    assert names.is_place("Maryland") and not names.is_place("Maria Lopez")
