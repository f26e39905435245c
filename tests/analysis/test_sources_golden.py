"""The sourcing detector's complete output against a reviewed golden copy.

Every quotation (span, speaker, how it was found), source (span, kind, name, why, verb,
quotations carried, what a pronoun resolved to), scare quote and named person, for the
188 annotated paragraphs (each read after its previous paragraph) and for the first 300
benchmark paragraphs read as one article. Stored as one digest per paragraph, so a
change anywhere in the rules shows up here with the paragraphs it moved; speed work must
leave this file untouched.

When a deliberate rule change moves the output, regenerate with
``python -m tests.analysis.test_sources_golden`` and review the diff of
``python -m analysis.eval_sources`` before committing it.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from analysis.sourcing import detect as dt
from analysis.sourcing.attribution import Source
from analysis.text import paragraph, segment
from bench.corpus import paragraphs

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "sources_findings.json"
ANNOTATED = ROOT / "data" / "eval" / "sources" / "paragraphs.jsonl"
BENCH_PARAGRAPHS = 300


def _source(s: Source | None) -> list[object] | None:
    if s is None:
        return None
    return [s.start, s.end, s.text, s.kind, s.name, s.why, s.verb, s.verb_start, s.verb_end,
            s.verb_category, s.quotes, s.resolved, s.clause_start]


def describe(found: dt.Finding) -> dict[str, object]:
    """Everything a finding holds, as plain JSON values."""
    return {
        "quotes": [[q.start, q.end, _source(q.speaker), q.how] for q in found.quotes],
        "sources": [_source(s) for s in found.sources],
        "scare": [[s.start, s.end] for s in found.scare],
        "quoted_words": found.quoted_words,
        "people": [_source(p) for p in found.people],
    }


def digest(found: dt.Finding) -> str:
    blob = json.dumps(describe(found), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def findings() -> dict[str, dt.Finding]:
    out: dict[str, dt.Finding] = {}
    for line in ANNOTATED.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        out[record["id"]] = dt.detect(paragraph(record["text"], record.get("previous", "")))
    doc = segment("\n\n".join(paragraphs(BENCH_PARAGRAPHS)))
    for par in doc.paragraphs:
        out[f"bench#{par.index}"] = dt.detect(par)
    return out


def test_findings_match_golden():
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    current = findings()
    assert sorted(current) == sorted(golden)
    moved = [key for key, found in current.items() if digest(found) != golden[key]]
    first = describe(current[moved[0]]) if moved else None
    assert not moved, f"{len(moved)} paragraphs changed, e.g. {moved[:5]}; first now reads {first}"


def test_golden_covers_every_kind():
    """The golden copy is only a check if the paragraphs exercise the rules."""
    found = list(findings().values())
    kinds = {s.kind for f in found for s in f.sources}
    assert {"person", "organisation", "government", "document", "anonymous"} <= kinds
    assert any(s.resolved for f in found for s in f.sources)  # pronouns resolved
    assert any(f.scare for f in found)
    hows = {q.how for f in found for q in f.quotes}
    assert "runs on from the previous paragraph" in hows
    assert len(hows) >= 5


if __name__ == "__main__":
    table = {key: digest(found) for key, found in findings().items()}
    GOLDEN.write_text(json.dumps(table, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(table)} digests to {GOLDEN}", file=sys.stderr)
