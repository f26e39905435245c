"""The caps on extracted text (analysis/ingest/limits.py): checked after extraction, before scoring.

Every shape here was accepted before the caps and then held the scorer for tens of seconds to
minutes (issue 20: 19 MiB of text 50-203 s and 1.7-2.1 GB; 5 MB without a space 96 s;
100,000 tiny paragraphs 118 s and 958 MB; one 100,000-word sentence 234 s here).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import analyze
from analysis.ingest import TextLimits, TooMuchText, UnreadableInput, load, load_bytes, load_text
from analysis.ingest import limits as lim
from devkit import fixtures as fx

ROOT = Path(__file__).resolve().parents[3]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={**os.environ, **(env or {})})


def test_defaults_are_the_measured_ones():
    """The figures bench/bench_upload_cap.py chose (see the module docstring)."""
    d = TextLimits()
    assert (d.words, d.chars, d.lines, d.sentence_words) == (250_000, 2_000_000, 20_000, 1_000)


@pytest.mark.parametrize(("make", "caps", "phrase"), [
    (lambda: fx.prose(1_200), TextLimits(words=1_000), "words is over the limit of 1,000 words"),
    (lambda: "x" * 9_000, TextLimits(chars=8_000), "9,000 characters of text is over the limit of 8,000"),
], ids=["words", "chars"])
def test_message_names_the_cap_and_how_to_raise_it(make, caps, phrase):
    with pytest.raises(TooMuchText) as info:
        load_text(make(), "long.txt", caps)
    msg = str(info.value)
    assert msg.startswith("long.txt: ") and phrase in msg
    assert ("--max-words" in msg and lim.ENV_WORDS in msg) or ("--max-chars" in msg and lim.ENV_CHARS in msg)


def test_under_the_caps_is_accepted_unchanged():
    text = fx.prose(900)
    assert load_text(text, "a.txt", TextLimits(words=1_000)).text == text


def test_every_reader_checks(tmp_path):
    """Files (every format goes through load_bytes), uploads and pasted text."""
    small = TextLimits(words=20)
    for name in ("utf8.txt", "article.html", "article.docx", "article.pdf", "article.md"):
        with pytest.raises(TooMuchText, match="over the limit of 20 words"):
            load(fx.write(tmp_path, name), small)
    with pytest.raises(TooMuchText):
        load_text(fx.ARTICLE, "pasted", small)


def test_tiny_paragraphs_are_counted_as_lines():
    text = fx.short_paragraphs(30_000, 1)  # 30,000 words: under the word cap, over the line cap
    with pytest.raises(TooMuchText, match="30,000 lines of text, each of which may become a paragraph"):
        lim.check(text, "t.txt")
    lim.check(fx.short_paragraphs(19_000, 1), "t.txt")  # 19,000: accepted


def test_line_cap_follows_the_word_cap():
    assert TextLimits(words=500_000).lines == 40_000
    lim.check(fx.short_paragraphs(30_000, 1), "t.txt", TextLimits(words=500_000))


@pytest.mark.parametrize("words", [1_001, 3_000])
def test_a_long_sentence_is_measured_as_the_segmenter_splits_it(words):
    """Full stops followed by lower case end no sentence: ``lowercase_stops`` is ONE sentence
    for the segmenter, and the cap counts it so (a count by full stops would say 1 word)."""
    text = fx.lowercase_stops(words)
    with pytest.raises(TooMuchText, match=f"sentence of {words:,} words"):
        lim.check(text, "s.txt")


def test_the_sentence_count_agrees_with_the_pipeline():
    text = fx.lowercase_stops(1_500)
    result = analyze(text)
    longest = max(len(p.text[s.start:s.end].split()) for p in result.document.paragraphs for s in p.sentences)
    assert longest == lim.longest_sentence(text, 1_000) == 1_500


def test_long_blocks_of_short_sentences_or_lines_are_accepted():
    """A blank-line block far over 1,000 words is fine when the segmenter cuts it into short
    sentences or paragraphs: a list of headlines one per line, without full stops."""
    headlines = "\n".join(f"Headline {i} about the flood barrier and the river" for i in range(400))
    assert len(headlines.split()) > 3_000
    lim.check(headlines, "h.txt")
    lim.check(fx.long_sentences(30_000, 1_000), "s.txt")


@pytest.mark.parametrize("name", ["19mib.txt", "many-words.txt", "no-spaces.txt", "tiny-paragraphs.txt",
                                  "long-sentence.txt"])
def test_issue_shapes_refused_before_scoring(name):
    with pytest.raises(TooMuchText, match=fx.HOSTILE[name][1]):
        load_bytes(fx.make(name), name)


def test_docx_xml_budget_follows_the_character_cap():
    from analysis.ingest import word

    data = fx.docx(paragraphs=fx.prose(8_000).split("\n\n"))
    word.check_container(data, "a.docx")  # about 0.1 MB of XML: inside the default budget
    with pytest.raises(UnreadableInput, match=r"refused before reading: its XML would expand to [\d.]+ (KB|MB), "
                                              r"over the budget of 16 KB \(16 bytes of XML per character of the "
                                              r"1,000-character text limit\); to raise it: --max-chars"):
        word.check_container(data, "a.docx", TextLimits(chars=1_000))


def test_command_line_option_raises_and_lowers_the_cap(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(fx.prose(150), encoding="utf-8")
    refused = run("score", str(path), "--max-words", "100")
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.startswith("error: a.txt: 1") and "limit of 100 words" in refused.stderr
    assert refused.stderr.count("\n") == 1
    assert run("score", str(path), "--max-words", "200").returncode == 0


@pytest.mark.parametrize("command", [
    "summary {a}", "compare {a} {b}", "report {a} --out {dir}/r.html",
    "workspace --data-dir {dir}/data import W {a}",
])
def test_every_command_takes_the_options(tmp_path, command):
    (tmp_path / "a.txt").write_text(fx.prose(150), encoding="utf-8")
    (tmp_path / "b.txt").write_text(fx.ARTICLE, encoding="utf-8")
    args = command.format(a=tmp_path / "a.txt", b=tmp_path / "b.txt", dir=tmp_path).split()
    done = run(*args, "--max-chars", "500")
    assert done.returncode == 2, done.stderr
    assert "a.txt: " in done.stderr and "limit of 500 characters" in done.stderr


def test_batch_takes_the_options(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "long.txt").write_text(fx.prose(150), encoding="utf-8")
    (corpus / "short.txt").write_text(fx.ARTICLE, encoding="utf-8")
    done = run("batch", str(corpus), "--out", str(tmp_path / "out"), "--max-words", "120")
    assert done.returncode == 0, done.stderr
    import duckdb

    rows = duckdb.sql(f"SELECT article_id, reason FROM read_parquet('{tmp_path}/out/failures/*.parquet')").fetchall()
    assert [r[0] for r in rows] == ["long.txt"] and "limit of 120 words" in rows[0][1]


def test_batch_table_rows_are_checked_too(tmp_path):
    """Rows of a CSV never pass through a file reader: the batch checks them itself."""
    import pandas as pd

    table = tmp_path / "t.csv"
    pd.DataFrame({"id": ["a", "b"], "text": [fx.ARTICLE, fx.prose(150)]}).to_csv(table, index=False)
    done = run("batch", str(table), "--out", str(tmp_path / "out"), "--max-words", "120")
    assert done.returncode == 0, done.stderr
    import duckdb

    rows = duckdb.sql(f"SELECT article_id, reason FROM read_parquet('{tmp_path}/out/failures/*.parquet')").fetchall()
    assert [r[0] for r in rows] == ["b"] and "limit of 120 words" in rows[0][1]


def test_server_setting_is_the_environment(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(fx.prose(150), encoding="utf-8")
    done = run("score", str(path), env={lim.ENV_WORDS: "100"})
    assert done.returncode == 2 and "limit of 100 words" in done.stderr
    assert lim.from_environment({lim.ENV_WORDS: "1_000_000", lim.ENV_CHARS: "9,000,000"}) == TextLimits(
        words=1_000_000, chars=9_000_000)
    assert lim.from_environment({}) == TextLimits()


@pytest.mark.parametrize("value", ["many", "-5", "0", "1e6"])
def test_a_bad_server_setting_says_so(value):
    with pytest.raises(ValueError, match=f"{lim.ENV_WORDS} must be a whole number of words"):
        lim.from_environment({lim.ENV_WORDS: value})
