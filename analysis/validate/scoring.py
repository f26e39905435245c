"""Score a text with one registered measure exactly as the app does, without the others.

``analysis.analyze`` runs every measure on every paragraph; the harness scores ~20,000
texts and needs only one measure per set, so this runs the same steps for one measure:
``text.segment``, the measure's ``score`` on each paragraph, then its ``summarize`` on the
paragraph and evidence frames built as the pipeline builds them. A test checks that the
result equals ``analyze(text).summary`` for every measure.

Single sentences and headlines are scored as the one-paragraph texts they are: the
segmenter never reads the last line of a text as a heading, so a headline without final
punctuation is a paragraph too (a test checks it, since the sets are full of them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from analysis.measures import Evidence, Measure
from analysis.pipeline import EVIDENCE_COLUMNS
from analysis.text import Document, segment

_DTYPES = {"paragraph": "int64", "start": "int64", "end": "int64", "weight": "float64", "quoted": "bool"}


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

    With ``summarize=False`` only the evidence is collected (``values`` is empty): enough
    for a label read from the evidence, and much faster than building the frames."""
    doc = document(text)
    rows: list[dict[str, Any]] = []
    ev_rows: list[tuple[Any, ...]] = []
    evidence: list[Evidence] = []
    for par in doc.paragraphs:
        scored = measure.score(par)
        evidence.extend(scored.evidence)
        if not summarize:
            continue
        rows.append({"paragraph": par.index, "words": par.words, **scored.values})
        for e in scored.evidence:
            ev_rows.append((par.index, par.start + e.start, par.start + e.end, measure.name,
                            e.category, e.term, e.weight, e.note, e.quoted))
    if not summarize:
        return Result({}, evidence, len(doc.paragraphs))
    columns = ["paragraph", "words", *measure.column_names]
    paragraphs = pd.DataFrame(rows, columns=columns)
    paragraphs["words"] = paragraphs["words"].astype("int64")
    columns_data = list(zip(*ev_rows, strict=True)) if ev_rows else [()] * len(EVIDENCE_COLUMNS)
    ev_frame = pd.DataFrame({  # typed column by column: the pipeline's dtypes, without astype
        name: np.asarray(col, dtype=_DTYPES.get(name, object))
        for name, col in zip(EVIDENCE_COLUMNS, columns_data, strict=True)
    })
    values = dict(measure.summarize(doc, paragraphs, ev_frame))
    return Result(values, evidence, len(doc.paragraphs))
