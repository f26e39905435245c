"""Build data/eval/sources/gold.jsonl from the hand annotations.

The annotator writes ``annotations.jsonl`` by reading each paragraph of
``paragraphs.jsonl``; this script only turns the written strings into character offsets
and checks them, so that no offset is typed by hand. Per paragraph:

- ``quotes``: ``[from, to, speaker, resolved?]``: the quotation runs from the first
  occurrence of ``from`` (after the previous quotation) to the end of the first ``to`` after
  it (``"$"`` = the end of the paragraph). ``resolved`` defaults to ``speaker``.
- ``sources``: ``[at, kind, verb, mode, resolved?]``: ``at`` is a piece of the paragraph
  that occurs exactly once, with the source expression in square brackets
  (``"said [Alan Strickland]"``). ``resolved`` defaults to the source text for named kinds
  and to null for anonymous ones.

Usage: python tools/sources_eval_build.py   (paths are fixed, relative to this file)
"""

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "data" / "eval" / "sources"
KINDS = {"person", "organisation", "anonymous"}
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


def build_one(par: dict, ann: dict) -> dict:
    text, where = par["text"], par["id"]
    quotes, cursor = [], 0
    for q in ann.get("quotes", []):
        frm, to, speaker = q[0], q[1], q[2]
        start = text.find(frm, cursor)
        if start < 0:
            raise SystemExit(f"{where}: quote start {frm!r} not found")
        if to == "$":
            end = len(text.rstrip())
        else:
            at = text.find(to, start + 1)
            if at < 0:
                raise SystemExit(f"{where}: quote end {to!r} not found")
            end = at + len(to)
        quotes.append({"start": start, "end": end, "text": text[start:end], "speaker": speaker,
                       "resolved": q[3] if len(q) > 3 else speaker})
        cursor = end
    sources = []
    for s in ann.get("sources", []):
        at, kind, verb, mode = s[:4]
        if kind not in KINDS or mode not in MODES:
            raise SystemExit(f"{where}: bad kind/mode {kind!r}/{mode!r}")
        start, end = _locate(text, at, where)
        name = text[start:end]
        default = None if kind == "anonymous" else name
        sources.append({"start": start, "end": end, "text": name, "kind": kind, "verb": verb,
                        "mode": mode, "resolved": s[4] if len(s) > 4 else default})
    return {"id": par["id"], "file": par["file"], "paragraph": par["paragraph"],
            "previous": par["previous"], "text": text, "quotes": quotes, "sources": sources,
            "note": ann.get("note", "")}


def main() -> None:
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


if __name__ == "__main__":
    main()
