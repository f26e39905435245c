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
