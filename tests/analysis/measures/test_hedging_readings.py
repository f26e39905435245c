"""Hand-checked news sentences for the rules of analysis/measures/hedging_readings.py (hedge
lexicon 2.0.0): the forecast verbs, "think", "should", "suspect", "assume", "believe",
"could", "possible", "potential", a vague quantifier holding an opinion, a cue in a name. Each
rule's reason is on its evidence."""

import pytest

from analysis.measures import hedging

from .helpers import hits


def cue(text, term):
    """(weight, category, note) of the one evidence span whose term is ``term``."""
    [found] = [(w, c, n) for t, c, w, n in hits(hedging.MEASURE, text) if t.lower() == term]
    return found


@pytest.mark.parametrize(
    "text, term",
    [
        ("The company expects to report a loss for the quarter.", "expects"),
        ("The vote is expected to pass on Tuesday.", "expected"),
        ("Analysts expect the central bank to cut rates.", "expect"),
        ("Economists predict a slowdown next year.", "predict"),
        ("The firm anticipates higher costs.", "anticipates"),
        ("I think the deal is dead,” he said.", "think"),
        ("Investigators think the fire was started deliberately.", "think"),
        ("The restructuring should help the bank meet the new rules.", "should"),
        ("The sale should be completed within months.", "should"),
        ("Police suspect the gunman fled abroad.", "suspect"),
        ("Planners had assumed that the first stage would be the easiest.", "assumed"),
        ("The likelihood of a strike has grown.", "likelihood"),
        ("It looks like the talks will fail.", "it looks like"),
        ("Officials believing the threat was real closed the road.", "believing"),
        ("He estimated that the company would not be profitable until 1994.", "estimated that"),
    ],
)
def test_epistemic_cues_in_news_count_in_full(text, term):
    weight, category, note = cue(text, term)
    assert weight == 1.0 and note == ""
    assert hedging.MEASURE.subscale_of(category).name == "hedging_epistemic"


@pytest.mark.parametrize(
    "text, term, reason",
    [
        ("As expected, the bank raised rates.", "expected", "'as expected'"),
        ("Profits were better than expected.", "expected", "'than expected'"),
        ("Profit rose less than anticipated.", "anticipated", "'than anticipated'"),
        ("The approval, which had been expected, came on Friday.", "expected", "a forecast that came true"),
        ("A think tank published the report.", "think", "an institution"),
        ("Voters will think about it.", "think", "considering"),
        ("It was a sobering thought.", "thought", "a noun"),
        ("The thought of war frightened them.", "thought", "a noun"),
        ("Nato should be used to secure the region.", "should", "obligation or advice"),
        ("Patients should not have to travel far.", "should", "obligation or advice"),
        ("The suspect was arrested on Monday.", "suspect", "a person suspected"),
        ("Six suspects are in custody.", "suspects", "a person suspected"),
        ("He said the economy is suspect.", "suspect", "an adjective"),
        ("She will assume the role of chair.", "assume", "took on"),
        ("The buyer will assume $22 million of debt.", "assume", "took on"),
        ("In you we believe.", "believe", "faith or trust"),
        ("Neither of them could be reached for comment.", "could", "whether someone answered"),
        ("Columns of prisoners could be seen trudging west.", "could", "able to perceive"),
        ("A warrant was issued so that he could be held.", "could", "a purpose"),
        ("They called for the fastest possible ratification.", "possible", "the utmost"),
        ("Nobody believes the figures.", "believes", "a claim about everyone"),
        ("No one should doubt our resolve.", "doubt", "a claim about everyone"),
        ("The opera was famous in the Tomb of the Unknown Soldier.", "unknown", "part of the name"),
        ("He is on the FBI's Ten Most Wanted list.", "most", "part of the name"),
    ],
)
def test_readings_that_are_not_hedges_count_zero_with_the_reason(text, term, reason):
    weight, _, note = cue(text, term)
    assert weight == 0.0 and reason in note


@pytest.mark.parametrize(
    "text, term",
    [
        ("Columns could be seen as a snub.", "could"),  # "seen as": a hedge
        ("The plan could boost profits.", "could"),
        ("I don't think we are there yet.", "think"),  # "don't think": a hedged denial
        ("Officials Say Plant May Close", "may"),  # Title Case headline: the capital says nothing
        ("The plan may include selling branches.", "may"),  # a specific subject: a forecast
    ],
)
def test_hedges_the_rules_leave_alone(text, term):
    weight, _, note = cue(text, term)
    assert weight == 1.0, note


def test_potential_buyers_are_marginal():
    weight, _, note = cue("Talks are under way with potential buyers.", "potential")
    assert weight == hedging.MARGINAL and "a class of people" in note
    assert cue("NATO's potential involvement in Kosovo worried Moscow.", "potential")[0] == 0.5


def test_a_name_in_a_title_case_headline_before_a_verb_in_s():
    weight, _, note = cue("Former Prime Minister Theresa May Speaks Out", "may")
    assert weight == 0.0 and "a modal takes the bare verb" in note


@pytest.mark.parametrize(
    "text, verb",
    [
        ("Many regard the incident as his cruellest act.", "regard"),
        ("Some theorize that the name is older.", "theorize"),
        ("Many Muslims criticise the practice.", "criticise"),
    ],
)
def test_a_vague_quantifier_holding_an_opinion_is_a_vague_source(text, verb):
    weight, category, note = [(w, c, n) for t, c, w, n in hits(hedging.MEASURE, text)
                              if t.lower() in ("many", "some")][0]
    assert (weight, category) == (1.0, "vague_source") and verb in note


def test_a_vague_quantifier_counting_things_stays_vagueness():
    [(term, category, weight, _)] = hits(hedging.MEASURE, "Many buildings were damaged.")
    assert (category, weight) == ("vague_quantifier", 0.5)


@pytest.mark.parametrize(
    "text, category",
    [
        ("He is regarded by many as the founder.", "vague_source"),
        ("Prices rose by some 40%.", "approximator"),
    ],
)
def test_by_some_is_a_vague_agent_or_a_rounded_figure(text, category):
    [(_, found, weight, _)] = [h for h in hits(hedging.MEASURE, text) if h[0].startswith("by")]
    assert found == category and weight == (1.0 if category == "vague_source" else hedging.MARGINAL)


@pytest.mark.parametrize(
    "text, term, category",
    [
        ("Bush has indicated the navy will block the port.", "indicated", "reporting"),
        ("The company indicated that it would sell.", "indicated", "reporting"),
        ("Takeover speculation lifted the shares.", "speculation", "reporting"),
        ("The suspected gunman fled.", "suspected", "evidential"),
        ("Volume was estimated at 1.3 billion shares.", "estimated", "approximator"),
    ],
)
def test_cues_moved_out_of_the_epistemic_subscale(text, term, category):
    assert cue(text, term)[1] == category


def test_indicates_after_a_thing_is_a_mild_inference():
    weight, category, note = cue("The decision to go public indicates a breakdown of diplomacy.", "indicates")
    assert (weight, category) == (hedging.MARGINAL, "epistemic_verb") and "a sign" in note
