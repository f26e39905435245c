"""The bundled article's per-paragraph table against a reviewed golden copy.

When a deliberate change moves these numbers, regenerate with
``python -m tests.analysis.test_golden`` and review the diff before committing it.
"""

from pathlib import Path

import pandas as pd
import pytest

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "bundled_paragraphs.csv"
COLUMNS = ["paragraph", "start", "end", "words", "sentences", "sentiment", "hedging", "hedging_quoted",
           "alarm", "alarm_quoted", "alarm_event", "alarm_loaded", "alarm_fear", "alarm_conflict", "reading_ease", "fk_grade", "gunning_fog", "smog", "dale_chall"]
EVIDENCE = Path(__file__).resolve().parent.parent / "golden" / "bundled_cues.csv"


def current(bundled):
    return bundled.paragraphs[COLUMNS].round(4)


def cues(bundled):
    ev = bundled.evidence
    return ev[ev["measure"] != "sentiment"][["paragraph", "start", "end", "measure", "category", "term",
                                               "weight", "note"]].reset_index(drop=True)


def test_paragraph_table_matches_golden(bundled):
    golden = pd.read_csv(GOLDEN)
    pd.testing.assert_frame_equal(current(bundled).reset_index(drop=True), golden,
                                  check_dtype=False, atol=1e-3, rtol=0)


def test_cues_match_golden(bundled):
    golden = pd.read_csv(EVIDENCE, keep_default_na=False)
    pd.testing.assert_frame_equal(cues(bundled), golden, check_dtype=False)


@pytest.mark.parametrize("par, expected_terms", [
    (7, {"allegations", "paranoia"}),  # paragraphs numbered from 1, as a reader counts them
    # alarm 2.0: "critical" (the next 48 hours will be critical) is no longer a cue of its own;
    # the urgency is the phrase "next 48 hours"
    (10, {"next 48 hours", "full-blown", "Cold War", "brinkmanship"}),
])
def test_reviewed_paragraphs(bundled, par, expected_terms):
    ev = cues(bundled)
    ev = ev[ev["measure"] != "sources"]  # the lexicon cues reviewed here; sources have their own tests
    assert set(ev[ev["paragraph"] == par]["term"]) == expected_terms


if __name__ == "__main__":
    import analysis

    text = (Path(__file__).resolve().parents[2] / "data" / "articles" / "ai-model-theft-accusation.txt")
    result = analysis.analyze(text.read_text(encoding="utf-8"))
    current(result).to_csv(GOLDEN, index=False)
    cues(result).to_csv(EVIDENCE, index=False)
    print(f"wrote {GOLDEN} and {EVIDENCE}: review the diff before committing")
