"""The harness's sentence label for hedging: uncertain when the cue weights reach 0.5."""

from __future__ import annotations

import pytest

from analysis.validate import checks


@pytest.mark.parametrize(("text", "expected"), [
    ("The minister may resign.", True),                            # one full cue
    ("Several ministers resigned.", True),                         # one weak cue (0.5)
    ("Symptoms may include fever.", False),                        # one marginal cue (0.25)
    ("Most symptoms may include fever.", True),                    # two marginal cues
    ("The minister could not be reached.", False),                 # a cue a rule set to 0
    ("Police confirmed the arrest on Tuesday.", False),            # no cue
])
def test_uncertain_needs_half_a_cue(text: str, expected: bool) -> None:
    assert checks.UNCERTAIN_AT == 0.5
    assert checks.uncertain(text) is expected
