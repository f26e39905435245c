"""Shared fixtures."""

from __future__ import annotations

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
