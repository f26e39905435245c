"""Writing a workspace as a .qdpx project (see the package docstring)."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

from lxml import etree

from analysis import __version__
from analysis.store import codebook, codes
from analysis.store.qdpx.format import MISSED, NS, REVIEWED, VERDICTS, guid, q, xsd_time
from analysis.store.workspace import Store, Workspace


def to_qdpx(store: Store, ws: Workspace, *, when: datetime | None = None) -> bytes:
    """The workspace as a .qdpx file: every article, the codebook, every coder's current decisions."""
    xml, sources = project(store, ws, when=when)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", xml)
        for name, text in sources.items():
            archive.writestr(f"Sources/{name}", text.encode("utf-8"))
    return buf.getvalue()


def project(store: Store, ws: Workspace, *, when: datetime | None = None) -> tuple[bytes, dict[str, str]]:
    """``project.qde`` as bytes, and the sources' texts by file name."""
    stamp = (when or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    listed = codes.current(store, ws)
    root = etree.Element(q("Project"), nsmap={None: NS},
                         attrib={"name": ws.name, "origin": f"Narrative Lens {__version__}", "creationDateTime": stamp})
    people = sorted({c.coder for c in listed})
    if people:
        users = etree.SubElement(root, q("Users"))
        for person in people:
            etree.SubElement(users, q("User"), guid=guid("user", person), name=person)
    code_guid = _codebook(root, codebook.codes(store, ws), listed)
    sources_el = etree.SubElement(root, q("Sources"))
    texts: dict[str, str] = {}
    for art in store.articles(ws):
        text = store.text(ws, art.id)
        source_guid = guid("source", art.sha256)
        texts[f"{source_guid}.txt"] = text
        source = etree.SubElement(sources_el, q("TextSource"), guid=source_guid,
                                  name=art.title or art.file_name, plainTextPath=f"internal://{source_guid}.txt",
                                  creationDateTime=xsd_time(art.created))
        about = " · ".join(v for v in (art.outlet, art.date, art.url) if v)
        if about:
            etree.SubElement(source, q("Description")).text = about
        bounds = codes.paragraph_bounds(store, ws, art.id)
        for c in (c for c in listed if c.article_id == art.id):
            _selection(source, c, text, bounds, code_guid)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True), texts


def _codebook(root: etree._Element, book: list[codebook.Code], listed: list[codes.Coding]) -> dict[tuple[str, ...], str]:
    """Write the CodeBook; returns each codable code's GUID by its path of names."""
    paths: list[tuple[str, ...]] = []
    for c in listed:
        if c.kind == "verdict":
            paths.append((VERDICTS, str(c.measure), str(c.category), c.decision))
        elif c.kind == "missed":
            paths.append((MISSED, str(c.measure), str(c.category)))
        elif c.kind == "reviewed":
            paths.append((REVIEWED,))
    if not book and not paths:
        return {}
    codes_el = etree.SubElement(etree.SubElement(root, q("CodeBook")), q("Codes"))
    found: dict[tuple[str, ...], str] = {}
    for entry in book:
        el = etree.SubElement(codes_el, q("Code"), guid=guid("code", entry.name.casefold()), name=entry.name,
                              isCodable="true", color=entry.colour)
        if entry.description:
            etree.SubElement(el, q("Description")).text = entry.description
        found[(entry.name,)] = el.get("guid")
    made: dict[tuple[str, ...], etree._Element] = {}
    for path in sorted(set(paths)):
        for depth in range(1, len(path) + 1):
            part = path[:depth]
            if part in made:
                continue
            parent = made[path[:depth - 1]] if depth > 1 else codes_el
            leaf = depth == len(path)
            made[part] = etree.SubElement(parent, q("Code"), guid=guid("tool-code", *part), name=part[-1],
                                          isCodable="true" if leaf else "false")
        found[path] = made[path].get("guid")
    return found


def _selection(source: etree._Element, c: codes.Coding, text: str, bounds: list[tuple[int, int]],
               code_guid: dict[tuple[str, ...], str]) -> None:
    path: tuple[str, ...]
    if c.kind == "reviewed":
        start, end, name, path = 0, len(text), "whole text", (REVIEWED,)
    elif c.paragraph_index is not None:
        (start, end), name = bounds[c.paragraph_index], f"¶ {c.paragraph_index + 1}"
        path = (str(c.code),)
    else:
        start, end = int(c.start or 0), int(c.end or 0)
        name = text[start:end][:60]
        path = ((str(c.code),) if c.kind == "code" else (VERDICTS, str(c.measure), str(c.category), c.decision)
                if c.kind == "verdict" else (MISSED, str(c.measure), str(c.category)))
    user, when = guid("user", c.coder), xsd_time(c.time or "")
    sel = etree.SubElement(source, q("PlainTextSelection"), guid=guid("selection", c.id), name=name,
                           startPosition=str(start), endPosition=str(end), creatingUser=user, creationDateTime=when)
    if c.note:
        etree.SubElement(sel, q("Description")).text = c.note
    coding = etree.SubElement(sel, q("Coding"), guid=guid("coding", c.id), creatingUser=user, creationDateTime=when)
    etree.SubElement(coding, q("CodeRef"), targetGUID=code_guid[path])
