"""Writing files so that a reader never sees half of one.

``write_atomic`` writes to a temporary file in the target's own folder, flushes it to disk,
and renames it over the target (``os.replace``, atomic on POSIX and Windows within one
filesystem). When anything fails on the way (the disk fills up, a quota, a killed
process), the temporary file is removed and the target is left as it was: the old file,
or no file. Exports (CSV, JSON, reports) go through here.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path


class WriteFailed(OSError):
    """The file could not be written; the message is fit for the user."""


def write_atomic(path: str | os.PathLike[str], data: str | bytes, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` as a whole or not at all; returns the path written.

    Raises :class:`WriteFailed` (an OSError) naming the file and the reason, e.g. that the
    disk is full; no partial file and no temporary file is left behind."""
    target = Path(path)
    raw = data.encode(encoding) if isinstance(data, str) else data
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise WriteFailed(exc.errno, f"cannot write {target.name}: {_why(exc)}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; an export is an ordinary file
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise WriteFailed(exc.errno, f"cannot write {target.name}: {_why(exc)}; nothing was written") from None
        raise
    return target


def _why(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if exc.errno == errno.EFBIG:
        return "the file is larger than this system allows"
    return exc.strerror or str(exc)
