"""Print annotated units of the sourcing set with their annotations marked in the text, to
review them: sources in [brackets] with kind and verb, quotations in «guillemets» with their
speaker, scare quotes in {braces}.

Usage: python tools/sources_eval_show.py [--external DIR] [--part development|held-out]
                                         [--outlet KIND] [ID_PREFIX ...]
The news sentences of FactBank need the external folder (their text is not shipped).
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.eval_sources import load_all  # noqa: E402


def render(record: dict) -> str:
    text = record["text"]
    marks: list[tuple[int, int, str]] = []
    for s in record["sources"]:
        marks += [(s["start"], 1, "["), (s["end"], 0, f"]<{s['kind']}:{s['verb']}:{s['mode'][0]}>")]
    for q in record["quotes"]:
        who = q["speaker"] or "-"
        if q["resolved"] and q["resolved"] != q["speaker"]:
            who += f"={q['resolved']}"
        marks += [(q["start"], 2, "«"), (q["end"], -1, f"»<{who}>")]
    for sc in record.get("scare", []):
        marks += [(sc["start"], 2, "{"), (sc["end"], -1, "}")]
    out, pos = [], 0
    for at, _, mark in sorted(marks, key=lambda m: (m[0], m[1])):
        out += [text[pos:at], mark]
        pos = at
    out.append(text[pos:])
    return "".join(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--external")
    ap.add_argument("--part")
    ap.add_argument("--outlet")
    ap.add_argument("ids", nargs="*")
    args = ap.parse_args()
    records, absent = load_all(Path(args.external) if args.external else None)
    if absent:
        print(f"# {absent}")
    for r in records:
        if args.part and r["part"] != args.part or args.outlet and r["outlet_kind"] != args.outlet:
            continue
        if args.ids and not any(r["id"].startswith(i) for i in args.ids):
            continue
        print(f"{r['id']} [{r['part']} | {r['outlet_kind']} | {r['stratum']}]")
        print(f"  P: {r['previous'][-200:]}")
        print(f"  T: {render(r)}")
        if r["note"]:
            print(f"  note: {r['note']}")


if __name__ == "__main__":
    main()
