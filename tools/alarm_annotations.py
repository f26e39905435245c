"""Annotation files of the alarm set (data/eval/alarm_news/): a blank template, character
offsets from the span texts, and a mechanical check against the units.

An annotation file has one JSON object per line, one line per unit (GUIDELINES.md, section 8):

    {"id": "Syria-adv.txt:3", "rating": 0-3,
     "spans": [{"start": 10, "end": 17, "text": "massive", "category": "loaded",
                "quoted": false, "distanced": false}],
     "note": ""}

Offsets are Python string indices into the unit's ``text`` (code points), half-open. An
annotator writes each span's ``text`` (and ``occurrence``, 1 = first, when that text occurs more
than once in the paragraph at word boundaries); ``fill`` computes ``start`` and ``end``.

Usage (``--units data/eval/alarm_news/pilot.jsonl`` after any command for the pilot round):
    python tools/alarm_annotations.py template > data/eval/alarm_news/annotator_A.jsonl
    python tools/alarm_annotations.py fill data/eval/alarm_news/annotator_A.jsonl
    python tools/alarm_annotations.py check data/eval/alarm_news/annotator_A.jsonl [--partial]

``check`` exits 1 and lists every problem (``line N: ID: what``) when the file does not
annotate every unit exactly once, a rating is not 0-3, a span does not slice its text exactly
at word boundaries, spans overlap, or a category or flag is not the guideline's. ``--partial``
accepts work in progress: missing units, ``rating: null`` and spans not yet filled. Warnings
(a rating that contradicts the spans) are printed but do not fail the check.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNITS = ROOT / "data" / "eval" / "alarm_news" / "units.jsonl"
CATEGORIES = ("event", "loaded", "fear", "conflict")
FRAMING = frozenset({"loaded", "fear", "conflict"})
RATINGS = (0, 1, 2, 3)
RECORD_KEYS = frozenset({"id", "rating", "spans", "note"})
SPAN_KEYS = frozenset({"start", "end", "text", "category", "quoted", "distanced", "occurrence"})


@dataclass
class Report:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def read_units(path: Path = UNITS) -> dict[str, dict]:
    """unit id -> unit record, in file order."""
    units: dict[str, dict] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            units[rec["id"]] = rec
    return units


def template(units: dict[str, dict]) -> str:
    return "".join(json.dumps({"id": uid, "rating": None, "spans": [], "note": ""}, ensure_ascii=False) + "\n"
                   for uid in units)


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def at_boundaries(text: str, start: int, end: int) -> bool:
    """The stretch text[start:end] neither begins nor ends inside a word."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (_is_word(before) and _is_word(text[start])) and not (_is_word(after) and _is_word(text[end - 1]))


def occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of ``needle`` in ``text`` at word boundaries."""
    found, at = [], text.find(needle)
    while needle and at != -1:
        if at_boundaries(text, at, at + len(needle)):
            found.append(at)
        at = text.find(needle, at + 1)
    return found


def locate(text: str, span: dict) -> tuple[int, int] | str:
    """(start, end) of the span's text and occurrence, or the reason it cannot be found."""
    needle, nth = span.get("text"), span.get("occurrence", 1)
    if not isinstance(needle, str) or not needle:
        return "span without text"
    if not isinstance(nth, int) or isinstance(nth, bool) or nth < 1:
        return f"span {needle!r}: occurrence must be a whole number from 1"
    hits = occurrences(text, needle)
    if not hits:
        return f"span {needle!r} is not in the paragraph as whole words"
    if len(hits) > 1 and "occurrence" not in span:
        return f"span {needle!r} occurs {len(hits)} times: say which with \"occurrence\""
    if nth > len(hits):
        return f"span {needle!r}: occurrence {nth} but it occurs {len(hits)} time(s)"
    return hits[nth - 1], hits[nth - 1] + len(needle)


def _check_span(where: str, text: str, span: object, partial: bool, report: Report) -> tuple[int, int] | None:
    if not isinstance(span, dict):
        report.errors.append(f"{where}: a span must be an object")
        return None
    extra = set(span) - SPAN_KEYS
    if extra:
        report.errors.append(f"{where}: span {span.get('text')!r}: unknown field(s) {sorted(extra)}")
    label = repr(span.get("text"))
    if span.get("category") not in CATEGORIES:
        report.errors.append(f"{where}: span {label}: category {span.get('category')!r} is not one of {list(CATEGORIES)}")
    for flag in ("quoted", "distanced"):
        if not isinstance(span.get(flag), bool):
            report.errors.append(f"{where}: span {label}: {flag} must be true or false")
    needle = span.get("text")
    if not isinstance(needle, str) or not needle or needle != needle.strip():
        report.errors.append(f"{where}: span {label}: text must be non-empty, without surrounding spaces")
        return None
    start, end = span.get("start"), span.get("end")
    if start is None and end is None:
        if not partial:
            report.errors.append(f"{where}: span {label} has no offsets: run `fill`")
        return None
    if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool) or isinstance(end, bool):
        report.errors.append(f"{where}: span {label}: start and end must be whole numbers")
        return None
    if not 0 <= start < end <= len(text):
        report.errors.append(f"{where}: span {label}: offsets {start}-{end} outside the paragraph (0-{len(text)})")
        return None
    if text[start:end] != needle:
        report.errors.append(f"{where}: span {label}: text[{start}:{end}] is {text[start:end]!r}")
        return None
    if not at_boundaries(text, start, end):
        report.errors.append(f"{where}: span {label} cuts a word")
    return start, end


def check_record(where: str, rec: dict, unit: dict, partial: bool, report: Report) -> None:
    extra = set(rec) - RECORD_KEYS
    if extra:
        report.errors.append(f"{where}: unknown field(s) {sorted(extra)}")
    rating = rec.get("rating")
    if rating is None and partial:
        pass
    elif not isinstance(rating, int) or isinstance(rating, bool) or rating not in RATINGS:
        report.errors.append(f"{where}: rating must be 0, 1, 2 or 3, not {rating!r}")
    if not isinstance(rec.get("note", ""), str):
        report.errors.append(f"{where}: note must be text")
    spans = rec.get("spans")
    if not isinstance(spans, list):
        report.errors.append(f"{where}: spans must be a list")
        return
    placed = sorted(p for s in spans if (p := _check_span(where, unit["text"], s, partial, report)))
    for (s1, e1), (s2, e2) in zip(placed, placed[1:], strict=False):
        if s2 < e1:
            report.errors.append(f"{where}: spans {unit['text'][s1:e1]!r} and {unit['text'][s2:e2]!r} overlap")
    framing = [s for s in spans if isinstance(s, dict) and s.get("category") in FRAMING and not s.get("distanced")]
    if rating == 0 and framing:
        report.warnings.append(f"{where}: rating 0 but framing span(s) {[s.get('text') for s in framing]} not distanced")
    if isinstance(rating, int) and rating >= 2 and not framing:
        report.warnings.append(f"{where}: rating {rating} without any framing span")


def check(lines: list[str], units: dict[str, dict], partial: bool = False) -> Report:
    report = Report()
    seen: set[str] = set()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            report.errors.append(f"line {n}: not JSON ({exc.msg})")
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("id"), str):
            report.errors.append(f"line {n}: a record must be an object with an \"id\"")
            continue
        uid = rec["id"]
        where = f"line {n}: {uid}"
        if uid not in units:
            report.errors.append(f"{where}: no such unit")
            continue
        if uid in seen:
            report.errors.append(f"{where}: annotated twice")
            continue
        seen.add(uid)
        check_record(where, rec, units[uid], partial, report)
    missing = [uid for uid in units if uid not in seen]
    if missing and not partial:
        report.errors.append(f"{len(missing)} unit(s) not annotated, first: {missing[0]}")
    return report


def fill(lines: list[str], units: dict[str, dict]) -> tuple[list[dict], list[str]]:
    """Records with offsets computed from span texts; problems that stop a span being placed."""
    records, problems = [], []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"line {n}: not JSON ({exc.msg}); nothing written") from exc
        if not isinstance(rec, dict) or not isinstance(rec.get("spans", []), list):
            raise ValueError(f"line {n}: a record must be an object with a list of spans; nothing written")
        unit = units.get(rec.get("id"))
        if unit is None:
            problems.append(f"line {n}: {rec.get('id')}: no such unit")
            records.append(rec)
            continue
        for span in rec.get("spans", []):
            if isinstance(span, dict) and "start" not in span and "end" not in span:
                where = locate(unit["text"], span)
                if isinstance(where, str):
                    problems.append(f"line {n}: {rec['id']}: {where}")
                else:
                    span["start"], span["end"] = where
        if all(isinstance(s, dict) for s in rec.get("spans", [])):
            rec["spans"] = sorted(rec.get("spans", []), key=lambda s: (s.get("start", -1), s.get("end", -1)))
        records.append(rec)
    order = {uid: i for i, uid in enumerate(units)}
    records.sort(key=lambda r: order.get(r.get("id"), len(order)))
    return records, problems


def write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, path)


def units_option(argv: list[str]) -> tuple[list[str], Path]:
    """Remove ``--units FILE`` from argv; the units file it names (default: units.jsonl)."""
    if "--units" not in argv:
        return argv, UNITS
    at = argv.index("--units")
    if at + 1 >= len(argv):
        raise ValueError("--units needs a file")
    return argv[:at] + argv[at + 2:], Path(argv[at + 1])


def main(argv: list[str]) -> int:
    if not argv or {"-h", "--help"} & set(argv):  # help, never a template by mistake
        print(__doc__)
        return 0 if argv else 2
    try:
        argv, units_path = units_option(argv)
        units = read_units(units_path)
    except (ValueError, OSError) as exc:
        print(exc, file=sys.stderr)
        return 2
    if not argv or argv[0] not in ("template", "fill", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    if argv[0] == "template":
        sys.stdout.write(template(units))
        return 0
    if len(argv) < 2:
        print(f"usage: {argv[0]} FILE", file=sys.stderr)
        return 2
    path = Path(argv[1])
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{path}: cannot read ({exc})", file=sys.stderr)
        return 1
    if argv[0] == "fill":
        try:
            records, problems = fill(lines, units)
        except ValueError as exc:
            print(f"{path}: {exc}", file=sys.stderr)
            return 1
        write_atomic(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
        for p in problems:
            print(p, file=sys.stderr)
        return 1 if problems else 0
    report = check(lines, units, partial="--partial" in argv)
    for w in report.warnings:
        print(f"warning: {w}", file=sys.stderr)
    for e in report.errors:
        print(e, file=sys.stderr)
    print(f"{path.name}: {'OK' if report.ok else f'{len(report.errors)} problem(s)'}, "
          f"{len(report.warnings)} warning(s)")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
