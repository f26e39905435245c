"""Plain text and Markdown: find the encoding, refuse binary data, remove control characters.

Order of evidence: a byte-order mark (UTF-8, UTF-16, UTF-32) is decisive; then strict
UTF-8; then charset-normalizer's best guess among the encodings a news text plausibly
comes in; cp1252 (Windows Western, a superset of Latin-1's printable range) last.

Mixed files: text pasted together from several sources can have UTF-8 lines beside lines in
a Windows code page. Read whole as cp1252, its UTF-8 part came out garbled ("CafÃ©") and
nothing said so. When some lines are UTF-8 with non-ASCII letters and others are not UTF-8
at all, each line is read in its own encoding (a line feed never occurs inside a UTF-8
sequence), the encoding is reported as "utf-8+cp1252" and a warning names the lines.

Control characters (NUL and the other C0 and C1 controls but tab, line feed, form feed and
carriage return) are not text: the whole text is checked, not only its first 8 KiB. Many of
them mean a binary file, refused; a few are removed, with a warning (before, NULs after the
first 8 KiB reached the exported CSV).
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from analysis.ingest.errors import UnreadableInput

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
CONTROL_SHARE = 0.05  # more than 5% control characters (in the first 8 KiB, or in all) = binary, not text
# not text: C0 controls but tab, line feed, form feed and carriage return; DEL; C1 controls
CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


class Decoded(NamedTuple):
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode(data: bytes, name: str) -> Decoded:
    """Decode bytes to text, or raise UnreadableInput."""
    if not data.strip():
        raise UnreadableInput(f"{name}: the file is empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(checked(data.decode(enc), name), enc)
            except UnicodeDecodeError as exc:
                raise UnreadableInput(f"{name}: starts like {enc} but does not decode ({exc.reason})") from None
    if _utf16_without_bom(data):
        enc = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        try:
            return Decoded(checked(data.decode(enc), name), enc)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        raise UnreadableInput(f"{name}: looks like a binary file, not text (it contains NUL bytes)")
    try:
        return Decoded(checked(data.decode("utf-8"), name), "utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _mixed(data, name)
    if mixed is not None:
        return mixed
    enc = _single_byte(data)
    return Decoded(checked(data.decode(enc), name), enc)


def _single_byte(data: bytes) -> str:
    """The Western single-byte encoding ``data`` decodes in: charset-normalizer's guess,
    else cp1252, else Latin-1 (which decodes anything)."""
    guess = _guess(data)
    if guess:
        return guess
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"


def _mixed(data: bytes, name: str) -> Decoded | None:
    """Lines in UTF-8 (some with non-ASCII letters) beside lines that are not UTF-8: each line
    in its own encoding, with a warning. None when the file is not mixed like that."""
    lines = data.splitlines(keepends=True)
    utf8: dict[int, str] = {}
    other: list[int] = []
    for i, line in enumerate(lines):
        try:
            utf8[i] = line.decode("utf-8")
        except UnicodeDecodeError:
            other.append(i)
    if not other or not any(not text.isascii() for text in utf8.values()):
        return None
    enc = _single_byte(b"".join(lines[i] for i in other))
    text = "".join(utf8[i] if i in utf8 else lines[i].decode(enc) for i in range(len(lines)))
    shown = ", ".join(str(i + 1) for i in other[:5]) + (", ..." if len(other) > 5 else "")
    warning = (f"{name}: mixed encodings: {len(other):,} of {len(lines):,} lines are not UTF-8 and were read "
               f"as {enc} (line{'s' if len(other) > 1 else ''} {shown}); the rest is UTF-8. Check those lines")
    return Decoded(checked(text, name), f"utf-8+{enc}", (warning,))


def _utf16_without_bom(data: bytes) -> bool:
    """Mostly-ASCII UTF-16 without a BOM: every other byte of the sample is NUL."""
    sample = data[:4096]
    if len(sample) < 8:
        return False
    even, odd = sample[0::2], sample[1::2]
    return max(even.count(0) / len(even), odd.count(0) / len(odd)) > 0.9 and min(
        even.count(0), odd.count(0)) < len(even) * 0.05


def _guess(data: bytes) -> str | None:
    """charset-normalizer's guess, kept only for single-byte Western encodings."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536], cp_isolation=["cp1252", "latin_1", "iso8859_15", "mac_roman"]).best()
    if best is None:
        return None
    enc = best.encoding.replace("_", "-")
    enc = {"latin-1": "latin-1", "iso8859-15": "iso-8859-15", "mac-roman": "mac-roman"}.get(enc, enc)
    try:
        data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        return None
    return enc


def checked(text: str, name: str) -> str:
    """Refuse decoded text that is really binary, or that holds no words."""
    sample = text[:8192]
    controls = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\ufffd")
    if sample and controls / len(sample) > CONTROL_SHARE:
        raise UnreadableInput(f"{name}: looks like a binary file, not text ({controls} control characters "
                              f"in the first {len(sample):,})")
    if len(text) > len(sample):
        everywhere = len(text) - len(CONTROLS.sub("", text))
        if everywhere / len(text) > CONTROL_SHARE:
            raise UnreadableInput(f"{name}: looks like a binary file, not text ({everywhere:,} control "
                                  f"characters in {len(text):,})")
    if not text.strip():
        raise UnreadableInput(f"{name}: contains no text")
    return text


def without_controls(text: str, name: str) -> tuple[str, tuple[str, ...]]:
    """``text`` without control characters (see CONTROLS), and a warning when any went."""
    cleaned = CONTROLS.sub("", text)
    gone = len(text) - len(cleaned)
    if not gone:
        return text, ()
    nul = text.count("\x00")
    what = f"{nul:,} NUL and {gone - nul:,} other" if nul and gone > nul else ("NUL" if nul else "")
    return cleaned, (f"{name}: {gone:,} {what + ' ' if what else ''}control character{'s' if gone > 1 else ''} "
                     "removed (they are not text)",)
