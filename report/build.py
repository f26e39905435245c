"""One self-contained HTML report of an article (and a PDF printed from it by Chromium).

The report holds the article's highlighted text, the narrative arc and heatmap, the summary
table, the comparison views when other coverage is given, a methods paragraph to paste into
a paper, and the provenance of every figure. It needs nothing but itself to be read: CSS is
inline, figures are inline SVG rendered by kaleido (``report.figures``) and cleaned, there is
no script, and a Content-Security-Policy meta forbids scripts and any request (images only
as data: URIs). Every piece of user text (article, file names, terms) is escaped here or by
the builders it comes from (``views.highlight``, ``views.charts``), with ``views.escape.html``.
"""

from __future__ import annotations

import math
import subprocess
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from analysis import export
from analysis.measures import HEADLINE, REGISTRY, Column, Measure
from analysis.pipeline import Analysis
from analysis.validate import stored
from report import figures, methods
from report.style import CSS
from views import charts, compare_charts, highlight
from views.escape import html as esc

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"
REPORT_WIDTH = 920  # px: the figures' width, close to the page's text width so fonts print at size
CHROMIUM_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer")


def number(value: object) -> str:
    """A cell of a table that is not a measure's column: whole numbers with thousands
    separators, other numbers with two decimals, NaN as "n/a"; text escaped."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return esc(value)
    if not math.isfinite(float(value)):
        return "n/a"
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"


def in_breakdown(col: Column, measures: Sequence[Measure] = REGISTRY) -> bool:
    """Whether a column belongs in the breakdown rather than the summary, read from the
    declarations alone: a count without a direction (what a formula was computed on), or a
    part of its measure's composite (a column named after the measure) with the same unit and
    direction: a category's rate. A sub-scale is never in the breakdown (it stands under its
    composite), nor is the category of a researcher's dictionary (a dictionary has no composite:
    each category is a figure of its own)."""
    if not col.direction:
        return True
    measure = next((m for m in measures if col in m.columns), None)
    if measure is None:
        return False
    if any(s.name == col.name for s in measure.subscales):
        return False
    main = measure.column(measure.name)
    return main is not None and col is not main and (col.unit, col.direction) == (main.unit, main.direction)


def _row(col: Column, value: object, css: str = "", note: str = "") -> str:
    cls = f' class="{css}"' if css else ""
    extra = f' <span class="part">{esc(note)}</span>' if note else ""
    return (f"<tr{cls}><th scope=\"row\">{esc(col.label)}{extra}</th><td class=\"num\">{esc(col.format(value))}</td>"
            f"<td>{esc(col.unit)}</td><td>{esc(col.direction or '')}</td></tr>")


def summary_table(summary: pd.DataFrame, breakdown: bool = False,
                  measures: Sequence[Measure] = REGISTRY) -> str:
    """The article-level values with what each means: label, value, unit, direction. The
    headline measures first, each composite followed by its sub-scales (marked "in the
    composite" or "not in <composite>": alarm's event vocabulary, hedging's vagueness), then
    every other figure (``in_breakdown`` false), the categories of a researcher's dictionaries
    included; or with ``breakdown`` the parts: the per-category rates and the counts the
    formulas use. ``measures``: the analysis's own (``Analysis.measures``)."""
    row = summary.iloc[0]
    declared = {c.name: c for m in measures for c in m.columns}
    composites = {m.name: m for m in measures if m.subscales and m.column(m.name) is not None}
    under = {s.name for m in composites.values() for s in m.subscales}
    order = [n for n in HEADLINE if n in declared] + [c.name for m in measures for c in m.columns]
    body = []
    for name in dict.fromkeys(order):
        col = declared[name]
        if name in under or name not in summary.columns or col.unit == "text" or in_breakdown(col, measures) != breakdown:
            continue
        body.append(_row(col, row[name], "headline" if name in HEADLINE else ""))
        if breakdown or name not in composites:
            continue
        for sub in composites[name].subscales:
            if sub.name in summary.columns and sub.name in declared:
                note = "in the composite" if sub.composite else f"not in {col.label}: counted apart"
                body.append(_row(declared[sub.name], row[sub.name], "sub", note))
    return ('<table class="summary"><thead><tr><th>Measure</th><th>Whole article</th><th>Unit</th>'
            "<th>Direction</th></tr></thead><tbody>" + "".join(body) + "</tbody></table>")


def frame_table(frame: pd.DataFrame, caption: str = "") -> str:
    """A small frame as an escaped HTML table (numbers right-aligned, NaN as n/a)."""
    head = "".join(f"<th>{esc(c)}</th>" for c in frame.columns)
    rows = []
    for rec in frame.itertuples(index=False):
        cells = "".join(f'<td class="num">{number(v)}</td>' if isinstance(v, int | float) and not isinstance(v, bool)
                        else f"<td>{esc(v)}</td>" for v in rec)
        rows.append(f"<tr>{cells}</tr>")
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    return f'<table class="data">{cap}<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def figure(fig: go.Figure, caption: str, key: str) -> str:
    """A plotly figure as a cleaned inline SVG with its caption."""
    # the caption is the figcaption (selectable text), not drawn into the SVG a second time
    svg = figures.clean_svg(figures.svg(fig, "", figures.ImageOptions(width=REPORT_WIDTH)), f"fig-{key}")
    return f'<figure class="chart" id="{esc(key)}">{svg}<figcaption>{esc(caption)}</figcaption></figure>'


def caption(result: Analysis, what: str) -> str:
    v = result.meta["versions"]
    measures = ", ".join(f"{k.split(':', 1)[1]} {val}" for k, val in v.items() if k.startswith("measure:"))
    return f"{what}. Article: {result.name} (sha256 {result.meta['sha256'][:12]}). Narrative Lens {v['analysis']}; {measures}."


def article_figures(result: Analysis, shown: Sequence[str] | None = None) -> dict[str, tuple[go.Figure, str]]:
    """The charts of one article, each with its caption: what the pages show and export.
    ``shown``: the columns drawn (what the home page's picker chose; default the headline four)."""
    summary = {str(k): v for k, v in result.summary.iloc[0].to_dict().items()}
    names = list(shown) if shown else list(HEADLINE)
    what = "each headline measure" if names == list(HEADLINE) else "each chosen measure"
    return {
        "arc": (charts.arc(result.paragraphs, result.name, article=summary, measures=names, info=result.column_info),
                caption(result, f"The narrative arc: {what} over the paragraphs")),
        "heatmap": (charts.heatmap(result.paragraphs, result.name, measures=names, info=result.column_info),
                    caption(result, "Paragraphs compared on one scale (z-scores within the article)")),
    }


def comparison_section(results: Sequence[Analysis]) -> str:
    from analysis import compare  # the comparison engine is loaded only for a report that compares

    result = compare.compare(results)
    focus = results[0]
    names = ", ".join(result.articles["article"].iloc[1:])
    figs = compare_charts.all_figures(result)
    titles = {"profile": "Profile of every article on each measure (dot: article level; bar: middle half of "
                         "its paragraphs)",
              "arcs": "Arcs aligned on relative position in the article",
              "words": "Words that distinguish the focus article (weighted log-odds, Monroe et al. 2008)",
              "coverage": "Which focus paragraphs other outlets also carry"}
    parts = [f"<p>Compared with {len(results) - 1} other report(s): {esc(names)}.</p>"]
    for key, fig in figs.items():
        parts.append(figure(fig, caption(focus, titles[key]) + f" Compared with: {names}.", f"compare-{key}"))
    cover = export.joined(result.coverage)
    shown = {"focus_paragraph": "focus ¶", "status": "carried", "outlets": "by"}
    parts.append(frame_table(cover[[c for c in shown if c in cover.columns]].rename(columns=shown),
                             "Claim coverage per focus paragraph"))
    return "".join(parts)


def build_html(results: Sequence[Analysis], validation: dict[str, object] | None = None,
               when: datetime | None = None, shown: Sequence[str] | None = None) -> str:
    """The report of ``results[0]``; the other results are comparison coverage. ``shown``: the
    columns its arc and heatmap draw (default: the four headline measures)."""
    if not results:
        raise ValueError("a report needs at least one article")
    focus = results[0]
    when = when or datetime.now(UTC)
    figs = "".join(figure(fig, cap, key) for key, (fig, cap) in article_figures(focus, shown).items())
    headings = [(h.start, h.text) for h in focus.document.headings]
    measures = list(dict.fromkeys(focus.evidence["measure"]))
    text = (highlight.measure_style(measures) + highlight.legend(focus.evidence, measures)
            + highlight.headline(focus.text, focus.headline, focus.headline_evidence)
            + highlight.render(focus.text, focus.paragraphs, focus.evidence, headings))
    compared = comparison_section(results) if len(results) > 1 else ""
    v = focus.meta["versions"]
    prov = export.provenance(results, tables=["summary", "paragraphs", "evidence"], when=when)
    inputs = "".join(f"<li>{esc(i['file'])} <code>sha256 {esc(i['sha256'])}</code></li>" for i in prov["inputs"])
    vers = "".join(f"<li>{esc(k)}: {esc(val)}</li>" for k, val in v.items())
    sections = [
        f"<header><p class=\"kicker\">Narrative Lens report</p><h1>{esc(focus.name)}</h1>"
        f"<p class=\"meta\">{int(focus.summary['words'].iloc[0]):,} words in {len(focus.paragraphs)} paragraphs · "
        f"generated {esc(when.isoformat(timespec='seconds'))} · Narrative Lens {esc(v['analysis'])}</p></header>",
        f"<section><h2>Summary</h2>{summary_table(focus.summary, measures=focus.measures)}"
        f"<details open><summary>Breakdown: per category, and the counts behind the formulas</summary>"
        f"{summary_table(focus.summary, True, focus.measures)}</details>"
        "</section>",
        f"<section><h2>Figures</h2>{figs}</section>",
        f"<section class=\"text\"><h2>The article, with its evidence highlighted</h2>{text}</section>",
    ]
    if compared:
        sections.append(f"<section><h2>Other coverage of the story</h2>{compared}</section>")
    sections += [
        f"<section class=\"methods\"><h2>Methods</h2>"
        f"{methods.as_html(validation, compared=bool(compared), measures=focus.measures, versions=v)}</section>",
        f"<section class=\"prov\"><h2>Provenance</h2><ul>{inputs}</ul><ul class=\"versions\">{vers}</ul></section>",
    ]
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<meta name=\"generator\" content=\"Narrative Lens {esc(v['analysis'])}\">"
            f"<title>{esc(focus.name)} · Narrative Lens report</title><style>{CSS}</style></head>"
            f"<body><main>{''.join(sections)}</main></body></html>")


def pdf(document: str, timeout: float = 120) -> bytes:
    """``document`` printed to PDF by the system Chromium (headless, offline, A4)."""
    with tempfile.TemporaryDirectory(prefix="nl-report-") as tmp:
        src, out = Path(tmp) / "report.html", Path(tmp) / "report.pdf"
        src.write_text(document, encoding="utf-8")
        cmd = [figures.CHROMIUM, *CHROMIUM_ARGS, f"--user-data-dir={tmp}/profile",
               f"--print-to-pdf={out}", src.as_uri()]
        proc = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
        if not out.exists() or out.stat().st_size == 0:
            raise RuntimeError(f"Chromium did not print the PDF (exit {proc.returncode}): "
                               f"{proc.stderr.decode(errors='replace')[-500:]}")
        return out.read_bytes()


def write(results: Sequence[Analysis], out: str | Path, pdf_path: str | Path | None = None,
          validation: dict[str, object] | None = None) -> list[Path]:
    """Write the HTML report (and the PDF) atomically; returns the paths written."""
    document = build_html(results, validation if validation is not None else stored.load())
    written = [export.atomic_write(out, document.encode("utf-8"))]
    if pdf_path:
        written.append(export.atomic_write(pdf_path, pdf(document)))
    return written
