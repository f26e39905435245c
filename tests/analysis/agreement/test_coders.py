"""Agreement between coders, paragraph by paragraph, from codings."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.agreement import alpha as ka
from analysis.agreement import coders, kappa
from analysis.store import codes

# two articles: 1 has four paragraphs, 2 has two
BOUNDS = {1: [(0, 10), (12, 30), (32, 40), (42, 60)], 2: [(0, 20), (22, 50)]}


def _codings(*rows: dict) -> pd.DataFrame:
    return codes.frame(codes.Coding(**{"decision": "applied", **row}) for row in rows)


def test_paragraph_of_offsets():
    starts = [s for s, _ in BOUNDS[1]]
    assert [coders.paragraph_of(starts, o) for o in (0, 9, 11, 12, 31, 59)] == [0, 0, 0, 1, 1, 3]


def test_reliability_data_presence_coverage_and_missing():
    data = _codings(
        dict(article_id=1, coder="ana", kind="code", paragraph_index=0, code="Blame", code_id=1),
        dict(article_id=1, coder="ana", kind="code", paragraph_index=2, code="Blame", code_id=1),
        dict(article_id=1, coder="ben", kind="code", paragraph_index=0, code="Blame", code_id=1),
        dict(article_id=1, coder="ben", kind="code", start=33, end=36, code="Blame", code_id=1),  # in paragraph 2
        dict(article_id=1, coder="dee", kind="reviewed"),  # read it, coded nothing: all 0
        dict(article_id=2, coder="cy", kind="code", paragraph_index=1, code="Fear", code_id=2),
        dict(article_id=1, coder="eve", kind="verdict", start=0, end=3, measure="alarm", category="urgency",
             decision="correct"),  # a verdict alone does not make eve a coder of the codebook
    )
    units = coders.reliability_data(data, BOUNDS)
    blame = units[(units["code"] == "Blame") & (units["article_id"] == 1)]
    wide = blame.pivot(index="paragraph_index", columns="coder", values="value")
    assert wide.to_dict(orient="list") == {"ana": [1, 0, 1, 0], "ben": [1, 0, 1, 0], "dee": [0, 0, 0, 0]}
    assert set(units.loc[units["article_id"] == 2, "coder"]) == {"cy"}  # nobody else coded article 2
    assert "eve" not in set(units["coder"])
    assert blame["unit"].iloc[0] == "article 1, paragraph 1"  # paragraphs numbered from 1 for people


def test_between_coders_per_code_alpha_and_pairwise_kappa():
    data = _codings(
        *[dict(article_id=1, coder="ana", kind="code", paragraph_index=p, code="Blame", code_id=1) for p in (0, 2)],
        *[dict(article_id=1, coder="ben", kind="code", paragraph_index=p, code="Blame", code_id=1) for p in (0, 3)],
        dict(article_id=1, coder="ben", kind="code", paragraph_index=1, code="Fear", code_id=2),
    )
    got = coders.between_coders(data, BOUNDS, codes=["Blame", "Fear", "Hope"])
    assert list(got.alpha["code"]) == ["Blame", "Fear", "Hope"]
    blame = got.alpha.iloc[0]
    expected = ka.from_matrix([[1, 0, 1, 0], [1, 0, 0, 1]])
    assert blame["alpha"] == pytest.approx(expected.alpha)
    assert (blame["units"], blame["pairable"], blame["coders"]) == (4, 8, 2)
    [pair] = got.kappa[got.kappa["code"] == "Blame"].to_dict(orient="records")
    assert (pair["coder_a"], pair["coder_b"], pair["units"]) == ("ana", "ben", 4)
    assert pair["kappa"] == pytest.approx(kappa.cohen([1, 0, 1, 0], [1, 0, 0, 1]).kappa) == pytest.approx(0.0)
    assert math.isnan(got.alpha.iloc[2]["alpha"])  # nobody used "Hope": no variation, undefined


def test_nothing_coded_gives_empty_tables():
    got = coders.between_coders(codes.frame([]), BOUNDS)
    assert got.alpha.empty and got.kappa.empty and got.units.empty
