"""Text from outside, made safe to print on a terminal.

A title read from a web page's metadata, or typed on the Coverage page, can hold terminal
escape sequences (``ESC [ 2 J`` clears the screen, ``ESC ] 0 ; ... BEL`` retitles the
window, some terminals act on C1 controls such as U+009B), a carriage return that overprints
what came before, or a right-to-left override that shows "Title <U+202E>evil" as
"Title live". :func:`safe` writes each such character as a visible escape (``\\x1b``,
``\\r``, ``\\u202e``) so the researcher sees that it is there and the terminal never acts on it.
"""

from __future__ import annotations

import unicodedata

# Unicode's explicit directional formatting characters (UAX #9): embeddings, overrides,
# isolates and the marks; all change how the text around them is shown.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _shown(ch: str) -> str:
    if ch in _SHORT:
        return _SHORT[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def unsafe(ch: str) -> bool:
    """Control characters (C0, DEL, C1), line and paragraph separators, bidi controls."""
    return ch in BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Zl", "Zp")


def safe(text: object) -> str:
    """``text`` with every character of :func:`unsafe` written as a visible escape."""
    s = str(text)
    return "".join(_shown(ch) if unsafe(ch) else ch for ch in s) if any(unsafe(ch) for ch in s) else s
