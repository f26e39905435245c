"""``python -m analysis agreement`` in a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.analysis.agreement.test_alpha import PUBLISHED, WORKED

ROOT = Path(__file__).resolve().parents[3]


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "analysis", "agreement", *args], cwd=ROOT, capture_output=True,
                          input=stdin, timeout=120)


@pytest.fixture(scope="module")
def worked_csv(tmp_path_factory):
    path = tmp_path_factory.mktemp("agreement") / "codes.csv"
    lines = ["unit,coder,value"] + [f"u{j + 1},{'ABCD'[i]},{'' if v is None else v}"
                                    for i, row in enumerate(WORKED) for j, v in enumerate(row)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_every_level_as_text_and_json(worked_csv):
    for level, expected in PUBLISHED.items():
        done = _run(str(worked_csv), "--level", level)
        assert done.returncode == 0, done.stderr
        assert done.stdout.decode().splitlines() == [
            f"Krippendorff's alpha ({level}): {expected:.3f}", "units: 11 (with two or more values)",
            "pairable values: 40", "coders: 4"]
        doc = json.loads(_run(str(worked_csv), "--level", level, "--format", "json").stdout)
        assert round(doc["alpha"], 3) == expected and (doc["units"], doc["pairable"]) == (11, 40)


def test_standard_input_labels_missing_markers_and_no_header():
    rows = "1,ana,yes\r\n1,ben,yes\r\n2,ana,no\r\n2,ben,NA\r\n3,ana,no\r\n3,ben,no\r\n4,ana,yes\r\n4,ben,no\r\n"
    done = _run("-", "--format", "json", stdin=rows.encode("utf-8-sig"))
    doc = json.loads(done.stdout)
    # units 1, 3, 4 pairable: o_yy 2, o_nn 2, o_yn = o_ny 1; n 6, n_y = n_n = 3
    # alpha = 1 - (n - 1) * 2 / (2 * 3 * 3) = 1 - 5 * 2 / 18 = 4/9
    assert doc["alpha"] == pytest.approx(4 / 9) and (doc["units"], doc["pairable"], doc["coders"]) == (3, 6, 2)


def test_undefined_alpha_is_null_in_json():
    doc = json.loads(_run("-", "--format", "json", stdin=b"1,a,x\n1,b,x\n").stdout)
    assert doc["alpha"] is None and doc["pairable"] == 2
    assert "undefined" in _run("-", stdin=b"1,a,x\n1,b,x\n").stdout.decode()


@pytest.mark.parametrize(("data", "args", "message"), [
    (None, ("missing.csv",), "error: missing.csv: no such file"),
    (b"1,a\n", ("-",), "error: standard input, line 1: expected 3 fields (unit,coder,value), found 2"),
    (b"1,a,x\n1,b,y\n", ("-", "--level", "interval"), "error: interval data need numbers: 'x' is not a number"),
    (b"1,a,2\n1,a,3\n", ("-",), "error: coder 'a' gives unit '1' more than one value"),
    (b"1,a,\xff\n", ("-",), "error: standard input: not UTF-8 text"),
    (b"unit,coder,value\n", ("-",), "error: standard input: no rows of unit,coder,value"),
    (b"1,,2\n", ("-",), "error: standard input, line 1: the unit and the coder cannot be empty"),
    (b"1,a,-2\n1,b,3\n", ("-", "--level", "ratio"), "error: ratio data cannot be negative: '-2'"),
])
def test_bad_input_exits_2_with_one_line(data, args, message):
    done = _run(*args, stdin=data)
    assert done.returncode == 2
    assert done.stderr.decode() == message + "\n" and done.stdout == b""
