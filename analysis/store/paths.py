"""Where the workspace database lives.

In order: an explicit folder (the ``--data-dir`` flag), the environment variable
``NARRATIVE_LENS_DATA``, then the per-user data folder: ``$XDG_DATA_HOME/narrative-lens``,
falling back to ``~/.local/share/narrative-lens`` (Linux, macOS) or
``%LOCALAPPDATA%\\narrative-lens`` (Windows).
"""

from __future__ import annotations

import os
from pathlib import Path

ENV = "NARRATIVE_LENS_DATA"
DB_NAME = "workspaces.sqlite3"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data folder (not created here)."""
    if explicit:
        return Path(explicit).expanduser()
    if os.environ.get(ENV):
        return Path(os.environ[ENV]).expanduser()
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "narrative-lens"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "narrative-lens"


def db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    return data_dir(explicit) / DB_NAME
