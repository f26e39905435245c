"""HTML: the article's main text and its metadata, without menus, headers and footers.

trafilatura finds the main content block and reads title, site name (the outlet), author,
publication date and canonical URL from the page's metadata (Open Graph, JSON-LD,
``<meta>``). It never fetches anything when handed a string, and it runs in a limited child
process (``sandbox``). Paragraphs are separated by a blank line so that the segmenter sees
one paragraph per block.

trafilatura ends a line wherever the page's markup puts an element boundary, and pages put
them inside sentences: a paragraph closed before an inline link and reopened after it
(``<p>... according to</p> <a>the report</a> <p>. In February ...</p>``), links set between
``<br>`` pairs. Each fragment would become a paragraph, and the short ones headings. So a
line is joined back to the one before when it cannot begin a paragraph (it starts with a
stop, comma or closing bracket, or in lower case after a line without final punctuation) or
the line before cannot end one (it ends in a comma, an article, a preposition or a
conjunction).
"""

from __future__ import annotations

import re

from analysis.ingest import sandbox
from analysis.ingest.errors import UnreadableInput
from analysis.ingest.loaded import Loaded
from analysis.ingest.plain import Decoded, checked, decode
from analysis.ingest.sandbox import Limits, clean

HTML_LIMITS = Limits(cpu_seconds=10, wall_seconds=12.0)


def read(data: bytes, name: str, limits: Limits = HTML_LIMITS) -> Loaded:
    """Extract the main text and metadata of an HTML page, or raise UnreadableInput.

    Decoding happens here; the parse runs in ``sandbox``'s limited child, because lxml and
    trafilatura on a hostile or merely huge page can take minutes."""
    html, encoding, _ = _decode(data, name)
    out = sandbox.run("html", html.encode("utf-8", "surrogatepass"), name, limits)
    if not out.get("ok"):
        if out.get("reason") == "too-deep":
            raise UnreadableInput(f"{name}: refused: its elements are nested deeper than the HTML parser's limit "
                                  "of 256 (an article page nests a few dozen deep); the page is broken or built "
                                  "to break parsers")
        if out.get("reason") == "too-many-elements":
            raise UnreadableInput(f"{name}: refused: it has {clean(out.get('detail'))}, more than the 500,000 the "
                                  "article finder works on (an article page has a few thousand)")
        raise UnreadableInput(f"{name}: the HTML could not be parsed ({clean(out.get('detail'))})")
    lines = rejoin([line.strip() for line in str(out.get("text", "")).splitlines() if line.strip()])
    if not lines:
        raise UnreadableInput(f"{name}: no article text found in the page (only navigation or scripts?)")
    return Loaded(name=name, text="\n\n".join(lines), encoding=encoding, format="html",
                  title=_s(out.get("title")), outlet=_s(out.get("sitename")), date=_s(out.get("date")),
                  author=_s(out.get("author")), url=_s(out.get("url")))


_STARTS_INSIDE = re.compile(r"[.,;:!?)\]](?!\.)")  # ". In February": not "...", which may open a paragraph
_ENDS_INSIDE = re.compile(
    r"(?:,|\b(?:a|an|the|and|or|but|nor|to|of|in|on|at|by|for|from|with|as|than|that|via|into|onto"
    r"|about|over|under|between|through|according to))$")  # lower case only: "Vitamin A" is a title
_FINAL = ".!?…:;\"'”’»)]"


def rejoin(lines: list[str]) -> list[str]:
    """The page's lines with the fragments of one sentence joined again (see the module's
    docstring); lines are stripped and non-empty."""
    out: list[str] = []
    for line in lines:
        if out:
            prev = out[-1]
            if _STARTS_INSIDE.match(line):
                out[-1] = prev + line
                continue
            if (line[0].islower() and prev[-1] not in _FINAL) or _ENDS_INSIDE.search(prev):
                out[-1] = prev + " " + line
                continue
        out.append(line)
    return out


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)


def _decode(data: bytes, name: str) -> Decoded:
    """A charset declared in the page's head wins when the bytes decode with it; otherwise
    the same detection as plain text (BOM, strict UTF-8, a guessed Western code page)."""
    found = _CHARSET.search(data[:4096])
    if found and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        enc = found.group(1).decode("ascii").lower()
        try:
            text = data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            return Decoded(checked(text, name), enc)
    return decode(data, name)


def _s(value: object) -> str:
    return str(value).strip() if value else ""
