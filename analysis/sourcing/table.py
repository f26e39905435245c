"""Every source of an article in one table: who, what kind, with which verbs, where.

``mentions(doc)``: one row per source mention (paragraph, offsets into the whole text, the
expression, kind, the name it stands for, verb, verb category, direct or indirect).
``by_source(mentions)``: one row per source (mentions grouped by name and kind), with its
verbs, the paragraphs it appears in, and how many of its mentions are direct quotations.
``quotations(doc)``: one row per direct quotation with its speaker and how it was found.
"""

from __future__ import annotations

import pandas as pd

from analysis.sourcing import detect as dt
from analysis.text import Document

MENTION_COLUMNS = ["paragraph", "start", "end", "expression", "kind", "source", "verb", "verb_category",
                   "mode", "why"]
SOURCE_COLUMNS = ["source", "kind", "mentions", "direct", "indirect", "verbs", "framing_verbs",
                  "paragraphs", "first"]
QUOTE_COLUMNS = ["paragraph", "start", "end", "quotation", "speaker", "kind", "how"]


def mentions(doc: Document) -> pd.DataFrame:
    rows = []
    for par in doc.paragraphs:
        for s in dt.detect(par).sources:
            rows.append((par.index + 1, par.start + s.start, par.start + s.end, s.text, s.kind,
                         dt.speaker_name(s), s.verb, s.verb_category.replace("verb_", ""),
                         "direct" if s.quotes else "indirect", s.why))
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def by_source(frame: pd.DataFrame) -> pd.DataFrame:
    """Group mentions by the name they stand for (case-insensitive) and kind, in order of
    first appearance. ``verbs``: distinct verbs in order; ``framing_verbs``: those of them
    that judge what they report; ``paragraphs``: paragraph numbers (1 = first)."""
    if frame.empty:
        return pd.DataFrame(columns=SOURCE_COLUMNS)
    key = frame["source"].str.lower().str.replace(r"^(the|a|an)\s+", "", regex=True)
    rows = []
    for (_, kind), g in frame.groupby([key, frame["kind"]], sort=False):
        verbs = [v for v in dict.fromkeys(g["verb"]) if v]
        framing = [v for v in dict.fromkeys(g.loc[g["verb_category"] == "framing", "verb"]) if v]
        rows.append((g["source"].iloc[0], kind, len(g), int((g["mode"] == "direct").sum()),
                     int((g["mode"] == "indirect").sum()), ", ".join(verbs), ", ".join(framing),
                     ", ".join(str(p) for p in dict.fromkeys(g["paragraph"])), int(g["start"].min())))
    out = pd.DataFrame(rows, columns=SOURCE_COLUMNS)
    return out.sort_values("first", kind="stable").reset_index(drop=True)


def quotations(doc: Document) -> pd.DataFrame:
    rows = []
    for par in doc.paragraphs:
        for q in dt.detect(par).quotes:
            who = dt.speaker_name(q.speaker) if q.speaker else ""
            rows.append((par.index + 1, par.start + q.start, par.start + q.end, par.text[q.start : q.end], who,
                         q.speaker.kind if q.speaker else "", q.how or "no speaker found"))
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS)
