"""REFI-QDA exchange: the export validates against the shipped schema and imports back to the same codes."""

from __future__ import annotations

import hashlib
import io
import zipfile

import pytest
from lxml import etree

from analysis.store import Store, StoreError, codebook, codes, qdpx
from tests.analysis.store.conftest import FIRST, SECOND, coding_key


def test_shipped_schema_is_the_published_file():
    digest = hashlib.sha256(qdpx.SCHEMA.read_bytes()).hexdigest()
    assert digest == "7841112e27897debf996f76209b9c5a5d074d66c1297a2f19f5ef250d29303bd"
    assert "licensed under the MIT license" in qdpx.SCHEMA.read_text(encoding="utf-8")


def test_export_validates_against_the_refi_qda_schema(coded):
    store, ws = coded
    data = qdpx.to_qdpx(store, ws)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        qde = z.read("project.qde")
        assert qdpx.validate(qde) == []
        root = etree.fromstring(qde)
        sources = root.findall(f"{{{qdpx.NS}}}Sources/{{{qdpx.NS}}}TextSource")
        assert len(sources) == 2
        for source in sources:  # every source's text is in the zip, and every selection slices it
            member = "Sources/" + source.get("plainTextPath").removeprefix("internal://")
            assert member in names
            text = z.read(member).decode("utf-8")
            for sel in source.iter(f"{{{qdpx.NS}}}PlainTextSelection"):
                start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
                assert 0 <= start < end <= len(text)
    users = sorted(u.get("name") for u in root.iter(f"{{{qdpx.NS}}}User"))
    assert users == ["Ben Okoro", "ana@example.org"]
    assert root.get("name") == "Flood <coverage> & more"


def test_the_schema_check_can_fail():
    broken = (b'<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources><TextSource guid="not-a-guid"/>'
              b"</Sources></Project>")
    assert any("guid" in problem for problem in qdpx.validate(broken))
    missing_name = b'<Project xmlns="urn:QDA-XML:project:1.0"/>'
    assert any("name" in problem for problem in qdpx.validate(missing_name))


def test_export_then_import_gives_back_the_same_codes(coded, tmp_path):
    store, ws = coded
    data = qdpx.to_qdpx(store, ws)
    other = Store.open(tmp_path / "two")  # a fresh database: the articles come with the project
    target = other.create_workspace("someone else", "Imported")
    report = qdpx.from_qdpx(other, target, data)
    assert (report.articles_added, report.articles_matched, report.skipped) == (2, 0, [])
    assert report.recorded == len(codes.current(store, ws)) == 8 and report.unchanged == 0
    before = sorted(coding_key(store, ws, c) for c in codes.current(store, ws))
    after = sorted(coding_key(other, target, c) for c in codes.current(other, target))
    assert after == before
    book = [(c.name, c.description, c.colour) for c in codebook.codes(store, ws)]
    assert [(c.name, c.description, c.colour) for c in codebook.codes(other, target)] == book
    assert sorted(other.text(target, a.id) for a in other.articles(target)) == sorted([FIRST, SECOND])
    again = qdpx.from_qdpx(other, target, data)  # importing twice writes nothing new
    assert (again.articles_matched, again.recorded, again.unchanged, again.codes_added) == (2, 0, 8, 0)


def test_import_into_the_same_workspace_matches_articles_by_text(coded):
    store, ws = coded
    report = qdpx.from_qdpx(store, ws, qdpx.to_qdpx(store, ws))
    assert (report.articles_added, report.articles_matched, report.recorded) == (0, 2, 0)


def test_foreign_project_nested_codes_users_and_whole_source_codings(tmp_path):
    text = "First paragraph here.\n\nSecond one."
    qde = b"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="From another program" origin="Another QDA 1.0">
  <Users><User guid="00000000-0000-4000-8000-000000000001" name="Chen"/></Users>
  <CodeBook><Codes>
    <Code guid="00000000-0000-4000-8000-0000000000a1" name="Frames" isCodable="false" color="#FF0000">
      <Code guid="00000000-0000-4000-8000-0000000000a2" name="Conflict" isCodable="true" color="#00FF00">
        <Description>two sides</Description></Code>
    </Code>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="00000000-0000-4000-8000-0000000000b1" name="Report" plainTextPath="internal://report.txt">
      <PlainTextSelection guid="00000000-0000-4000-8000-0000000000c1" startPosition="0" endPosition="5"
          creatingUser="00000000-0000-4000-8000-000000000001" creationDateTime="2025-01-02T03:04:05Z">
        <Coding guid="00000000-0000-4000-8000-0000000000d1">
          <CodeRef targetGUID="00000000-0000-4000-8000-0000000000a2"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="00000000-0000-4000-8000-0000000000c2" startPosition="30" endPosition="90">
        <Coding guid="00000000-0000-4000-8000-0000000000d2">
          <CodeRef targetGUID="00000000-0000-4000-8000-0000000000a2"/></Coding>
      </PlainTextSelection>
      <Coding guid="00000000-0000-4000-8000-0000000000d3"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000a2"/></Coding>
    </TextSource>
    <PictureSource guid="00000000-0000-4000-8000-0000000000b2" name="Photo" path="internal://p.png"/>
  </Sources>
</Project>"""
    assert qdpx.validate(qde) == []  # a valid project of another program
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("project.qde", qde)
        z.writestr("sources/REPORT.TXT", text.encode("utf-8-sig"))
    store = Store.open(tmp_path)
    ws = store.create_workspace("me", "w")
    report = qdpx.from_qdpx(store, ws, buf.getvalue(), coder="me@example.org")
    assert report.articles_added == 1 and report.recorded == 2
    assert any("Photo" in s for s in report.skipped) and any("30-90 is outside" in s for s in report.skipped)
    got = {(c.coder, c.code, c.start, c.end, c.time) for c in codes.current(store, ws)}
    assert got == {("Chen", "Frames / Conflict", 0, 5, "2025-01-02T03:04:05.000000+00:00"),
                   ("me@example.org", "Frames / Conflict", 0, len(text), got_time(got, 0, len(text)))}
    [entry] = codebook.codes(store, ws)
    assert (entry.name, entry.colour, entry.description) == ("Frames / Conflict", "#00ff00", "two sides")


def got_time(got, start, end):
    return next(t for _, _, s, e, t in got if (s, e) == (start, end))


@pytest.mark.parametrize(("data", "message"), [
    (b"not a zip", "not a zip archive"),
    (None, "no project.qde inside"),
    (b"doctype", "DOCTYPE"),
    (b"<Project", "not well-formed"),
])
def test_bad_files_are_refused_with_a_reason(tmp_path, data, message):
    if data is None or not data.startswith(b"not"):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            if data == b"doctype":
                z.writestr("project.qde", b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><Project name="&e;"/>')
            elif data is not None:
                z.writestr("project.qde", data)
            else:
                z.writestr("other.txt", b"x")
        data = buf.getvalue()
    store = Store.open(tmp_path)
    ws = store.create_workspace("me", "w")
    with pytest.raises(StoreError, match=message):
        qdpx.from_qdpx(store, ws, data, "bad.qdpx")
    assert store.articles(ws) == []
