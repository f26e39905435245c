"""Where the project's data lives: one place, found from the installed ``analysis`` package
(``importlib.resources``), never from the current directory. Every module that reads a shipped
file (lexicons, evaluation sets, the bundled article, validation figures) takes its path here."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

ROOT = Path(str(files("analysis"))).resolve().parent
DATA = ROOT / "data"
LEXICONS = DATA / "lexicons"
EVAL = DATA / "eval"
ARTICLES = DATA / "articles"
BUNDLED_ARTICLE = ARTICLES / "ai-model-theft-accusation.txt"
VALIDATION = DATA / "validation.json"
