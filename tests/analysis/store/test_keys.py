"""Workspace keys only the server issues (analysis/store/keys.py)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.store.keys import ENV, FILE, Keys
from tests.analysis.store import users

ROOT = Path(__file__).resolve().parents[3]


def test_issued_keys_verify_and_are_128_random_bits(tmp_path):
    keys = Keys(tmp_path, environ={})
    made = {keys.issue() for _ in range(200)}
    assert len(made) == 200
    assert all(keys.verify(k) and len(k) == 45 and k[22] == "." for k in made)


@pytest.mark.parametrize("key", [
    "attacker_chosen_key_0001",  # the issue's example: the shape the old check accepted
    "A" * 22,
    "A" * 22 + "." + "A" * 22,  # right shape, no valid tag
    "", None, 12345, "x" * 10_000,
    "AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAA=",
])
def test_keys_not_issued_here_fail(tmp_path, key):
    assert not Keys(tmp_path, environ={}).verify(key)


def test_a_tag_for_another_random_part_fails(tmp_path):
    keys = Keys(tmp_path, environ={})
    a, b = keys.issue(), keys.issue()
    assert not keys.verify(a[:22] + b[22:])


def test_secret_file_is_private_and_kept(tmp_path):
    first = Keys(tmp_path, environ={})
    secret = tmp_path / FILE
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    key = first.issue()
    assert Keys(tmp_path, environ={}).verify(key)  # a restart: the same secret, the same keys
    os.chmod(secret, 0o644)
    Keys(tmp_path, environ={})
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600  # loosened by hand: tightened again


def test_another_server_with_another_secret_refuses(tmp_path):
    key = Keys(tmp_path / "a", environ={}).issue()
    assert not Keys(tmp_path / "b", environ={}).verify(key)


def test_rotation(tmp_path):
    """A new first secret signs; the old one, listed after it, still verifies; removed, it
    no longer does."""
    old = "o" * 64
    new = "n" * 64
    before = Keys(tmp_path, environ={ENV: old}).issue()
    both = Keys(tmp_path, environ={ENV: f"{new},{old}"})
    after = both.issue()
    assert both.verify(before) and both.verify(after)
    only_new = Keys(tmp_path, environ={ENV: new})
    assert only_new.verify(after) and not only_new.verify(before)
    # the same with the file: a new line on top
    (tmp_path / FILE).write_text(f"{old}\n", encoding="ascii")
    made = Keys(tmp_path, environ={}).issue()
    (tmp_path / FILE).write_text(f"# rotated\n{new}\n{old}\n", encoding="ascii")
    assert Keys(tmp_path, environ={}).verify(made)


def test_short_secret_refused(tmp_path):
    with pytest.raises(ValueError, match="at least 32 characters"):
        Keys(tmp_path, environ={ENV: "password"})


def test_two_processes_make_one_secret(tmp_path):
    """Both start with no secret file; both must end up signing with the same secret."""
    code = ("import sys; from analysis.store.keys import Keys; k = Keys(sys.argv[1], environ={}); "
            "print(k.issue())")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, stdout=subprocess.PIPE,
                              text=True) for _ in range(4)]
    keys = [p.communicate(timeout=60)[0].strip() for p in procs]
    checker = Keys(tmp_path, environ={})
    assert all(checker.verify(k) for k in keys)
    assert sorted(p.name for p in tmp_path.iterdir()) == [FILE]


def test_read_only_folder_without_a_secret_says_so():
    """A real read-only folder (as root: seen by ``nobody``, see users.py)."""
    with users.folder() as base:
        data = base / "data"
        data.mkdir()
        users.take(data, 0o555)

        def body() -> dict[str, object]:
            keys = Keys(data, environ={})
            return {"notice": keys.notice, "works": keys.verify(keys.issue()), "files": sorted(os.listdir(data))}

        out = users.as_other_user(body)
        assert "exception" not in out, out.get("traceback")
        assert out["notice"] and "restart" in str(out["notice"])
        assert out["works"] is True and out["files"] == []
