"""Score a text with one registered measure exactly as the app does, without the others.

``analysis.analyze`` runs every measure on every paragraph; the harness scores ~20,000
texts and needs only one measure per set, so this runs the same steps for one measure:
``text.segment``, the measure's ``score`` on each paragraph, then its ``summarize`` on
those results, as the pipeline does. A test checks that the
result equals ``analyze(text).summary`` for every measure.

Single sentences and headlines are scored as the one-paragraph texts they are: the
segmenter never reads the last line of a text as a heading, so a headline without final
punctuation is a paragraph too (a test checks it, since the sets are full of them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from analysis.measures import Evidence, Measure
from analysis.text import Document, segment


@dataclass
class Result:
    values: dict[str, Any]  # the measure's article-level values (its summary columns)
    evidence: list[Evidence]
    paragraphs: int


def document(text: str) -> Document:
    """The segmented text, exactly as the app segments it."""
    return segment(text)


def score_text(measure: Measure, text: str, summarize: bool = True) -> Result:
    """The measure's article-level values for ``text`` and all its evidence spans.

    With ``summarize=False`` only the evidence is collected (``values`` is empty)."""
    doc = document(text)
    scored = [measure.score(par) for par in doc.paragraphs]
    evidence = [e for s in scored for e in s.evidence]
    values = dict(measure.summarize(doc, scored)) if summarize else {}
    return Result(values, evidence, len(doc.paragraphs))
