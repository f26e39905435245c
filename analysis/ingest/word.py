"""DOCX: check the zip container before any XML parser sees it, then read the paragraphs.

A .docx is a zip of XML parts. Before python-docx opens it, the container is checked with
``zipfile`` alone (which reads only the central directory):

- at most ``MAX_ENTRIES`` members (a zip bomb may hold millions of tiny ones);
- at most ``MAX_EXPANDED`` bytes once decompressed, and an overall expansion ratio of at
  most ``MAX_RATIO`` (Word's XML compresses about 5-15x; a bomb compresses 1000x);
- at most ``XML_PER_CHAR`` bytes of XML per character of the text cap (32 MB at the default
  2,000,000 characters): the XML is what the parser holds in memory, about ten to forty
  times its size, and a file well inside the zip checks (13 MB expanding 7.7:1 to 100 MB of
  XML, 86 MB of text) once took the server past 5 GB;
- no XML part may declare a DOCTYPE or an ENTITY: Word never writes one, and they are how
  external-entity (XXE) and billion-laughs attacks are smuggled in.

zipfile stops reading a member at its declared size and checks its CRC, so the sizes in the
directory are a real bound on what python-docx can later decompress. python-docx then runs
in ``sandbox``'s limited child, like the PDF and HTML parsers, so a document dense in
elements that passes the budget still meets the child's CPU and memory limits, never the
server's.
"""

from __future__ import annotations

import io
import re
import zipfile

from analysis.ingest import sandbox
from analysis.ingest.errors import UnreadableInput
from analysis.ingest.limits import ENV_CHARS, TextLimits
from analysis.ingest.loaded import Loaded
from analysis.ingest.sandbox import Limits, clean

MAX_ENTRIES = 1_000
MAX_EXPANDED = 100 * 1024 * 1024
MAX_RATIO = 100.0
XML_PER_CHAR = 16
DOCX_LIMITS = Limits(cpu_seconds=10, wall_seconds=15.0)
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def check_container(data: bytes, name: str, limits: TextLimits | None = None) -> None:
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
        xml = sum(i.file_size for i in infos if i.filename.lower().endswith((".xml", ".rels")))
        chars = (limits or TextLimits()).chars
        if xml > chars * XML_PER_CHAR:
            raise UnreadableInput(f"{name}: refused before reading: its XML would expand to {_size(xml)}, "
                                  f"over the budget of {_size(chars * XML_PER_CHAR)} ({XML_PER_CHAR} bytes "
                                  f"of XML per character of the {chars:,}-character text limit); to raise it: "
                                  f"--max-chars N on the command line, or {ENV_CHARS} on the server")
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


def read(data: bytes, name: str, limits: TextLimits | None = None, child: Limits = DOCX_LIMITS) -> Loaded:
    """Paragraphs (and table cells) of a checked .docx, with core properties as metadata."""
    check_container(data, name, limits)
    out = sandbox.run("docx", data, name, child)
    if not out.get("ok"):
        raise UnreadableInput(f"{name}: the .docx could not be opened ({clean(out.get('detail')) or 'damaged'})")
    blocks = [str(b) for b in out.get("blocks", []) if str(b).strip()]
    if not blocks:
        raise UnreadableInput(f"{name}: the document contains no text")
    return Loaded(name=name, text="\n\n".join(blocks), encoding="utf-8", format="docx",
                  title=str(out.get("title", "")).strip(), author=str(out.get("author", "")).strip(),
                  date=str(out.get("date", "")))


def _size(n: float) -> str:
    """Bytes for a message: "16 KB", "1.6 MB", "101 MB" (decimal units)."""
    if n < 1e6:
        return f"{n / 1e3:,.0f} KB"
    return f"{n / 1e6:,.1f} MB" if n < 1e7 else f"{n / 1e6:,.0f} MB"


def _safe(member: str) -> str:
    """A zip member's path, safe to show."""
    return re.sub(r"[^\w./-]", "_", member)[:80]
