"""``python -m analysis compare FOCUS OTHER...`` on the dev scenario, as a user runs it."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from analysis.__main__ import main

ROOT = Path(__file__).resolve().parents[3]
DEV = ROOT / "tests" / "fixtures" / "compare" / "dev"
FILES = [str(DEV / f) for f in ("focus.txt", "herald.txt", "ledger.txt", "wire.txt", "unrelated.txt")]


def test_json_has_profile_words_alignment_and_coverage(tmp_path):
    out = tmp_path / "c.json"
    assert main(["compare", *FILES, "--format", "json", "--out", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["focus"] == "focus.txt"
    assert {"profile", "words", "alignment", "coverage", "articles", "meta", "method"} <= set(doc)
    rows = doc["alignment"]
    assert len(rows) == 9 * 4
    assert set(rows[0]) >= {"focus_paragraph", "article", "paragraph", "similarity"}
    unrelated = [r for r in rows if r["article"] == "unrelated.txt"]
    assert all(r["paragraph"] is None for r in unrelated)  # null, not NaN or -1
    wire = {r["focus_paragraph"]: r["paragraph"] for r in rows if r["article"] == "wire.txt"}
    assert wire[2] == 1 and wire[7] is None
    assert doc["coverage"][7]["status"] == "found nowhere else"
    assert any(w["comparison"] == "focus vs rest" for w in doc["words"])


def test_csv_writes_the_alignment_by_default():
    proc = subprocess.run([sys.executable, "-m", "analysis", "compare", *FILES[:3]], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert len(rows) == 9 * 2 and rows[0]["focus_paragraph"] == "0"
    assert any(r["paragraph"] == "" for r in rows)  # nothing cleared the threshold: empty cell


def test_csv_writes_other_tables_on_request(tmp_path):
    prof, cov = tmp_path / "p.csv", tmp_path / "c.csv"
    assert main(["compare", *FILES[:2], "--table", "profile", "--out", str(prof)]) == 0
    assert prof.read_text(encoding="utf-8").splitlines()[0].startswith("article,focus,measure,label")
    assert main(["compare", *FILES[:3], "--table", "coverage", "--out", str(cov)]) == 0
    rows = list(csv.DictReader(io.StringIO(cov.read_text(encoding="utf-8"))))
    assert rows[7]["status"] == "found nowhere else" and rows[7]["outlets"] == ""
    assert rows[5]["outlets"] == "herald.txt; ledger.txt" and rows[5]["status"] == "carried by 2 of 2"


def test_unreadable_other_exits_2_with_one_line(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["compare", FILES[0], str(empty)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "empty.txt" in err
