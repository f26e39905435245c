"""HTML: the article's main text and its metadata, without menus, headers and footers.

trafilatura finds the main content block and reads title, site name (the outlet), author,
publication date and canonical URL from the page's metadata (Open Graph, JSON-LD,
``<meta>``). It never fetches anything when handed a string. Paragraphs are separated by a
blank line so that the segmenter sees one paragraph per block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from analysis.ingest.errors import UnreadableInput
from analysis.ingest.plain import checked, decode

MAX_TREE = "500000"  # elements; trafilatura gives up on a page larger than this


@dataclass(frozen=True)
class Page:
    text: str
    encoding: str
    title: str = ""
    outlet: str = ""
    date: str = ""
    author: str = ""
    url: str = ""


def read(data: bytes, name: str) -> Page:
    """Extract the main text and metadata of an HTML page, or raise UnreadableInput."""
    html, encoding = _decode(data, name)
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False,
            favor_precision=True,        )
    except Exception as exc:  # noqa: BLE001 - a hostile page may break the parser in any way
        raise UnreadableInput(f"{name}: the HTML could not be parsed ({type(exc).__name__})") from None
    text = getattr(doc, "text", None) or ""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        raise UnreadableInput(f"{name}: no article text found in the page (only navigation or scripts?)")
    return Page(
        text="\n\n".join(lines), encoding=encoding,
        title=_s(getattr(doc, "title", None)), outlet=_s(getattr(doc, "sitename", None)),
        date=_s(getattr(doc, "date", None)), author=_s(getattr(doc, "author", None)),
        url=_s(getattr(doc, "url", None)),
    )


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)


def _decode(data: bytes, name: str) -> tuple[str, str]:
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
            return checked(text, name), enc
    return decode(data, name)


def _config() -> Any:
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", MAX_TREE)
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # its timeout uses SIGALRM: main thread only
    return config


def _s(value: object) -> str:
    return str(value).strip() if value else ""
