"""A workspace coded by two coders in every way, shared by the exchange tests."""

from __future__ import annotations

import pytest

import analysis
from analysis.ingest import load_text
from analysis.store import Store, codebook, codes

FIRST = ("Flood barrier may fail, officials warn.\n\nThe council said the repairs are urgent. "
         "Experts fear a disaster.\n\nResidents were told to prepare. “It’s fine,” said one — 🙂 really.")
SECOND = "A calm report.\n\nNothing alarming happened at the barrier today.\n\nThe mayor thanked the engineers."


def coding_key(store, ws, c):
    """A coding as it means itself, in any workspace (None as "" so that keys sort)."""
    sha = store.article(ws, c.article_id).sha256
    return tuple("" if v is None else str(v) for v in (
        sha, c.coder, c.kind, c.decision, c.paragraph_index, c.start, c.end, c.code, c.measure, c.category, c.note,
        c.time))


@pytest.fixture
def coded(tmp_path):
    store = Store.open(tmp_path / "one")
    ws = store.create_workspace("me", "Flood <coverage> & more")
    one = store.add_article(ws, load_text(FIRST, "flood.txt"), analysis.analyze(FIRST), role="focus").article
    two = store.add_article(ws, load_text(SECOND, "calm.txt"), analysis.analyze(SECOND)).article
    blame = codebook.define(store, ws, "Blame", 'Someone is "held" <responsible> & named')
    fear = codebook.define(store, ws, "Fear", colour="#117733")
    codebook.define(store, ws, "Unused")
    urgent = FIRST.index("urgent")
    codes.code_paragraph(store, ws, one.id, "ana@example.org", 1, blame.id, note="=the council")
    codes.code_paragraph(store, ws, one.id, "Ben Okoro", 1, blame.id)
    codes.code_span(store, ws, one.id, "Ben Okoro", FIRST.index("🙂"), FIRST.index("🙂") + 1, fear.id)
    codes.code_span(store, ws, two.id, "ana@example.org", 0, 14, fear.id, note="line one\nline two")
    codes.judge(store, ws, one.id, "ana@example.org", urgent, urgent + 6, "alarm", "urgency", "correct")
    codes.judge(store, ws, one.id, "Ben Okoro", urgent, urgent + 6, "alarm", "urgency", "wrong", note="routine")
    codes.missed(store, ws, one.id, "ana@example.org", FIRST.index("fear"), FIRST.index("fear") + 4, "alarm",
                 "fear_panic")
    codes.mark_reviewed(store, ws, two.id, "Ben Okoro")
    codes.code_paragraph(store, ws, two.id, "Ben Okoro", 2, blame.id)
    codes.code_paragraph(store, ws, two.id, "Ben Okoro", 2, blame.id, remove=True)  # withdrawn: not exported
    return store, ws
