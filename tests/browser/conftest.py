"""Fixtures for the browser tests: one `streamlit run app.py` per session on a free loopback
port, one Chromium, and a fresh page per test whose requests may only reach loopback."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from devkit.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    WIDTH,
    free_port,
    loopback_only,
    start_server,
    stop,
    wait_healthy,
)


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    port = free_port()
    proc = start_server(ROOT / "app.py", ROOT, port)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url
    finally:
        stop(proc)


# Module scope: Playwright's sync API allows one running instance per thread, and other
# test modules (tests/pages/test_compare_browser.py) start their own.
@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": WIDTH, "height": 1000})  # type: ignore[attr-defined]
    context.route("**/*", loopback_only)
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    yield pg
    context.close()


