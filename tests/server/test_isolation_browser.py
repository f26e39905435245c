"""Isolation in a real Chromium against `streamlit run app.py`: two researchers at once, then a
third after them, each uploading, exporting, reading, comparing and saving articles that
carry a unique marker. No page (its whole HTML) and no exported CSV of one researcher ever
holds another's marker, and each one's own marker is found at every step, which shows the
search would see a marker that crossed over. The timed version is bench/bench_load.py."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from devkit import loadkit

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(loadkit.CHROMIUM).exists(), reason="Debian's chromium is not installed")]

STEPS = {"upload", "export", "export-json", "read", "compare", "coverage"}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("load")
    srv = loadkit.Server(folder / "data", folder / "streamlit.log")
    srv.start()
    yield srv
    srv.stop()


def _assert_clean(results: list[loadkit.SessionResult]) -> None:
    for r in results:
        assert r.error == "", r.error
        assert r.leaks == []
        assert r.own_seen == STEPS


async def _two_then_one(base: str) -> tuple[list[loadkit.SessionResult], loadkit.SessionResult]:
    from playwright.async_api import async_playwright

    first = [loadkit.marker(), loadkit.marker()]
    later = loadkit.marker()
    async with async_playwright() as pw:
        browser = await loadkit.launch(pw)
        try:
            both = await asyncio.gather(*(loadkit.run_session(browser, base, m, first) for m in first))
            after = await loadkit.run_session(browser, base, later, [*first, later])
        finally:
            await browser.close()
    return list(both), after


def test_no_marker_crosses_sessions(server):
    both, after = asyncio.run(_two_then_one(server.url))
    _assert_clean([*both, after])
    # and in the workspace database no owner holds two researchers' articles. A researcher's
    # articles may sit under two owners: Compare saves its upload in the first server session's
    # workspace, and the Coverage page, opened from its bare address, is a new session whose key
    # opens a fresh workspace.
    import sqlite3

    from analysis.store import db_path

    conn = sqlite3.connect(db_path(server.data_dir))
    owners: dict[str, set[str]] = {}
    for r in [*both, after]:
        rows = conn.execute("SELECT DISTINCT w.owner FROM articles a JOIN workspaces w "
                            "ON w.id = a.workspace_id WHERE a.file_name LIKE ?", (f"{r.marker}%",)).fetchall()
        owners[r.marker] = {row[0] for row in rows}
        assert len(owners[r.marker]) == 2  # the Compare page's session and the Coverage page's
        for owner in owners[r.marker]:
            files = {f for (f,) in conn.execute("SELECT a.file_name FROM articles a JOIN workspaces w "
                                                "ON w.id = a.workspace_id WHERE w.owner = ?", (owner,))}
            assert files and all(f.startswith(r.marker) for f in files), files
    mine = list(owners.values())
    assert all(not (a & b) for i, a in enumerate(mine) for b in mine[i + 1:])
    conn.close()
