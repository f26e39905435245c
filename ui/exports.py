"""Download buttons for the pages: each chart as PNG (2x) and SVG, each table as CSV, Excel,
JSON and Parquet, and the one-file report as HTML and PDF.

Nothing is rendered until a button is clicked: ``st.download_button`` takes a callable and
calls it only then, so a page pays nothing for exports nobody asks for. Images are drawn by
the one kaleido/Chromium process of ``report.figures`` from the very figure the page shows
(same template), with the article and the measure versions in a caption. Every file carries
its provenance (``analysis.export``); the CSV comes as a zip with its provenance sidecar.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analysis import export
from analysis.pipeline import Analysis
from analysis.validate import stored
from report import build, figures
from views import theme

log = logging.getLogger("narrative_lens")

MIME = {"png": "image/png", "svg": "image/svg+xml", "csv": "application/zip",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "json": "application/json", "parquet": "application/vnd.apache.parquet",
        "html": "text/html", "pdf": "application/pdf"}


def _logged(what: str, fn: Callable[[], bytes]) -> Callable[[], bytes]:
    def run() -> bytes:
        try:
            return fn()
        except Exception:
            log.exception("export failed: %s", what)
            raise
    return run


def chart(fig: go.Figure, result: Analysis, key: str, what: str) -> None:
    """PNG and SVG buttons under a chart; ``what`` names the chart in the caption."""
    caption = build.caption(result, what)
    title = what.split(" (")[0].split(". ")[0]
    stem = f"{theme.slug(result.name)}-{key}"
    # a row of buttons as wide as their labels (columns cut them to "PNG …" beside a narrow chart)
    row = st.container(horizontal=True, gap="small")
    row.download_button("PNG (2x)", _logged(f"{key} png", lambda: figures.png(fig, caption, title=title)),
                         file_name=f"{stem}.png", mime=MIME["png"], on_click="ignore", key=f"dl-png-{key}",
                         icon=":material/image:", help="Print quality (twice screen resolution), with a caption "
                         "naming the article and the measure versions.")
    row.download_button("SVG", _logged(f"{key} svg", lambda: figures.svg(fig, caption, title=title)),
                          file_name=f"{stem}.svg", mime=MIME["svg"], on_click="ignore", key=f"dl-svg-{key}",
                          icon=":material/draw:", help="Vector image for papers and slides.")


def tables(frames: Mapping[str, pd.DataFrame], results: Sequence[Analysis], key: str, label: str = "") -> None:
    """CSV (zip with provenance), Excel, JSON and Parquet buttons for ``frames``. Excel and JSON
    hold every table; CSV and Parquet, one file per table, hold the first."""
    prov = export.provenance(results, tables=list(frames))
    stem = f"{theme.slug(results[0].name)}-{key}"
    first_name, first = next(iter(frames.items()))
    files = {
        "csv": (f"CSV ({first_name})", lambda: export.csv_bundle(first, prov, first_name), "csv.zip"),
        "xlsx": ("Excel", lambda: export.to_xlsx(frames, prov), "xlsx"),
        "json": ("JSON", lambda: export.to_json(frames, prov), "json"),
        "parquet": (f"Parquet ({first_name})", lambda: export.to_parquet(first, prov), "parquet"),
    }
    if label:
        st.caption(label)
    # two buttons a row: four in one row were cut to "C…" "E…" in the Read page's side column
    cells = [c for _ in range(0, len(files), 2) for c in st.columns(2)]
    for cell, (fmt, (text, fn, suffix)) in zip(cells, files.items(), strict=True):
        cell.download_button(text, _logged(f"{key} {fmt}", fn), file_name=f"{stem}.{suffix}", mime=MIME[fmt],
                             on_click="ignore", key=f"dl-{fmt}-{key}", icon=":material/download:",
                             width="stretch")


def report(results: Sequence[Analysis], key: str = "report", shown: Sequence[str] | None = None) -> None:
    """The one-file report of ``results[0]`` (others: comparison coverage) as HTML and PDF;
    ``shown``: the columns its arc and heatmap draw (default: the four headline measures)."""
    stem = f"{theme.slug(results[0].name)}-report"
    cache: dict[str, str] = {}

    def html_doc() -> str:
        if "html" not in cache:
            cache["html"] = build.build_html(results, stored.load(), shown=shown)
        return cache["html"]

    left, right, _ = st.columns([1, 1, 3])
    left.download_button("Report (HTML)", _logged("report html", lambda: html_doc().encode("utf-8")),
                         file_name=f"{stem}.html", mime=MIME["html"], on_click="ignore", key=f"dl-html-{key}",
                         icon=":material/description:", type="primary", width="stretch",
                         help="One self-contained file: highlighted text, figures, summary, methods paragraph "
                              "with citations and validation figures. No scripts, no external requests.")
    right.download_button("Report (PDF)", _logged("report pdf", lambda: build.pdf(html_doc())),
                          file_name=f"{stem}.pdf", mime=MIME["pdf"], on_click="ignore", key=f"dl-pdf-{key}",
                          icon=":material/picture_as_pdf:", width="stretch",
                          help="The same report printed to A4 by Chromium.")
