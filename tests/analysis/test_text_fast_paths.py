"""Shortcuts in segmentation that must mean exactly what the plain code meant."""

import re

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
