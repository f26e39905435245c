"""Workspace keys that only this server issues: 128 random bits and an HMAC over them.

Without login, a browser session's workspaces are filed under a key carried in the page
address (``?scope=KEY``). Before, any string of the right shape was accepted, so an attacker
could send a victim a link with a key of the attacker's choosing and later read whatever the
victim imported. Now a key is ``RANDOM.TAG``: RANDOM is 16 bytes from ``secrets`` and TAG the
first 16 bytes of HMAC-SHA256 over them with the server's secret, both base64url (22
characters each). A key the server did not make fails the check and is not honoured.

The secret (in order):

- ``NARRATIVE_LENS_SECRET``: one or more secrets separated by commas;
- else the file ``server-secret`` in the data folder, created on first use with mode 0600
  (32 random bytes, hex), one secret per line.

The first secret signs new keys; every secret listed verifies. Rotating: put a new secret
first and keep the old one after it while links made with it should still open; remove the
old one to retire them (their workspaces stay in the database under ``session:<key>``). When
the data folder is read-only and holds no secret, a secret for this process only is made:
its keys open nothing after a restart, and :attr:`Keys.notice` says so.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
from pathlib import Path

ENV = "NARRATIVE_LENS_SECRET"
FILE = "server-secret"
_PART = r"[A-Za-z0-9_-]{22}"
_KEY = re.compile(rf"({_PART})\.({_PART})")
_CONTEXT = b"narrative-lens workspace key v1:"


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Keys:
    """Issue and check workspace keys with the server's secret(s)."""

    def __init__(self, data_dir: str | os.PathLike[str] | None = None,
                 environ: dict[str, str] | None = None) -> None:
        from analysis.store import paths

        env = os.environ if environ is None else environ
        self.notice: str | None = None
        given = [s.strip() for s in env.get(ENV, "").split(",") if s.strip()]
        if given:
            self.source = f"${ENV}"
            self._secrets = [s.encode("utf-8") for s in given]
        else:
            path = paths.data_dir(data_dir) / FILE
            self.source = str(path)
            self._secrets = _file_secrets(path)
            if not self._secrets:
                self._secrets = [secrets.token_hex(32).encode("ascii")]
                self.notice = (f"The server secret {path} could not be read or made (is the data folder "
                               "read-only?): workspace addresses made now open nothing after a restart.")
        short = [i for i, s in enumerate(self._secrets) if len(s) < 32]
        if short:
            raise ValueError(f"every secret in {self.source} needs at least 32 characters (line {short[0] + 1} "
                             "is shorter); make one with: python -c \"import secrets; print(secrets.token_hex(32))\"")

    def _tag(self, secret: bytes, random: bytes) -> bytes:
        return hmac.new(secret, _CONTEXT + random, hashlib.sha256).digest()[:16]

    def issue(self) -> str:
        """A new key: 128 random bits, signed with the first secret."""
        random = secrets.token_bytes(16)
        return f"{_b64(random)}.{_b64(self._tag(self._secrets[0], random))}"

    def verify(self, key: object) -> bool:
        """Whether ``key`` was issued with one of the secrets (checked in constant time)."""
        found = _KEY.fullmatch(key) if isinstance(key, str) else None
        if not found:
            return False
        random, tag = _unb64(found.group(1)), _unb64(found.group(2))
        if len(random) != 16 or len(tag) != 16:
            return False
        ok = False
        for secret in self._secrets:  # no early exit: the time does not say which secret matched
            ok |= hmac.compare_digest(self._tag(secret, random), tag)
        return ok


def _file_secrets(path: Path) -> list[bytes]:
    """The secrets in ``path``, creating it (mode 0600) with a new secret when it is absent.
    Two processes starting at once both end up with the file that was linked first."""
    for _ in range(2):
        try:
            if path.stat().st_mode & 0o077:
                try:
                    os.chmod(path, 0o600)  # only the server's user may read it
                except OSError:
                    pass
            lines = path.read_text(encoding="ascii").splitlines()
            return [line.strip().encode("ascii") for line in lines if line.strip() and not line.startswith("#")]
        except FileNotFoundError:
            pass
        except (OSError, UnicodeDecodeError):
            return []
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{FILE}.{os.getpid()}.{secrets.token_hex(4)}")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                os.write(fd, (secrets.token_hex(32) + "\n").encode("ascii"))
                os.fsync(fd)
            finally:
                os.close(fd)
            try:
                os.link(tmp, path)  # atomic: never a half-written secret, never two different ones
            except FileExistsError:
                pass
            finally:
                tmp.unlink(missing_ok=True)
        except OSError:
            return []
    return []
