"""analyze_many and the lazy frames: the same values as one analyze() per text, the frames
built only when asked for, paragraphs numbered from 1, and an Analysis that pickles."""

import pickle

import pandas as pd
import pytest

import analysis
from analysis.measures import REGISTRY, alarm, sentiment
from analysis.pipeline import BASE_COLUMNS, paragraph_columns

TEXTS = ["Officials may have known of a grave threat.",
         "First paragraph, calm and plain.\n\nA second one warns of a catastrophic crisis, experts said.",
         ""]


def test_many_equals_one_call_per_text():
    many = analysis.analyze_many(TEXTS, names=["a", "b", "c"])
    assert [r.name for r in many] == ["a", "b", "c"]
    parts = []
    for text, name in zip(TEXTS, "abc", strict=True):
        one = analysis.analyze(text, name=name)
        parts.append(one.paragraphs.assign(article=name)[["article", *one.paragraphs.columns]])
        pd.testing.assert_frame_equal(many.results["abc".index(name)].summary, one.summary)
    expected = pd.concat(parts, ignore_index=True)
    pd.testing.assert_frame_equal(many.paragraphs, expected, check_dtype=False)
    assert list(many.evidence.columns[:2]) == ["article", "paragraph"]
    assert set(many.evidence["article"]) == {"a", "b"}
    assert list(many.summary["article"]) == ["a", "b", "c"]


def test_names_default_to_numbers_from_one_and_must_match_the_texts():
    assert [r.name for r in analysis.analyze_many(["x.", "y."])] == ["1", "2"]
    with pytest.raises(ValueError, match="2 texts but 1 names"):
        analysis.analyze_many(["x.", "y."], names=["only"])


def test_frames_are_built_on_first_access_and_values_are_readable_without_them():
    result = analysis.analyze(TEXTS[1])
    assert "paragraphs" not in result.__dict__ and "evidence" not in result.__dict__
    assert result.column("paragraph") == [1, 2]  # numbered from 1, as a reader counts
    assert result.summary_values["paragraphs"] == 2
    assert "paragraphs" not in result.__dict__
    assert result.paragraphs["paragraph"].tolist() == [1, 2]
    assert result.evidence["paragraph"].min() >= 1


def test_a_chosen_set_of_measures_gives_only_their_columns():
    result = analysis.analyze(TEXTS[1], measures=(sentiment.MEASURE, alarm.MEASURE))
    assert list(result.paragraphs.columns) == [*BASE_COLUMNS, *sentiment.MEASURE.column_names,
                                               *alarm.MEASURE.column_names]
    assert set(result.evidence["measure"]) <= {"sentiment", "alarm"}
    assert set(result.meta["versions"]) >= {"measure:sentiment", "measure:alarm"}
    assert "measure:hedging" not in result.meta["versions"]
    assert analysis.versions_digest((sentiment.MEASURE,)) != analysis.versions_digest()


def test_no_headline_is_an_empty_frame_with_the_measure_columns():
    result = analysis.analyze(TEXTS[0])
    assert result.headline.empty and result.headline_evidence.empty
    assert list(result.headline.columns) == ["start", "end", "text", "words",
                                             *paragraph_columns(REGISTRY)[len(BASE_COLUMNS):]]


def test_an_analysis_pickles_with_its_frames_or_without():
    result = analysis.analyze(TEXTS[1])
    again = pickle.loads(pickle.dumps(result))
    pd.testing.assert_frame_equal(again.paragraphs, result.paragraphs)
    pd.testing.assert_frame_equal(again.evidence, result.evidence)


def test_a_text_that_fails_is_reported_and_left_out_when_asked():
    def fragile(par):
        if "boom" in par.text:
            raise ValueError("boom")
        return sentiment.MEASURE.score(par)

    measure = sentiment.MEASURE.__class__(**{**vars(sentiment.MEASURE), "score": fragile})
    seen = []
    many = analysis.analyze_many(["Calm.", "It went boom.", "Calm again."], names=["a", "b", "c"],
                                 measures=(measure,), failed=lambda i, exc: seen.append((i, str(exc))))
    assert [r.name for r in many] == ["a", "c"] and seen == [(1, "boom")]
    with pytest.raises(ValueError, match="boom"):
        analysis.analyze_many(["It went boom."], measures=(measure,))
