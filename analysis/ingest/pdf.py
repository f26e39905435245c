"""PDF with a text layer, parsed in a child process with CPU, memory and wall-clock limits.

An untrusted PDF can be built to make a parser loop (a cross-reference or page tree that
points back at itself) or expand (a small FlateDecode stream that inflates to gigabytes),
so it is parsed only in ``sandbox``'s limited child. pypdf's own caps (75 MB per stream)
come first; the child's RLIMIT_AS/RLIMIT_CPU and the wall-clock timeout catch the rest.

Paragraphs: pypdf returns lines; a line that ends a sentence and is clearly shorter than
the page's full lines ends a paragraph. Scanned PDFs (no text layer) are refused with the
advice to run OCR first.
"""

from __future__ import annotations

import re

from analysis.ingest import sandbox
from analysis.ingest.errors import UnreadableInput
from analysis.ingest.loaded import Loaded
from analysis.ingest.sandbox import Limits, clean

MIN_CHARS = 40  # fewer letters than this on every page together = no text layer
PDF_LIMITS = Limits()


def read(data: bytes, name: str, limits: Limits = PDF_LIMITS) -> Loaded:
    """Text of a PDF, or UnreadableInput naming the reason (encrypted, no text, too costly)."""
    if b"%PDF-" not in data[:1024]:
        raise UnreadableInput(f"{name}: not a PDF (no %PDF- header)")
    out = sandbox.run("pdf", data, name, limits)
    if not out.get("ok"):
        reason = out.get("reason")
        if reason == "encrypted":
            raise UnreadableInput(f"{name}: the PDF is encrypted (password-protected); save an unprotected "
                                  "copy and upload that")
        if reason == "expands":
            raise UnreadableInput(f"{name}: refused: its content would expand past the parser's safety "
                                  f"limit ({clean(out.get('detail'))}); the PDF may be built to expand")
        if reason == "too-many-pages":
            raise UnreadableInput(f"{name}: refused: too many pages ({clean(out.get('detail'))})")
        raise UnreadableInput(f"{name}: not a readable PDF ({clean(out.get('detail')) or 'damaged'})")
    pages = [str(p) for p in out.get("pages", [])]
    if sum(ch.isalpha() for p in pages for ch in p) < MIN_CHARS:
        raise UnreadableInput(f"{name}: the PDF has no text layer (a scan or drawing?); run OCR on it first")
    text = "\n\n".join(t for t in (paragraphs(p) for p in pages) if t)
    return Loaded(name=name, text=text, encoding="utf-8", format="pdf", title=str(out.get("title", "")).strip(),
                  author=str(out.get("author", "")).strip(), date=str(out.get("date", "")))


_FINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$")


def paragraphs(page: str) -> str:
    """Re-join a page's wrapped lines into paragraphs separated by a blank line."""
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in page.splitlines()]
    full = sorted((len(line) for line in lines if line), reverse=True)
    width = full[len(full) // 4] if full else 0  # the upper quartile: a typical full line
    out: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                out.append(_join(current))
                current = []
            continue
        current.append(line)
        ends = bool(_FINAL.search(line))
        if line.endswith("-"):
            continue  # a word broken across lines never ends a paragraph
        if (ends and len(line) < 0.85 * width) or (not ends and len(line) < 0.6 * width):
            out.append(_join(current))
            current = []
    if current:
        out.append(_join(current))
    return "\n\n".join(out)


def _join(lines: list[str]) -> str:
    """Join wrapped lines; a word broken at a line-end hyphen keeps its hyphen, loses the space."""
    text = ""
    for line in lines:
        text += line if (text.endswith("-") and text[-2:-1].isalpha()) else (" " + line if text else line)
    return text

