"""Choose the news sentences that grow the sourcing evaluation set (issue 15).

Run once, by hand, before any annotation and before the detector is run on them:

    python tools/sources_news_select.py EXTERNAL_DIR [--texts PRIVATE.jsonl]

EXTERNAL_DIR is the external evaluation folder (it holds
``hedging_news_factbank/factbank_dev.csv``). The script writes
``data/eval/sources/news_units.jsonl`` (shipped: ids, outlet, part, stratum; the text only
for EmoBank, whose licence allows it; for FactBank the SHA-256 of the sentence instead) and,
with ``--texts``, a private file with every unit's text and context for the annotator, which
must never be committed (it holds the LDC's text).

The rule, deterministic:

1. **Units.** A unit is one sentence with the sentence before it as context (wire and
   broadcast copy is written one sentence a paragraph). FactBank: its sentences in document
   order, detokenised (``analysis.eval_sources.news.detokenise``). EmoBank newspaper rows:
   ordered by their character offsets; a row whose range lies inside another row's is a
   fragment the corpus split off and is dropped; documents also in FactBank are left to
   FactBank; ``A1`` (two machine-aligned translations of one AFP story) is left out.
   Sentences under ``MIN_WORDS`` words (datelines, sign-offs, "Diane?") are never units.
2. **Outlets.** By the document's name: WSJ and NYT are the US press, AP, APW and Xinhua
   (XIE) wire copy, CNN, ABC, VOA, PRI and the ``ea`` transcript broadcast.
3. **Split by document, before anything is read.** Within each kind of outlet, documents are
   ordered by SHA-256 of ``SEED:document`` and alternate between development and held-out.
4. **Strata.** ``anonymous_cue``: a reporting cue (``REPORTING``: a quotation mark or a
   reporting verb) and a word that often names an unnamed source (``ANONYMOUS_CUE``:
   officials, analysts, a spokesman, people familiar with, ...); ``reporting_cue``: a
   reporting cue without one; ``plain``: neither. The cues are plain regular expressions
   over the text, not the detector.
5. **Sample.** Every ``anonymous_cue`` unit, at most ``PER_DOCUMENT`` per document (drawn at
   random), oversampled on purpose so that the held-out half holds enough anonymous sources
   to measure them; per part and kind of outlet,
   ``PER_REPORTING`` ``reporting_cue`` units and ``PER_PLAIN`` ``plain`` units drawn with
   ``random.Random(SEED)`` from the units in name order. Figures are reported per stratum
   and per kind of outlet, so the oversampling is visible.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.eval_sources.news import FACTBANK, detokenise, digest, stratum  # noqa: E402

EMOBANK = ROOT / "data" / "eval" / "sentiment" / "emobank_news.csv"
OUT = ROOT / "data" / "eval" / "sources" / "news_units.jsonl"
SEED = 15
MIN_WORDS = 6
PER_REPORTING, PER_PLAIN = 20, 8
PER_DOCUMENT = 8  # anonymous_cue units at most per document, so that no long story dominates
OUTLETS = {"wsj": ("WSJ", "us_press"), "nyt": ("NYT", "us_press"), "ap": ("AP", "wire"),
           "apw": ("AP", "wire"), "xie": ("Xinhua", "wire"), "cnn": ("CNN", "broadcast"),
           "abc": ("ABC", "broadcast"), "voa": ("VOA", "broadcast"), "pri": ("PRI", "broadcast"),
           "ea": ("ABC", "broadcast")}


def outlet(document: str) -> tuple[str, str]:
    """(outlet, kind of outlet) from a document's name."""
    low = document.lower()
    if "nyt" in low:
        return OUTLETS["nyt"]
    if "apw" in low:
        return OUTLETS["apw"]
    prefix = re.match(r"[a-z]+", low)
    return OUTLETS[prefix.group() if prefix else ""]



def factbank_units(path: Path) -> list[dict]:
    by_doc: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            by_doc[r["document"]].append((r["sentence_id"], detokenise(r["text"])))
    units = []
    for doc, sentences in by_doc.items():
        for i, (sid, text) in enumerate(sentences):
            prev_id, prev = sentences[i - 1] if i else (None, "")
            units.append({"corpus": "factbank", "document": doc.removesuffix(".txt"), "sentence": sid,
                          "previous_sentence": prev_id, "text": text, "previous": prev})
    return units


def emobank_units(skip_documents: set[str]) -> list[dict]:
    rows: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    with EMOBANK.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["genre"] != "newspaper":
                continue
            doc, start, end = r["id"].rsplit("_", 2)
            if doc in skip_documents or doc == "A1":
                continue
            rows[doc].append((int(start), int(end), r["id"], r["text"]))
    units = []
    for doc, items in rows.items():
        items.sort()
        kept = [a for a in items
                if not any(b is not a and b[0] <= a[0] and a[1] <= b[1] and (b[0], b[1]) != (a[0], a[1])
                           for b in items)]
        seen = set()
        kept = [a for a in kept if not ((a[0], a[1]) in seen or seen.add((a[0], a[1])))]
        for i, (_, _, ident, text) in enumerate(kept):
            prev_id, prev = (kept[i - 1][2], kept[i - 1][3]) if i else (None, "")
            units.append({"corpus": "emobank", "document": doc, "sentence": ident,
                          "previous_sentence": prev_id, "text": text, "previous": prev})
    return units


def split_documents(documents: set[str]) -> dict[str, str]:
    by_kind: dict[str, list[str]] = defaultdict(list)
    for d in documents:
        by_kind[outlet(d)[1]].append(d)
    part = {}
    for docs in by_kind.values():
        docs.sort(key=lambda d: hashlib.sha256(f"{SEED}:{d}".encode()).hexdigest())
        for i, d in enumerate(docs):
            part[d] = "development" if i % 2 == 0 else "held-out"
    return part


def choose(units: list[dict]) -> list[dict]:
    rng = random.Random(SEED)
    parts = split_documents({u["document"] for u in units})
    pools: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for u in units:
        if len(u["text"].split()) < MIN_WORDS:
            continue
        u["outlet"], u["outlet_kind"] = outlet(u["document"])
        u["part"], u["stratum"] = parts[u["document"]], stratum(u["text"])
        pools[(u["part"], u["outlet_kind"], u["stratum"])].append(u)
    chosen = []
    for key in sorted(pools):
        pool = sorted(pools[key], key=lambda u: (u["corpus"], u["document"], u["sentence"]))
        if key[2] == "anonymous_cue":
            by_doc: dict[str, list[dict]] = defaultdict(list)
            for u in pool:
                by_doc[u["document"]].append(u)
            for doc in sorted(by_doc):
                chosen += rng.sample(by_doc[doc], min(PER_DOCUMENT, len(by_doc[doc])))
            continue
        quota = PER_REPORTING if key[2] == "reporting_cue" else PER_PLAIN
        chosen += rng.sample(pool, min(quota, len(pool)))
    return sorted(chosen, key=lambda u: (u["corpus"], u["document"], _order(u["sentence"])))


def _order(sentence: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", sentence))


def shipped(u: dict) -> dict:
    out = {"id": f"{u['corpus']}:{u['sentence'] if u['corpus'] == 'emobank' else u['document'] + ':' + u['sentence']}",
           "corpus": u["corpus"], "document": u["document"], "sentence": u["sentence"],
           "previous_sentence": u["previous_sentence"], "outlet": u["outlet"],
           "outlet_kind": u["outlet_kind"], "part": u["part"], "stratum": u["stratum"]}
    if u["corpus"] == "emobank":
        out.update(previous=u["previous"], text=u["text"])
    else:
        out.update(sha256=digest(u["text"]), previous_sha256=digest(u["previous"]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("external")
    ap.add_argument("--texts", help="private file for the annotator (never commit it)")
    args = ap.parse_args()
    fb = factbank_units(Path(args.external) / FACTBANK)
    units = fb + emobank_units({u["document"] for u in fb})
    chosen = choose(units)
    with OUT.open("w", encoding="utf-8") as fh:
        for u in chosen:
            fh.write(json.dumps(shipped(u), ensure_ascii=False) + "\n")
    if args.texts:
        with open(args.texts, "w", encoding="utf-8") as fh:
            for u in chosen:
                fh.write(json.dumps({**shipped(u), "previous": u["previous"], "text": u["text"]},
                                    ensure_ascii=False) + "\n")
    counts: dict[tuple[str, str, str], int] = defaultdict(int)
    for u in chosen:
        counts[(u["part"], u["outlet_kind"], u["stratum"])] += 1
    for key in sorted(counts):
        print(*key, counts[key])
    print(len(chosen), "units")


if __name__ == "__main__":
    main()
