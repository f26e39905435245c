"""Bring text in: decode files safely and say clearly why one cannot be read.

This first part reads plain text and Markdown; richer formats (HTML, DOCX, PDF, URLs)
plug in here as the ingestion work arrives, behind the same ``load`` function.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024  # 20 MiB: far beyond any article, small enough to hold in memory


class UnreadableInput(ValueError):
    """An input that cannot become text; the message names the file and the reason."""


@dataclass(frozen=True)
class Loaded:
    name: str
    text: str
    encoding: str
    format: str = "text"


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes to text, returning ``(text, encoding)``.

    UTF-8 with or without a byte-order mark, UTF-16 with one, then cp1252 (a superset of
    Latin-1 for printable text). Binary data (NUL bytes or many control characters) is
    refused rather than decoded into noise.
    """
    if not data.strip():
        raise UnreadableInput(f"{name}: the file is empty")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _checked(data.decode(enc), name), enc
            except UnicodeDecodeError as exc:
                raise UnreadableInput(f"{name}: starts like {enc} but does not decode ({exc.reason})") from None
    if b"\x00" in data[:8192]:
        raise UnreadableInput(f"{name}: looks like a binary file, not text (it contains NUL bytes)")
    try:
        return _checked(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    return _checked(data.decode("cp1252", errors="strict") if _cp1252_ok(data) else
                    data.decode("latin-1"), name), "cp1252" if _cp1252_ok(data) else "latin-1"


def _cp1252_ok(data: bytes) -> bool:
    try:
        data.decode("cp1252")
        return True
    except UnicodeDecodeError:
        return False


def _checked(text: str, name: str) -> str:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    if sample and controls / len(sample) > 0.05:
        raise UnreadableInput(f"{name}: looks like a binary file, not text ({controls} control characters)")
    if not text.strip():
        raise UnreadableInput(f"{name}: contains no text")
    return text


def load_bytes(data: bytes, name: str) -> Loaded:
    if len(data) > MAX_BYTES:
        raise UnreadableInput(f"{name}: {len(data):,} bytes is over the {MAX_BYTES:,}-byte limit")
    text, encoding = decode(data, name)
    return Loaded(name=name, text=text, encoding=encoding)


def load(path: str | Path) -> Loaded:
    """Read a file from disk into text, or raise UnreadableInput with a clear reason."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise UnreadableInput(f"{p.name}: {size:,} bytes is over the {MAX_BYTES:,}-byte limit")
        data = p.read_bytes()
    except FileNotFoundError:
        raise UnreadableInput(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UnreadableInput(f"{path}: is a folder, not a file") from None
    except PermissionError:
        raise UnreadableInput(f"{path}: permission denied") from None
    except OSError as exc:
        raise UnreadableInput(f"{path}: cannot be read ({exc.strerror})") from None
    return load_bytes(data, p.name)
