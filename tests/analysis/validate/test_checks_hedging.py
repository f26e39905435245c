"""The hedging sub-scales' yardsticks (analysis/validate/checks_hedging.py), on small files in
the FactBank format written here (our own sentences: the real ones may not be shipped), in a
real folder given as the external evaluation folder."""

import warnings
from pathlib import Path

import numpy as np
import pytest

from analysis.measures import get
from analysis.validate import checks, report
from analysis.validate import checks_hedging as ch
from analysis.validate import datasets as ds
from analysis.validate import metrics as mt
from analysis.validate.scoring import score_text

HEADER = "document,sentence_id,text,uncertain,cue_types,cues\n"
# (document, text, uncertain, cue types, cues): two hedged, one conditional only, plain ones
ROWS = [
    ("a.txt", "The plant may close next year.", 1, "modal_probable", "may"),
    ("a.txt", "The plant closed on Monday.", 0, "", ""),
    ("b.txt", "If prices rise, the plant closes.", 1, "hypo_condition", "If"),
    ("b.txt", "Officials expect the plant to reopen.", 1, "hypo_doxastic", "expect"),
    ("c.txt", "About 40 people work there.", 0, "", ""),
    ("c.txt", "The union said the plant could reopen.", 0, "", ""),  # a hedge the annotators missed
    ("d.txt", "Workers went home.", 0, "", ""),
    ("e.txt", "It reportedly lost money.", 1, "hypo_doxastic", "reportedly"),  # not epistemic here
]


def write(folder: Path, name: str, rows=ROWS) -> Path:
    path = folder / "hedging_news_factbank" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [HEADER] + [f'{d},S{i},"{t}",{u},{ty},{cu}\n' for i, (d, t, u, ty, cu) in enumerate(rows)]
    path.write_text("".join(lines), encoding="utf-8")
    return path


def settings(folder: Path | None) -> checks.Settings:
    return checks.Settings(ds.FAST, 50, 8, folder)


def test_gold_and_the_sentences_left_out(tmp_path):
    frame = ch.factbank(write(tmp_path, "factbank_dev.csv"))
    assert frame["gold"].tolist() == [True, False, False, True, False, False, False, True]
    assert frame["counted"].tolist() == [True, True, False, True, True, True, True, True]


def test_folds_keep_documents_whole_and_are_fixed():
    docs = [f"d{i % 23}" for i in range(200)]
    folds = ch.document_folds(docs)
    assert set(folds) == set(range(ch.FOLDS))
    for d in set(docs):
        assert len({f for doc, f in zip(docs, folds, strict=True) if doc == d}) == 1
    assert (folds == ch.document_folds(docs)).all()


def test_subscale_weight_counts_only_that_subscale():
    assert ch.subscale_weight("hedging_epistemic", "Critics say it may reportedly fail.") == 1.0
    assert ch.subscale_weight("hedging_weasel", "Critics say it may reportedly fail.") == 1.0
    assert ch.subscale_weight("hedging_epistemic", "About 40 people work there.") == 0.0


def test_development_rows_by_document_folds(tmp_path):
    write(tmp_path, "factbank_dev.csv")
    rows = ch.epistemic_news(settings(tmp_path))
    dev = {r["metric"]: r for r in rows if r["dataset"] == "factbank_news_dev"}
    assert set(dev) == {"precision", "recall", "f1"}
    assert all(r["part"] == "development" and r["n"] == 7 and r["documents"] == 5 for r in dev.values())
    # predictions: may (TP), could (FP), expect (TP); "reportedly" is attribution (FN)
    assert len(dev["f1"]["folds"]) == ch.FOLDS
    assert dev["f1"]["value"] == pytest.approx(np.nanmean(dev["f1"]["folds"]), abs=1e-4)
    held = [r for r in rows if r["dataset"] == "factbank_news_heldout"]
    assert [r["part"] for r in held] == ["held-out"] * 3 and all(r["absent"] for r in held)


def test_heldout_rows_when_the_folder_holds_the_half(tmp_path):
    write(tmp_path, "factbank_dev.csv")
    write(tmp_path, "factbank_heldout.csv")
    rows = {r["metric"]: r for r in ch.epistemic_news(settings(tmp_path))
            if r["dataset"] == "factbank_news_heldout"}
    # 3 gold among the 7 counted; flagged: may, expect, could -> TP 2, FP 1, FN 1
    assert rows["precision"]["value"] == pytest.approx(2 / 3)
    assert rows["recall"]["value"] == pytest.approx(2 / 3)
    assert rows["f1"]["value"] == pytest.approx(2 / 3)
    assert rows["f1"]["ci_low"] <= rows["f1"]["value"] <= rows["f1"]["ci_high"]
    assert rows["f1"]["part"] == "held-out" and "absent" not in rows["f1"]


def test_without_the_external_folder_the_sets_are_absent_and_do_not_fail():
    rows = report.finish(ch.epistemic_news(settings(None)), report.load_floors())
    assert all(r["absent"] and r["value"] is None for r in rows)
    assert report.failures(rows) == []
    assert all(r["verdict"].startswith("Not measured here") for r in rows)


def test_verdicts_say_which_part_and_what_to_read():
    dev = report.finish([{**checks.row("hedging", "factbank_news_dev", "f1", 0.86, (0.82, 0.89), 1896),
                          "part": "development", "documents": 115, "folds": [0.8, 0.9]}], {})[0]
    assert "development half" in dev["verdict"] and "regression floor" in dev["verdict"]
    assert "0.800 to 0.900" in dev["verdict"]
    held = report.finish([{**checks.row("hedging", "factbank_news_heldout", "f1", 0.7, (0.6, 0.8), 900),
                           "part": "held-out", "documents": 100}], {})[0]
    assert "held-out half" in held["verdict"] and "goal is F1 0.75" in held["verdict"]
    weasel = report.finish([checks.row("hedging", "wikipedia_weasel_heldout", "f1", 0.337, (0.29, 0.38),
                                       2200)], {("hedging", "wikipedia_weasel_heldout", "f1"): 0.33})[0]
    assert "Weasel sub-scale" in weasel["verdict"] and "precision is the figure to read" in weasel["verdict"]
    below = report.finish([{**weasel, "value": 0.30}], {("hedging", "wikipedia_weasel_heldout", "f1"): 0.33})
    assert report.failures(below) and "BELOW the floor of 0.33" in below[0]["verdict"]


def test_fold_means_by_counts_equal_the_figures_fold_by_fold():
    """``_fold_mean`` counts every fold's outcomes in one pass: the same means, bit for bit,
    as precision, recall and F1 computed fold by fold on the arrays, on any resample."""
    rng = np.random.default_rng(5)
    pred, gold = rng.random(150) < 0.4, rng.random(150) < 0.3
    folds = rng.integers(0, ch.FOLDS, 150)
    for rows in (None, rng.integers(0, 150, 150), rng.integers(0, 150, 7)):
        idx = np.arange(150) if rows is None else rows
        per = [mt.precision_recall_f1(pred[idx][folds[idx] == f], gold[idx][folds[idx] == f]) for f in range(ch.FOLDS)]
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            expected = tuple(float(np.nanmean([p[j] for p in per])) for j in range(3))
            got = ch._fold_mean(pred, gold, folds, ch.FOLDS, rows)
        assert repr(got) == repr(expected)


def test_the_wikipedia_sentences_are_scored_once_for_both_checks():
    text = "Critics say the plan may fail, it is believed."
    checks.hedging_evidence.cache_clear()
    checks.uncertain(text)
    ch.subscale_weight("hedging_weasel", text)
    assert checks.hedging_evidence.cache_info().misses == 1
    assert list(checks.hedging_evidence(text)) == score_text(get("hedging"), text, summarize=False).evidence
