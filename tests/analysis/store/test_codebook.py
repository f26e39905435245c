"""A workspace's codebook (real SQLite file)."""

from __future__ import annotations

import pytest

import analysis
from analysis.ingest import load_text
from analysis.store import Store, StoreError, codebook, codes

TEXT = "Flood barrier may fail, officials warn.\n\nThe council said the repairs are urgent."


@pytest.fixture
def store(tmp_path):
    return Store.open(tmp_path)


@pytest.fixture
def ws(store):
    return store.create_workspace("me", "Flood coverage")


@pytest.fixture
def article(store, ws):
    return store.add_article(ws, load_text(TEXT, "flood.txt"), analysis.analyze(TEXT)).article


def test_codebook_define_edit_delete(store, ws, article):
    blame = codebook.define(store, ws, "  Blame ", "Someone is held  responsible")
    assert (blame.name, blame.colour) == ("Blame", codebook.PALETTE[0])
    fear = codebook.define(store, ws, "Fear", colour="#ABC")
    assert fear.colour == "#aabbcc"
    with pytest.raises(StoreError, match="already has a code named"):
        codebook.define(store, ws, "blame")  # names are unique regardless of case
    with pytest.raises(StoreError, match="#rrggbb"):
        codebook.define(store, ws, "Hope", colour="red")
    with pytest.raises(StoreError, match="cannot be empty"):
        codebook.define(store, ws, "   ")
    renamed = codebook.edit(store, ws, blame.id, name="Responsibility", colour="#117733")
    assert (renamed.name, renamed.colour, renamed.description) == ("Responsibility", "#117733",
                                                                  "Someone is held  responsible")
    assert [c.name for c in codebook.codes(store, ws)] == ["Fear", "Responsibility"]
    codes.code_paragraph(store, ws, article.id, "ana", 0, blame.id)
    assert codes.current(store, ws)[0].code == "Responsibility"  # the coding follows the rename
    with pytest.raises(StoreError, match="used in 1 coding"):
        codebook.delete(store, ws, blame.id)
    codebook.delete(store, ws, fear.id)
    codebook.delete(store, ws, blame.id, with_codings=True)
    assert codebook.codes(store, ws) == [] and codes.history(store, ws) == []


def test_codebook_is_per_workspace(store, ws, article):
    other = store.create_workspace("me", "Other")
    theirs = codebook.define(store, other, "Blame")
    codebook.define(store, ws, "Blame")  # the same name in another workspace is fine
    with pytest.raises(StoreError, match="not in this workspace's codebook"):
        codes.code_paragraph(store, ws, article.id, "ana", 0, theirs.id)
    with pytest.raises(StoreError, match="no longer in the workspace"):
        codes.mark_reviewed(store, other, article.id, "ana")
