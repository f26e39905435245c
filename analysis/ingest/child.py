"""Child process that parses one untrusted file: bytes on stdin, one JSON object on stdout.

Run by ``analysis.ingest.sandbox`` as ``python -I child.py KIND CPU_SECONDS MEMORY_BYTES``
(KIND: ``pdf``, ``html`` or ``docx``). It lowers its own limits before importing the parser, so a
file built to loop or to expand meets RLIMIT_CPU (SIGXCPU, then SIGKILL) or RLIMIT_AS
(MemoryError) in this process and never in the server. Self-contained on purpose: it
imports nothing from the project.

Output: {"ok": true, ...fields of the kind...} or
{"ok": false, "reason": "encrypted" | "invalid" | "memory" | "expands" | "too-many-pages" | "too-deep" |
"too-many-elements", "detail": "..."}.
"""

from __future__ import annotations

import json
import re
import resource
import sys

MAX_PAGES = 2_000
MAX_TREE_SIZE = 500_000  # elements trafilatura works on
_NO_ADDRESS_SPACE = re.compile(r"failed to map segment|cannot allocate memory", re.IGNORECASE)


def _limit(cpu_seconds: int, memory_bytes: int) -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _date(raw: object) -> str:
    found = re.match(r"D:(\d{4})(\d{2})?(\d{2})?", str(raw or ""))
    if not found:
        return ""
    return "-".join(part for part in found.groups() if part)


def parse_html(data: bytes) -> dict[str, object]:
    """Main text and metadata of a page (``data`` is the page already decoded, as UTF-8)."""
    import trafilatura
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_TREE_SIZE))
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # the parent's limits do this job
    doc = trafilatura.bare_extraction(data.decode("utf-8"), with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True, config=config)
    fields = ("text", "title", "sitename", "date", "author", "url")
    found = {f: str(getattr(doc, f, None) or "") for f in fields}
    if not found["text"].strip():
        return _why_no_text(data) or {"ok": True, **found}
    return {"ok": True, **found}


def _why_no_text(data: bytes) -> dict[str, object] | None:
    """When no text came out: a parser limit the page ran into, or None (no article in it).

    libxml2 stops building the tree 256 elements deep (50,000 nested elements were reported
    as "no article text found"); trafilatura drops a tree of more than MAX_TREE_SIZE elements."""
    from lxml import etree

    parser = etree.HTMLParser()
    try:
        root = etree.fromstring(data, parser)
    except (etree.LxmlError, ValueError):
        return None
    for error in parser.error_log:
        if "Excessive depth" in error.message:
            return {"ok": False, "reason": "too-deep", "detail": error.message}
    count = 0 if root is None else sum(1 for _ in root.iter())
    if count > MAX_TREE_SIZE:
        return {"ok": False, "reason": "too-many-elements", "detail": f"{count:,} elements"}
    return None


def parse_docx(data: bytes) -> dict[str, object]:
    """Paragraphs and table rows (cells joined with " | ", repeats of a merged cell once) of
    a .docx whose container the parent has checked, with its core properties."""
    import io

    import docx

    document = docx.Document(io.BytesIO(data))
    blocks = [p.text.strip() for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells if c.text.strip()]
            if cells:
                blocks.append(" | ".join(dict.fromkeys(cells)))
    core = document.core_properties
    when = core.created or core.modified
    return {"ok": True, "blocks": [b for b in blocks if b], "title": (core.title or "").strip(),
            "author": (core.author or "").strip(), "date": when.date().isoformat() if when else ""}


def parse_pdf(data: bytes) -> dict[str, object]:
    import io
    import logging

    logging.disable(logging.CRITICAL)  # pypdf warns on stderr about every quirk of a file
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, LimitReachedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:  # owner-password-only files open with an empty password
                opened = bool(reader.decrypt(""))
            except Exception:  # noqa: BLE001
                opened = False
            if not opened:
                return {"ok": False, "reason": "encrypted", "detail": "password-protected"}
        count = len(reader.pages)
        if count > MAX_PAGES:
            return {"ok": False, "reason": "too-many-pages", "detail": f"{count} pages"}
        pages = []
        for page in reader.pages:
            page.get_contents()  # raises LimitReachedError, which extract_text would swallow
            pages.append(page.extract_text() or "")
        info: dict[str, object] = dict(reader.metadata or {})
        return {"ok": True, "pages": pages, "title": str(info.get("/Title") or ""),
                "author": str(info.get("/Author") or ""), "date": _date(info.get("/CreationDate"))}
    except LimitReachedError as exc:
        return {"ok": False, "reason": "expands", "detail": str(exc)[:160]}
    except FileNotDecryptedError:
        return {"ok": False, "reason": "encrypted", "detail": "password-protected"}
    except MemoryError:
        return {"ok": False, "reason": "memory", "detail": "memory limit reached"}
    except RecursionError:
        return {"ok": False, "reason": "invalid", "detail": "its object structure loops"}
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        return {"ok": False, "reason": "invalid", "detail": str(exc)[:160] or type(exc).__name__}


def main() -> None:
    kind = sys.argv[1]
    _limit(int(sys.argv[2]), int(sys.argv[3]))
    data = sys.stdin.buffer.read()
    try:
        out = {"pdf": parse_pdf, "docx": parse_docx, "html": parse_html}[kind](data)
    except MemoryError:
        out = {"ok": False, "reason": "memory", "detail": "memory limit reached"}
    except ImportError as exc:
        # Under RLIMIT_AS the loader cannot map a parser's compiled module (pypdf's
        # cryptography, lxml): the import fails with ENOMEM, not MemoryError.
        if _NO_ADDRESS_SPACE.search(str(exc)):
            out = {"ok": False, "reason": "memory", "detail": "memory limit reached while loading the parser"}
        else:
            out = {"ok": False, "reason": "invalid", "detail": type(exc).__name__}
    except Exception as exc:  # noqa: BLE001 - report, never a traceback on the parent's stderr
        out = {"ok": False, "reason": "invalid", "detail": type(exc).__name__}
    sys.stdout.write(json.dumps(out))


if __name__ == "__main__":
    main()
