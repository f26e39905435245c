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
# entities (< > &), and Streamlit's own directives (":red[...]", ":material/icon:", emoji).
# CommonMark lets a backslash make any ASCII punctuation literal.
_MD_RE = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def html(text: object) -> str:
    """``text`` as literal HTML text, safe inside element content and quoted attribute values,
    and in plotly's titles, labels and hover templates."""
    return _HTML_RE.sub(lambda m: _HTML[m.group(0)], str(text))


def md(text: object) -> str:
    """``text`` made inert for Streamlit Markdown: no link, emphasis, heading, list, HTML,
    colour directive or icon; it reads exactly as written. Line breaks become spaces, so a
    title cannot start a block of its own."""
    flat = " ".join(str(text).splitlines())
    return _MD_RE.sub(r"\\\1", flat)
