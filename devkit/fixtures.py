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


LINK_TITLE = "AI lab accuses Chinese rival of copying its model"
LINK_PARAGRAPHS = [
    "An American artificial intelligence laboratory has accused a Chinese competitor of training a "
    "cheaper system on the answers of its own chatbot, in what it called the largest case of its kind.",
    "The laboratory said the rival had sent millions of questions through thousands of accounts, "
    "according to Anthropic’s own report. In February, the firm had warned that such copying was "
    "becoming common across the industry.",
    "Its chief executive wrote on the company blog that the accounts had been closed, and that "
    "Beijing had not replied to requests for comment.",
    "Critics were quick to point out that the laboratory had itself trained its models on text "
    "gathered from the web without asking.",
]


def html_inline_link() -> bytes:
    """A page whose markup breaks sentences around inline links, as content systems do: a
    paragraph closed before a link and reopened after it with blank lines around the link, and
    links set between pairs of ``<br>``. Read naively, each fragment is a paragraph of its own
    (". In February, ...") and the short ones headings. Its text is LINK_PARAGRAPHS."""
    p1, _, _, p4 = LINK_PARAGRAPHS
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{LINK_TITLE} | The Harbour Ledger</title>
<meta property="og:title" content="{LINK_TITLE}"><meta property="og:site_name" content="The Harbour Ledger">
</head><body>
<header><nav><a href="/">Home</a> <a href="/tech">Tech</a> <a href="/world">World</a></nav></header>
<main><article>
<h1>{LINK_TITLE}</h1>
<p>{p1}</p>
<p>The laboratory said the rival had sent millions of questions through thousands of accounts, according to</p>

<a href="https://example.com/report">Anthropic’s own report</a>

<p>. In February, the firm had warned that such copying was becoming common across the industry.</p>
<p>Its chief executive wrote on
<br><br>
<a href="https://example.com/blog">the company blog</a>
<br><br>
that the accounts had been closed, and that
<br><br>
<a href="https://example.com/ministry">Beijing</a>
<br><br>
had not replied to requests for comment.</p>
<p>{p4}</p>
</article></main>
<footer><p>Copyright 2026 The Harbour Ledger.</p></footer></body></html>""".encode()


def outlet_html(text: str, outlet: str) -> bytes:
    """An article as an outlet's web page: the text's first block as its headline, the other
    blocks (split at blank lines) as paragraphs, the outlet in ``og:site_name`` (what the
    readers take as the outlet)."""
    from html import escape

    head, *body = [b.strip() for b in text.split("\n\n") if b.strip()]
    paras = "".join(f"<p>{escape(p)}</p>\n" for p in body)
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(head)}</title>
<meta property="og:title" content="{escape(head)}"><meta property="og:site_name" content="{escape(outlet)}">
</head><body><main><article><h1>{escape(head)}</h1>
{paras}</article></main></body></html>""".encode()


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


def docx_expands(megabytes: int = 100) -> bytes:
    """A genuine document whose body holds ``megabytes`` MB (10**6 bytes) of XML: distinct paragraphs of
    news text, so it compresses about 7.7:1, and passes every zip-bomb
    check (entries, total size, ratio); the issue's file was 13 MB expanding to 100 MB of XML
    and 86 MB of text."""
    src = zipfile.ZipFile(io.BytesIO(docx()))
    rng = random.Random(5)
    words = " ".join(PARAGRAPHS).split()
    target = megabytes * 10**6
    parts, size, i = [], 0, 0
    while size < target:
        line = rng.choice(PARAGRAPHS).split()
        for _ in range(6):  # six words swapped per paragraph: about 7.7:1, as the file
            line[rng.randrange(len(line))] = rng.choice(words)
        part = f"<w:p><w:r><w:t>{i}. {' '.join(line)}</w:t></w:r></w:p>".encode()
        parts.append(part)
        size += len(part)
        i += 1
    body = b"".join(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                head, sep, rest = data.partition(b"<w:body>")
                data = head + sep + body + rest
            z.writestr(info, data)
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


def html_deep(depth: int = 50_000) -> bytes:
    """The article inside ``depth`` nested <div> elements."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS).encode()
    return b"<!doctype html><html><body>" + b"<div>" * depth + body + b"</div>" * depth + b"</body></html>"


def text_mixed_encodings() -> bytes:
    """The article in UTF-8 (curly quotes, "Café") with one paragraph in cp1252 pasted after
    it, as text put together from two sources comes."""
    extra = "A resident said the “wall of water” was naïve to expect, and the café stayed shut."
    return ARTICLE.replace("according to", "“according to”").encode("utf-8") + b"\n" + extra.encode("cp1252") + b"\n"


MIXED_EXPECTED = (ARTICLE.replace("according to", "“according to”") + "\n"
                  "A resident said the “wall of water” was naïve to expect, and the café stayed shut.\n")


def text_late_nuls() -> bytes:
    """About 12 KB of the article, then NUL bytes inside a sentence: past the first 8 KiB that
    the binary check used to look at."""
    body = "\n\n".join(f"{p} ({i})" for i in range(20) for p in PARAGRAPHS)
    return (body + "\n\nThe gauge read\x00\x00\x00 nine metres at dawn.\n").encode("utf-8")


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


# ---- shapes of accepted text, for the caps on extracted text (analysis.ingest.limits) ------
#
# Each takes a size and returns str. ``prose`` is news-like; the others are the shapes that cost
# most per word: every word a lexicon term, many tiny paragraphs, long sentences, no spaces.

BUNDLED = Path(__file__).resolve().parents[1] / "data" / "articles" / "ai-model-theft-accusation.txt"


@functools.cache
def _sentences() -> tuple[str, ...]:
    import re

    raw = BUNDLED.read_text(encoding="utf-8") + "\n" + "\n".join(PARAGRAPHS)
    return tuple(s for s in re.split(r"(?<=[.!?])\s+", raw.replace("\n", " ")) if len(s.split()) > 3)


@functools.cache
def _lexicon_terms() -> tuple[str, ...]:
    import csv

    folder = BUNDLED.parents[1] / "lexicons"
    # as a text would hold them: without the lexicons' own marks ("alarm+" inflects, "attack*" is a stem)
    terms = [row["term"].rstrip("+*") for name in ("alarm", "hedges", "sources")
             for row in csv.DictReader((folder / f"{name}.csv").open(encoding="utf-8"))]
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    terms += sorted(SentimentIntensityAnalyzer().lexicon)[::7]
    return tuple(terms)


def prose(words: int, seed: int = 1) -> str:
    """News-like text of about ``words`` words: sentences of the bundled article and the
    fixture article, shuffled into paragraphs of two to four, one word in ten swapped for a
    lexicon term and one in twenty for a numbered word (so no two paragraphs are equal)."""
    rng = random.Random(seed)
    sentences, terms = _sentences(), _lexicon_terms()
    out: list[str] = []
    count = 0
    while count < words:
        para = []
        for _ in range(rng.randint(2, 4)):
            toks = [rng.choice(terms) if rng.random() < 0.1 else f"{w}{rng.randrange(100)}"
                    if rng.random() < 0.05 else w for w in rng.choice(sentences).split()]
            para.append(" ".join(toks))
            count += sum(len(t.split()) for t in toks)  # a multi-word term is several words
        out.append(" ".join(para))
    return "\n\n".join(out) + "\n"


def dense(words: int, seed: int = 2) -> str:
    """Every word a lexicon term (alarm, hedges, sources, VADER): the most evidence per word."""
    rng = random.Random(seed)
    terms = _lexicon_terms()
    out, count = [], 0
    while count < words:
        toks = [rng.choice(terms) for _ in range(20)]
        out.append(" ".join(toks).capitalize() + ".")
        count += sum(len(t.split()) for t in toks)
    return "\n\n".join(" ".join(out[i:i + 3]) for i in range(0, len(out), 3)) + "\n"


def short_paragraphs(count: int, words: int = 2) -> str:
    """``count`` paragraphs of ``words`` words each: the most paragraphs per word."""
    filler = " here" * (words - 1)
    return "\n\n".join(f"Item{i}{filler}." for i in range(count)) + "\n"


def long_sentences(words: int, sentence_words: int, seed: int = 3) -> str:
    """Paragraphs of one sentence of ``sentence_words`` words each (the last may be shorter)."""
    rng = random.Random(seed)
    vocab = [w.strip(".,;:!?\"“”") for s in _sentences() for w in s.split()]
    vocab = [w.lower() for w in vocab if w.isalpha()]
    out = []
    for start in range(0, words, sentence_words):
        n = min(sentence_words, words - start)
        out.append(" ".join(rng.choice(vocab) for _ in range(n)).capitalize() + ".")
    return "\n\n".join(out) + "\n"


def lowercase_stops(words: int) -> str:
    """One paragraph of ``words`` words, each followed by a full stop and a lower-case word:
    the splitter sees one sentence (a full stop before a lower-case word ends none)."""
    return "Start " + " ".join(f"word{i}." for i in range(words - 1)) + "\n"


def near_upload_limit(mib: float = 19) -> str:
    """News-like text of ``mib`` MiB (UTF-8), just under the 20 MiB upload limit: distinct
    paragraphs, repeated with their number so no two are equal."""
    block = prose(20_000).split("\n\n")
    out, size, i = [], 0, 0
    while size < mib * 2**20:
        par = f"{i}. {block[i % len(block)]}"
        out.append(par)
        size += len(par.encode()) + 2
        i += 1
    return "\n\n".join(out)


def no_spaces(chars: int) -> str:
    """One 'word' of ``chars`` letters: no space, no line break."""
    return "a" * chars


GOOD = {
    "utf8.txt": lambda: text("utf-8"), "utf8-bom.txt": lambda: text("utf-8-sig"),
    "utf16.txt": lambda: text("utf-16"), "cp1252.txt": lambda: text("cp1252"),
    "article.md": markdown, "article.html": html, "article.docx": lambda: docx(), "article.pdf": lambda: pdf(),
}
# pages of real structure that once read wrong (not in GOOD: their text is not ARTICLE)
STRUCTURE = {"inline-link.html": html_inline_link}
# file name -> (bytes, a phrase the refusal message must contain)
HOSTILE = {
    "empty.txt": (lambda: b"", "empty"),
    "image.txt": (binary_as_text, "binary"),
    "huge.txt": (oversize, "limit"),
    "entries.docx": (docx_many_entries, "zip bomb"),
    "ratio.docx": (docx_high_ratio, "zip bomb"),
    "xxe.docx": (docx_xxe, "ENTITY"),
    "expands.docx": (docx_expands, "refused before reading"),
    "deep.html": (html_deep, "nested deeper than the HTML parser's limit"),
    # accepted by size (under 20 MiB), refused by the caps on extracted text (analysis.ingest.limits)
    "19mib.txt": (lambda: near_upload_limit().encode(), "characters of text is over the limit"),
    "many-words.txt": (lambda: prose(260_000).encode(), "words is over the limit of 250,000 words"),
    "no-spaces.txt": (lambda: no_spaces(5_000_000).encode(), "characters"),
    "tiny-paragraphs.txt": (lambda: short_paragraphs(100_000, 1).encode(), "paragraph"),
    "long-sentence.txt": (lambda: lowercase_stops(5_000).encode(), "sentence of 5,000 words"),
    "locked.pdf": (pdf_encrypted, "encrypted"),
    "drawing.pdf": (pdf_no_text, "no text layer"),
    "expand.pdf": (pdf_expand, "refused"),
    "loop.pdf": (pdf_loop, "PDF"),
}
HOSTILE_NAMES = ["../../etc/passwd.txt", "evil\x00name.txt", "<img src=x onerror=alert(1)>.txt",
                 "[click](javascript:alert(1)).md"]


@functools.cache
def make(name: str) -> bytes:
    """The bytes of fixture ``name`` (a key of GOOD, STRUCTURE or HOSTILE), generated once per process."""
    if name in GOOD:
        return GOOD[name]()
    if name in STRUCTURE:
        return STRUCTURE[name]()
    return HOSTILE[name][0]()


def write(folder: Path, name: str, as_name: str | None = None) -> Path:
    path = folder / (as_name or name)
    path.write_bytes(make(name))
    return path


def write_all(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name in [*GOOD, *STRUCTURE, *HOSTILE]:
        paths[name] = write(folder, name)
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/artifacts/fixtures")
    for key, path in write_all(target).items():
        print(f"{os.path.getsize(path):>12,}  {key}")
