"""``python -m analysis workspace`` and ``score`` on every format, in a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests import fixtures_gen as fx

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


def test_workspace_codes_export_and_import(tmp_path):
    from analysis.store import Store, codebook, codes

    data = tmp_path / "data"
    article = fx.write(tmp_path, "article.md")
    assert _run("workspace", "--data-dir", str(data), "import", "Flood", str(article)).returncode == 0
    store = Store.open(data)
    ws = store.find("local", "Flood")
    [art] = store.articles(ws)
    blame = codebook.define(store, ws, "Blame")
    codes.code_paragraph(store, ws, art.id, "ana", 0, blame.id, note="+1 for clarity")
    codes.judge(store, ws, art.id, "ben", 0, 5, "alarm", "urgency", "wrong")
    store.close()

    as_csv = _run("workspace", "--data-dir", str(data), "export-codes", "Flood")
    assert as_csv.returncode == 0, as_csv.stderr
    lines = as_csv.stdout.splitlines()
    assert lines[0].startswith("article_id,sha256,article,coder,kind") and len(lines) == 3
    assert ",'+1 for clarity," in lines[1]
    project = tmp_path / "flood.qdpx"
    done = _run("workspace", "--data-dir", str(data), "export-codes", "Flood", "--format", "qdpx", "--out",
                str(project))
    assert done.returncode == 0 and done.stderr == f"wrote {project}\n"

    other = tmp_path / "other"
    assert _run("workspace", "--data-dir", str(other), "import", "Copy", str(article)).returncode == 0
    (tmp_path / "codes.csv").write_text(as_csv.stdout, encoding="utf-8", newline="")
    got = _run("workspace", "--data-dir", str(other), "import-codes", "Copy", str(tmp_path / "codes.csv"))
    assert got.returncode == 0, got.stderr
    assert got.stdout == "codes.csv: 1 code(s) added to the codebook; 2 decision(s) recorded, 0 unchanged\n"
    fresh = _run("workspace", "--data-dir", str(other), "import-codes", "Fresh", str(project))
    assert fresh.returncode == 2 and fresh.stderr == "error: no workspace named 'Fresh'\n"
    from_project = _run("workspace", "--data-dir", str(other), "import-codes", "Copy", str(project))
    assert from_project.stdout == ("flood.qdpx: 0 article(s) added, 1 matched; 0 code(s) added to the codebook; "
                                   "0 decision(s) recorded, 2 unchanged\n")


def test_workspace_codes_bad_input_exits_2(tmp_path):
    data = tmp_path / "data"
    assert _run("workspace", "--data-dir", str(data), "import", "Flood", str(fx.write(tmp_path, "article.md"))
                ).returncode == 0
    no_out = _run("workspace", "--data-dir", str(data), "export-codes", "Flood", "--format", "qdpx")
    assert no_out.returncode == 2 and no_out.stderr == "error: --format qdpx writes a zip file: give --out PATH\n"
    broken = tmp_path / "broken.qdpx"
    broken.write_bytes(b"PK not really")
    bad = _run("workspace", "--data-dir", str(data), "import-codes", "Flood", str(broken))
    assert bad.returncode == 2
    assert bad.stderr == "error: broken.qdpx: not a .qdpx project (it is not a zip archive)\n"
    missing = _run("workspace", "--data-dir", str(data), "import-codes", "Flood", str(tmp_path / "nope.csv"))
    assert missing.returncode == 2 and missing.stderr == "error: nope.csv: cannot be read (No such file or directory)\n"
