"""Fault (3): a parser child that crashes or exceeds its limits.

The sandbox runs a test-only child (tests/server/fixtures/faulty_child.py): the real child
and its real limits, whose parser segfaults, aborts, spins or eats memory when the file
carries a marker. Imported together with good files through the Coverage page's import:
each bad file is refused with its reason; every other file is imported.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from analysis.ingest import UnreadableInput, load_bytes, sandbox
from analysis.store import Store
from devkit import fixtures as fx

FAULTY = Path(__file__).resolve().parent / "fixtures" / "faulty_child.py"


@pytest.fixture
def faulty_child(monkeypatch):
    monkeypatch.setattr(sandbox, "CHILD", FAULTY)
    real_run = sandbox.run

    def quick(kind, data, name, limits):  # 1 s of CPU instead of 8, so the spinning child is quick
        return real_run(kind, data, name, dataclasses.replace(limits, cpu_seconds=1, wall_seconds=10.0))

    monkeypatch.setattr(sandbox, "run", quick)


def _pdf(title: str, marker: str = "") -> bytes:
    paras = [f"{p} ({title})" for p in fx.PARAGRAPHS]
    return fx.pdf(title, paras) + (f"\n% {marker}\n".encode() if marker else b"")


@pytest.mark.parametrize(("marker", "reason"), [
    ("CRASH-SEGV", "PDF parser crashed on it (SIGSEGV)"),
    ("CRASH-ABORT", "PDF parser crashed on it (SIGABRT)"),
    ("SPIN-FOREVER", "more than the CPU time or memory allowed"),
    ("EAT-MEMORY", "expands beyond the 768 MiB memory limit"),
])
def test_each_fault_has_its_reason(faulty_child, marker, reason):
    with pytest.raises(UnreadableInput, match=reason.replace("(", r"\(").replace(")", r"\)")) as err:
        load_bytes(_pdf("Bad", marker), f"{marker.lower()}.pdf")
    assert str(err.value).startswith(f"{marker.lower()}.pdf: refused: ")


def test_without_a_marker_the_faulty_child_is_the_real_parser(faulty_child):
    assert "(Good)" in load_bytes(_pdf("Good"), "good.pdf").text


def test_bad_files_refused_with_reason_the_others_imported(faulty_child, tmp_path):
    from ui import coverage as cov

    store = Store.open(tmp_path)
    ws = store.create_workspace("session:lab", "Flood coverage")
    html_crash = fx.html().replace(b"</body>", b"<!-- CRASH-SEGV --></body>")
    files = {
        "good-1.pdf": _pdf("Good one"),
        "segv.pdf": _pdf("Crash", "CRASH-SEGV"),
        "page.html": fx.html(),
        "abort.pdf": _pdf("Abort", "CRASH-ABORT"),
        "story.docx": fx.docx("A docx story", [f"{p} (docx)" for p in fx.PARAGRAPHS]),
        "spin.pdf": _pdf("Spin", "SPIN-FOREVER"),
        "crash.html": html_crash,
        "notes.txt": ("Plain notes\n\n" + "\n\n".join(fx.PARAGRAPHS[:2])).encode(),
        "good-2.pdf": _pdf("Good two"),
    }
    sources = [(name, lambda name=name, data=data: load_bytes(data, name)) for name, data in files.items()]
    outcomes = {o.name: o for o in cov.import_all(store, ws, sources, "comparison")}
    refused = {n: o.detail for n, o in outcomes.items() if o.status == "refused"}
    assert set(refused) == {"segv.pdf", "abort.pdf", "spin.pdf", "crash.html"}
    assert "crashed on it (SIGSEGV)" in refused["segv.pdf"]
    assert "crashed on it (SIGABRT)" in refused["abort.pdf"]
    assert "CPU time" in refused["spin.pdf"]
    assert "HTML parser crashed on it (SIGSEGV)" in refused["crash.html"]
    imported = sorted(a.file_name for a in store.articles(ws))
    assert imported == ["good-1.pdf", "good-2.pdf", "notes.txt", "page.html", "story.docx"]
    assert all(outcomes[n].status == "imported" for n in imported)
