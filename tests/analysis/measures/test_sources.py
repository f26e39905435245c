"""The sourcing measure: hand-checked sentences (written for these tests), the issue's pair,
quotations across paragraph breaks, pronouns, hostile input."""

import math

import pytest

import analysis
from analysis import lexicon as lx
from analysis.measures import sources
from analysis.sourcing import detect, names
from analysis.text import paragraph

from .helpers import score


def speakers(text, previous=""):
    """(speaker name, kind) of every quotation, and (source text, kind, verb) of every source."""
    found = detect.detect(paragraph(text, previous))
    quotes = [(detect.speaker_name(q.speaker) if q.speaker else None,
               q.speaker.kind if q.speaker else None) for q in found.quotes]
    srcs = [(s.text, s.kind, s.verb) for s in found.sources]
    return quotes, srcs


@pytest.mark.parametrize(
    "text, quotes, srcs",
    [
        # straight quotes, "X, title, stated:" before the quotation
        ('Anthropic’s chief executive, Dario Amodei, stated: "This is not a minor breach."',
         [("Dario Amodei", "person")], [("Dario Amodei", "person", "stated")]),
        # curly quotes, an unnamed spokesperson after it
        ("“We are assessing the implications,” a spokesperson said.",
         [("a spokesperson", "anonymous")], [("a spokesperson", "anonymous", "said")]),
        # "said X" inversion with an apposition after the name
        ("“It was a good year,” said Alan Strickland, a Haringey councillor.",
         [("Alan Strickland", "person")], [("Alan Strickland", "person", "said")]),
        # "X, a spokesperson for Y, said": the name, not the description
        ("Maria Lopez, a spokesperson for the union, said the strike would go ahead.",
         [], [("Maria Lopez", "person", "said")]),
        # according to an organisation
        ("Prices rose by 3% in May, according to the Office for National Statistics.",
         [], [("the Office for National Statistics", "government", "according to")]),
        # told reporters, with the title before the name
        ("The finance minister, Jane Doe, told reporters that the plan would go ahead.",
         [], [("Jane Doe", "person", "told")]),
        # vague sources
        ("Experts warn that the flaw could be exploited.", [], [("Experts", "anonymous", "warn")]),
        ("Industry insiders note that the move signals a breakdown.", [],
         [("Industry insiders", "anonymous", "note")]),
        ("People familiar with the matter said the deal was close.", [],
         [("People familiar with the matter", "anonymous", "said")]),
        # an unnamed source marked by a phrase, with no reporting verb of its own
        ("The plan, detailed in a document seen by the Guardian, would cut 500 jobs.", [],
         [("a document seen by the Guardian", "anonymous", "")]),
        # an acronym is an organisation; a framing verb
        ("The NCSC confirmed it is in talks with the company.", [],
         [("The NCSC", "government", "confirmed")]),
        ("The company denied the allegations.", [], [("The company", "organisation", "denied")]),
        # a pronoun resolved within the paragraph
        ("Tabata doesn’t agree. “Everyone can do it,” he explains.",
         [("Tabata", "person")], [("he", "person", "explains")]),
        # "A,” said X. “B.”: both quotations are X's
        ("“It burns your insides,” said Maria. “But it is cheap.”",
         [("Maria", "person"), ("Maria", "person")], [("Maria", "person", "said")]),
        # participle: the subject at the head of the sentence
        ("The Prime Minister, David Cameron, responded by saying: “I’m not happy with it.”",
         [("David Cameron", "person")], [("David Cameron", "person", "responded")]),
        # not reports: a passive, a noun, an infinitive, an object-taking "found"
        ("The deal is said to be close. The claims were new. He wants to add a clause. "
         "Police found piles of cash.", [], []),
    ],
)
def test_hand_checked_sentences(text, quotes, srcs):
    got_quotes, got_sources = speakers(text)
    assert got_quotes == quotes
    assert got_sources == srcs


# The error forms of issue 15 ("Who speaks"), in the form the issue gives them; each row was
# checked by hand against guidelines version 2 (data/eval/sources/GUIDELINES.md, section 3).
@pytest.mark.parametrize(
    "text, quotes, srcs",
    [
        # a multi-word name is not split into speaker and verb ("United" / "States")
        ("China's foreign ministry accused the United States of hypocrisy on Tuesday.", [],
         [("China's foreign ministry", "government", "accused")]),
        # a ministry's name is not cut short at the commas of its own name
        ("“We take this seriously,” a Department for Science, Innovation and Technology spokesperson said.",
         [("a Department for Science, Innovation and Technology spokesperson", "anonymous")],
         [("a Department for Science, Innovation and Technology spokesperson", "anonymous", "said")]),
        # a sentence-initial adverb or participle is no speaker
        ("Soon after the claims, critics said the firm had copied its rival.", [],
         [("critics", "anonymous", "said")]),
        ("Pointing to the report, Jane Smith said the attacks were coordinated.", [],
         [("Jane Smith", "person", "said")]),
        # the object of an object-taking verb is not its speaker
        ("OpenAI, which has itself been sued, accused Anthropic of hypocrisy.", [],
         [("OpenAI", "organisation", "accused")]),
        # one anonymous person is one mention, however many clauses describe them
        ("“It was a mistake,” said one former official, who asked not to be named because he was not "
         "authorised to speak publicly.",
         [("one former official", "anonymous")], [("one former official", "anonymous", "said")]),
        # plural and collective unnamed sources
        ("A wave of critics accused the firm of double standards.", [],
         [("A wave of critics", "anonymous", "accused")]),
        ("Authors who allege their books were copied have sued the company.", [],
         [("Authors", "anonymous", "allege")]),
        ("Critics suggest the move is a distraction.", [], [("Critics", "anonymous", "suggest")]),
        ("Those close to the talks said a deal was near.", [],
         [("Those close to the talks", "anonymous", "said")]),
        # quoted by an outlet: the outlet and the person it quotes are two sources
        ("Reuters quoted a senior official as saying the talks had failed.", [],
         [("Reuters", "organisation", "quoted"), ("a senior official", "anonymous", "saying")]),
        # kinds: a government body, a document with a named publisher, an unidentified one
        ("The Bureau of Labor Statistics said jobs grew, far above the 235,000 forecast by economists.", [],
         [("The Bureau of Labor Statistics", "government", "said"), ("economists", "anonymous", "forecast")]),
        ("Prices fell, according to a report by the World Health Organization.", [],
         [("a report by the World Health Organization", "document", "according to")]),
        ("Prices fell, according to a report.", [], [("a report", "anonymous", "according to")]),
        ("“It's very frustrating,” said Ms. Buckham.", [("Ms. Buckham", "person")],
         [("Ms. Buckham", "person", "said")]),
        ("FBI Director Louis Freeh said the reward was the largest.", [],
         [("FBI Director Louis Freeh", "person", "said")]),
        ("Cilcorp said it will pay Hunter $4 million.", [], [("Cilcorp", "organisation", "said")]),
    ],
)
def test_issue_15_error_forms(text, quotes, srcs):
    got_quotes, got_sources = speakers(text)
    assert got_quotes == quotes
    assert got_sources == srcs


@pytest.mark.parametrize("text, scare, speech", [
    # scare quotes of the issue's form: a category of their own, not quotations
    ("The company said the so-called “distillation” attacks continued.", ["“distillation”"], []),
    ("The lab described what it called 'industrial-scale' copying as a threat", ["'industrial-scale'"], []),
    ("A spokesperson said its fee paid for a “tronc” – a standard pay arrangement.", ["“tronc”"], []),
    ("In Saudi Arabia, today is the eighth day of “Desert Shield,” the operation.", ["“Desert Shield,”"], []),
    # a fragment that a reporting verb before it (or right after it) reports is speech
    ("Saddam repeatedly called Bush “a liar” on television.", [], ["“a liar”"]),
    ("Courtaulds is giving shareholders “choice and value,” said Julia Blake.", [], ["“choice and value,”"]),
    # a single-quoted quotation in a headline (no double marks anywhere) is a quotation
    ("'You've stolen data too': authors turn on AI firm", [], ["'You've stolen data too'"]),
])
def test_scare_quotes_and_speech(text, scare, speech):
    found = detect.detect(paragraph(text))
    assert [text[s.start : s.end] for s in found.scare] == scare
    assert [text[q.start : q.end] for q in found.quotes] == speech
    _, scored = score(sources.MEASURE, text)
    assert scored.values["scare_quotes"] == len(scare) and scored.values["quotes"] == len(speech)


def test_kind_columns_add_up_to_named_sources():
    text = ("Brazil said the deal was off. Oxford Economics said costs rose, according to the study. "
            "Ann Lee said no. A spokesman said yes.")
    _, scored = score(sources.MEASURE, text)
    v = scored.values
    assert (v["sources_governments"], v["sources_organisations"], v["sources_documents"], v["sources_people"],
            v["anonymous_sources"]) == (1, 1, 1, 1, 1)
    assert v["named_sources"] == 4
    kinds = {e.category for e in scored.evidence if e.category.startswith("speaker_")}
    assert kinds == {"speaker_government", "speaker_organisation", "speaker_document", "speaker_person",
                     "speaker_anonymous"}


def test_kind_columns_are_declared_with_unit_range_and_direction():
    cols = {c.name: c for c in sources.MEASURE.columns}
    for name in ("sources_people", "sources_organisations", "sources_governments", "sources_documents",
                 "anonymous_sources", "scare_quotes"):
        c = cols[name]
        assert c.unit == "count" and c.low == 0 and c.high is None and c.direction.startswith("higher = ")
    assert {s.name for s in sources.MEASURE.subscales} == {
        "sources_people", "sources_organisations", "sources_governments", "sources_documents", "anonymous_sources"}


def test_pronoun_resolves_to_a_person_of_the_previous_paragraph():
    quotes, srcs = speakers("“We are full every night,” she said.", previous="Maria Lopez runs the clinic.")
    assert quotes == [("Maria Lopez", "person")]
    assert srcs == [("she", "person", "said")]


def test_unresolved_he_counts_as_a_named_person_and_says_so():
    par, scored = score(sources.MEASURE, "“It works,” he said.")
    assert scored.values["named_sources"] == 1 and scored.values["anonymous_sources"] == 0
    [spk] = [e for e in scored.evidence if e.category.startswith("speaker_")]
    assert spk.category == "speaker_person" and "not found nearby" in spk.note


def test_pronoun_for_an_unnamed_spokesperson_stays_anonymous():
    _, srcs = speakers("A spokesperson for the chain said its fee was fair. “We run it well,” she said.")
    assert [k for _, k, _ in srcs] == ["anonymous", "anonymous"]


def test_scare_quotes_are_not_speech_and_are_counted_apart():
    par, scored = score(sources.MEASURE, "Despite an “excruciating” trapped nerve, she teaches every week.")
    assert scored.values["quotes"] == 0 and scored.values["quoted_share"] == 0
    assert scored.values["scare_quotes"] == 1
    [scare] = [e for e in scored.evidence if e.category == "scare_quote"]
    assert scare.term == "“excruciating”" and scare.weight == 1 and "scare_quotes" in scare.note


def test_short_fragment_with_an_attribution_is_a_quotation():
    _, scored = score(sources.MEASURE, "Sophie Kebede says she was “flabbergasted” by the price.")
    assert scored.values["quotes"] == 1 and scored.values["named_sources"] == 1


def test_values_and_shares():
    par, scored = score(sources.MEASURE, "“We will win this,” said Ann Lee. Critics said she would lose.")
    v = scored.values
    assert (v["quotes"], v["named_sources"], v["anonymous_sources"]) == (1, 1, 1)
    assert v["quoted_share"] == pytest.approx(4 / par.words)
    assert v["anonymous_share"] == 0.5
    assert set(v) == set(sources.MEASURE.column_names)


def test_no_source_gives_nan_share_not_zero():
    _, scored = score(sources.MEASURE, "The river rose by a metre overnight.")
    assert scored.values["anonymous_sources"] == 0 and math.isnan(scored.values["anonymous_share"])


def summary(text):
    return analysis.analyze(text).summary.iloc[0]


def test_issue_pair_people_familiar_scores_more_anonymous_than_a_named_official():
    facts = "The ministry will cut the road budget by 10% next year"
    anonymous = f"{facts}, people familiar with the matter said. The decision was taken last week, according to sources close to the talks."
    named = f"{facts}, the finance minister, Jane Doe, said. The decision was taken last week, according to the Ministry of Finance."
    a, n = summary(anonymous), summary(named)
    assert a["anonymous_sources"] == 2 and n["anonymous_sources"] == 0
    assert a["anonymous_share"] == 1.0 and n["anonymous_share"] == 0.0
    assert n["named_sources"] == 2 and a["named_sources"] == 0


def test_quotation_reopened_over_a_paragraph_break_keeps_its_speaker():
    result = analysis.analyze("Ann Lee said: “The first part runs on.\n\n“And the second part ends here.”\n")
    ev = result.evidence[(result.evidence["measure"] == "sources") & (result.evidence["category"] == "quote")]
    assert list(ev["paragraph"]) == [1, 2]
    assert "Ann Lee" in ev["note"].iloc[1] and "previous paragraph" in ev["note"].iloc[1]


def test_quotation_not_reopened_after_a_paragraph_break_is_still_quoted():
    text = "Ann Lee said: “The first part runs on.\n\nThe second part ends here.” Then she left."
    result = analysis.analyze(text)
    q = result.evidence[(result.evidence["measure"] == "sources") & (result.evidence["category"] == "quote")]
    assert list(q["term"]) == ["“The first part runs on.", "The second part ends here.”"]
    assert result.paragraphs["quotes"].tolist() == [1, 1]


def test_article_shares_are_pooled_not_averaged():
    text = "“Yes,” said Ann Lee, “we will.”\n\nThe river rose by a metre overnight and the town was flooded again."
    result = analysis.analyze(text)
    p = result.paragraphs
    pooled = (p["quoted_share"] * p["words"]).sum() / p["words"].sum()
    s = result.summary.iloc[0]
    assert s["quoted_share"] == pytest.approx(pooled) and s["quoted_share"] != pytest.approx(p["quoted_share"].mean())


def test_bundled_article_sources(bundled):
    ev = bundled.evidence[bundled.evidence["measure"] == "sources"]
    kinds = {(r.term, r.category) for r in ev.itertuples() if r.category.startswith("speaker_")}
    assert {("a confidential brief seen by this publication", "speaker_anonymous"),
            ("Dario Amodei", "speaker_person"), ("A spokesperson", "speaker_anonymous"),
            ("Experts", "speaker_anonymous"), ("Dr. Eleanor Marsh", "speaker_person"),
            ("Industry insiders", "speaker_anonymous"),
            ("The Chinese firm", "speaker_organisation")} <= kinds
    s = bundled.summary.iloc[0]
    assert s["quotes"] == 4 and s["anonymous_sources"] == 4


@pytest.mark.parametrize("text", [
    '"' * 1000,
    "“" * 500 + "”",
    "said said said, according to according to. He said. She said. They said. It said.",
    '<script>alert(1)</script> “x y z w,” said <b>Bob</b> & co',
    "قال المتحدث إن الوضع خطير جدا، بحسب مصادر مطلعة.",
    "😀 “🔥🔥🔥 🔥,” said 🎉.",
    "A " + "Very " * 3000 + "Long Name said so.",
    "”” ““ , said , according to , “",
])
def test_hostile_text_does_not_crash_and_offsets_slice_the_text(text):
    result = analysis.analyze(text)
    ev = result.evidence[result.evidence["measure"] == "sources"]
    for row in ev.itertuples():
        assert text[row.start : row.end] == row.term
    for value in result.paragraphs["quoted_share"]:
        assert math.isnan(value) or 0 <= value <= 1


def test_declared_categories_match_the_lexicon():
    assert tuple(lx.load(names.LEXICON).categories) == names.CATEGORIES


# Properties over random news-like text (hypothesis; profile "nl" from test_properties).
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PIECES = ["the", "minister", "said", "Ann", "Lee", "told", "reporters", "experts", "warn", "that",
          "“we", "will", "win,”", "he", "she", "according", "to", "sources", "officials", "denied",
          "it", ",", ".", "\"", ":", "a", "spokesperson", "people", "familiar", "with", "claims", "Dr"]
bodies = st.lists(st.sampled_from(PIECES), min_size=1, max_size=50).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(bodies)
def test_an_added_anonymous_attribution_adds_an_anonymous_source(body):
    def anonymous(text):
        return sum(sources.score(p).values["anonymous_sources"] for p in paragraph_list(text))

    # A paragraph of its own: inside an unclosed quotation the same words would be speech.
    extra = "\n\nPeople familiar with the matter said the talks had stalled."
    before, after = anonymous(body + "."), anonymous(body + "." + extra)
    assert after >= before + 1


def paragraph_list(text):
    from analysis.text import segment

    return segment(text).paragraphs


@settings(max_examples=60, deadline=None)
@given(bodies)
def test_shares_stay_in_range_and_counts_match_evidence(body):
    for par in paragraph_list(body):
        scored = sources.score(par)
        v = scored.values
        assert math.isnan(v["quoted_share"]) or 0 <= v["quoted_share"] <= 1
        assert math.isnan(v["anonymous_share"]) or 0 <= v["anonymous_share"] <= 1
        assert v["quotes"] == sum(1 for e in scored.evidence if e.category == "quote")
        assert v["anonymous_sources"] == sum(1 for e in scored.evidence if e.category == "speaker_anonymous")
