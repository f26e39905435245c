"""The one reader of data/validation.json, for every view (the Methods page, Who speaks, the
report's methods paragraph): the document exactly as ``python -m analysis validate --write``
wrote it (schema in :mod:`analysis.validate`), or None when it has not been written or cannot
be read. Nothing is computed or invented here; ``rows`` filters, ``dataset_label`` names a set
for a reader.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from analysis import paths

Document = dict[str, Any]

# What each evaluation set is, for a reader (data/eval/README.md has the sources and licences).
# The readability sets are "onestopenglish:<column>" and are named by the formula's label.
DATASETS = {
    "nyt_editorial": "NYT editorial sentences (Hutto & Gilbert 2014)",
    "emobank_newspaper": "EmoBank newspaper sentences (Buechel & Hahn 2017)",
    "emobank_headlines": "EmoBank news headlines (Buechel & Hahn 2017)",
    "wikipedia_uncertainty_heldout": "Wikipedia uncertainty sentences (CoNLL-2010), held-out part",
    "wikipedia_uncertainty_train": "Wikipedia uncertainty sentences (CoNLL-2010), tuning part",
    "onestopenglish_may_readings": "every 'may' in 189 Guardian texts (OneStopEnglish), read by the project",
    "clickbait_vs_news_headlines": "clickbait vs news headlines (Chakraborty et al. 2016; weak proxy)",
    "wikipedia_weasel_heldout": "Wikipedia uncertainty sentences (CoNLL-2010), held-out part, weasel sub-scale",
    "wikipedia_weasel_train": "Wikipedia uncertainty sentences (CoNLL-2010), tuning part, weasel sub-scale",
    "factbank_news_dev": "FactBank news sentences with expert uncertainty cues (Szarvas et al. 2012), development half",
    "factbank_news_heldout": "FactBank news sentences with expert uncertainty cues (Szarvas et al. 2012), held-out half",
    "emobank_newspaper_arousal": "EmoBank newspaper sentences, arousal (Buechel & Hahn 2017)",
    "emobank_headlines_arousal": "EmoBank news headlines, arousal (Buechel & Hahn 2017)",
    "goodnewseveryone_headlines": "GoodNewsEveryone headlines with emotions and cues (Bostan, Kim & Klinger 2020)",
    "alarm_news_dev": "330 Guardian paragraphs annotated for alarm framing by the project, development half",
    "alarm_news_heldout": "330 Guardian paragraphs annotated for alarm framing by the project, held-out half",
    "sources_annotated": "588 hand-annotated news units of four kinds of outlet (Guardian, US press, wire, broadcast)",
}
GRADED = "OneStopEnglish graded versions (Vajjala & Lučić 2018)"


def load(path: Path | None = None) -> Document | None:
    """data/validation.json as written, or None when it is absent, unreadable or not a
    validation document (a dict with a ``results`` list); rows that are not objects are
    dropped."""
    path = paths.VALIDATION if path is None else path
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(doc, dict) or not isinstance(doc.get("results"), list):
        return None
    return {**doc, "results": [r for r in doc["results"] if isinstance(r, dict)]}


def rows(doc: Document | None, measure: str | None = None, dataset: str | None = None) -> list[dict[str, Any]]:
    """The result rows of ``doc`` (none when it is None), of one measure and one set if given."""
    return [r for r in (doc or {}).get("results", [])
            if (measure is None or r.get("measure") == measure) and (dataset is None or r.get("dataset") == dataset)]


def dataset_label(dataset: str) -> str:
    """A set's name for a reader: "nyt_editorial" -> "NYT editorial sentences (Hutto & Gilbert 2014)";
    a part of a set ("sources_annotated:wire") is named after the set; an unknown set keeps its id."""
    if dataset in DATASETS:
        return DATASETS[dataset]
    corpus, _, column = dataset.partition(":")
    if corpus in DATASETS and column:  # a part of a set: "sources_annotated:wire"
        return f"{DATASETS[corpus]}, {column.replace('_', ' ')} only"
    if corpus == "onestopenglish" and column:
        from analysis.measures import column as declared

        try:
            return f"{GRADED}, {declared(column).label}"
        except KeyError:
            return f"{GRADED}, {column}"
    return dataset
