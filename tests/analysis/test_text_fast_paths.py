"""Shortcuts in segmentation that must mean exactly what the plain code meant."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import text as tx


def test_regex_white_space_is_str_isspace_for_every_code_point():
    space = re.compile(r"\s")
    assert [c for c in range(0x110000) if bool(space.fullmatch(chr(c))) != chr(c).isspace()] == []


def test_skip_space_stops_at_the_first_non_space():
    text = " \t\u00a0\u2003\nword  \r\n"
    assert tx._skip_space(text, 0) == 5
    assert tx._skip_space(text, 5) == 5
    assert tx._skip_space(text, 9) == len(text)
    assert tx._skip_space("", 0) == 0


def test_person_run_pattern_equals_the_word_boundary_form(bundled_text):
    from analysis.sourcing import mentions

    plain = re.compile(r"\b[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|von|van|de|al|bin))*")
    for text in (bundled_text, "Ab Cd", "ÉA Bc _Ab 1Ab aB A x-Ab 'Ab ’Ab AB\nAb  Cd von Ef", ""):
        assert [m.span() for m in mentions._PERSON_RUN.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_lowering_never_makes_a_word_character_of_another_or_the_reverse():
    """tokens() finds the words in the lowered text: for every character that lowers to one
    character, being a word character (``\\w``) is kept."""
    word = re.compile(r"\w")
    changed = [code for code in range(0x110000)
               if len(chr(code).lower()) == 1 and bool(word.match(chr(code))) != bool(word.match(chr(code).lower()))]
    assert changed == []


def _tokens_word_by_word(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().lower().replace("’", "'")) for m in tx._TOKEN.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abXY ’'-.,\n\t_0٣İıΣσςÉéẞßǅⅫⓐ\u0345😁", max_size=40))
def test_tokens_of_the_lowered_text_are_the_words_lowered_one_by_one(text):
    assert tx.tokens(text) == _tokens_word_by_word(text)


def test_tokens_on_news_text(bundled_text):
    for text in (bundled_text, bundled_text.upper(), "İstanbul ΟΔΟΣ ΣΟΦΟΣ don’t", ""):
        assert tx.tokens(text) == _tokens_word_by_word(text)
