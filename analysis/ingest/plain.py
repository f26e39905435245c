"""Plain text and Markdown: find the encoding, refuse binary data.

Order of evidence: a byte-order mark (UTF-8, UTF-16, UTF-32) is decisive; then strict
UTF-8; then charset-normalizer's best guess among the encodings a news text plausibly
comes in; cp1252 (Windows Western, a superset of Latin-1's printable range) last.
"""

from __future__ import annotations

import codecs

from analysis.ingest.errors import UnreadableInput

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
CONTROL_SHARE = 0.05  # more than 5% control characters in the first 8 KiB = binary, not text


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes to text, returning ``(text, encoding)`` or raising UnreadableInput."""
    if not data.strip():
        raise UnreadableInput(f"{name}: the file is empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return checked(data.decode(enc), name), enc
            except UnicodeDecodeError as exc:
                raise UnreadableInput(f"{name}: starts like {enc} but does not decode ({exc.reason})") from None
    if _utf16_without_bom(data):
        enc = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        try:
            return checked(data.decode(enc), name), enc
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        raise UnreadableInput(f"{name}: looks like a binary file, not text (it contains NUL bytes)")
    try:
        return checked(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    guess = _guess(data)
    if guess:
        return checked(data.decode(guess), name), guess
    try:
        return checked(data.decode("cp1252"), name), "cp1252"
    except UnicodeDecodeError:
        return checked(data.decode("latin-1"), name), "latin-1"


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
    if not text.strip():
        raise UnreadableInput(f"{name}: contains no text")
    return text
