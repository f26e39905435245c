"""``python -m analysis workspace`` and ``score`` on every format, in a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from devkit import fixtures as fx

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str, env_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = None
    if env_dir is not None:
        import os

        env = {**os.environ, "NARRATIVE_LENS_DATA": str(env_dir)}
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=180, env=env)


def test_score_reads_every_format(tmp_path):
    files = [str(fx.write(tmp_path, n)) for n in ("article.md", "article.html", "article.docx", "article.pdf")]
    done = _run("score", *files, "--format", "json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert len(doc["provenance"]["inputs"]) == 4
    for article in doc["articles"]:
        body = [p["text"] for p in article["paragraphs"]]
        assert body == fx.PARAGRAPHS, article["article"]


def test_workspace_import_list_remove(tmp_path):
    data = tmp_path / "data"
    files = [str(fx.write(tmp_path, n)) for n in ("article.html", "empty.txt", "article.docx", "article.md")]
    done = _run("workspace", "--data-dir", str(data), "import", "Flood", *files)
    assert done.returncode == 2  # one refused ...
    assert done.stderr == "error: empty.txt: the file is empty\n"
    out = done.stdout.splitlines()  # ... and the others imported all the same
    assert out[0] == "imported: article.html (html, utf-8) as article 1"
    # the same article as a Word file: the same text, so the same content hash
    assert out[1] == "duplicate: article.docx (docx, utf-8) as article 1"
    assert out[2] == "imported: article.md (markdown, utf-8) as article 2"
    listed = _run("workspace", "list", "Flood", env_dir=data)  # the environment variable works too
    assert listed.returncode == 0
    rows = [line.split("\t") for line in listed.stdout.splitlines()]
    assert [(r[0], r[2], r[5]) for r in rows] == [("1", "html", "The River Courier"), ("2", "markdown", "")]
    assert _run("workspace", "--data-dir", str(data), "remove", "Flood", "--article", "2").returncode == 0
    assert _run("workspace", "--data-dir", str(data), "list").stdout.startswith("Flood\t1 article(s)")
    gone = _run("workspace", "--data-dir", str(data), "remove", "Nope")
    assert (gone.returncode, gone.stderr) == (2, "error: no workspace named 'Nope'\n")
