import math

import pytest

from analysis.measures import hedging

from .helpers import hits, score


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The minister may resign.", [("may", "modal", 1.0)]),
        ("It reportedly cost about 40 million dollars.", [("reportedly", "evidential", 1.0), ("about", "approximator", 0.25)]),
        ("The report is about the theft.", []),
        ("According to officials, the plan is said to fail.",
         [("According to", "reporting", 1.0), ("is said to", "agentless", 1.0)]),
        ("Some experts think it might, perhaps, work.",
         [("Some experts", "vague_source", 1.0), ("think", "epistemic_verb", 1.0), ("might", "modal", 1.0),
          ("perhaps", "adverb", 1.0)]),
        ("Industry insiders note the move suggests frustration.",
         [("Industry insiders", "vague_source", 1.0), ("suggests", "epistemic_verb", 1.0)]),
        ("Prices rose by roughly 5 percent, up to 7 in places.",
         [("roughly", "approximator", 0.25), ("up to", "approximator", 0.25)]),
        ("Police confirmed the arrest on Tuesday.", []),
    ],
)
def test_hand_checked_cues(text, expected):
    assert [(t, c, w) for t, c, w, _ in hits(hedging.MEASURE, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The election will be held on 3 May.",
        "The election will be held on May 3.",
        "Voting closed in May after weeks of delay.",
        "May 2024 was the wettest month.",
        "Former prime minister Theresa May spoke.",
    ],
)
def test_may_the_month_or_a_name_is_no_hedge(text):
    par, scored = score(hedging.MEASURE, text)
    assert scored.values["hedging"] == 0.0
    [ev] = scored.evidence
    assert ev.weight == 0.0 and ev.term == "May" and "not the modal" in ev.note


def test_modal_may_at_sentence_start_counts():
    _, scored = score(hedging.MEASURE, "May the talks fail? They may.")
    assert [e.weight for e in scored.evidence] == [1.0, 1.0]


def test_hedge_in_direct_quotation_is_marked_not_dropped():
    _, scored = score(hedging.MEASURE, 'He said: "This could be serious." It could.')
    quoted, plain = scored.evidence
    assert quoted.quoted and quoted.note == "in quoted speech" and quoted.weight == 1.0
    assert not plain.quoted
    assert scored.values["hedging_quoted"] == pytest.approx(100 / 8)
    assert scored.values["hedging"] == pytest.approx(200 / 8)


def test_rate_is_per_100_words_and_nan_without_words():
    _, scored = score(hedging.MEASURE, "It may rain tomorrow in the north and the south.")  # 10 words
    assert scored.values["hedging"] == pytest.approx(10.0)
    assert scored.values["hedging_modal"] == pytest.approx(10.0)
    assert scored.values["hedging_adverb"] == 0.0
    from analysis.text import Paragraph

    empty = hedging.MEASURE.score(Paragraph(index=0, start=0, end=0, text=""))
    assert math.isnan(empty.values["hedging"])
