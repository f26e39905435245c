"""Bring text in: decode files safely and say clearly why one cannot be read.

One entry point per kind of source, all returning :class:`Loaded` or raising
:class:`UnreadableInput` whose message names the (sanitised) file and the reason:

- ``load(path)`` a file on disk; ``load_bytes(data, name)`` an upload;
- ``load_url(url)`` a page on the public web; ``load_text(text, name)`` pasted text.

Formats: plain text and Markdown (encoding detected), HTML (main text and metadata),
DOCX (zip checked first), PDF with a text layer (parsed in a limited child process).
The format is taken from the extension and confirmed by the file's first bytes.

Every reader checks the extracted text against the caps of :mod:`.limits` (words,
characters, paragraphs, sentence length) before returning it, so nothing over them reaches
the scorer; ``limits`` (default: the server's, :func:`.limits.from_environment`) chooses them.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from analysis.ingest import fetch as _fetch
from analysis.ingest import pdf as _pdf
from analysis.ingest import plain, webpage, word
from analysis.ingest.errors import UnreadableInput
from analysis.ingest.limits import TextLimits, TooMuchText, from_environment
from analysis.ingest.limits import check as check_text
from analysis.ingest.loaded import Loaded
from analysis.ingest.names import extension, safe_name

MAX_BYTES = _fetch.MAX_BYTES  # one limit for uploads, files and fetched pages (20 MiB)
FORMATS = ("text", "markdown", "html", "docx", "pdf")
EXTENSIONS = {"txt": "text", "text": "text", "md": "markdown", "markdown": "markdown",
              "html": "html", "htm": "html", "xhtml": "html", "docx": "docx", "pdf": "pdf"}

__all__ = ["FORMATS", "MAX_BYTES", "Loaded", "TextLimits", "TooMuchText", "UnreadableInput", "check_text",
           "load", "load_bytes", "load_text", "load_url", "safe_name"]


def sniff(data: bytes, name: str) -> str:
    """The format from the extension, checked against the first bytes."""
    fmt = EXTENSIONS.get(extension(name), "")
    head = data[:1024].lstrip()
    if fmt in ("", "text", "markdown"):
        if head.startswith(b"%PDF-") or head.startswith(b"PK\x03\x04"):
            kind = "PDF" if head.startswith(b"%PDF-") else "zip/Office"
            raise UnreadableInput(f"{name}: looks like a binary ({kind}) file, not text; "
                                  "give it its real extension")
        if not fmt:
            low = head[:512].lower()
            fmt = "html" if (b"<html" in low or b"<!doctype html" in low) else "text"
    return fmt


def load_bytes(data: bytes, name: str, limits: TextLimits | None = None) -> Loaded:
    """Turn uploaded bytes into text. ``name`` is sanitised before it is used anywhere."""
    name = safe_name(name)
    lim = limits or from_environment()
    loaded = _tidy(_extract(data, name, lim))
    check_text(loaded.text, name, lim)
    return loaded


def _tidy(loaded: Loaded) -> Loaded:
    """Control characters out of the text and metadata, whatever the format (a warning says
    how many went from the text)."""
    text, warnings = plain.without_controls(loaded.text, loaded.name)
    meta = {f: plain.CONTROLS.sub("", getattr(loaded, f)) for f in ("title", "outlet", "date", "author", "url")}
    if not warnings and all(meta[f] == getattr(loaded, f) for f in meta):
        return loaded
    if not text.strip():
        raise UnreadableInput(f"{loaded.name}: contains no text")
    return replace(loaded, text=text, sha256="", warnings=(*loaded.warnings, *warnings), **meta)


def _extract(data: bytes, name: str, lim: TextLimits) -> Loaded:
    if len(data) > MAX_BYTES:
        raise UnreadableInput(f"{name}: {len(data):,} bytes is over the {MAX_BYTES:,}-byte (20 MiB) limit")
    if not data.strip():
        raise UnreadableInput(f"{name}: the file is empty")
    fmt = sniff(data, name)
    if fmt == "html":
        return webpage.read(data, name)
    if fmt == "docx":
        return word.read(data, name, lim)
    if fmt == "pdf":
        return _pdf.read(data, name)
    text, encoding, warnings = plain.decode(data, name)
    return Loaded(name=name, text=text, encoding=encoding, format=fmt, title=_first_line(text, fmt),
                  warnings=warnings)


def load(path: str | Path, limits: TextLimits | None = None) -> Loaded:
    """Read a file from disk into text, or raise UnreadableInput with a clear reason."""
    p = Path(path)
    shown = safe_name(str(path)) if str(path) else "(no name)"
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise UnreadableInput(f"{shown}: is a folder, not a file")
        if size > MAX_BYTES:
            raise UnreadableInput(f"{shown}: {size:,} bytes is over the {MAX_BYTES:,}-byte (20 MiB) limit")
        data = p.read_bytes()
    except FileNotFoundError:
        raise UnreadableInput(f"{shown}: no such file") from None
    except PermissionError:
        raise UnreadableInput(f"{shown}: permission denied") from None
    except OSError as exc:
        raise UnreadableInput(f"{shown}: cannot be read ({exc.strerror})") from None
    return load_bytes(data, p.name, limits)


def load_text(text: str, name: str = "pasted text", limits: TextLimits | None = None) -> Loaded:
    """Pasted text: already decoded, so only emptiness and the caps are checked."""
    name = safe_name(name)
    lim = limits or from_environment()
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise UnreadableInput(f"{name}: the text is over the {MAX_BYTES:,}-byte (20 MiB) limit")
    text = plain.checked(text, name) if text.strip() else ""
    if not text:
        raise UnreadableInput(f"{name}: nothing was pasted")
    loaded = _tidy(Loaded(name=name, text=text, encoding="utf-8", format="pasted", title=_first_line(text, "text")))
    check_text(loaded.text, name, lim)
    return loaded


def load_url(url: str, options: _fetch.FetchOptions | None = None, limits: TextLimits | None = None) -> Loaded:
    """Fetch a public web page (or a PDF, DOCX, text file) and read it like an upload."""
    got = _fetch.fetch(url, options or _fetch.FetchOptions())
    base = got.url.rstrip("/").rsplit("/", 1)[-1] or "page"
    ctype = got.content_type.split(";")[0].strip()
    ext = {"text/html": "html", "application/xhtml+xml": "html", "application/pdf": "pdf",
           "text/plain": "txt", "text/markdown": "md",
           "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx"}.get(ctype)
    if ext is None:
        raise UnreadableInput(f"{safe_name(base)}: {ctype or 'unknown'} content cannot be read as an article")
    name = base if extension(base) == ext else f"{base}.{ext}"
    loaded = load_bytes(got.data, name, limits)
    return replace(loaded, url=loaded.url or got.url)


def _first_line(text: str, fmt: str) -> str:
    """A title for plain text: its first line when that line is short like a headline."""
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line if len(line) <= 150 and len(line.split()) <= 20 else ""
    return ""
