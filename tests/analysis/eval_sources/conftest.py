"""The external evaluation folder (FactBank's text may not be shipped): the tests that need it
are skipped, saying why, when neither --external nor NARRATIVE_LENS_EXTERNAL_EVAL names it."""

from pathlib import Path

import pytest

from analysis.eval_sources import news
from analysis.validate import datasets as ds


@pytest.fixture
def external_eval() -> Path:
    root = ds.external_root(None)
    if root is None or not (root / news.FACTBANK).is_file():
        pytest.skip(f"the external evaluation folder is not given ({ds.EXTERNAL_ENV}): FactBank's part is absent")
    return root
