"""The Compare page in a real Chromium: the bundled article as focus, three comparison
articles uploaded through the page's file input (saved in the session's workspace and named
by the title each text opens with), all four views drawn; a screenshot of each view goes to
tests/artifacts/ for a person to look at.

Self-contained (its own server and browser fixtures) so it does not depend on a shared
browser conftest; requests may only reach loopback.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "tests" / "fixtures" / "compare" / "dev"
TITLES = {n: (DEV / n).read_text(encoding="utf-8").split("\n", 1)[0] for n in ("focus.txt", "herald.txt",
                                                                              "ledger.txt", "wire.txt")}
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("streamlit did not come up")
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def _loopback_only(route) -> None:  # noqa: ANN001
    host = route.request.url.split("/")[2].split(":")[0]
    if host in ("127.0.0.1", "localhost") or route.request.url.startswith(("data:", "blob:")):
        route.continue_()
    else:
        route.abort()


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1440, "height": 1700})
        context.route("**/*", _loopback_only)
        pg = context.new_page()
        pg.set_default_timeout(90_000)
        pg.goto(server + "/Compare")
        pg.get_by_text("Add at least one other report").wait_for()
        pg.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
            [str(DEV / n) for n in ("herald.txt", "ledger.txt", "wire.txt")])
        pg.get_by_role("tab", name="Claim coverage").wait_for()
        yield pg
        browser.close()


VIEWS = ["Profile", "Aligned arcs", "Distinguishing words", "Claim coverage"]


@pytest.mark.parametrize("view", VIEWS)
def test_each_view_draws_a_chart(page, view):  # noqa: ANN001
    page.get_by_role("tab", name=view).click()
    panel = page.locator("[role='tabpanel']:visible")
    panel.locator(".js-plotly-plot").first.wait_for()
    time.sleep(1.0)  # let plotly finish its transition before the screenshot
    assert panel.locator(".js-plotly-plot").count() == 1
    assert page.locator("[data-testid='stException']").count() == 0
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"compare_{view.lower().replace(' ', '_')}.png"), full_page=True)


def test_the_bundled_article_is_the_focus_and_uploads_are_listed(page):  # noqa: ANN001
    assert page.get_by_text("AI model theft accusation (bundled article)").first.is_visible()
    for name in ("herald.txt", "ledger.txt", "wire.txt"):  # named by their titles (no outlet in a .txt)
        assert page.get_by_text(TITLES[name], exact=True).first.count() == 1


def _choose(box, option: str) -> None:  # noqa: ANN001
    """Pick an option of a Streamlit selectbox the way a person does: open, type, Enter."""
    box.locator("input").click()
    box.locator("input").fill(option)
    box.page.keyboard.press("Enter")


def test_another_focus_shows_carried_paragraphs_side_by_side(page):  # noqa: ANN001
    """Upload the scenario's own focus report too and make it the focus: the coverage matrix
    now has matches, and a chosen cell shows both paragraphs with their scores."""
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files([str(DEV / "focus.txt")])
    # The upload reruns the page and the new option makes a new selectbox; until that rerun has
    # drawn the page, the old box is still in the DOM and a click can land on either. The
    # caption counting the other articles (3 before, 4 after) says the new page is drawn.
    page.get_by_text(re.compile(r"· 4 other article\(s\)")).wait_for()
    page.wait_for_function("document.querySelectorAll(\"input[aria-label='Focus article']\").length === 1")
    _choose(page.locator("[data-testid='stSelectbox']").filter(has_text="Focus article"), TITLES["focus.txt"])
    page.get_by_text(f"Focus: {TITLES['focus.txt']}").wait_for()
    page.get_by_role("tab", name="Claim coverage").click()
    panel = page.locator("[role='tabpanel']:visible")
    panel.locator(".js-plotly-plot").first.wait_for()
    panel.get_by_text("carried by 2 of 3").first.wait_for()  # the bundled article is not compared by default
    _choose(panel.locator("[data-testid='stSelectbox']").filter(has_text="Outlet"), TITLES["wire.txt"])
    panel.get_by_text(re.compile(re.escape(TITLES["wire.txt"]) + r" ¶ \d+ · similarity 0\.\d\d · matched")).wait_for()
    page.wait_for_function("document.querySelectorAll('[data-stale=\"true\"]').length === 0")
    time.sleep(1.0)
    assert page.locator("[data-testid='stException']").count() == 0
    page.screenshot(path=str(ARTIFACTS / "compare_claim_coverage_matched.png"), full_page=True)
