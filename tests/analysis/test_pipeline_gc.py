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


def _marking_measures(log: list[bool]):
    """Two measures: the first makes a new object that the collector tracks, the second notes
    whether the collector can still see it (it cannot once it is frozen)."""
    from analysis.measures import Measure, Scored

    made: list[list[int]] = []

    def first(par):
        made.append([len(made)])  # a list: always tracked
        return Scored({"first": 1.0})

    def second(par):
        marker = made[-1]
        log.append(any(obj is marker for obj in gc.get_objects()))
        return Scored({"second": 1.0})

    return (Measure("first", "1", (), first, lambda doc, scored: {"first": 1.0}),
            Measure("second", "1", (), second, lambda doc, scored: {"second": 1.0}))


def test_what_a_measure_made_is_frozen_before_the_next_one_runs() -> None:
    """Once a measure's results are kept they join the frozen objects, so the collections the
    next measure sets off do not walk them again (and each text's in analyze_many); all is
    given back at the end."""
    visible: list[bool] = []
    analysis.analyze_many(["One paragraph.", "Another text."], measures=_marking_measures(visible))
    assert visible == [False, False]
    assert gc.get_freeze_count() == 0


def test_someone_elses_freeze_is_not_added_to() -> None:
    visible: list[bool] = []
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        analysis.analyze("One paragraph.", measures=_marking_measures(visible))
        assert visible == [True] and gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
