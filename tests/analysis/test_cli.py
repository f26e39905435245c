import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "data" / "articles" / "ai-model-theft-accusation.txt"


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True,
                          cwd=ROOT, input=stdin, timeout=300)


def test_score_csv_has_article_column_and_one_row_per_paragraph(tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Experts warn of a possible crisis.\nNo panic was reported.", encoding="utf-8")
    proc = run("score", str(BUNDLED), str(other))
    assert proc.returncode == 0, proc.stderr
    frame = pd.read_csv(io.StringIO(proc.stdout))
    assert list(frame["article"].value_counts().sort_index()) == [10, 2]
    assert {"paragraph", "text", "words", "sentiment", "hedging", "alarm", "reading_ease",
            "fk_grade"} <= set(frame.columns)


def test_score_json_holds_paragraphs_evidence_summary_and_nan_as_null(tmp_path):
    out = tmp_path / "out.json"
    proc = run("score", "-", "--format", "json", "--out", str(out), stdin="Markets may fall.")
    assert proc.returncode == 0, proc.stderr
    top = json.loads(out.read_text(encoding="utf-8"))  # strict JSON: NaN would not parse in JS
    assert top["provenance"]["inputs"][0]["file"] == top["articles"][0]["article"]
    [doc] = top["articles"]
    assert top["provenance"]["inputs"][0]["sha256"] == doc["meta"]["sha256"]
    assert doc["paragraphs"][0]["reading_ease"] is None
    assert doc["evidence"][0]["term"] == "may"
    assert doc["summary"]["words"] == 3
    assert doc["meta"]["versions"]["lexicon:hedges"]
    assert "NaN" not in out.read_text(encoding="utf-8")


def test_summary_one_row_per_article():
    proc = run("summary", str(BUNDLED), "--format", "csv")
    frame = pd.read_csv(io.StringIO(proc.stdout))
    assert len(frame) == 1 and frame["paragraphs"][0] == 10 and frame["words"][0] == 523


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"   \n\n  ", "empty"),
])
def test_unreadable_input_exits_2_with_one_line(tmp_path, content, reason):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    proc = run("score", str(bad))
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "bad.txt" in lines[0] and reason in lines[0]


def test_missing_file_exits_2():
    proc = run("summary", "/nonexistent/file.txt")
    assert proc.returncode == 2 and "no such file" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_encodings_are_decoded(tmp_path, encoding):
    f = tmp_path / "enc.txt"
    f.write_text("The minister’s plan may fail, café owners said.", encoding=encoding)
    proc = run("score", str(f), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    [doc] = json.loads(proc.stdout)["articles"]
    assert doc["paragraphs"][0]["text"] == "The minister’s plan may fail, café owners said."


DICTIONARY = ROOT / "tests" / "fixtures" / "dictionaries" / "newsframes.dic"


@pytest.mark.parametrize("command", ["score", "summary"])
def test_a_dictionary_adds_a_column_per_category(command):
    proc = run(command, str(BUNDLED), "--dictionary", str(DICTIONARY))
    assert proc.returncode == 0, proc.stderr
    frame = pd.read_csv(io.StringIO(proc.stdout))
    cols = ["newsframes.threat", "newsframes.economy", "newsframes.institution"]
    assert set(cols) <= set(frame.columns)
    # the bundled article names "national security" twice and "attack"-words: some threat matches
    assert frame["newsframes.threat"].sum() > 0
    assert (frame[cols] >= 0).all().all()


def test_compare_and_report_take_dictionaries_too(tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Markets fell as the government met. A crisis was declared.", encoding="utf-8")
    proc = run("compare", str(BUNDLED), str(other), "--table", "profile", "--dictionary", str(DICTIONARY))
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize(("body", "message"), [
    ("%\n1\tthreat\n", "newsframes.dic: the category header is not closed"),
    ("%\n1\tthreat\n%\nwar\t9\n", "newsframes.dic, line 4: category 9 is not declared"),
])
def test_a_malformed_dictionary_exits_2_with_one_line(tmp_path, body, message):
    bad = tmp_path / "newsframes.dic"
    bad.write_text(body, encoding="utf-8")
    proc = run("score", str(BUNDLED), "--dictionary", str(bad))
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and message in proc.stderr
    assert proc.stdout == ""


def test_score_csv_has_the_hedging_subscales_per_100_words(tmp_path):
    """Issue 14: the four hedging sub-scales beside the composite, per 100 words."""
    text = tmp_path / "story.txt"
    # 10 words: "may" epistemic, "reportedly" attribution, "Critics say" weasel, "about 40" vagueness
    text.write_text("Critics say the mayor may reportedly fire about 40 staff.", encoding="utf-8")
    proc = run("score", str(text), "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    [row] = pd.read_csv(io.StringIO(proc.stdout)).to_dict("records")
    assert row["hedging_epistemic"] == pytest.approx(10.0)
    assert row["hedging_attribution"] == pytest.approx(10.0)
    assert row["hedging_weasel"] == pytest.approx(10.0)
    assert row["hedging_vagueness"] == pytest.approx(2.5)
    assert row["hedging"] == pytest.approx(30.0)


def test_score_csv_has_the_alarm_subscales_per_100_words(tmp_path):
    """Issue 14: the four alarm sub-scales beside alarm, per 100 words; alarm_event is not in alarm."""
    text = tmp_path / "story.txt"
    # 15 words. Event: Hackers, stole, breach (3); loaded: massive (1); fear: catastrophe (2; "officials
    # fear" describes the officials, weight 0); conflict: battle, escalated (2)
    text.write_text("Hackers stole data in a massive breach, officials fear a catastrophe and the battle "
                    "escalated.", encoding="utf-8")
    proc = run("score", str(text), "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    [row] = pd.read_csv(io.StringIO(proc.stdout)).to_dict("records")
    assert row["alarm_event"] == pytest.approx(300 / 15)
    assert row["alarm_loaded"] == pytest.approx(100 / 15)
    assert row["alarm_fear"] == pytest.approx(200 / 15)
    assert row["alarm_conflict"] == pytest.approx(200 / 15)
    assert row["alarm"] == pytest.approx(500 / 15)
