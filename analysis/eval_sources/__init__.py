"""Precision and recall of the sourcing measure on the hand-annotated paragraph set.

The set: data/eval/sources/gold.jsonl (188 OneStopEnglish/Guardian paragraphs, CC BY-SA 4.0;
see its README and GUIDELINES). Each paragraph is scored on its own with the paragraph
before it as context, exactly as in an article. Three tasks, micro-averaged over paragraphs:

(a) **quotation detection**: a predicted quotation matches a gold one when their inner
    spans (quotation marks and surrounding spaces stripped) overlap by at least half of the
    longer of the two; one-to-one, largest overlap first. ``quote_exact_*`` counts only
    identical inner spans.
(b) **speaker attribution**: over gold quotations with a speaker (as written, or resolved).
    When the gold names who speaks (``resolved``: "he" = Tabata), the prediction's resolved
    name is compared with it; when it does not (an unnamed "she"), the expression as written
    is compared with the gold's. Names match when, normalised (lower case, no titles,
    articles or punctuation), the words of one are a subset of the other's (``Dr Colin
    Moran`` = ``Colin Moran``; ``Scrivener`` = ``Richard Scrivener``). Precision: right /
    matched quotations given a speaker; recall: right / gold quotations with a speaker.
(c) **anonymous-source detection**, per mention: a predicted anonymous source matches a
    gold anonymous source when their spans overlap.

Also reported: source-mention detection of any kind (spans overlap) and, over those
matches, how often the kind (person / organisation / anonymous) agrees. A 95% bootstrap
interval (paragraphs resampled, 1,000 draws, fixed seed) goes with each headline figure.

Run: ``python -m analysis.eval_sources`` (prints JSON; ``--split dev|test`` for one half:
articles alternate between the halves in name order).
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from analysis.sourcing import detect as dt
from analysis.text import paragraph

GOLD = Path(__file__).resolve().parents[2] / "data" / "eval" / "sources" / "gold.jsonl"
_MARKS = "\"“”«»'‘’ \t,.:;"
_TITLES = frozenset("dr dr. mr mrs ms prof professor sir mayor president minister".split())
_ARTICLES = frozenset("the a an".split())
HEADLINE = ("quote_precision", "quote_recall", "quote_f1", "speaker_precision", "speaker_recall",
            "anonymous_precision", "anonymous_recall")


@dataclass(frozen=True)
class PredQuote:
    start: int
    end: int
    speaker: str | None  # the name it resolves to
    written: str | None = None  # the speaker expression as written ("she")


@dataclass(frozen=True)
class PredSource:
    start: int
    end: int
    kind: str


@dataclass
class Counts:
    """True positives and totals of one paragraph (or summed over many)."""

    quote_tp: int = 0
    quote_exact: int = 0
    gold_quotes: int = 0
    pred_quotes: int = 0
    speaker_right: int = 0
    speaker_given: int = 0
    speaker_gold: int = 0
    anon_pred_tp: int = 0
    anon_gold_tp: int = 0
    anon_pred: int = 0
    anon_gold: int = 0
    source_pred_tp: int = 0
    source_gold_tp: int = 0
    source_pred: int = 0
    source_gold: int = 0
    kind_right: int = 0
    kind_pairs: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})


def load(path: Path = GOLD) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def split(records: list[dict[str, Any]], half: str) -> list[dict[str, Any]]:
    """``dev`` or ``test``: articles alternate between the halves in name order."""
    files = sorted({r["file"] for r in records})
    keep = {f for i, f in enumerate(files) if (i % 2 == 0) == (half == "dev")}
    return [r for r in records if r["file"] in keep]


def predict(record: dict[str, Any]) -> tuple[list[PredQuote], list[PredSource]]:
    """The detector's output for one gold paragraph, read after its previous paragraph."""
    found = dt.detect(paragraph(record["text"], record.get("previous", "")))
    quotes = [PredQuote(q.start, q.end, dt.speaker_name(q.speaker) if q.speaker else None,
                        q.speaker.text if q.speaker else None) for q in found.quotes]
    sources = [PredSource(s.start, s.end, s.kind) for s in found.sources]
    return quotes, sources


def inner(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without its quotation marks and the spaces and punctuation next to them."""
    while start < end and text[start] in _MARKS:
        start += 1
    while end > start and text[end - 1] in _MARKS:
        end -= 1
    return start, end


def match_spans(text: str, gold: list[tuple[int, int]], pred: list[tuple[int, int]],
                min_overlap: float = 0.5) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs whose inner spans overlap by at least
    ``min_overlap`` of the longer one, largest overlap first."""
    g_in = [inner(text, *g) for g in gold]
    p_in = [inner(text, *p) for p in pred]
    cands = []
    for i, (gs, ge) in enumerate(g_in):
        for j, (ps, pe) in enumerate(p_in):
            ov = min(ge, pe) - max(gs, ps)
            longest = max(ge - gs, pe - ps, 1)
            if ov > 0 and ov / longest >= min_overlap:
                cands.append((ov, i, j))
    pairs, used_g, used_p = [], set(), set()
    for _, i, j in sorted(cands, reverse=True):
        if i not in used_g and j not in used_p:
            pairs.append((i, j))
            used_g.add(i)
            used_p.add(j)
    return pairs


def normalise(name: str) -> frozenset[str]:
    words = re.findall(r"\w+", name.lower().replace("’", "'"))
    return frozenset(w for w in words if w not in _TITLES and w not in _ARTICLES and w != "s")


def same_speaker(pred: str | None, targets: Iterable[str | None]) -> bool:
    if not pred:
        return False
    p = normalise(pred)
    for t in targets:
        g = normalise(t) if t else frozenset()
        if p and g and (p <= g or g <= p):
            return True
    return False


def speaker_right(pred: PredQuote, gold: dict[str, Any]) -> bool:
    """Resolved name against the gold's resolved name; else as written against as written."""
    if gold["resolved"]:
        return same_speaker(pred.speaker, (gold["resolved"], gold["speaker"]))
    return same_speaker(pred.written or pred.speaker, (gold["speaker"],))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _overlap_matches(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> tuple[int, int]:
    """(pred matched, gold matched) under span overlap."""
    return (sum(1 for p in pred if any(_overlap(p, g) for g in gold)),
            sum(1 for g in gold if any(_overlap(p, g) for p in pred)))


def compare(record: dict[str, Any], quotes: list[PredQuote], sources: list[PredSource]) -> Counts:
    """Count agreements between a gold paragraph and a prediction for it."""
    text = record["text"]
    gq = record["quotes"]
    c = Counts(gold_quotes=len(gq), pred_quotes=len(quotes))
    pairs = match_spans(text, [(g["start"], g["end"]) for g in gq], [(p.start, p.end) for p in quotes])
    c.quote_tp = len(pairs)
    c.quote_exact = sum(1 for i, j in pairs
                        if inner(text, gq[i]["start"], gq[i]["end"]) == inner(text, quotes[j].start, quotes[j].end))
    c.speaker_gold = sum(1 for g in gq if g["speaker"] or g["resolved"])
    for i, j in pairs:
        if quotes[j].speaker:
            c.speaker_given += 1
            c.speaker_right += speaker_right(quotes[j], gq[i])
    gs = record["sources"]
    g_anon = [(s["start"], s["end"]) for s in gs if s["kind"] == "anonymous"]
    p_anon = [(s.start, s.end) for s in sources if s.kind == "anonymous"]
    c.anon_pred, c.anon_gold = len(p_anon), len(g_anon)
    c.anon_pred_tp, c.anon_gold_tp = _overlap_matches(g_anon, p_anon)
    g_all = [(s["start"], s["end"]) for s in gs]
    p_all = [(s.start, s.end) for s in sources]
    c.source_pred, c.source_gold = len(p_all), len(g_all)
    c.source_pred_tp, c.source_gold_tp = _overlap_matches(g_all, p_all)
    for g in gs:
        hit = next((s for s in sources if _overlap((s.start, s.end), (g["start"], g["end"]))), None)
        if hit is not None:
            c.kind_pairs += 1
            c.kind_right += hit.kind == g["kind"]
    return c


def _ratio(a: int, b: int) -> float:
    return a / b if b else float("nan")


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else float("nan")


def figures(c: Counts) -> dict[str, float]:
    qp, qr = _ratio(c.quote_tp, c.pred_quotes), _ratio(c.quote_tp, c.gold_quotes)
    ap, ar = _ratio(c.anon_pred_tp, c.anon_pred), _ratio(c.anon_gold_tp, c.anon_gold)
    sp, sr = _ratio(c.speaker_right, c.speaker_given), _ratio(c.speaker_right, c.speaker_gold)
    return {
        "quote_precision": qp, "quote_recall": qr, "quote_f1": _f1(qp, qr),
        "quote_exact_precision": _ratio(c.quote_exact, c.pred_quotes),
        "quote_exact_recall": _ratio(c.quote_exact, c.gold_quotes),
        "speaker_precision": sp, "speaker_recall": sr, "speaker_f1": _f1(sp, sr),
        "anonymous_precision": ap, "anonymous_recall": ar, "anonymous_f1": _f1(ap, ar),
        "source_precision": _ratio(c.source_pred_tp, c.source_pred),
        "source_recall": _ratio(c.source_gold_tp, c.source_gold),
        "source_kind_accuracy": _ratio(c.kind_right, c.kind_pairs),
    }


def evaluate(records: list[dict[str, Any]] | None = None, draws: int = 1000, seed: int = 20261127) -> dict[str, Any]:
    """Precision, recall and F1 of the three tasks on ``records`` (default: the whole
    gold set), the counts they come from and 95% bootstrap intervals."""
    records = load() if records is None else records
    per = [compare(r, *predict(r)) for r in records]
    total = sum(per, Counts())
    out: dict[str, Any] = {"paragraphs": len(records), "counts": total.__dict__.copy()}
    out.update(figures(total))
    rng = random.Random(seed)
    keys = HEADLINE
    samples: dict[str, list[float]] = {k: [] for k in keys}
    for _ in range(draws if per else 0):
        f = figures(sum((rng.choice(per) for _ in per), Counts()))
        for k in keys:
            if f[k] == f[k]:
                samples[k].append(f[k])
    out["ci95"] = {k: _interval(v) for k, v in samples.items()}
    return out


def results(fast: bool = False) -> list[dict[str, Any]]:
    """Rows for the validation harness (``python -m analysis validate``): the headline
    figures on the held-out half (the rules were tuned on the other) and on the whole set,
    each with its 95% bootstrap interval and the count it is a share of."""
    records = load()
    draws = 200 if fast else 1000
    rows = []
    for dataset, subset in (("onestopenglish_paragraphs_heldout", split(records, "test")),
                            ("onestopenglish_paragraphs_all", records)):
        result = evaluate(subset, draws=draws)
        c = result["counts"]
        n = {"quote_precision": c["pred_quotes"], "quote_recall": c["gold_quotes"],
             "quote_f1": c["gold_quotes"], "speaker_precision": c["speaker_given"],
             "speaker_recall": c["speaker_gold"], "anonymous_precision": c["anon_pred"],
             "anonymous_recall": c["anon_gold"]}
        for metric in HEADLINE:
            lo, hi = result["ci95"][metric]
            rows.append({"dataset": dataset, "metric": metric, "value": result[metric],
                         "ci_low": lo, "ci_high": hi, "n": n[metric]})
    return rows


def _interval(values: list[float]) -> list[float]:
    if not values:
        return [float("nan"), float("nan")]
    values = sorted(values)
    return [values[int(0.025 * (len(values) - 1))], values[int(0.975 * (len(values) - 1))]]


def main(argv: list[str]) -> int:
    records = load()
    if "--split" in argv:
        records = split(records, argv[argv.index("--split") + 1])
    result = evaluate(records)
    print(json.dumps(result, indent=2, default=lambda x: None))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
