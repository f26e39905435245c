"""The whole pipeline runs with networking disabled and never asks nltk to download."""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import socket, sys

    def refuse(*args, **kwargs):
        raise OSError("network disabled by test_offline")

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse

    import nltk
    def no_download(*args, **kwargs):
        raise AssertionError("nltk.download was called")
    nltk.download = no_download

    import analysis
    text = open(sys.argv[1], encoding="utf-8").read()
    result = analysis.analyze(text)
    assert result.paragraphs["fk_grade"].notna().all()
    assert result.paragraphs["sentiment"].notna().all()
    print("ok", len(result.paragraphs), len(result.evidence))
    """
)


def test_pipeline_runs_with_network_disabled(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "NLTK_DATA": str(tmp_path / "nltk_empty"),
           "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(ROOT / "data" / "articles" / "ai-model-theft-accusation.txt")],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("ok 10 ")
