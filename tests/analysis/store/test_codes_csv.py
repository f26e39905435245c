"""Codes as CSV: one row per code, and back (real SQLite files)."""

from __future__ import annotations

import csv
import io

import pytest

import analysis
from analysis.ingest import load_text
from analysis.store import Store, StoreError, codebook, codes, codes_csv
from tests.analysis.store.conftest import FIRST, SECOND, coding_key


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def _fresh(tmp_path, name="two"):
    """Another database holding the same two articles (codes travel by the texts' SHA-256)."""
    store = Store.open(tmp_path / name)
    ws = store.create_workspace("someone", "Imported")
    for text, file in ((SECOND, "calm.txt"), (FIRST, "flood.txt")):
        store.add_article(ws, load_text(text, file), analysis.analyze(text))
    return store, ws


def test_one_row_per_current_code_with_its_text(coded):
    store, ws = coded
    data = codes_csv.to_csv(store, ws)
    assert data.count(b"\r\n") == 9  # header + 8 current codes, CRLF rows
    rows = _rows(data)
    assert list(rows[0]) == codes_csv.COLUMNS
    first = rows[0]
    assert (first["coder"], first["kind"], first["code"], first["paragraph"]) == ("ana@example.org", "code",
                                                                                 "Blame", "2")
    assert first["text"] == "The council said the repairs are urgent. Experts fear a disaster."
    assert first["note"] == "'=the council"  # neutralised for spreadsheets
    emoji = next(r for r in rows if r["code"] == "Fear" and r["coder"] == "Ben Okoro")
    assert emoji["text"] == "🙂" and emoji["paragraph"] == ""
    verdicts = [(r["coder"], r["decision"], r["measure"], r["category"]) for r in rows if r["kind"] == "verdict"]
    assert verdicts == [("ana@example.org", "correct", "alarm", "urgency"), ("Ben Okoro", "wrong", "alarm", "urgency")]
    history = _rows(codes_csv.to_csv(store, ws, history=True))
    assert len(history) == 10 and [r["decision"] for r in history][-2:] == ["applied", "removed"]


@pytest.mark.parametrize("history", [False, True])
def test_export_then_import_gives_back_the_same_codes(coded, tmp_path, history):
    store, ws = coded
    other, target = _fresh(tmp_path)
    got = codes_csv.from_csv(other, target, codes_csv.to_csv(store, ws, history=history))
    assert got.codes_added == 2 and got.unchanged == 0 and got.recorded == (10 if history else 8)
    assert sorted(coding_key(other, target, c) for c in codes.current(other, target)) == \
        sorted(coding_key(store, ws, c) for c in codes.current(store, ws))
    # codes used come with their colour and description; an unused code has no row to travel in
    assert {(c.name, c.colour, c.description) for c in codebook.codes(other, target)} == {
        (c.name, c.colour, c.description) for c in codebook.codes(store, ws) if c.name != "Unused"}
    again = codes_csv.from_csv(other, target, codes_csv.to_csv(store, ws))
    assert (again.recorded, again.codes_added) == (0, 0)


def test_article_id_identifies_the_article_in_the_same_workspace(coded):
    store, ws = coded
    rows = _rows(codes_csv.to_csv(store, ws))
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=["article_id", "coder", "kind", "decision", "code", "paragraph"])
    writer.writeheader()
    writer.writerow({"article_id": rows[0]["article_id"], "coder": "Cy", "kind": "code", "decision": "applied",
                     "code": "New code", "paragraph": "1"})
    got = codes_csv.from_csv(store, ws, buf.getvalue().encode())
    assert (got.recorded, got.codes_added) == (1, 1)
    [cy] = codes.current(store, ws, coder="Cy")
    assert (cy.code, cy.paragraph_index) == ("New code", 0)


def test_bad_rows_name_their_lines_and_nothing_is_written(coded, tmp_path):
    store, ws = coded
    rows = _rows(codes_csv.to_csv(store, ws))
    rows[0]["sha256"] = "ab" * 32                      # row 2: an article this workspace lacks
    rows[1]["text"] = "something else"                 # row 3: not the text at that place
    rows[2]["end"] = "9999"                            # row 4: past the end
    rows[3]["kind"] = "opinion"                        # row 5
    rows[4]["decision"] = "maybe"                      # row 6
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=codes_csv.COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    other, target = _fresh(tmp_path)
    with pytest.raises(StoreError) as caught:
        codes_csv.from_csv(other, target, buf.getvalue().encode(), "mine.csv")
    message = str(caught.value)
    assert message.startswith("mine.csv: nothing was imported; 5 row(s) cannot be used: row 2: the article with")
    for part in ("row 3: the text at", "another version of the article", "row 4: the span", "runs past the end",
                 "row 5: a coding's kind must be one of", "row 6: a verdict decision must be one of"):
        assert part in message
    assert codes.history(other, target) == [] and codebook.codes(other, target) == []


@pytest.mark.parametrize(("data", "message"), [
    (b"\xff\xfe", "not UTF-8"),
    (b"a,b,c\n1,2,3\n", "not a codes CSV"),
    (b"sha256,coder,kind,decision\n", "no codes in the file"),
])
def test_unreadable_files_are_refused(coded, data, message):
    store, ws = coded
    with pytest.raises(StoreError, match=message):
        codes_csv.from_csv(store, ws, data)
