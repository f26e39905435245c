"""Child process that parses one untrusted PDF: bytes on stdin, one JSON object on stdout.

Run by ``analysis.ingest.pdf`` as ``python -I pdf_child.py CPU_SECONDS MEMORY_BYTES``. It
lowers its own limits before importing the parser, so a PDF built to loop or to expand
meets RLIMIT_CPU (SIGXCPU, then SIGKILL) or RLIMIT_AS (MemoryError) in this process and
never in the server. Self-contained on purpose: it imports nothing from the project.

Output: {"ok": true, "pages": [...text per page...], "title", "author", "date"} or
{"ok": false, "reason": "encrypted" | "invalid" | "memory" | "too-many-pages", "detail": "..."}.
"""

from __future__ import annotations

import json
import re
import resource
import sys

MAX_PAGES = 2_000


def _limit(cpu_seconds: int, memory_bytes: int) -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _date(raw: object) -> str:
    found = re.match(r"D:(\d{4})(\d{2})?(\d{2})?", str(raw or ""))
    if not found:
        return ""
    return "-".join(part for part in found.groups() if part)


def parse(data: bytes) -> dict[str, object]:
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
    _limit(int(sys.argv[1]), int(sys.argv[2]))
    data = sys.stdin.buffer.read()
    try:
        out = parse(data)
    except MemoryError:
        out = {"ok": False, "reason": "memory", "detail": "memory limit reached"}
    except Exception as exc:  # noqa: BLE001 - report, never a traceback on the parent's stderr
        out = {"ok": False, "reason": "invalid", "detail": type(exc).__name__}
    sys.stdout.write(json.dumps(out))


if __name__ == "__main__":
    main()
