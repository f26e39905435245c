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
DEV2 = ROOT / "tests" / "fixtures" / "compare" / "dev2"
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
    assert wire[3] == 2 and wire[8] is None  # paragraphs numbered from 1
    assert doc["coverage"][7]["focus_paragraph"] == 8 and doc["coverage"][7]["status"] == "found nowhere else"
    assert all(r["evidence"] for r in rows if r["matched"])
    assert any(w["comparison"] == "focus vs rest" for w in doc["words"])


def test_csv_writes_the_alignment_by_default():
    proc = subprocess.run([sys.executable, "-m", "analysis", "compare", *FILES[:3]], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert len(rows) == 9 * 2 and rows[0]["focus_paragraph"] == "1"
    assert any(r["paragraph"] == "" for r in rows)  # nothing cleared the threshold: empty cell


def test_csv_writes_other_tables_on_request(tmp_path):
    prof, cov = tmp_path / "p.csv", tmp_path / "c.csv"
    assert main(["compare", *FILES[:2], "--table", "profile", "--out", str(prof)]) == 0
    assert prof.read_text(encoding="utf-8").splitlines()[0].startswith("article,focus,measure,label")
    assert main(["compare", *FILES[:3], "--table", "coverage", "--out", str(cov)]) == 0
    rows = list(csv.DictReader(io.StringIO(cov.read_text(encoding="utf-8"))))
    assert rows[7]["focus_paragraph"] == "8"
    assert rows[7]["status"] == "found nowhere else" and rows[7]["outlets"] == ""
    assert rows[5]["outlets"] == "herald.txt; ledger.txt" and rows[5]["status"] == "carried by 2 of 2"


def test_one_paragraph_of_another_article_is_the_match_of_several_focus_paragraphs():
    """As a user runs it: the wire's fourth paragraph (the denial and the share fall in one)
    is the match of focus paragraphs 5 and 6, and the CSV says why."""
    files = [str(DEV2 / f) for f in ("focus.txt", "wire.txt", "business.txt")]
    proc = subprocess.run([sys.executable, "-m", "analysis", "compare", *files], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    wire = {r["focus_paragraph"]: r for r in rows if r["article"] == "wire.txt"}
    assert wire["5"]["paragraph"] == wire["6"]["paragraph"] == "4"
    assert wire["5"]["matched"] == wire["6"]["matched"] == "True"
    assert "same figures 7.4%" in wire["6"]["evidence"]
    business = [r["focus_paragraph"] for r in rows if r["article"] == "business.txt" and r["paragraph"] == "2"]
    assert business == ["1", "2", "3"]


def test_unreadable_other_exits_2_with_one_line(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["compare", FILES[0], str(empty)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "empty.txt" in err
