"""Claim alignment on scenarios written for the tests (tests/fixtures/compare/).

dev/: a focus report of an invented flood, three outlets that retell some of its paragraphs
in their own words (other vocabulary, order and tone) and leave others out, and an article
on another subject. The threshold was chosen on it. heldout/: an invented hospital
cyberattack, two outlets and an unrelated article, used only to check the threshold.
labels.json in each says which paragraph retells which focus paragraph.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis import compare
from analysis.compare import align

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "compare"


def scenario(name: str) -> tuple[compare.Comparison, dict[str, dict[int, set[int]]]]:
    labels = json.loads((FIXTURES / name / "labels.json").read_text(encoding="utf-8"))
    files = [labels["focus"], *labels["others"]]
    analyses = [analysis.analyze((FIXTURES / name / f).read_text(encoding="utf-8"), f) for f in files]
    truth = {art: {int(fp): set(ps) for fp, ps in m.items()} for art, m in labels["others"].items()}
    return compare.compare(analyses), truth


@pytest.fixture(scope="module")
def dev():
    return scenario("dev")


@pytest.fixture(scope="module")
def heldout():
    return scenario("heldout")


def _row(result: compare.Comparison, article: str, fp: int):
    rows = result.alignment[(result.alignment["article"] == article)
                            & (result.alignment["focus_paragraph"] == fp)]
    assert len(rows) == 1
    return rows.iloc[0]


def test_every_focus_paragraph_has_one_row_per_other_article(dev):
    result, truth = dev
    assert len(result.alignment) == 9 * len(truth)
    assert list(result.alignment.columns[:4]) == ["focus_paragraph", "article", "paragraph", "similarity"]


def test_retold_paragraphs_align_with_their_counterparts(dev):
    result, truth = dev
    checked = 0
    for article, mapping in truth.items():
        for fp, paragraphs in mapping.items():
            row = _row(result, article, fp)
            assert row["matched"], (article, fp, row["similarity"], row["note"])
            assert row["paragraph"] in paragraphs
            checked += 1
    assert checked == 12


def test_left_out_paragraphs_align_with_nothing(dev):
    result, truth = dev
    for article, mapping in truth.items():
        for fp in set(range(9)) - set(mapping):
            row = _row(result, article, fp)
            assert not row["matched"] and pd.isna(row["paragraph"]), (article, fp, row["similarity"])


def test_the_unrelated_article_aligns_with_nothing(dev, heldout):
    for result, _ in (dev, heldout):
        rows = result.alignment[result.alignment["article"] == "unrelated.txt"]
        assert len(rows) and not rows["matched"].any()
        assert (rows["similarity"] < align.THRESHOLD).all()


def test_coverage_counts_outlets_and_flags_the_uncorroborated_paragraph(dev):
    result, truth = dev
    cov = result.coverage.set_index("focus_paragraph")
    for fp in range(9):
        expected = sorted(a for a, m in truth.items() if fp in m)
        assert sorted(cov.loc[fp, "outlets"]) == expected
        assert cov.loc[fp, "carried_by"] == len(expected) and cov.loc[fp, "of"] == 4
    # the rumour about the housing development: no other outlet carries it
    assert cov.loc[7, "status"] == "found nowhere else"
    assert cov.loc[0, "status"] == "carried by 2 of 4"


def _separation(result: compare.Comparison, truth) -> tuple[float, float]:
    """Lowest similarity of a retelling; highest of a mutual best pair that is not one."""
    sims = align.similarity([align.paragraph_words(a.document) for a in result.analyses])
    offsets = dict(zip(result.articles["article"], result.articles["paragraphs"].cumsum()
                       - result.articles["paragraphs"], strict=True))
    low = min(sims[fp, offsets[a] + p] for a, m in truth.items() for fp, ps in m.items() for p in ps)
    mutual = align.align(list(result.articles["article"]),
                         [align.paragraph_words(a.document) for a in result.analyses],
                         align.AlignOptions(threshold=0.0))
    wrong = [r.similarity for r in mutual.itertuples()
             if r.matched and r.paragraph not in truth[r.article].get(r.focus_paragraph, set())]
    return float(low), max(wrong)


def test_threshold_is_the_dev_midpoint_and_the_method_note_quotes_the_figures(dev):
    low, high = _separation(*dev)
    assert low > high, "the dev scenario must separate retellings from other pairs"
    assert align.THRESHOLD == round((low + high) / 2, 2)
    note = compare.METHOD_NOTE
    assert f"{low:.3f}" in note and f"{high:.3f}" in note and f"**{align.THRESHOLD:.2f}**" in note


def _heldout_cases():
    labels = json.loads((FIXTURES / "heldout" / "labels.json").read_text(encoding="utf-8"))
    n_focus = 8
    for article, mapping in labels["others"].items():
        for fp in range(n_focus):
            yield article, fp, set(mapping.get(str(fp), []))


# Known misses of the method on the held-out scenario, reported in METHOD_NOTE. Strict: if
# the method improves, these fail and the note must be brought up to date.
HELDOUT_KNOWN = {
    ("courier.txt", 3): "the retelling ('boasts ... 400GB') resembles the focus lead more (merged paragraph)",
    ("courier.txt", 0): "courier's first paragraph names the trust and its hospitals, as the focus lead does",
    ("courier.txt", 2): "'appointments' in an unrelated helpline paragraph",
    ("gazette.txt", 5): "names the same chief executive while saying something else",
}


@pytest.mark.parametrize(("article", "fp", "expected"), list(_heldout_cases()),
                         ids=lambda v: str(v) if not isinstance(v, set) else "")
def test_heldout_scenario_checks_the_threshold(heldout, article, fp, expected, request):
    if (article, fp) in HELDOUT_KNOWN:
        request.applymarker(pytest.mark.xfail(strict=True, reason=HELDOUT_KNOWN[(article, fp)]))
    result, _ = heldout
    row = _row(result, article, fp)
    if expected:
        assert row["matched"] and row["paragraph"] in expected, (row["similarity"], row["note"])
    else:
        assert not row["matched"], (row["similarity"], row["best_paragraph"])


def test_method_note_reports_the_heldout_result(heldout):
    result, truth = heldout
    found = sum(bool(_row(result, a, fp)["matched"] and _row(result, a, fp)["paragraph"] in ps)
                for a, m in truth.items() for fp, ps in m.items())
    wrong = sum(bool(r.matched and r.paragraph not in truth[r.article].get(r.focus_paragraph, set()))
                for r in result.alignment.itertuples())
    total = sum(len(m) for m in truth.values())
    assert re.search(rf"{found} of {total} retellings were found and {wrong} pairs", compare.METHOD_NOTE)


def test_an_identical_copy_aligns_paragraph_for_paragraph():
    text = (FIXTURES / "dev" / "focus.txt").read_text(encoding="utf-8")
    result = compare.compare([analysis.analyze(text, "a"), analysis.analyze(text, "a")])
    assert list(result.articles["article"]) == ["a", "a (2)"]
    assert list(result.alignment["paragraph"]) == list(range(9))
    assert result.alignment["similarity"].round(9).eq(1.0).all()


def test_similarity_is_bounded_and_nan_for_a_paragraph_without_content_words():
    docs = [[["flood", "esterby"], []], [["esterby", "flood"], ["library"]]]
    sims = align.similarity(docs)
    assert sims.shape == (2, 4)
    assert 0.0 <= sims[0, 2] <= 1.0 and sims[0, 2] == pytest.approx(1.0)
    assert all(v != v for v in sims[1])  # NaN: nothing to compare
    rows = align.align(["f", "o"], docs)
    assert rows.iloc[1]["note"] == "no content words" and not rows.iloc[1]["matched"]
