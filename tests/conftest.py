"""Shared fixtures, and a data folder of the test run's own."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data" / "articles" / "ai-model-theft-accusation.txt"


@pytest.fixture(scope="session")
def bundled_text() -> str:
    return BUNDLED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def bundled(bundled_text):
    import analysis

    return analysis.analyze(bundled_text, name=BUNDLED.name)


def pytest_configure(config: pytest.Config) -> None:
    """Saved workspaces go to a folder of this run, never to the researcher's own data folder
    (~/.local/share/narrative-lens): pages under AppTest, servers the browser tests start and
    the command line all read NARRATIVE_LENS_DATA. A folder given by the caller is kept."""
    if not os.environ.get("NARRATIVE_LENS_DATA"):
        folder = tempfile.mkdtemp(prefix="nl-tests-data-")
        os.environ["NARRATIVE_LENS_DATA"] = folder
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
