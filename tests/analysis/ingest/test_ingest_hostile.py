"""Hostile input: each gets a clear message naming the file, in the library and on the command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from analysis.ingest import UnreadableInput, load, load_bytes
from analysis.ingest import pdf as pdf_mod
from analysis.ingest.sandbox import Limits
from devkit import fixtures as fx

ROOT = Path(__file__).resolve().parents[3]
HOSTILE = sorted(fx.HOSTILE)


@pytest.mark.parametrize("name", HOSTILE)
def test_refused_with_reason(name):
    phrase = fx.HOSTILE[name][1]
    with pytest.raises(UnreadableInput) as info:
        load_bytes(fx.make(name), name)
    message = str(info.value)
    assert message.startswith(f"{name}: ")
    assert phrase.lower() in message.lower()
    assert "\n" not in message and "Traceback" not in message


@pytest.mark.parametrize("name", HOSTILE)
def test_command_line_exit_2_one_line(tmp_path, name):
    path = fx.write(tmp_path, name)
    done = subprocess.run([sys.executable, "-m", "analysis", "score", str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"error: {name}: ")
    assert fx.HOSTILE[name][1].lower() in lines[0].lower()
    assert done.stdout == ""


def test_command_line_hostile_name_is_sanitised(tmp_path):
    path = tmp_path / "<img src=x onerror=alert(1)>.txt"
    path.write_bytes(b"")
    done = subprocess.run([sys.executable, "-m", "analysis", "score", str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr == "error: img src_x onerror_alert(1)_.txt: the file is empty\n"


@pytest.mark.parametrize("raw", fx.HOSTILE_NAMES)
def test_hostile_names_never_reach_messages_or_results(raw):
    with pytest.raises(UnreadableInput) as info:
        load_bytes(b"", raw)
    shown = str(info.value).split(": ")[0]
    assert not set(shown) & set("/\\\x00<>[]`")
    assert load_bytes(fx.ARTICLE.encode(), raw).name == shown


def test_binary_without_nul_bytes_is_refused():
    data = bytes(range(1, 32)) * 200
    with pytest.raises(UnreadableInput, match="binary"):
        load_bytes(data, "noise.txt")


@pytest.mark.parametrize(("data", "name", "phrase"), [
    (b"%PDF-1.7 not really", "fake.txt", "binary (PDF)"),
    (b"PK\x03\x04 zip", "fake.md", "binary (zip/Office)"),
    (b"just some words", "fake.docx", "not a zip"),
    (b"just some words", "fake.pdf", "no %PDF- header"),
])
def test_wrong_extension(data, name, phrase):
    with pytest.raises(UnreadableInput, match=phrase.replace("(", r"\(").replace(")", r"\)")):
        load_bytes(data, name)


def test_child_memory_limit_is_real():
    """The child's RLIMIT_AS stops it: with 40 MiB it cannot even load the parser."""
    with pytest.raises(UnreadableInput, match="memory|CPU-time|parser failed"):
        pdf_mod.read(fx.make("article.pdf"), "a.pdf", Limits(memory_bytes=40 * 2**20))


def test_child_wall_clock_limit_is_real():
    with pytest.raises(UnreadableInput, match="longer than 0.05 s"):
        pdf_mod.read(fx.make("article.pdf"), "a.pdf", Limits(wall_seconds=0.05))


def test_html_parse_is_limited_too():
    """A page far larger than an article keeps the parser busy; the child is stopped on time."""
    from analysis.ingest import webpage

    page = b"<html><body><article>" + b"".join(
        b"<p>Paragraph %d: the river rose again, officials said, and the barrier held.</p>\n" % i
        for i in range(40_000)) + b"</article></body></html>"
    with pytest.raises(UnreadableInput, match="longer than 0.5 s"):
        webpage.read(page, "huge.html", Limits(wall_seconds=0.5))


def test_missing_and_folder(tmp_path):
    with pytest.raises(UnreadableInput, match="no such file"):
        load(tmp_path / "nope.txt")
    with pytest.raises(UnreadableInput, match="folder"):
        load(tmp_path)


def test_size_limit_matches_the_servers_upload_limit():
    import tomllib

    from analysis.ingest import MAX_BYTES

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert MAX_BYTES == config["server"]["maxUploadSize"] * 1024 * 1024
