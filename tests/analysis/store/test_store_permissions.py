"""Permissions are not damage (issue 20, item 3): only a failed integrity check sets a file aside.

The conditions are real, never simulated at the sqlite3 boundary:

- **file modes**, seen by a process that is not the files' owner-with-rights. Root ignores
  file modes, so when the tests run as root the store is opened in a forked child that has
  dropped to the ``nobody`` user (everything it needs is imported before the fork: the
  interpreter under /root cannot be read by ``nobody``); otherwise the child keeps the
  test's user and the modes apply to it directly;
- **a read-only file system**: a tmpfs remounted read-only, where even root cannot write
  (needs root and a kernel that allows the mount; skipped otherwise).

Before: the healthy database was renamed ``.damaged-...`` (a 201-article workspace vanished)
or the open ended in a traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import analysis
from analysis.ingest import load_text
from analysis.store import Store, StoreError
from devkit import fixtures as fx
from tests.analysis.store import users
from tests.analysis.store.users import ROOT_USER, as_other_user, give, take


@pytest.fixture
def folder() -> Iterator[Path]:
    """A data folder with a healthy database of 3 articles, reachable by ``nobody``."""
    with users.folder() as base:
        data = base / "data"
        store = Store.open(data)
        ws = store.create_workspace("session:lab", "Flood coverage")
        for i in range(3):
            text = f"{fx.ARTICLE}\n\nVariant {i}."
            store.add_article(ws, load_text(text, f"r{i}.txt"), analysis.analyze(text))
        store.close()
        yield data


def _open_and_try(data: Path) -> Callable[[], dict[str, Any]]:
    def body() -> dict[str, Any]:
        out: dict[str, Any] = {}
        try:
            store = Store.open(data)
        except StoreError as exc:
            return {"open_error": str(exc)}
        out["notice"] = store.notice
        out["readonly"] = getattr(store, "readonly", None)
        ws = store.find("session:lab", "Flood coverage")
        out["articles"] = [a.file_name for a in store.articles(ws)] if ws else None
        out["text"] = store.text(ws, store.articles(ws)[0].id)[:40] if ws else None
        try:
            store.create_workspace("session:lab", "New")
            out["write"] = "written"
        except StoreError as exc:
            out["write"] = f"StoreError: {exc}"
        store.close()
        return out

    return body


def _names(data: Path) -> list[str]:
    """The folder's files, without the -wal/-shm companions SQLite makes and removes itself."""
    return sorted(p.name for p in data.iterdir() if not p.name.endswith(("-wal", "-shm")))


def _assert_read_only_mode(out: dict[str, Any], data: Path, before: list[str]) -> None:
    assert "exception" not in out, out.get("traceback")
    assert out["readonly"] is True, out
    assert out["articles"] == ["r0.txt", "r1.txt", "r2.txt"]
    assert out["text"] == fx.ARTICLE[:40]
    assert "read-only" in out["notice"] and "damaged" not in out["notice"]
    assert out["write"].startswith("StoreError: ") and "read-only" in out["write"]
    assert not [n for n in _names(data) if ".damaged-" in n], _names(data)
    assert _names(data) == before  # nothing renamed, nothing new


def test_read_only_data_folder(folder):
    """The folder cannot be written (no -wal or -shm can be made); the file itself could be."""
    give(folder / "workspaces.sqlite3", 0o644)
    take(folder, 0o555)
    before = _names(folder)
    out = as_other_user(_open_and_try(folder))
    _assert_read_only_mode(out, folder, before)
    assert "folder" in out["notice"]


def test_read_only_database_file(folder):
    give(folder, 0o755)
    give(folder / "workspaces.sqlite3", 0o444)
    before = _names(folder)
    out = as_other_user(_open_and_try(folder))
    _assert_read_only_mode(out, folder, before)


def test_shm_file_the_process_may_not_open(folder):
    """Another process (the server, running as another user) has the database open: its -shm
    exists and this user may not open it. (The holder must be a process of its own: a forked
    child would inherit the test process's open -shm descriptor.)"""
    give(folder, 0o755)
    give(folder / "workspaces.sqlite3", 0o644)
    shm = folder / "workspaces.sqlite3-shm"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import os, sqlite3, sys, time; c = sqlite3.connect(sys.argv[1]); "
         "c.execute('SELECT count(*) FROM articles').fetchone(); os.chown(sys.argv[1] + '-shm', 0, 0) "
         "if os.geteuid() == 0 else None; os.chmod(sys.argv[1] + '-shm', int(sys.argv[2], 8)); "
         "print('holding', flush=True); time.sleep(120)", str(folder / "workspaces.sqlite3"),
         "600" if ROOT_USER else "000"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        assert shm.exists()
        before = _names(folder)
        out = as_other_user(_open_and_try(folder))
        _assert_read_only_mode(out, folder, before)
        assert "-shm" in out["notice"]
    finally:
        holder.kill()
        holder.wait()


def test_unreadable_database_file_is_a_clear_message_not_a_rename(folder):
    give(folder, 0o755)
    take(folder / "workspaces.sqlite3", 0o000)
    if ROOT_USER:
        os.chown(folder / "workspaces.sqlite3", 0, 0)
    before = _names(folder)
    out = as_other_user(_open_and_try(folder))
    assert "exception" not in out, out.get("traceback")
    assert "permission" in out["open_error"] and "workspaces.sqlite3" in out["open_error"]
    assert _names(folder) == before


def test_no_database_and_a_read_only_folder(folder):
    (folder / "workspaces.sqlite3").unlink()
    take(folder, 0o555)
    out = as_other_user(_open_and_try(folder))
    assert "exception" not in out, out.get("traceback")
    assert "read-only" in out["open_error"] and "NARRATIVE_LENS_DATA" in out["open_error"]
    assert _names(folder) == []


def test_command_line_on_a_read_only_folder(folder):
    """`workspace list` works and says read-only; `import` refuses with one clear line, exit 2."""
    give(folder / "workspaces.sqlite3", 0o644)
    take(folder, 0o555)
    article = folder.parent / "new.txt"
    article.write_text(fx.ARTICLE + "\n\nAnother.", encoding="utf-8")
    os.chmod(article, 0o644)

    def body() -> dict[str, Any]:
        import contextlib
        import io

        from analysis.__main__ import main

        result = {}
        for name, argv in (("list", ["workspace", "--data-dir", str(folder), "--owner", "session:lab", "list"]),
                           ("import", ["workspace", "--data-dir", str(folder), "--owner", "session:lab",
                                       "import", "Flood coverage", str(article)])):
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(argv)
            result[name] = {"code": code, "out": out.getvalue(), "err": err.getvalue()}
        return result

    got = as_other_user(body)
    assert "exception" not in got, got.get("traceback")
    assert got["list"]["code"] == 0 and got["list"]["out"].startswith("Flood coverage\t3 article(s)")
    assert "read-only" in got["list"]["err"]
    assert got["import"]["code"] == 2 and "read-only" in got["import"]["err"]
    assert "Traceback" not in got["import"]["err"]
    assert not [n for n in _names(folder) if ".damaged-" in n]


@pytest.fixture
def read_only_mount(tmp_path: Path) -> Iterator[Path]:
    mnt = tmp_path / "ro"
    mnt.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mnt)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip()}); the file-mode tests cover this")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_read_only_file_system_even_for_root(read_only_mount):
    data = read_only_mount / "data"
    store = Store.open(data)
    ws = store.create_workspace("session:lab", "Flood coverage")
    for i in range(3):
        text = f"{fx.ARTICLE}\n\nVariant {i}."
        store.add_article(ws, load_text(text, f"r{i}.txt"), analysis.analyze(text))
    store.close()
    done = subprocess.run(["mount", "-o", "remount,ro", str(read_only_mount)], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    before = _names(data)
    _assert_read_only_mode(_open_and_try(data)(), data, before)


def test_damage_is_still_set_aside(tmp_path):
    """The other side of the rule: a file that fails the integrity check is set aside."""
    (tmp_path / "workspaces.sqlite3").write_bytes(b"not a database at all" * 200)
    store = Store.open(tmp_path)
    assert store.notice and "damaged" in store.notice and not getattr(store, "readonly", False)
    assert [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
