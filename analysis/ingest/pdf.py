"""PDF with a text layer, parsed in a child process with CPU, memory and wall-clock limits.

An untrusted PDF can be built to make a parser loop (a cross-reference or page tree that
points back at itself) or expand (a small FlateDecode stream that inflates to gigabytes).
So the parent never parses one: it starts ``pdf_child.py`` with ``python -I`` (isolated
mode: no user site, no environment-variable injection), hands it the bytes on stdin, and
waits at most ``PdfLimits.wall_seconds``. The child caps its own CPU time (RLIMIT_CPU) and
address space (RLIMIT_AS) before importing pypdf.

Paragraphs: pypdf returns lines; a line that ends a sentence and is clearly shorter than
the page's full lines ends a paragraph. Scanned PDFs (no text layer) are refused with the
advice to run OCR first.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from analysis.ingest.errors import UnreadableInput

CHILD = Path(__file__).with_name("pdf_child.py")
MIN_CHARS = 40  # fewer letters than this on every page together = no text layer


@dataclass(frozen=True)
class PdfLimits:
    cpu_seconds: int = 8
    memory_bytes: int = 768 * 1024 * 1024
    wall_seconds: float = 15.0


@dataclass(frozen=True)
class PdfDoc:
    text: str
    pages: int
    title: str = ""
    author: str = ""
    date: str = ""


def read(data: bytes, name: str, limits: PdfLimits = PdfLimits()) -> PdfDoc:
    """Text of a PDF, or UnreadableInput naming the reason (encrypted, no text, too costly)."""
    if b"%PDF-" not in data[:1024]:
        raise UnreadableInput(f"{name}: not a PDF (no %PDF- header)")
    cmd = [sys.executable, "-I", str(CHILD), str(limits.cpu_seconds), str(limits.memory_bytes)]
    env = {"PATH": os.environ.get("PATH", ""), "LANG": "C.UTF-8"}
    try:
        done = subprocess.run(cmd, input=data, capture_output=True, timeout=limits.wall_seconds,
                              env=env, check=False)
    except subprocess.TimeoutExpired:
        raise UnreadableInput(f"{name}: refused: parsing took longer than {limits.wall_seconds:g} s "
                              "(the PDF may be built to loop)") from None
    if done.returncode != 0:
        if done.returncode < 0 or done.returncode in (137, 152):
            why = "it used more than the CPU-time or memory allowed (the PDF may be built to loop or expand)"
        else:
            why = "the parser failed on it"
        raise UnreadableInput(f"{name}: refused: {why}") from None
    try:
        out = json.loads(done.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise UnreadableInput(f"{name}: the PDF parser returned no result") from None
    if not out.get("ok"):
        reason = out.get("reason")
        if reason == "encrypted":
            raise UnreadableInput(f"{name}: the PDF is encrypted (password-protected); save an unprotected "
                                  "copy and upload that")
        if reason == "memory":
            raise UnreadableInput(f"{name}: refused: it expands beyond the "
                                  f"{limits.memory_bytes // 2**20} MiB memory limit (the PDF may be built to expand)")
        if reason == "expands":
            raise UnreadableInput(f"{name}: refused: its content would expand past the parser's safety "
                                  f"limit ({_clean(out.get('detail'))}); the PDF may be built to expand")
        if reason == "too-many-pages":
            raise UnreadableInput(f"{name}: refused: too many pages ({out.get('detail')})")
        raise UnreadableInput(f"{name}: not a readable PDF ({_clean(out.get('detail')) or 'damaged'})")
    pages = [str(p) for p in out.get("pages", [])]
    if sum(ch.isalpha() for p in pages for ch in p) < MIN_CHARS:
        raise UnreadableInput(f"{name}: the PDF has no text layer (a scan or drawing?); run OCR on it first")
    text = "\n\n".join(t for t in (paragraphs(p) for p in pages) if t)
    return PdfDoc(text=text, pages=len(pages), title=str(out.get("title", "")).strip(),
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


def _clean(detail: object) -> str:
    """A parser's message, safe to show: printable, no markup, one line, short."""
    text = "".join(ch if ch.isprintable() and ch not in "`[]" else " " for ch in str(detail or ""))
    return " ".join(text.split())[:160].rstrip(".")
