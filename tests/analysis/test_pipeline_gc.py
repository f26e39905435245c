"""analyze() keeps earlier objects away from the collector while it scores, and leaves the
collector as it found it."""

from __future__ import annotations

import gc

import analysis
from analysis import pipeline

TEXT = "The minister may resign, officials said.\n\nCritics warned of a crisis."


def test_analyze_leaves_nothing_frozen() -> None:
    assert gc.get_freeze_count() == 0
    analysis.analyze(TEXT)
    assert gc.get_freeze_count() == 0


def test_earlier_objects_are_frozen_only_while_scoring() -> None:
    before = [[]]  # a container: tracked by the collector
    assert gc.is_tracked(before)
    with pipeline._earlier_objects_frozen():
        assert gc.get_freeze_count() > 0  # the objects made before, 'before' among them
    assert gc.get_freeze_count() == 0


def test_a_freeze_made_by_someone_else_is_left_alone() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        analysis.analyze(TEXT)
        assert gc.get_freeze_count() == frozen  # not unfrozen by analyze
    finally:
        gc.unfreeze()


def test_an_error_while_scoring_still_unfreezes() -> None:
    try:
        with pipeline._earlier_objects_frozen():
            raise RuntimeError("a measure failed")
    except RuntimeError:
        pass
    assert gc.get_freeze_count() == 0
