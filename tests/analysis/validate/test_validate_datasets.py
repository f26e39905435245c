"""The shipped subsets: present, licensed, the split disjoint and stratified."""

from __future__ import annotations

import pandas as pd

from analysis.validate import datasets as ds


def test_every_set_has_its_licence_and_the_readme_names_it() -> None:
    readme = (ds.EVAL / "README.md").read_text(encoding="utf-8")
    for licence in ("sentiment/LICENSE-vader-nyt", "sentiment/LICENSE-emobank.md", "hedging/LICENSE.md",
                    "readability/onestopenglish/LICENSE.md", "alarm/LICENSE"):
        assert (ds.EVAL / licence).is_file(), licence
        assert licence in readme, licence


def test_sizes() -> None:
    assert len(ds.nyt()) == 5190
    assert len(ds.emobank("newspaper")) == 1314 and len(ds.emobank("SemEval")) == 1192
    assert len(ds.onestopenglish()) == 189
    heads = ds.headlines()
    assert heads["clickbait"].value_counts().to_dict() == {1: 2000, 0: 2000}


def test_hedging_split_is_disjoint_and_stratified() -> None:
    train, held = ds.hedging("train"), ds.hedging("heldout")
    assert len(train) + len(held) == 7363
    assert not set(train["text"]) & set(held["text"])  # no sentence in both parts
    assert abs(train["label"].mean() - held["label"].mean()) < 0.01
    assert 0.29 < len(held) / (len(train) + len(held)) < 0.31


def test_intermediate_label_line_is_dropped() -> None:
    frame = ds.onestopenglish()
    assert not frame["Int"].str.lstrip().str.startswith("Intermediate").any()
    assert not frame["Ele"].str.startswith("\ufeff").any()  # byte-order marks removed


def test_fast_samples_are_fixed() -> None:
    a, b = ds.nyt(50), ds.nyt(50)
    pd.testing.assert_frame_equal(a, b)
    assert len(a) == 50 and a["id"].tolist() != ds.nyt()["id"].head(50).tolist()
