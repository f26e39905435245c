"""analysis/terminal.py: what is made visible before text reaches a terminal."""

import pytest

from analysis.terminal import safe


@pytest.mark.parametrize(("raw", "shown"), [
    ("plain title, with “quotes” — and café", "plain title, with “quotes” — and café"),
    ("\x1b[2Jclear", "\\x1b[2Jclear"),
    ("bell\x07", "bell\\x07"),
    ("over\rprint", "over\\rprint"),
    ("tab\there", "tab\\there"),
    ("new\nline", "new\\nline"),
    ("c1 \x9b31m", "c1 \\x9b31m"),
    ("del\x7f", "del\\x7f"),
    ("Title \u202eevil", "Title \\u202eevil"),
    ("isolate \u2067x\u2069", "isolate \\u2067x\\u2069"),
    ("line\u2028sep", "line\\u2028sep"),
    ("emoji 👩‍🔬 kept", "emoji 👩‍🔬 kept"),  # a zero-width joiner is not a control
    ("عربي text", "عربي text"),  # right-to-left letters themselves are fine
])
def test_safe(raw, shown):
    assert safe(raw) == shown


def test_nothing_unsafe_is_left():
    every = "".join(chr(c) for c in range(0x2100))
    out = safe(every)
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 or ch in "\u202a\u202b\u202c\u202d\u202e" for ch in out)
