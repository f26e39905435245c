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


def test_two_imports_creating_the_same_new_workspace_at_once(tmp_path):
    """Two real processes start `workspace import "race k" FILE` at the same moment, round
    after round, into a workspace that does not exist yet. Before, the second to create it
    hit the unique name and exited 2 with its file not imported (1 round in 30 in the issue's
    run, 1 in 40 in a run of this test on that code: 120 rounds make a miss unlikely)."""
    import os
    import time

    data = tmp_path / "data"
    data.mkdir()
    rounds = 120
    go = str(tmp_path / "go")
    procs = [subprocess.Popen([sys.executable, "-m", "tests.server.workers", "create-race", str(data), tag,
                               str(rounds), go], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env={**os.environ})
             for tag in ("A", "B")]
    for k in range(rounds):
        deadline = time.monotonic() + 120
        while not all(Path(f"{go}-{k}.ready-{tag}").exists() for tag in ("A", "B")):
            assert time.monotonic() < deadline and all(p.poll() is None for p in procs), \
                [p.stderr.read() for p in procs if p.poll() is not None and p.stderr]
            time.sleep(0.002)
        Path(f"{go}-{k}").touch()
    outs = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=300)
        assert p.returncode == 0, stderr[-2000:]
        outs.append(json.loads(stdout.strip().splitlines()[-1]))
    assert [o["errors"] for o in outs] == [[], []]
    assert outs[0]["codes"] == outs[1]["codes"] == [0] * rounds
    from analysis.store import Store

    store = Store.open(data)
    spaces = store.workspaces("session:lab")
    assert sorted(w.name for w in spaces) == sorted(f"race {k}" for k in range(rounds))
    assert all(w.articles == 2 for w in spaces)  # both files imported, every round


def test_workspace_list_neutralises_terminal_escapes(tmp_path):
    """A title (from a page's metadata or typed on the Coverage page) holding terminal escape
    codes, a bell or a right-to-left override is printed with those characters made visible,
    never sent to the terminal raw. (White space, tabs and carriage returns included, is
    already collapsed to single spaces when a title is stored.)"""
    from analysis import analyze
    from analysis.ingest import load_text
    from analysis.store import Store

    data = tmp_path / "data"
    store = Store.open(data)
    hostile = "Calm\x1b[2J\x1b]0;pwned\x07 title\rFAKE\tcol \u202eevil"
    ws = store.create_workspace("local", "Flood")
    got = store.add_article(ws, load_text(fx.ARTICLE, "a.txt"), analyze(fx.ARTICLE))
    store.update_article(ws, got.article.id, title=hostile, outlet="Out\x9bNews")
    ws2 = store.create_workspace("local", "Name \x1b[31mred")
    store.close()
    listed = _run("workspace", "--data-dir", str(data), "list", "Flood")
    assert listed.returncode == 0, listed.stderr
    line = listed.stdout.rstrip("\n")
    assert not any(ord(ch) < 32 and ch != "\t" or 0x7f <= ord(ch) < 0xa0 or ch == "\u202e" for ch in line), \
        repr(line)
    fields = line.split("\t")
    assert len(fields) == 7
    assert fields[4] == "Calm\\x1b[2J\\x1b]0;pwned\\x07 title FAKE col \\u202eevil"
    assert fields[5] == "Out\\x9bNews"
    names = _run("workspace", "--data-dir", str(data), "list").stdout
    assert "Name \\x1b[31mred\t" in names and "\x1b" not in names
    assert ws2.name == "Name \x1b[31mred"  # stored as typed: only the terminal output is changed


def test_disk_full_lists_the_files_not_imported(tmp_path):
    """A real file-size limit (RLIMIT_FSIZE, as on a disk that fills up) stops the writes part
    way through 30 files: each file imported before is reported, and every file not imported
    is listed by name on standard error, with exit status 2. Before, the run ended at the first
    failure with one line and the remaining files were never mentioned."""
    import resource
    import signal

    from tests.server.workers import long_article

    data = tmp_path / "data"
    files = []
    for i in range(30):
        path = tmp_path / f"report-{i:02d}.txt"
        path.write_text(long_article(i), encoding="utf-8")
        files.append(path)

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (600_000, 600_000))

    done = subprocess.run([sys.executable, "-m", "analysis", "workspace", "--data-dir", str(data), "import",
                           "Full", *map(str, files)], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          preexec_fn=limit)
    assert done.returncode == 2, done.stderr
    imported = [line.split()[1] for line in done.stdout.splitlines() if line.startswith("imported: ")]
    assert 3 <= len(imported) < 30
    assert imported == [f.name for f in files[:len(imported)]]
    err = done.stderr.splitlines()
    assert "not saved" in err[0] and "intact" in err[0] and files[len(imported)].name in err[0]
    missing = [f.name for f in files[len(imported):]]
    assert err[-1] == f"not imported ({len(missing)} of 30): {', '.join(missing)}"
    from analysis.store import Store

    store = Store.open(data)
    assert [a.file_name for a in store.articles(store.find("local", "Full"))] == imported
