"""Real files of every format, generated in the test, come in with the right paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import analyze
from analysis.ingest import UnreadableInput, load, load_bytes, load_text, safe_name
from analysis.ingest.names import extension
from analysis.ingest.pdf import paragraphs
from devkit import fixtures as fx

ROOT = Path(__file__).resolve().parents[3]

PARAS = fx.PARAGRAPHS


def _body(text: str) -> list[str]:
    """The article's body paragraphs as the segmenter sees them (headings excluded)."""
    return [p.text for p in analyze(text).document.paragraphs]


@pytest.mark.parametrize(("name", "encoding"), [
    ("utf8.txt", "utf-8"), ("utf8-bom.txt", "utf-8-sig"), ("utf16.txt", "utf-16"), ("cp1252.txt", "cp1252"),
])
def test_text_encodings_detected_and_decoded(tmp_path, name, encoding):
    got = load(fx.write(tmp_path, name))
    assert got.encoding == encoding
    assert got.format == "text"
    assert "“according to”" in got.text and "Café" in got.text
    assert got.title == fx.TITLE
    assert len(_body(got.text)) == len(PARAS)


def test_utf16_without_bom():
    got = load_bytes(fx.ARTICLE.encode("utf-16-le"), "a.txt")
    assert got.encoding == "utf-16-le" and "Café" in got.text


def test_latin1_bytes_outside_cp1252_still_decode():
    got = load_bytes("Naïve café\x81 text about the river.".encode("latin-1"), "a.txt")
    assert "Naïve café" in got.text


def test_markdown_title_and_paragraphs(tmp_path):
    got = load(fx.write(tmp_path, "article.md"))
    assert got.format == "markdown" and got.title == fx.TITLE
    assert _body(got.text) == PARAS


def test_html_main_text_without_navigation_and_with_metadata(tmp_path):
    got = load(fx.write(tmp_path, "article.html"))
    assert got.format == "html"
    assert _body(got.text) == PARAS
    for boilerplate in ("Subscribe", "Privacy policy", "Cookie", "recipes", "Weather", "Copyright"):
        assert boilerplate not in got.text
    assert (got.title, got.outlet, got.author, got.date) == (
        fx.TITLE, "The River Courier", "Dana Example", "2025-02-11")
    assert got.url == "https://courier.example/news/flood-barrier"


def test_html_declared_charset_is_honoured():
    page = '<html><head><meta charset="windows-1252"><title>T</title></head><body><article>' + "".join(
        f"<p>{p}</p>" for p in PARAS) + "</article></body></html>"
    got = load_bytes(page.encode("cp1252"), "page.htm")
    assert got.encoding == "windows-1252" and "Café owners" in got.text


def test_docx_paragraphs_and_core_properties(tmp_path):
    got = load(fx.write(tmp_path, "article.docx"))
    assert got.format == "docx"
    assert _body(got.text) == PARAS
    assert got.title == fx.TITLE and got.author == "Dana Example"


def test_pdf_text_layer_rejoined_into_paragraphs(tmp_path):
    got = load(fx.write(tmp_path, "article.pdf"))
    assert got.format == "pdf"
    assert _body(got.text) == PARAS
    assert got.title == fx.TITLE and got.author == "Dana Example"
    assert len(got.date) == 10


def test_pdf_line_joining_keeps_hyphenated_words():
    page = ("The committee said on Monday that the state-\nowned company had agreed to sell its\n"
            "shares in the port by May.\nA short heading\nNext paragraph starts here.")
    assert paragraphs(page).split("\n\n") == [
        "The committee said on Monday that the state-owned company had agreed to sell its shares in the "
        "port by May.", "A short heading", "Next paragraph starts here."]


def test_same_text_same_hash_whatever_the_file():
    a = load_bytes(fx.ARTICLE.encode("utf-8"), "a.txt")
    b = load_bytes(fx.ARTICLE.encode("utf-16"), "b.txt")
    assert a.sha256 == b.sha256 and len(a.sha256) == 64


def test_pasted_text():
    got = load_text("  A pasted paragraph about the flood.  ")
    assert got.format == "pasted" and got.name == "pasted text"
    with pytest.raises(UnreadableInput, match="nothing was pasted"):
        load_text(" \n\t ")


@pytest.mark.parametrize(("raw", "safe"), [
    ("../../etc/passwd.txt", "passwd.txt"),
    ("C:\\Users\\x\\report.docx", "report.docx"),
    ("evil\x00name.txt", "name.txt"),
    ("<img src=x onerror=alert(1)>.txt", "img src_x onerror_alert(1)_.txt"),
    ("[click](javascript:alert(1)).md", "click_(javascript_alert(1)).md"),
    ("...", "unnamed"),
    ("", "unnamed"),
    ("Überschwemmung 2025.pdf", "Überschwemmung 2025.pdf"),
])
def test_safe_name(raw, safe):
    assert safe_name(raw) == safe
    assert not set(safe_name(raw)) & set("/\\\x00<>[]`*\"'")


def test_long_name_keeps_extension():
    name = safe_name("x" * 500 + ".docx")
    assert len(name) <= 120 and extension(name) == "docx"


def test_unknown_extension_sniffed_as_html_or_text():
    assert load_bytes(b"<!doctype html><html><body><article><p>" + PARAS[0].encode() +
                      b"</p></article></body></html>", "page").format == "html"
    assert load_bytes(PARAS[0].encode(), "notes").format == "text"


def test_mixed_encodings_each_line_in_its_own_with_a_warning():
    """UTF-8 with a cp1252 paragraph pasted in. Before: read whole as cp1252, the UTF-8 part
    garbled ("CafÃ©", "â€œ") and no warning."""
    got = load_bytes(fx.text_mixed_encodings(), "mixed.txt")
    assert got.text == fx.MIXED_EXPECTED
    assert "Ã" not in got.text and "â€" not in got.text
    assert got.encoding == "utf-8+cp1252"
    assert got.warnings == ("mixed.txt: mixed encodings: 1 of 11 lines are not UTF-8 and were read as cp1252 "
                            "(line 11); the rest is UTF-8. Check those lines",)


def test_a_whole_cp1252_file_is_not_called_mixed():
    got = load_bytes(fx.text("cp1252"), "cp.txt")
    assert got.encoding == "cp1252" and got.warnings == ()
    assert "“according to”" in got.text


def test_nuls_after_the_first_8_kib_are_removed_with_a_warning():
    data = fx.text_late_nuls()
    assert data.index(b"\x00") > 8192
    got = load_bytes(data, "late.txt")
    assert "\x00" not in got.text and got.text.endswith("The gauge read nine metres at dawn.\n")
    assert got.warnings == ("late.txt: 3 NUL control characters removed (they are not text)",)


def test_a_binary_tail_past_8_kib_is_still_binary():
    data = fx.text_late_nuls()[:9000] + bytes(range(1, 9)) * 20_000
    with pytest.raises(UnreadableInput, match="looks like a binary file"):
        load_bytes(data, "tail.txt")


def test_command_line_csv_has_no_nul_and_says_what_it_removed(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "late.txt"
    path.write_bytes(fx.text_late_nuls())
    done = subprocess.run([sys.executable, "-m", "analysis", "score", str(path)], cwd=ROOT, capture_output=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert b"\x00" not in done.stdout and b"The gauge read nine metres" in done.stdout
    assert done.stderr.decode() == "warning: late.txt: 3 NUL control characters removed (they are not text)\n"


def test_pasted_text_loses_its_control_characters_too():
    raw = fx.ARTICLE.replace(fx.TITLE, fx.TITLE + "\x1b[31m").replace("Tuesday", "Tuesday\x07")
    got = load_text(raw, "pasted")
    assert got.text == fx.ARTICLE.replace(fx.TITLE, fx.TITLE + "[31m") and got.title == fx.TITLE + "[31m"
    assert got.warnings == ("pasted: 2 control characters removed (they are not text)",)
