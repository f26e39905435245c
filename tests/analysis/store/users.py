"""Run store code as a user the file modes apply to (real permission conditions, also as root).

Root ignores file modes. When the tests run as root, :func:`as_other_user` forks and the
child drops to ``nobody`` before running the body; everything the body needs must be
imported before (the interpreter under /root cannot be read by ``nobody``). Otherwise the
child keeps the test's user, to whom the modes apply directly. Folders used this way must be
reachable by ``nobody`` (pytest's tmp root is 0700: use :func:`folder`).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

NOBODY = 65534
ROOT_USER = os.geteuid() == 0


def as_other_user(fn: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run ``fn`` in a forked child as a user the modes apply to; its JSON-able answer."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read)
        try:
            if ROOT_USER:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            out = fn()
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            out = {"exception": f"{type(exc).__name__}: {exc}", "traceback": traceback.format_exc()}
        with os.fdopen(write, "w") as fh:
            fh.write(json.dumps(out, default=str))
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as fh:
        text = fh.read()
    os.waitpid(pid, 0)
    return json.loads(text)


def give(path: Path, mode: int) -> None:
    """``path`` to the other user (when root) with ``mode``."""
    if ROOT_USER:
        os.chown(path, NOBODY, NOBODY)
    os.chmod(path, mode)


def take(path: Path, mode: int) -> None:
    """``path`` away from the other user (root keeps it) with ``mode``."""
    os.chmod(path, mode)



@contextmanager
def folder(prefix: str = "nl-perm-") -> Iterator[Path]:
    """A fresh folder under /tmp that ``nobody`` can reach; removed afterwards."""
    base = Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp"))
    os.chmod(base, 0o755)
    try:
        yield base
    finally:
        for p in [base, *base.rglob("*")]:
            try:
                os.chmod(p, 0o777 if p.is_dir() else 0o666)
            except OSError:
                pass
        shutil.rmtree(base, ignore_errors=True)
