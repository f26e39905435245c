"""Names and fixed terms (analysis/measures/names.py): hand-checked sentences in the forms
news takes, and the edges of the capitalisation rule (sentence starts, quotations, Title Case
headlines, capitals)."""

import pytest

from analysis.measures import names


def found(text):
    return [n.text for n in names.names(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Officials from the National Cyber Security Centre and the AI Safety Institute met on Tuesday.",
         ["National Cyber Security Centre", "AI Safety Institute", "Tuesday"]),
        ("The Ministry for Innovation backed the plan.", ["Ministry for Innovation"]),
        ("Flowers lay at the Tomb of the Unknown Soldier.", ["Tomb of the Unknown Soldier"]),
        ("Shares in Procter & Gamble rose.", ["Procter & Gamble"]),
        ("Talks between Israel and Hamas stalled.", ["Israel and Hamas"]),
        ("She thanked the United States and the Ministry of Justice.", ["United States", "Ministry of Justice"]),
        ("Researchers in artificial intelligence disagree.", ["artificial intelligence"]),
        ("Interest rates rose again.", ["Interest rates"]),
        ("He works in health care and child care.", ["health care", "child care"]),
    ],
)
def test_names_and_fixed_terms(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the first word of a sentence, a quotation or a clause after a colon is capitalised by position
        ("Great progress was made.", []),
        ("Safety came first, she said.", []),
        ("He had one word: Great.", []),
        ('She said: "Wonderful news for everyone."', []),
        ("“Terrible,” he said.", []),
        # ...but the rest of a capitalised run at a sentence start is a name
        ("Security Council members met.", ["Security Council"]),
        ("National Cyber Security Centre staff met.", ["Cyber Security Centre"]),
        ("Great Britain voted.", ["Great Britain"]),  # a fixed term, whatever its position
        # capitals used for emphasis are not names; the pronoun I is not a name
        ("It was NOT GOOD at all.", []),
        ("I think I'm right.", []),
    ],
)
def test_sentence_starts_emphasis_and_the_pronoun(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "headline",
    [
        "Flu Vaccine Appears Safe for Young Children",
        "United Finds Good Connection in Win",
        "Senator Says U.S. Should Rethink Iraq Strategy",
        "FLU VACCINE APPEARS SAFE FOR YOUNG CHILDREN",
    ],
)
def test_title_case_and_capitals_say_nothing_about_names(headline):
    assert names.typographic(headline)
    assert found(headline) == []  # no fixed term in these


def test_fixed_terms_are_found_in_a_title_case_headline():
    assert found("Artificial Intelligence Lifts Interest Rates Debate") == ["Artificial Intelligence", "Interest Rates"]


@pytest.mark.parametrize(
    "text",
    [
        "Officials from the National Cyber Security Centre met on Tuesday.",
        "Militants attack U.S. base in Iraq",  # a sentence-case headline
        "Terror officials see Al Qaeda chiefs regaining power",
        "It was a GREAT day.",
    ],
)
def test_running_text_and_sentence_case_headlines_are_not_typographic(text):
    assert not names.typographic(text)


def test_reason_names_the_name():
    [n] = names.names("They met at the Security Council.")
    assert (n.start, n.end) == (16, 32)
    assert n.reason == "part of the fixed term 'Security Council': an institution, not reassurance"
    [n] = names.names("They met the Safety Institute.")
    assert n.reason == "part of the name 'Safety Institute': not an opinion"


def test_one_lower_case_word_turns_a_headline_into_running_text():
    """The reading is the sentence's: a word added inside it can change how its capitals read
    (tests/analysis/test_properties.py adds its hedges as sentences of their own for this)."""
    assert names.typographic("Talks May Fail Again")
    assert not names.typographic("Talks May Fail again tomorrow")
    assert not names.typographic("the May May")  # a headline begins with a capital
