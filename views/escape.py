"""The two escapers every view uses on text that comes from outside (titles, file names,
paragraphs, terms, messages): ``html`` for markup and plotly labels, ``md`` for Streamlit
Markdown. One of each, so that every view makes user text inert in the same way.

``html`` writes the quotes as numeric references (``&#34;``, ``&#39;``), not as Python's
``html.escape`` does (``&quot;``, ``&#x27;``): plotly.js decodes numeric references and only a
handful of named ones (amp, lt, gt, nbsp and a few symbols), so ``&quot;`` would be shown
literally in a chart title, while ``&#34;`` is a quotation mark there and in any HTML, inside
attribute values too (checked by rendering through kaleido, tests/views/test_escape.py).
"""

from __future__ import annotations

import re

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"}
_HTML_RE = re.compile("[&<>\"']")

# Everything Streamlit's Markdown gives a meaning to: emphasis, code, links and images,
# headings, lists (a line starting "1." "-" "+"), tables, strikethrough, maths ($), HTML and
# entities (< > &), and Streamlit's directives (":red[...]"). CommonMark lets a backslash make
# any ASCII punctuation literal.
_MD_RE = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")
# What Streamlit changes in the text after the backslashes are gone: icons and emoji
# (":material/home:", ":smile:", ":streamlit:"), typography ("->" becomes an arrow, "--" a dash,
# ">=" a sign) and bare addresses made links ("https://...", "www.x.org", "a@b.org"). An
# invisible word joiner (U+2060) between two characters keeps them as written; it is the only
# character md() adds that a reader does not see.
_JOIN = re.compile(r"(?<=:)(?=[\w+/-])|(?<=-)(?=[->])|(?<=<)(?=[-=])|(?<=>)(?==)|(?i:(?<=www)(?=\.))|(?=@)")
JOINER = "\u2060"


def html(text: object) -> str:
    """``text`` as literal HTML text, safe inside element content and quoted attribute values,
    and in plotly's titles, labels and hover templates."""
    return _HTML_RE.sub(lambda m: _HTML[m.group(0)], str(text))


def md(text: object) -> str:
    """``text`` made inert for Streamlit Markdown: no link, emphasis, heading, list, HTML,
    colour directive, icon, emoji or typographic arrow; it reads exactly as written (checked in
    Chromium, tests/browser/test_dashboard_browser.py). Line breaks become spaces, so a title
    cannot start a block of its own."""
    flat = " ".join(str(text).splitlines())
    return _MD_RE.sub(r"\\\1", _JOIN.sub(JOINER, flat))
