"""DOCX: check the zip container before any XML parser sees it, then read the paragraphs.

A .docx is a zip of XML parts. Before python-docx opens it, the container is checked with
``zipfile`` alone (which reads only the central directory):

- at most ``MAX_ENTRIES`` members (a zip bomb may hold millions of tiny ones);
- at most ``MAX_EXPANDED`` bytes once decompressed, and an overall expansion ratio of at
  most ``MAX_RATIO`` (Word's XML compresses about 5-15x; a bomb compresses 1000x);
- no XML part may declare a DOCTYPE or an ENTITY: Word never writes one, and they are how
  external-entity (XXE) and billion-laughs attacks are smuggled in.

zipfile stops reading a member at its declared size and checks its CRC, so the sizes in the
directory are a real bound on what python-docx can later decompress.
"""

from __future__ import annotations

import io
import re
import zipfile

from analysis.ingest.errors import UnreadableInput
from analysis.ingest.loaded import Loaded

MAX_ENTRIES = 1_000
MAX_EXPANDED = 100 * 1024 * 1024
MAX_RATIO = 100.0
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def check_container(data: bytes, name: str) -> None:
    """Raise UnreadableInput for anything but a modest, DTD-free zip of XML parts."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise UnreadableInput(f"{name}: not a valid .docx (it is not a zip archive)") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise UnreadableInput(f"{name}: refused as a possible zip bomb ({len(infos):,} entries; "
                                  f"a document has at most {MAX_ENTRIES:,})")
        expanded = sum(i.file_size for i in infos)
        packed = max(1, sum(i.compress_size for i in infos))
        if expanded > MAX_EXPANDED:
            raise UnreadableInput(f"{name}: refused as a possible zip bomb (it would expand to "
                                  f"{expanded / 2**20:,.0f} MiB; the limit is {MAX_EXPANDED / 2**20:.0f} MiB)")
        if expanded / packed > MAX_RATIO:
            raise UnreadableInput(f"{name}: refused as a possible zip bomb (compression ratio "
                                  f"{expanded / packed:,.0f}:1; the limit is {MAX_RATIO:.0f}:1)")
        if "word/document.xml" not in archive.namelist():
            raise UnreadableInput(f"{name}: not a Word document (no word/document.xml inside the zip)")
        for info in infos:
            if info.filename.lower().endswith((".xml", ".rels")):
                try:
                    part = archive.read(info)
                except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError):
                    raise UnreadableInput(f"{name}: the zip is damaged ({_safe(info.filename)} cannot be "
                                          "read)") from None
                if _DTD.search(part) or _DTD.search(part.replace(b"\x00", b"")):
                    raise UnreadableInput(f"{name}: refused: {_safe(info.filename)} declares a DOCTYPE or "
                                          "ENTITY (external entities are not allowed in a .docx)")


def read(data: bytes, name: str) -> Loaded:
    """Paragraphs (and table cells) of a checked .docx, with core properties as metadata."""
    check_container(data, name)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many types on malformed parts
        raise UnreadableInput(f"{name}: the .docx could not be opened ({type(exc).__name__})") from None
    blocks = [p.text.strip() for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells if c.text.strip()]
            if cells:
                blocks.append(" | ".join(dict.fromkeys(cells)))
    blocks = [b for b in blocks if b]
    if not blocks:
        raise UnreadableInput(f"{name}: the document contains no text")
    core = document.core_properties
    when = core.created or core.modified
    return Loaded(name=name, text="\n\n".join(blocks), encoding="utf-8", format="docx",
                  title=(core.title or "").strip(), author=(core.author or "").strip(),
                  date=when.date().isoformat() if when else "")


def _safe(member: str) -> str:
    """A zip member's path, safe to show."""
    return re.sub(r"[^\w./-]", "_", member)[:80]
