"""Compare on the saved coverage, in a real Chromium against ``streamlit run app.py`` (issue 15):
import two articles with their outlets on the Coverage page, open Compare from the sidebar: both
are there without an upload, named by their outlets, in the comparison and on the charts; after
a reload they are still there. Screenshots go to tests/artifacts/ for a person to look at."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from devkit import browser as bk
from devkit import fixtures as fx

DEV = bk.ROOT / "tests" / "fixtures" / "compare" / "dev"
OUTLETS = {"herald.txt": "Northern Herald", "wire.txt": "Press Wire"}

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(bk.CHROMIUM).exists(), reason="Debian's chromium is not installed")]


def _chips(page) -> list[str]:  # noqa: ANN001
    """The articles chosen in the "Compared with" box, as the browser shows them."""
    box = page.locator("[data-testid='stMultiSelect']").filter(has_text="Compared with")
    return [t.strip() for t in box.locator("span[data-tag] > span[title]").all_inner_texts()]


def _compare_drawn(page) -> None:  # noqa: ANN001
    page.get_by_text("Compare with other coverage").first.wait_for()
    page.get_by_text(re.compile(r"· 2 other article\(s\)")).wait_for()
    page.locator("[role='tabpanel']:visible .js-plotly-plot").first.wait_for()
    bk.settle(page)


def test_coverage_articles_are_on_compare_named_by_outlet_and_stay_after_a_reload(server, page, tmp_path):  # noqa: ANN001
    files = []
    for name, outlet in OUTLETS.items():
        path = tmp_path / name.replace(".txt", ".html")
        path.write_bytes(fx.outlet_html((DEV / name).read_text(encoding="utf-8"), outlet))
        files.append(str(path))
    page.goto(f"{server}/Coverage")
    page.get_by_text("Coverage workspace").first.wait_for()
    page.locator("[data-testid='stFileUploaderDropzoneInput']").last.set_input_files(files)
    page.get_by_text("wire.html").first.wait_for()
    page.get_by_role("button", name="Import files").click()
    page.get_by_text("2 imported · 0 already there · 0 refused").wait_for(timeout=120_000)

    page.locator("[data-testid='stSidebarNav'] a", has_text="Compare").click()  # as a researcher does
    _compare_drawn(page)
    assert _chips(page) == ["Northern Herald", "Press Wire"]
    assert page.locator("[data-testid='stSidebar'] [data-testid='stFileUploaderFile']").count() == 0  # no upload
    page.get_by_role("tab", name="Aligned arcs").click()
    panel = page.locator("[role='tabpanel']:visible")
    panel.locator(".js-plotly-plot").first.wait_for()
    legend = panel.locator(".js-plotly-plot .legend text.legendtext").all_text_contents()
    assert {"Northern Herald", "Press Wire"} <= set(legend), legend
    bk.settle(page)
    bk.screenshot(page, "compare_workspace_arcs")
    assert "scope=" in page.url and "ws=" in page.url

    page.reload()
    _compare_drawn(page)
    assert _chips(page) == ["Northern Herald", "Press Wire"]
    assert page.locator("[data-testid='stException']").count() == 0
    bk.screenshot(page, "compare_workspace_after_reload")
