"""How one prediction is compared with one gold unit, and the figures that come of it.

(a) **quotations**: a predicted quotation matches a gold one when their inner spans
    (quotation marks and surrounding spaces stripped) overlap by at least half of the longer
    of the two; one-to-one, largest overlap first. ``quote_exact_*`` counts identical inner
    spans only.
(b) **the speaker of a quotation**: over gold quotations with a speaker (as written, or
    resolved). When the gold names who speaks (``resolved``), the prediction's resolved name
    is compared with it; when it does not (an unnamed "she"), the expression as written.
    Names match when, normalised (lower case, no titles, articles or punctuation), the words
    of one are a subset of the other's. Precision: right / matched quotations given a
    speaker; recall ("the speaker is right"): right / gold quotations with a speaker.
(c) **source mentions**, one-to-one: a predicted mention matches a gold mention when their
    spans overlap (largest overlap first, each used once), so that one source counted twice
    costs precision. ``source_*`` ignores the kind; ``<kind>_*`` matches a predicted mention
    of that kind with a gold mention of the same kind (kinds: person, organisation,
    government, document, anonymous; ``named`` pools the first four, the line drawn by the
    ``named_sources`` column); ``kind_accuracy`` is the share of matched pairs whose kinds
    agree.
(d) **scare quotes**: predicted and gold quoted spans that are not speech, matched like
    quotations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any

KINDS = ("person", "organisation", "government", "document", "anonymous")
NAMED = frozenset(KINDS[:4])
_MARKS = "\"“”«»'‘’ \t,.:;"
_TITLES = frozenset("dr dr. mr mrs ms prof professor sir mayor president minister".split())
_ARTICLES = frozenset("the a an".split())


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
    """True positives and totals of one unit (or summed over many). ``kinds`` maps a kind
    (and ``named``) to [matched, predicted, gold]."""

    quote_tp: int = 0
    quote_exact: int = 0
    gold_quotes: int = 0
    pred_quotes: int = 0
    speaker_right: int = 0
    speaker_given: int = 0
    speaker_gold: int = 0
    source_tp: int = 0
    source_pred: int = 0
    source_gold: int = 0
    kind_right: int = 0
    scare_tp: int = 0
    scare_pred: int = 0
    scare_gold: int = 0
    kinds: dict[str, list[int]] = field(default_factory=dict)

    def __add__(self, other: Counts) -> Counts:
        out = Counts(**{f.name: getattr(self, f.name) + getattr(other, f.name)
                        for f in fields(self) if f.name != "kinds"})
        for d in (self.kinds, other.kinds):
            for k, v in d.items():
                acc = out.kinds.setdefault(k, [0, 0, 0])
                for i in range(3):
                    acc[i] += v[i]
        return out

    def plain(self) -> dict[str, Any]:
        out: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "kinds"}
        for k in (*KINDS, "named"):
            tp, pred, gold = self.kinds.get(k, [0, 0, 0])
            out.update({f"{k}_tp": tp, f"{k}_pred": pred, f"{k}_gold": gold})
        return out


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
    return _greedy(cands)


def match_overlap(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs of overlapping spans, largest overlap first."""
    cands = [(min(ge, pe) - max(gs, ps), i, j)
             for i, (gs, ge) in enumerate(gold) for j, (ps, pe) in enumerate(pred)
             if min(ge, pe) > max(gs, ps)]
    return _greedy(cands)


def _greedy(cands: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    pairs, used_g, used_p = [], set(), set()
    for _, i, j in sorted(cands, key=lambda c: (-c[0], c[1], c[2])):
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


def _kind_counts(gold: list[tuple[int, int, str]], pred: list[tuple[int, int, str]],
                 group: frozenset[str]) -> list[int]:
    g = [(s, e) for s, e, k in gold if k in group]
    p = [(s, e) for s, e, k in pred if k in group]
    return [len(match_overlap(g, p)), len(p), len(g)]


def compare(record: dict[str, Any], quotes: list[PredQuote], sources: list[PredSource],
            scare: list[tuple[int, int]] = ()) -> Counts:  # type: ignore[assignment]
    """Count agreements between a gold unit and a prediction for it."""
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
    g_all = [(s["start"], s["end"], s["kind"]) for s in record["sources"]]
    p_all = [(s.start, s.end, s.kind) for s in sources]
    matched = match_overlap([(s, e) for s, e, _ in g_all], [(s, e) for s, e, _ in p_all])
    c.source_tp, c.source_pred, c.source_gold = len(matched), len(p_all), len(g_all)
    c.kind_right = sum(1 for i, j in matched if g_all[i][2] == p_all[j][2])
    c.kinds = {k: _kind_counts(g_all, p_all, frozenset((k,))) for k in KINDS}
    c.kinds["named"] = _kind_counts(g_all, p_all, NAMED)
    g_scare = [(s["start"], s["end"]) for s in record.get("scare", [])]
    c.scare_tp, c.scare_pred, c.scare_gold = len(match_spans(text, g_scare, list(scare))), len(scare), len(g_scare)
    return c


def _ratio(a: int, b: int) -> float:
    return a / b if b else float("nan")


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else float("nan")


def figures(c: Counts) -> dict[str, float]:
    qp, qr = _ratio(c.quote_tp, c.pred_quotes), _ratio(c.quote_tp, c.gold_quotes)
    sp, sr = _ratio(c.speaker_right, c.speaker_given), _ratio(c.speaker_right, c.speaker_gold)
    out = {
        "quote_precision": qp, "quote_recall": qr, "quote_f1": _f1(qp, qr),
        "quote_exact_precision": _ratio(c.quote_exact, c.pred_quotes),
        "quote_exact_recall": _ratio(c.quote_exact, c.gold_quotes),
        "speaker_precision": sp, "speaker_recall": sr, "speaker_f1": _f1(sp, sr),
        "source_precision": _ratio(c.source_tp, c.source_pred),
        "source_recall": _ratio(c.source_tp, c.source_gold),
        "kind_accuracy": _ratio(c.kind_right, c.source_tp),
        "scare_precision": _ratio(c.scare_tp, c.scare_pred),
        "scare_recall": _ratio(c.scare_tp, c.scare_gold),
    }
    for k in (*KINDS, "named"):
        tp, pred, gold = c.kinds.get(k, [0, 0, 0])
        p, r = _ratio(tp, pred), _ratio(tp, gold)
        out.update({f"{k}_precision": p, f"{k}_recall": r, f"{k}_f1": _f1(p, r)})
    return out


def denominators(c: Counts) -> dict[str, int]:
    """The count each figure is a share of (its ``n``)."""
    out = {"quote_precision": c.pred_quotes, "quote_recall": c.gold_quotes, "quote_f1": c.gold_quotes,
           "speaker_precision": c.speaker_given, "speaker_recall": c.speaker_gold,
           "source_precision": c.source_pred, "source_recall": c.source_gold, "kind_accuracy": c.source_tp,
           "scare_precision": c.scare_pred, "scare_recall": c.scare_gold}
    for k in (*KINDS, "named"):
        _, pred, gold = c.kinds.get(k, [0, 0, 0])
        out.update({f"{k}_precision": pred, f"{k}_recall": gold})
    return out
