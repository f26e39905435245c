"""The harness scores with the app's own code: score_text equals analyze()'s summary."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import analysis
from analysis.measures import REGISTRY, Measure
from analysis.validate.scoring import document, score_text

ARTICLE = Path(__file__).resolve().parents[3] / "data" / "articles" / "ai-model-theft-accusation.txt"
TEXTS = [
    ARTICLE.read_text(encoding="utf-8"),
    "Officials may have known. Experts warn of a grave threat, and some critics say it is a crisis.",
    "It is not clear whether the deal will hold.\n\nMany analysts expect a deal by May 2027.",
]


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b)
    return a == b


@pytest.mark.parametrize("text", TEXTS, ids=["article", "hedged", "two-paragraphs"])
@pytest.mark.parametrize("measure", REGISTRY, ids=lambda m: m.name)
def test_score_text_equals_the_pipeline(measure: Measure, text: str) -> None:
    summary = analysis.analyze(text).summary.iloc[0].to_dict()
    values = score_text(measure, text).values
    assert set(values) <= set(summary)
    for name, value in values.items():
        assert _same(value, summary[name]), (measure.name, name, value, summary[name])


def test_evidence_only_mode_has_the_same_evidence() -> None:
    hedging = next(m for m in REGISTRY if m.name == "hedging")
    full, quick = score_text(hedging, TEXTS[1]), score_text(hedging, TEXTS[1], summarize=False)
    assert quick.values == {} and quick.evidence == full.evidence and full.evidence


@pytest.mark.parametrize("headline", [
    "Experts Warn Of Catastrophic Threat To Global Markets",
    "22 Things Only Cat Owners Will Understand",
    "Story Filed By Cox Newspapers",
])
def test_a_headline_is_scored_as_one_paragraph(headline: str) -> None:
    # headlines rarely end with punctuation; each must still be scored, not read as a heading
    doc = document(headline)
    assert [p.text for p in doc.paragraphs] == [headline]
    alarm = next(m for m in REGISTRY if m.name == "alarm")
    value = score_text(alarm, headline).values["alarm"]
    assert value > 0 if headline.startswith("Experts") else value == 0


@pytest.mark.parametrize("line", [
    "By Scott Montgomery Washington",  # an EmoBank row that is a byline: the set scores it all the same
    "Experts warn of a catastrophic threat\n\n",  # a headline followed by a blank line, and nothing else
    "PHOTO: REUTERS shows panic on the trading floor",
    "Is this a crisis?",
])
def test_a_text_of_one_line_is_scored_as_one_paragraph_whatever_it_looks_like(line: str) -> None:
    # the segmenter finds headlines, bylines and captions in articles; a text of one line is
    # the set's item itself and must never lose its only paragraph to them
    doc = document(line)
    assert [p.text for p in doc.paragraphs] == [line.strip()]
    assert doc.headline is None and doc.furniture == []
    assert score_text(next(m for m in REGISTRY if m.name == "alarm"), line).paragraphs == 1


def test_a_sentence_with_final_punctuation_is_left_alone() -> None:
    assert document("Prices rose.").paragraphs[0].text == "Prices rose."
    assert document("").paragraphs == []
