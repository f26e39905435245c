"""Run a parser over untrusted bytes in a child process with CPU, memory and time limits.

Used for PDF (pypdf) and HTML (trafilatura/lxml): both can be made to loop or to expand,
and a 20 MB page can keep trafilatura busy for a minute. The parent never parses: it starts
``child.py`` with ``python -I`` (isolated mode: no user site, no environment-variable
injection, an environment with only PATH and LANG), hands it the bytes on stdin and waits
at most ``Limits.wall_seconds``. The child caps its own CPU time (RLIMIT_CPU) and address
space (RLIMIT_AS) before importing the parser.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.ingest.errors import UnreadableInput

CHILD = Path(__file__).with_name("child.py")


@dataclass(frozen=True)
class Limits:
    cpu_seconds: int = 8
    memory_bytes: int = 768 * 1024 * 1024
    wall_seconds: float = 15.0


def run(kind: str, data: bytes, name: str, limits: Limits) -> dict[str, Any]:
    """The child's JSON answer (``ok`` true or false), or UnreadableInput when it was stopped."""
    cmd = [sys.executable, "-I", str(CHILD), kind, str(limits.cpu_seconds), str(limits.memory_bytes)]
    env = {"PATH": os.environ.get("PATH", ""), "LANG": "C.UTF-8"}
    try:
        done = subprocess.run(cmd, input=data, capture_output=True, timeout=limits.wall_seconds,
                              env=env, check=False)
    except subprocess.TimeoutExpired:
        raise UnreadableInput(f"{name}: refused: reading it took longer than {limits.wall_seconds:g} s "
                              f"(the {kind.upper()} may be built to loop, or is far larger than an article)") from None
    if done.returncode != 0:
        raise UnreadableInput(f"{name}: refused: {_death(kind, done.returncode)}")
    try:
        out = json.loads(done.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise UnreadableInput(f"{name}: the {kind.upper()} parser returned no result") from None
    if not isinstance(out, dict):
        raise UnreadableInput(f"{name}: the {kind.upper()} parser returned no result")
    if not out.get("ok") and out.get("reason") == "memory":
        raise UnreadableInput(f"{name}: refused: it expands beyond the {limits.memory_bytes // 2**20} MiB "
                              f"memory limit (the {kind.upper()} may be built to expand)")
    return out


_LIMIT_SIGNALS = (signal.SIGXCPU, signal.SIGKILL)  # RLIMIT_CPU: SIGXCPU at the soft limit, SIGKILL at the hard


def _death(kind: str, code: int) -> str:
    """Why the child ended with ``code``: a limit it hit, a crash (a signal such as SIGSEGV or
    SIGABRT from the parser's C code), or an error exit."""
    signum = -code if code < 0 else code - 128 if code > 128 else 0
    if signum in _LIMIT_SIGNALS:
        return (f"it used more than the CPU time or memory allowed (the {kind.upper()} may be built to "
                "loop or expand)")
    if signum:
        try:
            sig = signal.Signals(signum).name
        except ValueError:
            sig = f"signal {signum}"
        return (f"the {kind.upper()} parser crashed on it ({sig}); the file may be damaged or built to "
                "attack the parser")
    return f"the {kind.upper()} parser failed on it (exit status {code})"


def clean(detail: object) -> str:
    """A parser's message, safe to show: printable, no markup, one line, short."""
    text = "".join(ch if ch.isprintable() and ch not in "`[]" else " " for ch in str(detail or ""))
    return " ".join(text.split())[:160].rstrip(".")
