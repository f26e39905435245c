"""The export buttons in a real Chromium: the home page's server-rendered PNG/SVG of the arc,
the report and the Excel table arrive as files with the right contents."""

from __future__ import annotations

import io
import struct
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest

from devkit.browser import ARTIFACTS, screenshot, settle
from report import figures

pytestmark = pytest.mark.browser


def download(page, label: str, nth: int = 0) -> tuple[str, bytes]:
    button = page.locator('[data-testid="stDownloadButton"] button:visible', has_text=label).nth(nth)
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=120_000) as info:
        button.click()
    d = info.value
    return d.suggested_filename, Path(d.path()).read_bytes()


def test_home_exports_png_svg_report_and_tables(server, page) -> None:
    page.goto(server)
    page.locator(".js-plotly-plot").first.wait_for()
    settle(page)
    name, png = download(page, "PNG (2x)")
    assert name.endswith("-arc.png") and png[:8] == b"\x89PNG\r\n\x1a\n"
    width, _ = struct.unpack(">II", png[16:24])
    assert width == 2 * figures.ImageOptions().width
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "download-server-arc.png").write_bytes(png)
    name, svg = download(page, "SVG", 1)
    assert name.endswith("-heatmap.svg") and b"<svg" in svg[:200] and b"z-score" in svg
    name, doc = download(page, "Report (HTML)")
    assert name.endswith("-report.html")
    tags: list[str] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.append(tag)

    Tags().feed(doc.decode("utf-8"))
    assert "script" not in tags and tags.count("svg") == 2 and b"Hutto" in doc
    (ARTIFACTS / "download-report.html").write_bytes(doc)
    name, xlsx = download(page, "Excel")
    book = openpyxl.load_workbook(io.BytesIO(xlsx))
    assert book.sheetnames == ["paragraphs", "evidence", "summary", "provenance"]
    screenshot(page, "home-exports")
