"""The two escapers: user text reads exactly as written in HTML, in plotly's labels (checked by
rendering through kaleido, the real plotly.js) and in Streamlit Markdown (checked in Chromium
in tests/browser/test_dashboard_browser.py)."""

from __future__ import annotations

import html as stdlib_html
import re
import string

import plotly.graph_objects as go
import pytest
from hypothesis import given
from hypothesis import strategies as st

from views.escape import JOINER, html, md

HOSTILE = 'He said "no" & <b>x</b> it\'s <script>alert(1)</script> &quot; &amp;'


@given(st.text())
def test_html_round_trips_through_an_html_parser(text: str) -> None:
    escaped = html(text)
    assert not re.search(r"[<>\"']", escaped)
    assert stdlib_html.unescape(escaped) == text


def test_html_writes_quotes_as_numeric_references() -> None:
    assert html('"a" \'b\' <c> &') == "&#34;a&#34; &#39;b&#39; &lt;c&gt; &amp;"


def test_plotly_shows_escaped_text_literally() -> None:
    """plotly.js decodes &#34; but not &quot;: the reason quotes are numeric references."""
    from report import figures

    fig = go.Figure(go.Bar(x=[html(HOSTILE)], y=[1]), layout={"title": {"text": html(HOSTILE)}})
    svg = figures.render(fig, "svg").decode("utf-8")
    [title] = re.findall(r'<text[^>]*class="gtitle"[^>]*>(.*?)</text>', svg)
    assert stdlib_html.unescape(title) == HOSTILE  # as written: no bold, no "&quot;" shown for a quote


@pytest.mark.parametrize("special", list("\\`*_{}[]()#+-.!|<>~$:&"))
def test_md_escapes_every_character_markdown_or_streamlit_reads(special: str) -> None:
    assert md(f"a{special}b").replace(JOINER, "") == f"a\\{special}b"


@pytest.mark.parametrize("shortcut", [":material/home:", ":smile:", ":streamlit:", "->", "<-", "<->", "--",
                                      ">=", "<=", "https://x.org", "WWW.x.org", "a@b.org"])
def test_md_breaks_what_streamlit_rewrites_after_unescaping(shortcut: str) -> None:
    """Icons, emoji, typographic arrows and bare addresses are matched in the text after the
    backslashes are gone: an invisible word joiner keeps the characters apart."""
    out = md(shortcut)
    assert JOINER in out
    assert out.replace(JOINER, "").replace("\\", "") == shortcut


def test_md_leaves_letters_digits_and_spaces_and_flattens_lines() -> None:
    plain = string.ascii_letters + string.digits + " éß“”"
    assert md(plain) == plain
    assert md("Title\n# not a heading\r\n\n1. not a list") == "Title \\# not a heading  1\\. not a list"
