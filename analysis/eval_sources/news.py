"""The news sentences of the sourcing evaluation set whose text may not be shipped.

FactBank's sentences (NYT, WSJ, AP, Xinhua, CNN, ABC, VOA, PRI; the LDC's text, read from the
external evaluation folder, see :mod:`analysis.validate.datasets`) are annotated in
data/eval/sources/news_gold.jsonl by offsets only. The offsets refer to the sentence after
:func:`detokenise`, which undoes the Penn Treebank tokenisation the corpus carries (``` ``…'' ```
for quotation marks, ``ca n't``, a space before punctuation), so that a detector meets the
text as a newspaper printed it. Each unit records the SHA-256 of that text: a different copy
of the corpus is refused, not silently misread.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from pathlib import Path
from typing import Any

from analysis import paths

FACTBANK = "hedging_news_factbank/factbank_dev.csv"  # relative to the external folder

_PTB = (
    (re.compile(r"'''"), "’”"),
    (re.compile(r"``\s*"), "“"),
    (re.compile(r"\s*''"), "”"),
    (re.compile(r"`"), "‘"),
    (re.compile(r"\b([Cc])a n't\b"), r"\1an't"),
    (re.compile(r"\b([Ww])o n't\b"), r"\1on't"),
    (re.compile(r" n't\b"), "n't"),
    (re.compile(r" ([,.;:?!%])(?=\s|$|[”\"’)])"), r"\1"),
    (re.compile(r"\( "), "("),
    (re.compile(r" \)"), ")"),
)


def detokenise(text: str) -> str:
    """FactBank's sentence as printed: PTB quotation marks back to curly ones, contractions
    joined, no space before punctuation. Deterministic; offsets in the gold refer to its output."""
    for pattern, repl in _PTB:
        text = pattern.sub(repl, text)
    return text


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def factbank_sentences(path: Path) -> dict[tuple[str, str], str]:
    """(document, sentence id) -> detokenised sentence, from the external CSV."""
    with path.open(encoding="utf-8", newline="") as fh:
        return {(r["document"], r["sentence_id"]): detokenise(r["text"]) for r in csv.DictReader(fh)}


REPORTING = re.compile(
    r"[\"“”]|\b(?:said|says|say|told|tells|according to|reported|reports|announced|claimed|claims|"
    r"warned|warn|argued|argue|added|insisted|stated|denied|confirmed|believes?|believed|estimated|"
    r"estimates|predicted|noted|explained|suggested|suggests|acknowledged|admitted|disclosed|"
    r"asserted|contends?|contended|maintains?|maintained|quoted|cited|alleged|allege|accused|"
    r"complained|thinks?|expects?|expected)\b", re.I)
ANONYMOUS_CUE = re.compile(
    r"\b(?:officials?|sources?|analysts?|experts?|spokes(?:man|woman|person|people|men|women)|"
    r"critics?|observers?|diplomats?|aides?|residents?|witnesses|traders?|economists?|executives?|"
    r"investors?|dealers?|insiders?|scientists|researchers|someone|somebody|familiar with|close to|"
    r"anonymity|anonymous|not to be (?:named|identified)|a report|reports|a study|a survey|"
    r"a person|people)\b", re.I)


def stratum(text: str) -> str:
    """The selection stratum of a unit (tools/sources_news_select.py): ``anonymous_cue`` (a
    reporting cue and a word that often names an unnamed source), ``reporting_cue`` (a
    reporting cue without one) or ``plain``. Plain regular expressions, not the detector."""
    if not REPORTING.search(text):
        return "plain"
    return "anonymous_cue" if ANONYMOUS_CUE.search(text) else "reporting_cue"


HERE = paths.EVAL / "sources"
UNITS = HERE / "news_units.jsonl"
NEWS_GOLD = HERE / "news_gold.jsonl"
KINDS = ("person", "organisation", "government", "document", "anonymous")


class TextMismatch(Exception):
    """The external copy of a corpus does not hold the text the annotations were made on."""


def load_units(path: Path = UNITS) -> list[dict[str, Any]]:
    """The chosen news units, in file order (see tools/sources_news_select.py)."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def unit_texts(units: list[dict[str, Any]], root: Path | None) -> dict[str, tuple[str, str]]:
    """unit id -> (text, previous). EmoBank's text is shipped in the units file; FactBank's is
    read from ``root`` (:class:`analysis.validate.datasets.Absent` when it is not there) and
    checked against the SHA-256 recorded at selection time."""
    from analysis.validate.datasets import external_file  # the harness's rule for external sets

    out: dict[str, tuple[str, str]] = {}
    factbank: dict[tuple[str, str], str] | None = None
    for u in units:
        if u["corpus"] == "emobank":
            out[u["id"]] = (u["text"], u["previous"])
            continue
        if factbank is None:
            factbank = factbank_sentences(external_file(root, FACTBANK))
        text = factbank.get((u["document"] + ".txt", u["sentence"]), "")
        previous = factbank.get((u["document"] + ".txt", u["previous_sentence"] or ""), "")
        if digest(text) != u["sha256"] or digest(previous) != u["previous_sha256"]:
            raise TextMismatch(f"{u['id']}: the external FactBank text differs from the annotated one")
        out[u["id"]] = (text, previous)
    return out


def _name(span: list[Any] | None, text: str, previous: str) -> str | None:
    if not span:
        return None
    body = text if span[2] == "text" else previous
    return body[span[0] : span[1]]


def load_news(root: Path | None, units: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """The annotated news units as gold records of the same shape as the Guardian set's
    (``text``, ``previous``, ``quotes``, ``sources``, ``scare`` with text and names filled in
    from the texts), plus ``corpus``, ``outlet``, ``outlet_kind``, ``part``, ``stratum``."""
    units = load_units() if units is None else units
    texts = unit_texts(units, root)
    with NEWS_GOLD.open(encoding="utf-8") as fh:
        gold = {g["id"]: g for g in map(json.loads, fh)}
    records = []
    for u in units:
        g = gold[u["id"]]
        text, previous = texts[u["id"]]
        quotes = [{"start": q["start"], "end": q["end"], "text": text[q["start"] : q["end"]],
                   "speaker": _name(q["speaker"], text, previous),
                   "resolved": _name(q["resolved"], text, previous)} for q in g["quotes"]]
        sources = [{"start": s["start"], "end": s["end"], "text": text[s["start"] : s["end"]],
                    "kind": s["kind"], "mode": s["mode"],
                    "verb": text[s["verb"][0] : s["verb"][1]] if s["verb"] else None,
                    "resolved": _name(s["resolved"], text, previous)} for s in g["sources"]]
        scare = [{"start": a, "end": b, "text": text[a:b]} for a, b in g["scare"]]
        records.append({"id": u["id"], "file": u["document"], "paragraph": u["sentence"],
                        "previous": previous, "text": text, "quotes": quotes, "sources": sources,
                        "scare": scare, "note": g["note"], "corpus": u["corpus"],
                        "outlet": u["outlet"], "outlet_kind": u["outlet_kind"], "part": u["part"],
                        "stratum": u["stratum"]})
    return records
