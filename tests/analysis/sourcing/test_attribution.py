"""attribution: which lexicon verbs are reporting verbs here, and whom they credit
(hand-checked sentences of the news forms the rules were changed for)."""

import pytest

from analysis.sourcing import attribution
from analysis.text import paragraph


def _verbs(text: str) -> list[str]:
    par = paragraph(text)
    return [text[m.start : m.end] for m in attribution.verbs(par, par.quotes)]


@pytest.mark.parametrize("text, expected", [
    ("China accused the United States of hypocrisy.", ["accused"]),  # "States" is in a name
    ("Replied State Department spokesman Richard Boucher, no.", ["Replied"]),
    ("He lives in western New York state.", []),
    ("According to Upjohn's estimates, half will go.", ["According to"]),  # a possessive makes a noun
    ("Analysts were predicting a loss.", ["predicting"]),  # progressive, not passive
    ("The retailer is claiming a domain name.", []),  # "is claiming" + an object: no report
    ("BellSouth added a provision to the pact.", []),  # an action
    ("“Yes,” added the company.", ["added"]),
    ("He added that it was late.", ["added"]),
    ("She asked her to help, and he declined.", []),  # a request
    ("Bertin Nadeau wouldn't say if Lortie was asked to leave.", []),  # a refusal
    ("Hall did not call for a lifting of sanctions.", []),  # negated: nothing is credited
    ("In July the alliance announced it would accept Poland.", ["announced"]),
    ("The deal is said to be close.", []),
    ("The FBI listed the accused doctor killer James Kopp.", []),  # an adjective
    ("State Department officials said so.", ["said"]),  # "State" opens a name
])
def test_reporting_verbs(text, expected):
    assert _verbs(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a verb after "and"/"but" reports the subject of the sentence
    ("Rep. Tony Hall, D-Ohio, did not call for a lifting of sanctions, but said the UN should act.",
     [("Rep. Tony Hall", "said")]),
    # "by" names the agent
    ("The economy added jobs, far above the 235,000 forecast by economists.", [("economists", "forecast")]),
    # quoted ... as saying: the outlet and the speaker it quotes
    ("ABC quoted an Iraqi official in Baghdad as saying Americans must stay.",
     [("ABC", "quoted"), ("an Iraqi official in Baghdad", "saying")]),
    # the subject of a reported clause, after the verb that reports it
    ("Reports attributed to the Japanese ministry said Saudi Arabia told oil companies of a cut.",
     [("Reports attributed to the Japanese ministry", "said"), ("Saudi Arabia", "told")]),
])
def test_sources(text, expected):
    par = paragraph(text)
    assert [(s.text, s.verb) for s in attribution.find(par, par.quotes)] == expected
