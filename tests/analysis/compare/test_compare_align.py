"""Claim alignment on scenarios written for the tests (tests/fixtures/compare/).

dev/: a focus report of an invented flood, three outlets that retell some of its paragraphs
in their own words and leave others out, and an article on another subject. dev2/: an
invented accusation of copying software through fake accounts, retold by six kinds of
outlet that paraphrase, merge, split and reorder its claims, and a report on the same
company about something else. dev3/: an invented ferry grounding, retold by five kinds of
outlet, with the same operator's other news and a harbour story from a town of the story.
The method's numbers were chosen on dev, dev2 and dev3. heldout/: an invented hospital
cyberattack, two outlets and an unrelated article, used only to check them. labels.json in each says which paragraph carries which focus paragraph
(paragraphs numbered from 1).
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis import compare
from analysis.compare import align, units

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures" / "compare"


def _labels(name: str) -> dict:
    return json.loads((FIXTURES / name / "labels.json").read_text(encoding="utf-8"))


def scenario(name: str) -> tuple[compare.Comparison, dict[str, dict[int, set[int]]]]:
    labels = _labels(name)
    files = [labels["focus"], *labels["others"]]
    analyses = [analysis.analyze((FIXTURES / name / f).read_text(encoding="utf-8"), f) for f in files]
    truth = {art: {int(fp): set(ps) for fp, ps in m.items()} for art, m in labels["others"].items()}
    return compare.compare(analyses), truth


@pytest.fixture(scope="module")
def dev():
    return scenario("dev")


@pytest.fixture(scope="module")
def dev2():
    return scenario("dev2")


@pytest.fixture(scope="module")
def dev3():
    return scenario("dev3")


@pytest.fixture(scope="module")
def heldout():
    return scenario("heldout")


def _row(result: compare.Comparison, article: str, fp: int):
    rows = result.alignment[(result.alignment["article"] == article)
                            & (result.alignment["focus_paragraph"] == fp)]
    assert len(rows) == 1
    return rows.iloc[0]


@pytest.mark.parametrize("name", ["dev", "dev2", "dev3", "heldout"])
def test_labels_number_the_paragraphs_the_segmentation_gives(name):
    """Labels name paragraphs by number: a change of segmentation must not move them silently."""
    labels = _labels(name)
    for file, count in labels["paragraphs"].items():
        doc = analysis.analyze((FIXTURES / name / file).read_text(encoding="utf-8"), file).document
        assert len(doc.paragraphs) == count, f"{name}/{file}: renumber labels.json by hand"
    for article, mapping in labels["others"].items():
        for fp, ps in mapping.items():
            assert 1 <= int(fp) <= labels["paragraphs"][labels["focus"]]
            assert all(1 <= p <= labels["paragraphs"][article] for p in ps)


def test_every_focus_paragraph_has_one_row_per_other_article_numbered_from_1(dev):
    result, truth = dev
    assert len(result.alignment) == 9 * len(truth)
    assert list(result.alignment.columns) == ["focus_paragraph", "article", "paragraph", "similarity",
                                              "best_paragraph", "matched", "note", "evidence"]
    assert sorted(set(result.alignment["focus_paragraph"])) == list(range(1, 10))
    assert result.alignment["best_paragraph"].dropna().min() >= 1
    assert list(result.coverage["focus_paragraph"]) == list(range(1, 10))


def _cases(name: str):
    labels = _labels(name)
    n_focus = labels["paragraphs"][labels["focus"]]
    for article, mapping in labels["others"].items():
        for fp in range(1, n_focus + 1):
            yield article, fp, set(mapping.get(str(fp), []))


# Known misses and wrong matches of the method on the development scenarios, each with the
# reason (METHOD_NOTE counts them). Strict: when the method improves, these fail and the
# note must be brought up to date.
DEV_KNOWN = {
    ("dev", "herald.txt", 1): "the retelling shares names (Esterby, Calder Reach) and one content word",
    ("dev2", "wire.txt", 3): "'saying the operation was run from servers leased by a Lanxin unit': one content word",
    ("dev2", "business.txt", 5): "'denied wrongdoing and says it may sue': one content word besides the name",
    ("dev2", "tabloid.txt", 3): "'pointed the finger at Lanxin Precision': only names in common",
    ("dev2", "tabloid.txt", 5): "'insisted its kit was made by its own boffins': only a name in common",
    ("dev2", "chinese.txt", 2): "the accounts and the cloud calibration service, without the queries claim",
    ("dev2", "opinion.txt", 1): "'drained its cloud software of millions of answers': only names in common",
    ("dev2", "opinion.txt", 5): "'and Lanxin Precision denies them': one content word besides the name",
    ("dev3", "wire.txt", 6): "'Marine accident investigators have begun an inquiry': read as the name Marine "
                             "Accident Investigation Branch (its 'Investigation' shares a key with 'inquiry')",
    ("dev3", "local.txt", 2): "'Eleven people were checked at Kelso Bay Infirmary': one content word beside the name",
    ("dev3", "local.txt", 11): "'will try to float the vessel': 'float' is not 'refloat', only the name in common",
    ("dev3", "trade.txt", 4): "'what owner Brannock Line describes as a GNSS navigation failure': one content word",
    ("dev3", "broadcast.txt", 5): "'but a union claims crew cuts were a factor': 0.18; the clause before it "
                                  "shares only the name Brannock Line",
    ("dev3", "broadcast.txt", 6): "'marine accident investigators': read as the name Marine Accident Investigation Branch",
}

# Known misses on the held-out scenario (checked, never tuned on).
HELDOUT_KNOWN = {
    ("heldout", "courier.txt", 6): "'Specialists from the National Cyber Security Centre have joined detectives': "
                                   "only names in common",
}


@pytest.mark.parametrize(("name", "article", "fp", "expected"),
                         [(n, *c) for n in ("dev", "dev2", "dev3", "heldout") for c in _cases(n)],
                         ids=lambda v: str(v) if not isinstance(v, set) else "")
def test_each_focus_paragraph_is_matched_where_it_is_carried_and_nowhere_else(
        dev, dev2, dev3, heldout, name, article, fp, expected, request):
    known = DEV_KNOWN | HELDOUT_KNOWN
    if (name, article, fp) in known:
        request.applymarker(pytest.mark.xfail(strict=True, reason=known[(name, article, fp)]))
    result, _ = {"dev": dev, "dev2": dev2, "dev3": dev3, "heldout": heldout}[name]
    row = _row(result, article, fp)
    if expected:
        assert row["matched"] and row["paragraph"] in expected, (row["similarity"], row["note"], row["evidence"])
    else:
        assert not row["matched"] and pd.isna(row["paragraph"]), (row["similarity"], row["evidence"])


def test_the_unrelated_articles_align_with_nothing(dev, dev2, dev3, heldout):
    for (result, _), article in ((dev, "unrelated.txt"), (heldout, "unrelated.txt"), (dev2, "sameco.txt"),
                                 (dev3, "sameco.txt"), (dev3, "unrelated.txt")):
        rows = result.alignment[result.alignment["article"] == article]
        assert len(rows) and not rows["matched"].any()


def test_one_paragraph_of_another_article_carries_several_focus_paragraphs(dev2):
    """The wire's fourth paragraph merges the denial (focus 5) and the share fall (focus 6);
    the business paper's second paragraph merges the accounts, the queries and the named rival."""
    result, _ = dev2
    assert _row(result, "wire.txt", 5)["paragraph"] == 4 and _row(result, "wire.txt", 6)["paragraph"] == 4
    assert [_row(result, "business.txt", fp)["paragraph"] for fp in (1, 2, 3)] == [2, 2, 2]
    assert _row(result, "chinese.txt", 3)["paragraph"] == 2


def test_a_match_says_why(dev2):
    result, _ = dev2
    share_fall = _row(result, "wire.txt", 6)
    assert share_fall["matched"] and "same figures 7.4%" in share_fall["evidence"]
    assert re.match(r"sentence \d+(, clause \d+)?: similarity 0\.\d\d", share_fall["evidence"])
    rounded = _row(result, "tabloid.txt", 6)
    assert rounded["matched"] and "7.4% ≈ seven per cent" in rounded["evidence"]


def test_a_paragraph_sharing_only_names_and_roles_is_not_a_retelling(dev2):
    """The same chief executive, quoted about something else, in a report on another story."""
    result, _ = dev2
    row = _row(result, "sameco.txt", 4)
    assert not row["matched"] and row["best_paragraph"] == 2
    assert row["similarity"] >= align.THRESHOLD
    assert row["note"].startswith("shares too little beyond names") and "Vos" in row["note"]


def test_coverage_counts_outlets_and_flags_the_uncorroborated_paragraph(dev2):
    result, truth = dev2
    cov = result.coverage.set_index("focus_paragraph")
    assert cov.loc[11, "status"] == "found nowhere else" and cov.loc[11, "outlets"] == []
    assert (cov["of"] == 7).all()
    for fp in cov.index:
        found = {a for a in cov.loc[fp, "outlets"]}
        assert found == {a for a in truth if _row(result, a, fp)["matched"]}
    assert cov.loc[2, "carried_by"] == 6


def _calibration():
    spec = importlib.util.spec_from_file_location("calibrate_alignment", ROOT / "tools" / "calibrate_alignment.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("calibrate_alignment", module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _figures(name: str) -> tuple[int, int, int]:
    tool = _calibration()
    found, total, wrong, _ = tool.score(*tool.load(FIXTURES / name), align.AlignOptions())
    return found, total, wrong


def test_threshold_and_story_are_the_calibrated_ones_and_the_method_note_quotes_the_figures():
    """The tool runs every subset of every development scenario's outlets; the chosen setting
    is stable there, and the note quotes the figures and the width of the best run."""
    tool = _calibration()
    loaded = {n: tool.load(FIXTURES / n) for n in tool.DEVELOPMENT}
    choice = tool.choose(loaded, align.AlignOptions())
    assert (align.THRESHOLD, align.STORY) == (choice.threshold, choice.story)
    assert (choice.unstable_grid == 0).all()
    found = sum(_figures(n)[0] for n in tool.DEVELOPMENT)
    total = sum(_figures(n)[1] for n in tool.DEVELOPMENT)
    wrong = sum(_figures(n)[2] for n in tool.DEVELOPMENT)
    assert (found, wrong) == (choice.found, choice.wrong)
    note = " ".join(compare.METHOD_NOTE.split())
    assert f"finds {found} of the {total} pairs with {wrong} wrong match" in note
    assert (f"thresholds {choice.threshold_run[0]:.2f} to {choice.threshold_run[-1]:.2f} and story levels "
            f"{choice.story_run[0]:.2f} to {choice.story_run[-1]:.2f}") in note
    assert f"({sum(len(tool.subsets(len(loaded[n][0]) - 1)) for n in tool.DEVELOPMENT)} subsets)" in note
    assert f"**{align.THRESHOLD:.2f}**" in note and f"**{align.STORY:.2f}**" in note
    assert f"**{align.FIGURE_BONUS:.1f}**" in note
    # the known misses and wrong matches listed above are exactly what the method gets wrong
    assert total - found + wrong == len(DEV_KNOWN)


def test_method_note_reports_the_heldout_result():
    found, total, wrong = _figures("heldout")
    assert re.search(rf"{found} of {total}\s+retellings were found and {wrong} pairs", compare.METHOD_NOTE)
    assert total - found + wrong == len(HELDOUT_KNOWN)


def _subsets(n: int, every: bool) -> list[tuple[int, ...]]:
    """Subsets of the other articles 1..n: all of them, or each alone and each left out."""
    if every:
        return [c for k in range(1, n) for c in itertools.combinations(range(1, n + 1), k)]
    singles = [(i,) for i in range(1, n + 1)]
    return singles + [tuple(j for j in range(1, n + 1) if j != i) for i in range(1, n + 1)]


@pytest.mark.parametrize(("name", "every"), [("dev", True), ("dev2", False), ("dev3", False)])
def test_what_an_outlet_carries_does_not_depend_on_the_other_outlets(name, every):
    """Run on the focus and a subset of the outlets, every row of an outlet (match, paragraph,
    similarity, note, evidence) is the row it has when all the outlets are compared."""
    labels = _labels(name)
    names = [labels["focus"], *labels["others"]]
    docs = [align.paragraph_units(analysis.analyze((FIXTURES / name / f).read_text(encoding="utf-8"), f).document)
            for f in names]
    full = align.align(names, docs).set_index(["article", "focus_paragraph"])
    assert full["matched"].any()
    for sub in _subsets(len(names) - 1, every):
        part = align.align([names[0], *(names[i] for i in sub)], [docs[0], *(docs[i] for i in sub)])
        part = part.set_index(["article", "focus_paragraph"])
        same = full.loc[part.index]
        assert part["matched"].tolist() == same["matched"].tolist(), sub
        assert part["paragraph"].astype("object").tolist() == same["paragraph"].astype("object").tolist(), sub
        assert part["note"].tolist() == same["note"].tolist() and part["evidence"].tolist() == same["evidence"].tolist()
        # the same to the last bit: nothing of the other outlets enters an outlet's sums
        assert np.array_equal(part["similarity"].to_numpy(), same["similarity"].to_numpy(), equal_nan=True), sub


def test_the_xfail_that_recorded_the_set_dependence_now_holds(dev):
    """Herald 5 (the reservoir's history) is not a retelling of focus 1, with or without the
    unrelated article: it shares the name "Calder Reach reservoir" and one word, "towns"."""
    labels = _labels("dev")
    for names in (["focus.txt", "herald.txt", "ledger.txt", "wire.txt"], ["focus.txt", "herald.txt"],
                  ["focus.txt", *labels["others"]]):
        docs = [align.paragraph_units(analysis.analyze((FIXTURES / "dev" / f).read_text(encoding="utf-8"), f).document)
                for f in names]
        rows = align.align(names, docs)
        row = rows[(rows["article"] == "herald.txt") & (rows["focus_paragraph"] == 1)].iloc[0]
        assert not row["matched"] and row["best_paragraph"] == 1  # its best piece is the true retelling
        herald5 = rows[(rows["article"] == "herald.txt") & (rows["paragraph"] == 5)]
        assert herald5.empty


def test_an_article_that_retells_nothing_clearly_is_credited_with_nothing(dev3):
    """The operator's other news says its routes carry passengers, as focus 7 says of the
    lifeline routes: a resemblance above the threshold, withdrawn because nothing in that
    article comes near the story level."""
    result, _ = dev3
    rows = result.alignment[result.alignment["article"] == "sameco.txt"]
    withdrawn = rows[rows["note"].str.startswith("this article retells no focus paragraph")]
    assert len(withdrawn) and (withdrawn["similarity"] >= align.THRESHOLD).all()
    assert (withdrawn["similarity"] < align.STORY).all() and not rows["matched"].any()
    assert f"at {align.STORY:.2f} or more" in withdrawn.iloc[0]["note"]
    assert withdrawn.iloc[0]["evidence"]  # the evidence stays, so a reader can judge the call


def test_an_identical_copy_aligns_paragraph_for_paragraph():
    text = (FIXTURES / "dev" / "focus.txt").read_text(encoding="utf-8")
    result = compare.compare([analysis.analyze(text, "a"), analysis.analyze(text, "a")])
    assert list(result.articles["article"]) == ["a", "a (2)"]
    assert list(result.alignment["paragraph"]) == list(range(1, 10))
    assert result.alignment["similarity"].round(9).eq(1.0).all()


def test_similarity_is_bounded_and_nan_for_a_paragraph_without_content_words():
    docs = [units.from_words([["flood", "esterby", "evacuated", "residents"], []]),
            units.from_words([["esterby", "flood", "evacuated", "residents"], ["library"]])]
    rows = align.align(["f", "o"], docs)
    first, second = rows.iloc[0], rows.iloc[1]
    assert first["similarity"] == pytest.approx(1.0) and first["matched"] and first["paragraph"] == 1
    assert second["note"] == "no content words" and not second["matched"]
    assert second["similarity"] != second["similarity"]  # NaN: nothing to compare, not "no match"


def test_an_article_without_paragraphs_gives_rows_that_say_so():
    rows = align.align(["f", "o"], [units.from_words([["flood"]]), []])
    assert list(rows["note"]) == ["no paragraphs to compare"] and not rows["matched"].any()
