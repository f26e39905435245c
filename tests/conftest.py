"""Shared fixtures."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data" / "articles" / "ai-model-theft-accusation.txt"


@pytest.fixture(scope="session", autouse=True)
def own_data_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every test run keeps its workspaces in a folder of its own, never in the user's
    ~/.local/share/narrative-lens: two runs at once (or a run beside a real dashboard) must not
    rewrite each other's database. Tests that need a fresh folder still set their own."""
    folder = tmp_path_factory.mktemp("narrative-lens-data")
    before = os.environ.get("NARRATIVE_LENS_DATA")
    os.environ["NARRATIVE_LENS_DATA"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("NARRATIVE_LENS_DATA", None)
    else:
        os.environ["NARRATIVE_LENS_DATA"] = before


@pytest.fixture(scope="session")
def bundled_text() -> str:
    return BUNDLED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def bundled(bundled_text):
    import analysis

    return analysis.analyze(bundled_text, name=BUNDLED.name)
