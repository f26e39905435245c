"""Make an uploaded file name safe to show and to store.

A browser or a URL can hand us any string as a "file name": path separators
(``../../etc/passwd``), NUL bytes, control characters or markup
(``<img onerror=...>.txt``, ``[click](javascript:...)``). Only the last path component is
kept, and everything but letters, digits and a few harmless punctuation marks becomes
``_``, so the name can go into a message, a Markdown widget or the database unchanged.
"""

from __future__ import annotations

import re
import unicodedata

MAX_NAME = 120
_KEEP = frozenset(" ._-()+,")
_RUNS = re.compile(r"_{2,}")


def safe_name(name: str | None) -> str:
    """Return a display- and storage-safe version of ``name`` (never empty)."""
    raw = unicodedata.normalize("NFC", str(name or ""))
    raw = raw.replace("\x00", "/")  # a NUL ends the name as C sees it: treat it like a separator
    last = re.split(r"[/\\]", raw)[-1].strip()
    cleaned = "".join(ch if (ch.isalnum() or ch in _KEEP) else "_" for ch in last)
    cleaned = _RUNS.sub("_", cleaned).strip(" ._")  # no hidden files, no trailing dots
    if len(cleaned) > MAX_NAME:
        stem, dot, ext = cleaned.rpartition(".")
        cleaned = (stem[: MAX_NAME - len(ext) - 1] + "." + ext) if dot and len(ext) <= 8 else cleaned[:MAX_NAME]
    return cleaned or "unnamed"


def extension(name: str) -> str:
    """The lower-case extension without the dot ("" when there is none)."""
    _, dot, ext = name.rpartition(".")
    return ext.lower() if dot else ""
