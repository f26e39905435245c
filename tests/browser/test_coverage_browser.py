"""Coverage page in a real Chromium against ``streamlit run``: upload three formats at once,
see them listed with their metadata, reload, find them still there."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from devkit import fixtures as fx

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    port = _free_port()
    env = {**os.environ, "NARRATIVE_LENS_DATA": str(data)}
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
                             "--server.address", "127.0.0.1", "--server.headless", "true",
                             "--browser.gatherUsageStats", "false"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{base}/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("streamlit did not start")
    yield base, data
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        yield chromium
        chromium.close()


def _rows(page) -> list[list[str]]:
    """The data editor's accessible table (the grid itself is drawn on a canvas)."""
    table = page.locator('[data-testid="stDataFrame"] table[role=grid]')
    return table.evaluate("t => [...t.querySelectorAll('tbody tr')].map(r => [...r.children].map(c => c.textContent))")


@pytest.mark.browser
def test_upload_three_formats_then_reload(server, browser, tmp_path):
    base, _ = server
    files = [tmp_path / "courier.html", tmp_path / "agency-statement.docx", tmp_path / "quay-report.pdf"]
    files[0].write_bytes(fx.make("article.html"))
    files[1].write_bytes(fx.docx("Agency defends barrier design", [
        "The agency said the barrier met every design standard and that the river rose faster than any "
        "model had predicted.", "A spokesperson said an independent review would report next month."]))
    files[2].write_bytes(fx.pdf("Quay businesses count the cost", [
        "Shop owners on the quay said the water reached the counters within an hour of the warning.",
        "Several said they feared they would not reopen before the summer season."]))
    page = browser.new_page(viewport={"width": 1400, "height": 1300})
    page.goto(f"{base}/Coverage")
    page.get_by_text("Coverage workspace").first.wait_for(timeout=60_000)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files([str(f) for f in files])
    page.get_by_text("quay-report.pdf").first.wait_for(timeout=30_000)  # all three staged
    page.get_by_role("button", name="Import files").click()
    page.get_by_text("3 imported · 0 already there · 0 refused").wait_for(timeout=120_000)
    for name, what in (("courier.html", "html, utf-8"), ("agency-statement.docx", "docx, utf-8"),
                       ("quay-report.pdf", "pdf, utf-8")):
        assert page.get_by_text(f"Imported {name} ({what}", exact=False).count() == 1
    page.get_by_text("Articles in").first.scroll_into_view_if_needed()
    page.wait_for_timeout(800)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "coverage_after_upload.png"))
    expected = {
        fx.TITLE: ["The River Courier", "2025-02-11", "comparison", "html", "utf-8"],
        "Agency defends barrier design": ["", "2025-02-12", "comparison", "docx", "utf-8"],
        "Quay businesses count the cost": ["", time.strftime("%Y-%m-%d", time.gmtime()), "comparison", "pdf",
                                           "utf-8"],
    }
    assert {r[0]: r[1:6] for r in _rows(page)} == expected
    url = page.url
    assert "scope=" in url and "ws=" in url

    page.reload()
    page.get_by_text("Articles in").first.wait_for(timeout=60_000)
    page.get_by_text("Articles in").first.scroll_into_view_if_needed()
    page.wait_for_timeout(800)
    assert {r[0]: r[1:6] for r in _rows(page)} == expected
    assert page.get_by_text("Articles in “Comparison set 1” · 3").count() == 1
    page.screenshot(path=str(ARTIFACTS / "coverage_after_reload.png"))

    # Edit a cell like a researcher: click the docx row's title, step right to Outlet, type, Enter, save.
    from playwright.sync_api import expect

    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    box = grid.bounding_box()
    assert box is not None
    row = [r[0] for r in _rows(page)].index("Agency defends barrier design")
    page.mouse.click(box["x"] + 60, box["y"] + 35 * (row + 1) + 17)  # below the header row
    page.wait_for_timeout(300)
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(300)
    # Open the cell's editor first and type into it once it has the focus: typed straight onto
    # the grid, the first key opens the editor and, on a loaded machine, can be lost ("gency").
    page.keyboard.press("Enter")
    editor = page.locator("#portal textarea, #portal input").first
    editor.wait_for(timeout=10_000)
    expect(editor).to_be_focused(timeout=10_000)
    page.keyboard.type("Agency press office", delay=40)
    expect(editor).to_have_value("Agency press office", timeout=10_000)
    page.keyboard.press("Enter")
    save = page.get_by_role("button", name="Save changes")
    expect(save).to_be_enabled(timeout=10_000)
    save.click()
    expect(save).to_be_disabled(timeout=30_000)  # saved, and the table rebuilt from the database
    page.reload()
    page.get_by_text("Articles in").first.wait_for(timeout=60_000)
    page.get_by_text("Articles in").first.scroll_into_view_if_needed()
    page.wait_for_timeout(800)
    saved = {r[0]: r[1] for r in _rows(page)}
    assert saved.get("Agency defends barrier design") == "Agency press office", saved
    assert saved[fx.TITLE] == "The River Courier"
    page.screenshot(path=str(ARTIFACTS / "coverage_after_edit.png"))

    other = browser.new_page()  # a different browser session without the address: its own workspaces
    other.goto(f"{base}/Coverage")
    other.get_by_text("No articles yet").wait_for(timeout=60_000)
    other.close()
    page.close()
