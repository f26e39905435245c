"""The registry of measures. Adding one: a module with a ``MEASURE``, one line here, one
test file. The pipeline, the command line, the pages and the contract tests iterate this."""

from __future__ import annotations

from analysis.measures import alarm, hedging, readability, sentiment, sources
from analysis.measures.base import Column, Evidence, Measure, Scored, Subscale

REGISTRY: tuple[Measure, ...] = (
    sentiment.MEASURE,
    hedging.MEASURE,
    alarm.MEASURE,
    readability.MEASURE,
    sources.MEASURE,
)

# The four headline numbers, in the order the pages show them.
HEADLINE = ("sentiment", "hedging", "alarm", "reading_ease")


def get(name: str) -> Measure:
    for m in REGISTRY:
        if m.name == name:
            return m
    raise KeyError(name)


def column(name: str) -> Column:
    """The description of any score column, whichever measure reports it."""
    for m in REGISTRY:
        for c in m.columns:
            if c.name == name:
                return c
    raise KeyError(name)


__all__ = ["REGISTRY", "HEADLINE", "Column", "Evidence", "Measure", "Scored", "Subscale", "get", "column"]
