"""Build the sourcing set's gold files from the hand annotations.

The annotator writes annotations by reading each unit; this script only turns the written
strings into character offsets and checks them, so that no offset is typed by hand.

Guardian paragraphs: ``data/eval/sources/annotations.jsonl`` (shipped) ->
``data/eval/sources/gold.jsonl``. Per paragraph:

- ``quotes``: ``[from, to, speaker, resolved?]``: the quotation runs from the first
  occurrence of ``from`` (after the previous quotation) to the end of the first ``to`` after
  it (``"$"`` = the end of the paragraph). ``resolved`` defaults to ``speaker``.
- ``sources``: ``[at, kind, verb, mode, resolved?]``: ``at`` is a piece of the paragraph
  that occurs exactly once, with the source expression in square brackets
  (``"said [Alan Strickland]"``). ``resolved`` defaults to the source text for named kinds
  and to null for anonymous ones.
- ``scare``: ``[from, to]`` pairs, located like quotations: quoted spans that are not speech.

News sentences (``--news PRIVATE.jsonl --external DIR``): the annotations are written in the
same form, keyed by ``i`` (the line of the private text file that
``tools/sources_news_select.py --texts`` wrote) and are never shipped, since they quote
FactBank's text; the output ``data/eval/sources/news_gold.jsonl`` holds offsets and labels
only. A speaker or a resolved name is written as it appears in the unit (first occurrence,
or bracketed like a source) or else in its context sentence; it is stored as
``[start, end, "text" | "previous"]``. A verb is stored as the offsets of its nearest
occurrence to the source.

Usage: python tools/sources_eval_build.py [--news PRIVATE.jsonl --external DIR]
"""

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.eval_sources.news import KINDS, load_units, unit_texts  # noqa: E402

HERE = ROOT / "data" / "eval" / "sources"
MODES = {"direct", "indirect"}


def _locate(text: str, at: str, where: str) -> tuple[int, int]:
    if at.count("[") != 1 or at.count("]") != 1:
        raise SystemExit(f"{where}: {at!r} needs one [bracketed] source")
    context = at.replace("[", "").replace("]", "")
    pos = text.find(context)
    if pos < 0 or text.find(context, pos + 1) >= 0:
        raise SystemExit(f"{where}: {context!r} found {text.count(context)} times, need once")
    start = pos + at.index("[")
    return start, start + at.index("]") - at.index("[") - 1


def _spans(text: str, pairs: list, where: str, what: str) -> list[tuple[int, int]]:
    out, cursor = [], 0
    for pair in pairs:
        frm, to = pair[0], pair[1]
        start = text.find(frm, cursor)
        if start < 0:
            raise SystemExit(f"{where}: {what} start {frm!r} not found")
        if to == "$":
            end = len(text.rstrip())
        else:
            at = text.find(to, start + (0 if to == frm else 1))
            if at < 0:
                raise SystemExit(f"{where}: {what} end {to!r} not found")
            end = at + len(to)
        out.append((start, end))
        cursor = end
    return out


def _check_kind(kind: str, mode: str, where: str) -> None:
    if kind not in KINDS or mode not in MODES:
        raise SystemExit(f"{where}: bad kind/mode {kind!r}/{mode!r}")


def build_one(par: dict, ann: dict) -> dict:
    text, where = par["text"], par["id"]
    quotes = []
    for q, (start, end) in zip(ann.get("quotes", []), _spans(text, ann.get("quotes", []), where, "quote"),
                               strict=True):
        quotes.append({"start": start, "end": end, "text": text[start:end], "speaker": q[2],
                       "resolved": q[3] if len(q) > 3 else q[2]})
    sources = []
    for s in ann.get("sources", []):
        at, kind, verb, mode = s[:4]
        _check_kind(kind, mode, where)
        start, end = _locate(text, at, where)
        name = text[start:end]
        default = None if kind == "anonymous" else name
        sources.append({"start": start, "end": end, "text": name, "kind": kind, "verb": verb,
                        "mode": mode, "resolved": s[4] if len(s) > 4 else default})
    scare = [{"start": a, "end": b, "text": text[a:b]}
             for a, b in _spans(text, ann.get("scare", []), where, "scare quote")]
    return {"id": par["id"], "file": par["file"], "paragraph": par["paragraph"],
            "previous": par["previous"], "text": text, "quotes": quotes, "sources": sources,
            "scare": scare, "note": ann.get("note", "")}


def guardian() -> None:
    pars = {p["id"]: p for p in map(json.loads, (HERE / "paragraphs.jsonl").open(encoding="utf-8"))}
    anns = [json.loads(line) for line in (HERE / "annotations.jsonl").open(encoding="utf-8")
            if line.strip()]
    seen = set()
    with (HERE / "gold.jsonl").open("w", encoding="utf-8") as out:
        for ann in anns:
            if ann["id"] in seen:
                raise SystemExit(f"duplicate {ann['id']}")
            seen.add(ann["id"])
            out.write(json.dumps(build_one(pars[ann["id"]], ann), ensure_ascii=False) + "\n")
    missing = set(pars) - seen
    print(f"{len(seen)} paragraphs annotated; {len(missing)} of {len(pars)} not yet")


def _where(name: str, text: str, previous: str, where: str) -> list:
    """A name as written: ``[start, end, "text"]`` in the unit, else in its context."""
    if "[" in name:
        start, end = _locate(text, name, where)
        return [start, end, "text"]
    for field, body in (("text", text), ("previous", previous)):
        pos = body.find(name)
        if pos >= 0:
            return [pos, pos + len(name), field]
    raise SystemExit(f"{where}: {name!r} is neither in the unit nor in its context")


def _verb(text: str, verb: str, start: int, end: int, where: str) -> list | None:
    hits = []
    pos = text.find(verb)
    while pos >= 0:
        hits.append(pos)
        pos = text.find(verb, pos + 1)
    if not hits:
        raise SystemExit(f"{where}: verb {verb!r} not found")
    best = min(hits, key=lambda p: min(abs(p - end), abs(start - (p + len(verb)))))
    return [best, best + len(verb)]


def news_one(unit: dict, text: str, previous: str, ann: dict) -> dict:
    where = unit["id"]
    quotes = []
    for q, (start, end) in zip(ann.get("quotes", []), _spans(text, ann.get("quotes", []), where, "quote"),
                               strict=True):
        speaker = _where(q[2], text, previous, where) if q[2] else None
        resolved = q[3] if len(q) > 3 else q[2]
        quotes.append({"start": start, "end": end, "speaker": speaker,
                       "resolved": _where(resolved, text, previous, where) if resolved else None})
    sources = []
    for s in ann.get("sources", []):
        at, kind, verb, mode = s[:4]
        _check_kind(kind, mode, where)
        start, end = _locate(text, at, where)
        if len(s) > 4:
            resolved = _where(s[4], text, previous, where) if s[4] else None
        else:
            resolved = None if kind == "anonymous" else [start, end, "text"]
        sources.append({"start": start, "end": end, "kind": kind,
                        "verb": _verb(text, verb, start, end, where) if verb else None,
                        "mode": mode, "resolved": resolved})
    scare = [[a, b] for a, b in _spans(text, ann.get("scare", []), where, "scare quote")]
    return {"id": where, "quotes": quotes, "sources": sources, "scare": scare, "note": ann.get("note", "")}


def news(private: str, external: str) -> None:
    units = load_units()
    texts = unit_texts(units, Path(external))
    anns = [json.loads(line) for line in open(private, encoding="utf-8") if line.strip()]
    if sorted(a["i"] for a in anns) != list(range(len(units))):
        raise SystemExit(f"{private}: need one annotation per unit, 0..{len(units) - 1}")
    with (HERE / "news_gold.jsonl").open("w", encoding="utf-8") as out:
        for ann in sorted(anns, key=lambda a: a["i"]):
            unit = units[ann["i"]]
            text, previous = texts[unit["id"]]
            out.write(json.dumps(news_one(unit, text, previous, ann), ensure_ascii=False) + "\n")
    print(f"{len(anns)} news units annotated")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--news")
    ap.add_argument("--external")
    args = ap.parse_args()
    guardian()
    if args.news:
        news(args.news, args.external)
