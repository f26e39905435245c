"""Alarm and its sub-scales on the sets that fit them (issue 14), beside the clickbait proxy
of ``checks.alarm``:

- **the project's alarm set** (data/eval/alarm_news/, 330 Guardian paragraphs rated 0-3 for
  alarm framing, with event and framing spans; development and held-out halves by article):
  per half, against the adjudicated ``gold.jsonl``: ROC AUC of the paragraph's ``alarm``
  separating paragraphs rated 2 or more (clearly alarmist) from the rest, Spearman's rank
  correlation with the rating, and the precision and recall of the evidence spans (framing
  evidence against the gold framing spans, event evidence against the gold event spans; a
  span is found when they share a character). Until the gold exists the set is absent.
- **GoodNewsEveryone headlines** (external: the headlines belong to their publishers): ROC
  AUC of ``alarm`` for headlines whose dominant emotion is fear against all others, and the
  share of the annotators' cue words of fear, anger and negative-anticipation headlines that
  a counted alarm span covers (framing only, and with the event vocabulary). Development data.
- **EmoBank arousal** (shipped): Spearman's correlation of ``alarm`` with the mean arousal
  rating, newspaper sentences and SemEval headlines apart. Development data.

A span "counts" when its weight is above 0: negated, distanced and neutral-sense matches are
evidence with weight 0 and are left out. Which categories are framing and which are event
comes from the measure's sub-scales (``Subscale.composite``), so the same code scores any
version of the measure.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from analysis.measures import Measure, get
from analysis.text import paragraph
from analysis.validate import datasets as ds
from analysis.validate import metrics as mt
from analysis.validate.checks import Row, Settings, absent, row
from analysis.validate.scoring import document

ALARM_NEWS = ds.EVAL / "alarm_news"
GOLD = ALARM_NEWS / "gold.jsonl"
GNE = "alarm/goodnewseveryone/gne-release-v1.0.tsv"
GNE_FEAR = "fear"
GNE_CUED = frozenset({"fear", "anger", "negative_anticipation_including_pessimism"})
ALARMIST_AT = 2.0  # a gold rating of 2 or more: "clearly alarmist" (GUIDELINES.md, section 5)
PARTS = ("dev", "heldout")
PART_NAMES = {"dev": "development", "heldout": "held-out"}


@dataclass(frozen=True)
class Unit:
    """One paragraph of the alarm set with its gold: ``rating`` (0-3, half steps where the two
    annotators' ratings were averaged) and spans as (start, end, category)."""

    id: str
    text: str
    previous: str
    rating: float
    spans: tuple[tuple[int, int, str], ...]


def alarm_news(part: str, gold: Path = GOLD, units: Path = ALARM_NEWS / "units.jsonl") -> list[Unit]:
    """The units of one half (``dev`` or ``heldout``) with their gold; :class:`ds.Absent` when
    ``gold`` does not exist yet. Only the requested half is read into the result."""
    if part not in PARTS:
        raise ValueError(f"no alarm_news part {part!r}")
    if not gold.is_file():
        raise ds.Absent(f"{gold.name} (the adjudicated gold of data/eval/alarm_news) does not exist yet")
    records = {r["id"]: r for r in _jsonl(gold)}
    out = []
    for u in _jsonl(units):
        if u["half"] != part:
            continue
        g = records.get(u["id"])
        if g is None:
            raise ValueError(f"{gold.name}: no gold for unit {u['id']}")
        spans = tuple((s["start"], s["end"], s["category"]) for s in g["spans"])
        out.append(Unit(u["id"], u["text"], u.get("previous", ""), float(g["rating"]), spans))
    return out


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def split_categories(m: Measure) -> tuple[frozenset[str], frozenset[str]]:
    """(framing, event) evidence categories: those of the sub-scales in the headline column and
    those of the others. A measure without sub-scales counts every category as framing."""
    if not m.subscales:
        return frozenset(c.name.removeprefix(f"{m.name}_") for c in m.columns), frozenset()
    framing = frozenset(c for s in m.subscales if s.composite for c in s.categories)
    event = frozenset(c for s in m.subscales if not s.composite for c in s.categories)
    return framing, event


@dataclass
class Scored:
    value: float  # the paragraph's alarm
    framing: list[tuple[int, int]]  # counted framing evidence, paragraph offsets
    event: list[tuple[int, int]]


def score_unit(m: Measure, text: str, previous: str = "") -> Scored:
    """The unit as one paragraph read after its previous paragraph (a quotation left open
    there runs on), exactly the offsets of the annotation."""
    framing_cats, event_cats = split_categories(m)
    s = m.score(paragraph(text, previous))
    counted = [e for e in s.evidence if e.weight > 0]
    return Scored(float(s.values[m.name]),
                  [(e.start, e.end) for e in counted if e.category in framing_cats],
                  [(e.start, e.end) for e in counted if e.category in event_cats])


def _overlaps(a: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(min(a[1], b[1]) > max(a[0], b[0]) for b in spans)


def _ratio_rows(dataset: str, metric: str, hits: npt.NDArray[np.float64], totals: npt.NDArray[np.float64],
                s: Settings, part: str) -> Row:
    def stat(i: npt.NDArray[np.intp]) -> float:
        t = totals[i].sum()
        return float(hits[i].sum() / t) if t else float("nan")

    value = stat(np.arange(len(hits)))
    ci = mt.bootstrap_ci(stat, len(hits), s.resamples, s.seed)
    judged = "alarm_event" if metric.startswith("event_") or metric == "cue_recall_with_event" else "alarm"
    return {**row("alarm", dataset, metric, value, ci, int(totals.sum())), "part": PART_NAMES[part],
            "subscale": judged}


def alarm_news_rows(units: Sequence[Unit], part: str, s: Settings, m: Measure | None = None) -> list[Row]:
    """The figures of one half against its gold (see the module docstring). ``n`` is the number
    of paragraphs for AUC and Spearman, of evidence spans for precision, of gold spans for
    recall; intervals resample paragraphs."""
    m = m or get("alarm")
    dataset = f"alarm_news_{part}"
    scored = [score_unit(m, u.text, u.previous) for u in units]
    x = np.array([sc.value for sc in scored])
    rating = np.array([u.rating for u in units])
    y = (rating >= ALARMIST_AT).astype(int)
    tag = {"part": PART_NAMES[part], "subscale": "alarm"}
    rows = [
        {**row("alarm", dataset, "roc_auc", mt.roc_auc(x, y),
               mt.bootstrap_ci(lambda i: mt.roc_auc(x[i], y[i]), len(x), s.resamples, s.seed), len(x)), **tag},
        {**row("alarm", dataset, "spearman_r", mt.spearman(x, rating),
               mt.bootstrap_ci(lambda i: mt.spearman(x[i], rating[i]), len(x), s.resamples, s.seed),
               len(x)), **tag},
    ]
    for kind, gold_cats in (("framing", frozenset({"loaded", "fear", "conflict"})), ("event", frozenset({"event"}))):
        found = [getattr(sc, kind) for sc in scored]
        gold = [[(a, b) for a, b, c in u.spans if c in gold_cats] for u in units]
        p_hit = np.array([sum(_overlaps(e, g) for e in f) for f, g in zip(found, gold, strict=True)], float)
        p_all = np.array([len(f) for f in found], float)
        r_hit = np.array([sum(_overlaps(g1, f) for g1 in g) for f, g in zip(found, gold, strict=True)], float)
        r_all = np.array([len(g) for g in gold], float)
        prefix = "" if kind == "framing" else "event_"
        rows.append(_ratio_rows(dataset, f"{prefix}span_precision", p_hit, p_all, s, part))
        rows.append(_ratio_rows(dataset, f"{prefix}span_recall", r_hit, r_all, s, part))
    return rows


METRICS = ("roc_auc", "spearman_r", "span_precision", "span_recall", "event_span_precision", "event_span_recall")


def alarm_news_check(s: Settings, parts: Sequence[str] = PARTS) -> list[Row]:
    rows: list[Row] = []
    for part in parts:
        try:
            units = alarm_news(part)
        except ds.Absent as why:
            rows.extend(absent("alarm", f"alarm_news_{part}", METRICS, str(why), PART_NAMES[part]))
            continue
        rows.extend(alarm_news_rows(units, part, s))
    return rows


def gne(root: Path | None) -> pd.DataFrame:
    """GoodNewsEveryone: ``headline``, ``emotion`` (the dominant one) and ``cues`` (the cue
    strings the annotators marked, flattened)."""
    frame = pd.read_csv(ds.external_file(root, GNE), sep="\t", keep_default_na=False, dtype=str)
    cues = [[c for group in _cue_groups(raw) for c in group if c.strip()] for raw in frame["cue"]]
    return pd.DataFrame({"headline": frame["headline"], "emotion": frame["dominant_emotion"], "cues": cues})


def _cue_groups(raw: str) -> list[list[str]]:
    """The cue column's JSON list of lists. Two rows of the release escape a quotation mark
    inside a cue twice (``\\\\"\\\\"``); read as the one escaped mark that was meant."""
    try:
        parsed: list[list[str]] = json.loads(raw or "[]")
    except json.JSONDecodeError:
        parsed = json.loads(raw.replace('\\\\"\\\\"', '\\"'))
    return parsed


def _headline_evidence(m: Measure, text: str) -> tuple[float, list[tuple[int, int]], list[tuple[int, int]]]:
    """A headline's alarm and its counted framing and event spans, offsets into ``text``."""
    framing_cats, event_cats = split_categories(m)
    doc = document(text)
    scored = [(p, m.score(p)) for p in doc.paragraphs]
    value = float(m.summarize(doc, [sc for _, sc in scored])[m.name])
    framing, event = [], []
    for p, sc in scored:
        for e in sc.evidence:
            if e.weight > 0:
                span = (p.start + e.start, p.start + e.end)
                if e.category in framing_cats:
                    framing.append(span)
                elif e.category in event_cats:
                    event.append(span)
    return value, framing, event


def _cue_spans(text: str, cues: Sequence[str]) -> list[tuple[int, int]]:
    low = text.lower()
    out = []
    for c in cues:
        i = low.find(c.lower().strip())
        if i >= 0:
            out.append((i, i + len(c.strip())))
    return out


def gne_check(s: Settings, m: Measure | None = None) -> list[Row]:
    m = m or get("alarm")
    part = PART_NAMES["dev"]
    try:
        frame = gne(s.external)
    except ds.Absent as why:
        return absent("alarm", "goodnewseveryone_headlines", ("roc_auc_fear", "cue_recall", "cue_recall_with_event"),
                      str(why), part)
    scored = [_headline_evidence(m, t) for t in frame["headline"]]
    x = np.array([v for v, _, _ in scored])
    ok = ~np.isnan(x)
    y = (frame["emotion"] == GNE_FEAR).to_numpy().astype(int)
    xs, ys = x[ok], y[ok]
    rows = [{**row("alarm", "goodnewseveryone_headlines", "roc_auc_fear", mt.roc_auc(xs, ys),
                   mt.bootstrap_ci(lambda i: mt.roc_auc(xs[i], ys[i]), len(xs), s.resamples, s.seed), len(xs)),
             "part": part, "subscale": "alarm"}]
    cued = frame["emotion"].isin(GNE_CUED).to_numpy()
    hits_f, hits_any, totals = [], [], []
    for (_, framing, event), text, cues, keep in zip(scored, frame["headline"], frame["cues"], cued, strict=True):
        if not keep:
            continue
        spans = _cue_spans(text, cues)
        totals.append(len(spans))
        hits_f.append(sum(_overlaps(c, framing) for c in spans))
        hits_any.append(sum(_overlaps(c, framing + event) for c in spans))
    t = np.array(totals, float)
    rows.append(_ratio_rows("goodnewseveryone_headlines", "cue_recall", np.array(hits_f, float), t, s, "dev"))
    rows.append(_ratio_rows("goodnewseveryone_headlines", "cue_recall_with_event", np.array(hits_any, float), t, s,
                            "dev"))
    return rows


def emobank_check(s: Settings, m: Measure | None = None) -> list[Row]:
    m = m or get("alarm")
    frame = pd.read_csv(ds.EVAL / "sentiment" / "emobank_news.csv", keep_default_na=False)
    rows = []
    for genre, name in (("newspaper", "emobank_newspaper_arousal"), ("SemEval", "emobank_headlines_arousal")):
        part = frame[frame["genre"] == genre]
        if s.sizes.emobank is not None and s.sizes.emobank < len(part):
            part = part.sample(n=s.sizes.emobank, random_state=ds.SAMPLE_SEED).sort_index()
        x = np.array([_headline_evidence(m, t)[0] for t in part["text"]])
        a = part["arousal"].to_numpy(float)
        ok = ~np.isnan(x)
        xs, ys = x[ok], a[ok]

        def stat(i: npt.NDArray[np.intp], xs: Any = xs, ys: Any = ys) -> float:
            return mt.spearman(xs[i], ys[i])

        rows.append({**row("alarm", name, "spearman_r", mt.spearman(xs, ys),
                           mt.bootstrap_ci(stat, len(xs), s.resamples, s.seed), len(xs)),
                     "part": PART_NAMES["dev"], "subscale": "alarm"})
    return rows


DATASETS = frozenset({"alarm_news_dev", "alarm_news_heldout", "goodnewseveryone_headlines",
                      "emobank_newspaper_arousal", "emobank_headlines_arousal"})


def verdict(r: Row) -> str:
    """The plain-language sentence for a row of this module (``report.verdict`` adds the floor)."""
    metric, dataset = r["metric"], r["dataset"]
    figure = f"{r['value']:.3f} (95% CI {r['ci_low']:.3f}-{r['ci_high']:.3f}, n = {r['n']:,})"
    if dataset.startswith("alarm_news"):
        held = dataset.endswith("heldout")
        where = ("the held-out half of the project's alarm set (Guardian paragraphs, adjudicated gold of two "
                 "blind annotators; scored once, by the final measure)" if held else
                 "the development half of the project's alarm set (the lexicon and rules were tuned on it: "
                 "optimistic)")
        what = {
            "roc_auc": "ROC AUC of alarm separating paragraphs rated clearly alarmist (2 or more of 3) from the rest",
            "spearman_r": "Spearman's correlation of alarm with the paragraph rating (0-3)",
            "span_precision": "of the framing cues alarm counts, the share inside a gold framing span",
            "span_recall": "of the gold framing spans, the share alarm counts a cue in",
            "event_span_precision": "of the event words alarm_event counts, the share inside a gold event span",
            "event_span_recall": "of the gold event spans, the share alarm_event counts a word in",
        }[metric]
        return f"{what}: {figure}, on {where}."
    if dataset == "goodnewseveryone_headlines":
        what = {
            "roc_auc_fear": "ROC AUC of alarm for headlines whose dominant emotion is fear against all others",
            "cue_recall": ("of the annotators' cue words in fear, anger and negative-anticipation headlines, the "
                           "share a counted framing cue covers"),
            "cue_recall_with_event": "the same share, counting the event vocabulary (alarm_event) too",
        }[metric]
        return (f"{what}: {figure}. GoodNewsEveryone (Bostan, Kim & Klinger 2020), development data. Most "
                "cues of emotion in headlines are the event's own words, which alarm leaves to alarm_event: "
                "a framing measure is not expected to reach a topic label.")
    genre = "newspaper sentences" if "newspaper" in dataset else "headlines"
    return (f"Spearman's correlation of alarm with the mean arousal rating of EmoBank {genre}: {figure}. "
            "Development data; arousal is any excitement, calm to excited, not alarm.")


def run(s: Settings, parts: Sequence[str] = PARTS) -> list[Row]:
    """Every alarm figure of this module, the project's set first."""
    return alarm_news_check(s, parts) + gne_check(s) + emobank_check(s)
