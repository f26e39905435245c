"""phrases: the noun phrase that speaks, found before or after the verb (hand-checked)."""

from analysis.sourcing import phrases as ph
from analysis.text import paragraph


def _left(text: str, verb: str) -> str:
    par = paragraph(text)
    mask = ph.masked(par, par.quotes)
    i = text.index(verb)
    found = ph.left(mask, 0, i)
    return text[found[0] : found[1]] if found else ""


def test_the_commas_of_a_listed_name_do_not_cut_it():
    assert _left("a Department for Science, Innovation and Technology spokesperson said it.", "said") == \
        "a Department for Science, Innovation and Technology spokesperson"


def test_a_description_before_the_verb_is_the_source_when_nothing_but_clauses_precede_it():
    text = "Bush was expected to act on the shipments to and from Iraq, a U.S. official said."
    assert _left(text, "said") == "a U.S. official"
    text = "Lawrence Insurance underwrites mostly primary insurance, a company spokesman said."
    assert _left(text, "said") == "a company spokesman"


def test_walking_back_over_descriptions_to_the_name_they_describe():
    text = ("Doctor James Burdick, the Professor of Surgery at Johns Hopkins in Baltimore, Maryland, "
            "and former President of UNOS, said it works.")
    assert _left(text, "said it") == "Doctor James Burdick"
    assert _left("Maria Lopez, a spokesperson for the union, said no.", "said") == "Maria Lopez"


def test_the_noun_phrase_ends_before_a_participle_or_relative_clause():
    assert _left("A CBS News report citing unnamed sources said so.", "said") == "A CBS News report"
    assert _left("Based on physical evidence officials said so.", "said") == "officials"


def test_after_the_verb_an_abbreviation_does_not_end_the_name():
    text = "“It hurts,” said Ms. Buckham."
    par = paragraph(text)
    mask = ph.masked(par, par.quotes)
    i = text.index("said") + 4
    b, e, _ = ph.right(mask, i, len(text))
    assert text[b:e] == "Ms. Buckham"


def test_an_object_after_an_inverted_object_verb_is_refused():
    text = "OpenAI, which was sued, accused Anthropic of hypocrisy."
    par = paragraph(text)
    mask = ph.masked(par, par.quotes)
    i = text.index("accused") + len("accused")
    assert ph.right(mask, i, len(text), object_verb=True) is None
    assert ph.right(mask, i, len(text)) is not None
