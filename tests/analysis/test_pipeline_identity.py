"""Every value and evidence row of ``analyze`` stays exactly what it was: a fingerprint per
measure of the frames on a fixed set of texts, compared byte for byte (``repr`` of each
value, so 0.1 + 0.2 != 0.3 and -0.0 != 0.0 count as changes), and the pipeline's order of
work checked against scoring one paragraph at a time.

A speed-up must leave the fingerprints alone. A deliberate change of a measure changes its
own entry only: regenerate with ``python -m tests.analysis.test_pipeline_identity``, review
the golden tables' diff for the same change, and commit both.
"""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.measures import REGISTRY
from analysis.pipeline import EVIDENCE_COLUMNS
from analysis.text import segment
from bench.corpus import paragraphs as bench_paragraphs

ROOT = Path(__file__).resolve().parents[2]
FINGERPRINTS = ROOT / "tests" / "golden" / "pipeline_fingerprints.json"
BASE_COLUMNS = ["paragraph", "start", "end", "kind", "section", "text", "words"]
HOSTILE = (
    "# Markets in turmoil\n\n"
    "THE MINISTER said it was NOT good, but “the outcome” was GREAT!!! Hardly a threat?? He "
    "isn’t sure; it’s kind of bad, sort of nice. At least it isn't a horrible deal, said Dr. "
    "Ana Ruiz, a researcher at the U.S. Treasury. No good deed, no bad news 😁 💘.\r\n\r\n"
    "“A quotation that runs on\n\n“and continues here,” she said. People familiar with the "
    "matter warned of a catastrophic, full-blown crisis within the next 48 hours.\n"
    "- a bullet point that may perhaps reportedly cost about 40 million pounds\n"
    "ΟΔΟΣ ΣΟΦΟΣ and İstanbul: « Non », a-t-il dit. Officials declined to comment.\n\n"
    "—\n\nThe end."
)


def texts() -> dict[str, str]:
    sources = [json.loads(line)["text"] for line in
               (ROOT / "data/eval/sources/paragraphs.jsonl").read_text(encoding="utf-8").splitlines()[:60]]
    nyt = [line.split("\t", 2)[2] for line in
           (ROOT / "data/eval/sentiment/nyt_editorial_snippets.tsv").read_text(encoding="utf-8")
           .splitlines()[:300]]
    return {
        "bundled": (ROOT / "data/articles/ai-model-theft-accusation.txt").read_text(encoding="utf-8"),
        "bench": "\n\n".join(bench_paragraphs(200)),
        "sources_eval": "\n\n".join(sources),
        "nyt": "\n\n".join(nyt),
        "hostile": HOSTILE,
        "empty": "",
        "no_evidence": "# Heading\n\nTables and chairs stood in rows.",
    }


def _digest(frame: pd.DataFrame) -> str:
    """Column names, dtypes and the repr of every value, in order."""
    h = hashlib.sha256()
    for col in frame.columns:
        h.update(f"{col}|{frame[col].dtype}|".encode())
        h.update("\x1f".join(map(repr, frame[col].tolist())).encode("utf-8", "surrogatepass"))
        h.update(b"\x1e")
    return h.hexdigest()[:16]


def fingerprints(result: analysis.Analysis) -> dict[str, str]:
    """One digest for the segmentation columns, then per measure: its paragraph columns,
    its evidence rows and its summary values."""
    par, ev = result.paragraphs, result.evidence
    out = {"segmentation": _digest(par[BASE_COLUMNS]),
           "columns": _digest(pd.DataFrame({"c": list(par.columns)})),
           "evidence_columns": _digest(pd.DataFrame({"c": list(ev.columns)}))}
    for m in REGISTRY:
        out[m.name] = _digest(par[m.column_names])
        out[f"{m.name}:evidence"] = _digest(ev[ev["measure"] == m.name].reset_index(drop=True))
        out[f"{m.name}:summary"] = _digest(result.summary[m.column_names])
    out["summary"] = _digest(result.summary)
    return out


def current() -> dict[str, dict[str, str]]:
    return {name: fingerprints(analysis.analyze(text, name=name)) for name, text in texts().items()}


@pytest.fixture(scope="module")
def now() -> dict[str, dict[str, str]]:
    return current()


@pytest.mark.parametrize("name", list(texts()))
def test_frames_match_the_recorded_fingerprints(now, name):
    recorded = json.loads(FINGERPRINTS.read_text(encoding="utf-8"))
    changed = sorted(k for k in recorded[name] if recorded[name][k] != now[name].get(k))
    assert changed == [], f"{name}: these parts of the output changed: {changed}"
    new = sorted(now[name].keys() - recorded[name].keys())
    if new:  # a newly registered measure: everything recorded still holds; say what to record
        pytest.skip(f"{name}: no fingerprint recorded yet for {new}; review its output and record it with "
                    "python -m tests.analysis.test_pipeline_identity")


def test_the_fingerprint_sees_a_one_ulp_change_and_nothing_else():
    result = analysis.analyze(texts()["bundled"])
    before = fingerprints(result)
    value = result.paragraphs.loc[3, "sentiment"]
    result.paragraphs.loc[3, "sentiment"] = math.nextafter(value, math.inf)
    after = fingerprints(result)
    assert [k for k in before if before[k] != after[k]] == ["sentiment"]


@pytest.mark.parametrize("name", ["bundled", "hostile", "sources_eval"])
def test_analyze_equals_scoring_each_paragraph_in_turn(name):
    """The pipeline runs measure by measure over all paragraphs; one paragraph at a time
    with every measure in turn gives the same values and evidence."""
    text = texts()[name]
    result = analysis.analyze(text, name=name)
    doc = segment(text)
    rows, ev_rows = [], []
    for par in doc.paragraphs:
        row = {}
        for m in REGISTRY:
            scored = m.score(par)
            row.update(scored.values)
            ev_rows += [(par.index + 1, par.start + e.start, par.start + e.end, m.name, e.category, e.term,
                         e.weight, e.note, e.quoted) for e in scored.evidence]
        rows.append(row)
    for col in rows[0]:
        assert list(map(repr, result.paragraphs[col].tolist())) == [repr(r[col]) for r in rows], col
    ev_rows.sort(key=lambda r: (r[1], r[2], r[3]))
    got = list(result.evidence[EVIDENCE_COLUMNS].itertuples(index=False, name=None))
    assert list(map(repr, got)) == list(map(repr, ev_rows))


if __name__ == "__main__":
    FINGERPRINTS.write_text(json.dumps(current(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {FINGERPRINTS}: commit it only with a measure change you meant")
