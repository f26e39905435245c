"""Reading the codes of a .qdpx project into a workspace (see the package docstring)."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from lxml import etree

from analysis.ingest import UnreadableInput, load_text
from analysis.pipeline import Analysis, analyze, content_hash
from analysis.store import checks, codes
from analysis.store.db import StoreError
from analysis.store.qdpx.format import MISSED, PARAGRAPH, REVIEWED, VERDICTS, parser
from analysis.store.workspace import Store, Workspace

MAX_ENTRIES = 100_000
MAX_PROJECT = 64 * 1024 * 1024
MAX_TEXT = 20 * 1024 * 1024
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


@dataclass
class QdpxImport:
    """What an import did: ``articles_added`` (texts new to the workspace, analysed and
    stored), ``articles_matched``, the codes and decisions written, and what was skipped, why."""

    articles_added: int = 0
    articles_matched: int = 0
    codes_added: int = 0
    recorded: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)


def from_qdpx(store: Store, ws: Workspace, data: bytes, name: str = "project.qdpx", *,
              coder: str = "imported", analyse: Callable[[str], Analysis] = analyze) -> QdpxImport:
    """Import the text sources and their codings of a .qdpx into ``ws``. ``coder`` names the
    coder of codings that carry no user. Codings are recorded in one transaction."""
    opened = _open(data, name)
    root = opened.root
    users = {u.get("guid"): u.get("name") or u.get("id") or coder for u in root.iterfind("{*}Users/{*}User")}
    paths, specs = _codes(root)
    report = QdpxImport()
    decisions: list[codes.Coding] = []
    for source in root.iterfind("{*}Sources/{*}*"):
        label = source.get("name") or source.get("guid") or "a source"
        if etree.QName(source).localname != "TextSource":
            report.skipped.append(f"{label}: only text sources are imported ({etree.QName(source).localname})")
            continue
        text = _source_text(source, opened, label)
        if text is None:
            report.skipped.append(f"{label}: its text is not inside the project file")
            continue
        article_id = _article(store, ws, text, label, analyse, report)
        if article_id is None:
            continue
        bounds = codes.paragraph_bounds(store, ws, article_id)
        for sel in source.iterfind("{*}PlainTextSelection"):
            decisions += _decisions(sel, article_id, text, bounds, paths, users, coder, report)
        for whole in source.iterfind("{*}Coding"):  # a code on the whole source
            decisions += _decisions(whole, article_id, text, bounds, paths, users, coder, report, whole_text=True)
    decisions.sort(key=lambda d: checks.utc_time(d.time) if d.time else "~")  # the latest decision wins
    done = codes.import_decisions(store, ws, specs, decisions)
    report.codes_added, report.recorded, report.unchanged = done.codes_added, done.recorded, done.unchanged
    return report


@dataclass(frozen=True)
class _Project:
    root: etree._Element
    archive: zipfile.ZipFile
    texts: dict[str, zipfile.ZipInfo]  # the .txt members by lower-case file name (any folder)


def _open(data: bytes, name: str) -> _Project:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise StoreError(f"{name}: not a .qdpx project (it is not a zip archive)") from None
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise StoreError(f"{name}: refused: {len(infos):,} entries in the zip (at most {MAX_ENTRIES:,})")
    project = next((i for i in infos if i.filename.lower() == "project.qde"), None)
    if project is None:
        raise StoreError(f"{name}: not a .qdpx project (no project.qde inside)")
    qde = _member(archive, project, MAX_PROJECT, name)
    if _DTD.search(qde):
        raise StoreError(f"{name}: refused: project.qde declares a DOCTYPE or ENTITY")
    try:
        root = etree.fromstring(qde, parser())
    except etree.XMLSyntaxError as exc:
        raise StoreError(f"{name}: project.qde is not well-formed XML ({exc.msg})") from None
    if etree.QName(root).localname != "Project":
        raise StoreError(f"{name}: project.qde is not a REFI-QDA project (its root is {etree.QName(root).localname})")
    texts: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if info.filename.lower().endswith(".txt"):
            texts.setdefault(info.filename.rsplit("/", 1)[-1].lower(), info)
    return _Project(root, archive, texts)


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, name: str) -> bytes:
    if info.file_size > limit:
        raise StoreError(f"{name}: {info.filename} is over the {limit // 2**20} MiB limit")
    try:
        with archive.open(info) as handle:
            return handle.read(limit + 1)[:limit]
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError):
        raise StoreError(f"{name}: the zip is damaged ({info.filename} cannot be read)") from None


def _codes(root: etree._Element) -> tuple[dict[str, tuple[str, ...]], list[codes.CodeSpec]]:
    """Each code's GUID -> its path of names; the codable codes that are researchers' codes."""
    paths: dict[str, tuple[str, ...]] = {}
    specs: list[codes.CodeSpec] = []

    def walk(el: etree._Element, above: tuple[str, ...]) -> None:
        for code_el in el.iterfind("{*}Code"):
            path = (*above, " ".join((code_el.get("name") or "").split()) or "unnamed code")
            paths[str(code_el.get("guid"))] = path
            if code_el.get("isCodable", "true").lower() in ("true", "1") and path[0] not in (VERDICTS, MISSED, REVIEWED):
                colour = code_el.get("color")
                described = code_el.find("{*}Description")
                specs.append(codes.CodeSpec(" / ".join(path), (described.text or "") if described is not None else "",
                                            colour if colour and re.fullmatch(r"#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}", colour)
                                            else None))
            walk(code_el, path)

    top = root.find("{*}CodeBook/{*}Codes")
    if top is not None:
        walk(top, ())
    return paths, specs


def _source_text(source: etree._Element, opened: _Project, label: str) -> str | None:
    inline = source.find("{*}PlainTextContent")
    if inline is not None and inline.text:
        return str(inline.text)
    path = source.get("plainTextPath") or ""
    if not path.lower().startswith("internal://"):
        return None
    info = opened.texts.get(path[len("internal://"):].rsplit("/", 1)[-1].lower())
    if info is None:
        return None
    raw = _member(opened.archive, info, MAX_TEXT, label)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise StoreError(f"{label}: its text is not UTF-8") from None


def _article(store: Store, ws: Workspace, text: str, label: str, analyse: Callable[[str], Analysis],
             report: QdpxImport) -> int | None:
    sha = content_hash(text)
    known = {a.sha256: a.id for a in store.articles(ws)}
    if sha in known:
        report.articles_matched += 1
        return known[sha]
    try:
        loaded = load_text(text, label)
    except UnreadableInput as exc:
        report.skipped.append(str(exc))
        return None
    got = store.add_article(ws, loaded, analyse(loaded.text))
    report.articles_added += not got.duplicate
    report.articles_matched += got.duplicate
    return got.article.id


def _decisions(el: etree._Element, article_id: int, text: str, bounds: list[tuple[int, int]],
               paths: dict[str, tuple[str, ...]], users: dict[str | None, str], coder: str, report: QdpxImport,
               whole_text: bool = False) -> list[codes.Coding]:
    if whole_text:
        start, end, name, note = 0, len(text), "", ""
        codings = [el]
    else:
        try:
            start, end = int(el.get("startPosition", "")), int(el.get("endPosition", ""))
        except ValueError:
            report.skipped.append(f"selection {el.get('name') or el.get('guid')}: positions are not numbers")
            return []
        name = el.get("name") or ""
        described = el.find("{*}Description")
        note = (described.text or "") if described is not None else ""
        codings = list(el.iterfind("{*}Coding"))
    if not 0 <= start < end <= len(text):
        report.skipped.append(f"selection {name or el.get('guid')}: {start}-{end} is outside the text")
        return []
    out = []
    for coding in codings:
        ref = coding.find("{*}CodeRef")
        path = paths.get(str(ref.get("targetGUID"))) if ref is not None else None
        if path is None:
            report.skipped.append(f"a coding at {start}-{end} refers to no code of the codebook")
            continue
        who = users.get(coding.get("creatingUser")) or users.get(el.get("creatingUser")) or coder
        when = coding.get("creationDateTime") or el.get("creationDateTime")
        base = codes.Coding(article_id=article_id, coder=who, kind="code", note=note, time=when)
        out.append(_meaning(base, path, start, end, name, text, bounds))
    return out


def _meaning(base: codes.Coding, path: tuple[str, ...], start: int, end: int, name: str, text: str,
             bounds: list[tuple[int, int]]) -> codes.Coding:
    """The decision a coding stands for, from its code's path and the selection."""
    if path[0] == VERDICTS and len(path) == 4 and path[3] in codes.VERDICTS:
        return _replace(base, kind="verdict", decision=path[3], measure=path[1], category=path[2], start=start, end=end)
    if path[0] == MISSED and len(path) == 3:
        return _replace(base, kind="missed", measure=path[1], category=path[2], start=start, end=end)
    if path == (REVIEWED,):
        return _replace(base, kind="reviewed")
    paragraph = PARAGRAPH.match(name)
    if paragraph and 0 < int(paragraph.group(1)) <= len(bounds) and bounds[int(paragraph.group(1)) - 1] == (start, end):
        return _replace(base, code=" / ".join(path), paragraph_index=int(paragraph.group(1)) - 1)
    return _replace(base, code=" / ".join(path), start=start, end=end)


def _replace(base: codes.Coding, **changes: object) -> codes.Coding:
    return replace(base, **changes)  # type: ignore[arg-type]
