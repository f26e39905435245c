"""Generate every ingestion fixture in the test run: real files of each format and hostile ones.

Nothing is downloaded. Each function returns bytes; ``write_all(folder)`` writes them all
and returns {key: path}. Run ``python -m devkit.fixtures OUT_DIR`` to look at them.
"""

from __future__ import annotations

import datetime
import functools
import io
import os
import random
import sys
import zipfile
import zlib
from pathlib import Path

TITLE = "Flood barrier fails as river reaches record height"
PARAGRAPHS = [
    "The flood barrier on the lower river failed on Tuesday night, officials said, after the water "
    "rose higher than at any time since records began.",
    "Engineers may have underestimated the pressure on the old gates, according to a report seen by "
    "this newspaper, although the agency says the design met every standard.",
    "Residents described a terrifying night as water poured into the streets, and emergency crews "
    "evacuated more than two hundred homes before dawn.",
    "The agency will publish its own review next month. Café owners on the quay said they expected "
    "to reopen within weeks.",
]
ARTICLE = TITLE + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
MAX_BYTES = 20 * 1024 * 1024


def text(encoding: str) -> bytes:
    body = ARTICLE.replace("according to", "“according to”")  # curly quotes: cp1252 0x93/0x94
    return body.encode(encoding)


def markdown() -> bytes:
    return ("# " + ARTICLE).encode("utf-8")


def html() -> bytes:
    paras = "".join(f"<p>{p}</p>\n" for p in PARAGRAPHS)
    nav = "".join(f'<li><a href="/{s}">{s.title()}</a></li>' for s in ("news", "sport", "weather", "opinion"))
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{TITLE} | The River Courier</title>
<meta property="og:title" content="{TITLE}"><meta property="og:site_name" content="The River Courier">
<meta name="author" content="Dana Example"><meta property="article:published_time" content="2025-02-11T06:30:00Z">
<link rel="canonical" href="https://courier.example/news/flood-barrier">
</head><body>
<header><div class="logo">The River Courier</div><nav><ul>{nav}</ul></nav>
<form><input placeholder="Search"><button>Subscribe now</button></form></header>
<main><article><h1>{TITLE}</h1><p class="byline">By Dana Example</p>
{paras}</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Ten recipes for winter soups you must try</a></li>
<li><a href="/b">Local team wins the cup final after extra time</a></li></ul></aside></main>
<footer><p>Copyright 2025 The River Courier. All rights reserved.</p><a href="/privacy">Privacy policy</a>
<a href="/cookies">Cookie settings</a></footer></body></html>""".encode()


def docx(title: str = TITLE, paragraphs: list[str] | None = None) -> bytes:
    import docx as python_docx

    doc = python_docx.Document()
    doc.core_properties.title = title
    doc.core_properties.author = "Dana Example"
    doc.core_properties.created = datetime.datetime(2025, 2, 12, 9, 0)
    doc.add_heading(title, level=1)
    for p in paragraphs or PARAGRAPHS:
        doc.add_paragraph(p)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def pdf(title: str = TITLE, paragraphs: list[str] | None = None) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    out = io.BytesIO()
    styles = getSampleStyleSheet()
    story = [Paragraph(title, styles["Title"])]
    for p in paragraphs or PARAGRAPHS:
        story += [Paragraph(p, styles["BodyText"]), Spacer(1, 8)]
    SimpleDocTemplate(out, pagesize=A4, title=title, author="Dana Example").build(story)
    return out.getvalue()


# ---- hostile ------------------------------------------------------------------------------

def binary_as_text() -> bytes:
    rng = random.Random(7)
    return b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(4096))


def oversize() -> bytes:
    line = b"Too long to be an article, but text all the same.\n"
    return line * (MAX_BYTES // len(line) + 2)


def docx_many_entries(count: int = 5_000) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
        for i in range(count):
            z.writestr(f"word/media/x{i}.xml", "")
    return out.getvalue()


def docx_high_ratio(megabytes: int = 60) -> bytes:
    """A genuine document plus one member of zeros that compresses about 1000:1."""
    src = zipfile.ZipFile(io.BytesIO(docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info, src.read(info))
        with z.open("word/media/padding.xml", "w", force_zip64=True) as member:
            block = b"\0" * 2**20
            for _ in range(megabytes):
                member.write(block)
    return out.getvalue()


def docx_xxe() -> bytes:
    src = zipfile.ZipFile(io.BytesIO(docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                decl, _, rest = data.partition(b"?>")
                dtd = b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                data = decl + b"?>" + dtd + rest.replace(b"Engineers may", b"&xxe; Engineers may", 1)
            z.writestr(info, data)
    return out.getvalue()


def pdf_encrypted() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf())))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_no_text() -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    for i in range(20):
        c.line(50, 50 + 30 * i, 500, 80 + 25 * i)
    c.circle(300, 400, 120, fill=1)
    c.showPage()
    c.save()
    return out.getvalue()


def _pdf_from_objects(objects: list[bytes], root: int = 1, prev_loop: bool = False) -> bytes:
    """Assemble numbered objects into a PDF with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    prev = b" /Prev %d" % xref if prev_loop else b""
    out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, prev, xref)
    return bytes(out)


def pdf_expand(streams: int = 14, megabytes: int = 70) -> bytes:
    """One page whose content is ``streams`` Flate streams of ~70 KB, each inflating to
    ``megabytes`` MiB: each stays under pypdf's per-stream cap (75 MB) while together they
    ask for about a gigabyte."""
    comp = zlib.compressobj(9)
    block = b" " * 2**20
    blob = b"".join(comp.compress(block) for _ in range(megabytes)) + comp.flush()
    first = 4
    kids = b" ".join(b"%d 0 R" % (first + i) for i in range(streams))
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(blob) + blob + b"\nendstream"
    return _pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [" + kids + b"] >>",
        *([stream] * streams),
    ])


def pdf_loop() -> bytes:
    """A page tree whose Pages node lists itself as its own kid, and an xref chain that
    points back at itself."""
    return _pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 712 Td (Loop) Tj ET        \nendstream",
    ], prev_loop=True)


GOOD = {
    "utf8.txt": lambda: text("utf-8"), "utf8-bom.txt": lambda: text("utf-8-sig"),
    "utf16.txt": lambda: text("utf-16"), "cp1252.txt": lambda: text("cp1252"),
    "article.md": markdown, "article.html": html, "article.docx": lambda: docx(), "article.pdf": lambda: pdf(),
}
# file name -> (bytes, a phrase the refusal message must contain)
HOSTILE = {
    "empty.txt": (lambda: b"", "empty"),
    "image.txt": (binary_as_text, "binary"),
    "huge.txt": (oversize, "limit"),
    "entries.docx": (docx_many_entries, "zip bomb"),
    "ratio.docx": (docx_high_ratio, "zip bomb"),
    "xxe.docx": (docx_xxe, "ENTITY"),
    "locked.pdf": (pdf_encrypted, "encrypted"),
    "drawing.pdf": (pdf_no_text, "no text layer"),
    "expand.pdf": (pdf_expand, "refused"),
    "loop.pdf": (pdf_loop, "PDF"),
}
HOSTILE_NAMES = ["../../etc/passwd.txt", "evil\x00name.txt", "<img src=x onerror=alert(1)>.txt",
                 "[click](javascript:alert(1)).md"]


@functools.cache
def make(name: str) -> bytes:
    """The bytes of fixture ``name`` (a key of GOOD or HOSTILE), generated once per process."""
    if name in GOOD:
        return GOOD[name]()
    return HOSTILE[name][0]()


def write(folder: Path, name: str, as_name: str | None = None) -> Path:
    path = folder / (as_name or name)
    path.write_bytes(make(name))
    return path


def write_all(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name in [*GOOD, *HOSTILE]:
        paths[name] = write(folder, name)
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/artifacts/fixtures")
    for key, path in write_all(target).items():
        print(f"{os.path.getsize(path):>12,}  {key}")
