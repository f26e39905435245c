"""The pieces of the load test (bench/bench_load.py) and its pytest variant
(tests/server/test_isolation_browser.py): a `streamlit run app.py` on 127.0.0.1 with its own
data folder, a sampler of the server's memory and CPU, and one researcher's session driven
through Playwright's async API in Debian's Chromium.

One researcher's session: open Home, upload an article whose name and text carry the
researcher's marker (MARKER-<hex>), export the paragraph table as CSV (the table's own
download) and the tables as JSON (the page's export button), read it (Read page),
compare it with a second upload (Compare page), then import two files into a saved workspace
(Coverage page, opened from its address: a new server session in the same browser context).
After every step the page's whole HTML is searched for every other researcher's marker.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import urlopen

import psutil

from devkit.browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, ROOT, free_port

# The dataframe's CSV download asks for the File System Access API when the browser has it;
# without it, Streamlit falls back to an ordinary download that Playwright can catch.
NO_SAVE_PICKER = "delete window.showSaveFilePicker;"
SHOTS: Path | None = ARTIFACTS  # a screenshot of any failed step goes here


def marker() -> str:
    return f"MARKER-{uuid.uuid4().hex[:16]}"


def article(mark: str, kind: str) -> str:
    """A short news article with the marker in its paragraphs (a word of its own)."""
    return (f"Flood report {kind} {mark}\n\n"
            f"The river barrier failed on Tuesday night, officials said, and {mark} was named in the "
            "report as the gauge that first recorded the surge.\n\n"
            "Engineers may have underestimated the pressure on the old gates, according to people "
            f"familiar with the review, although the agency says the design met every standard ({mark}).\n\n"
            "Residents described a terrifying night as water poured into the streets, and crews warned of "
            f"a looming catastrophe if the rain continued. Reference {mark}.")


def html_article(mark: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in article(mark, "web page").split("\n\n")[1:])
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>River Courier {mark}</title></head>"
            f"<body><article><h1>River Courier {mark}</h1>{paras}</article></body></html>")


# ---- the server ---------------------------------------------------------------------------------

@dataclass
class Server:
    data_dir: Path
    log: Path
    ttl_s: int = 120
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 90) -> None:
        cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(self.port),
               "--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none",
               "--browser.gatherUsageStats", "false", "--server.disconnectedSessionTTL", str(self.ttl_s)]
        env = {**os.environ, "NARRATIVE_LENS_DATA": str(self.data_dir), "PYTHONUNBUFFERED": "1"}
        with open(self.log, "wb") as log:  # a file, not a pipe: a full pipe would stall the server
            self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.proc.returncode}: {self.log.read_text()[-2000:]}")
            try:
                with urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.read().strip() == b"ok":
                        return
            except OSError:
                time.sleep(0.2)
        raise TimeoutError(f"{self.url} not healthy after {timeout} s")

    def stop(self) -> None:
        if self.proc is None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class Sampler(threading.Thread):
    """Samples the server's resident memory (with its parser children) and CPU every ``every`` s."""

    def __init__(self, pid: int, every: float = 0.25) -> None:
        super().__init__(daemon=True)
        self.proc = psutil.Process(pid)
        self.every = every
        self.samples: list[tuple[float, float, float]] = []  # (time, RSS MiB, CPU % of one core)
        self._halt = threading.Event()
        self.proc.cpu_percent(None)

    def rss_mb(self) -> float:
        total = self.proc.memory_info().rss
        for child in self.proc.children(recursive=True):
            try:
                total += child.memory_info().rss
            except psutil.NoSuchProcess:
                pass
        return total / 2**20

    def run(self) -> None:
        while not self._halt.wait(self.every):
            try:
                self.samples.append((time.monotonic(), self.rss_mb(), self.proc.cpu_percent(None)))
            except psutil.NoSuchProcess:
                return

    def stop(self) -> None:
        self._halt.set()
        self.join(timeout=5)

    def window(self, start: float, end: float) -> list[tuple[float, float, float]]:
        return [s for s in self.samples if start <= s[0] <= end]


# ---- one researcher ----------------------------------------------------------------------------

@dataclass
class SessionResult:
    marker: str
    steps: dict[str, float] = field(default_factory=dict)  # step -> seconds
    leaks: list[str] = field(default_factory=list)  # "step: other marker seen"
    error: str = ""
    own_seen: set[str] = field(default_factory=set)  # steps where the page showed our own marker

    @property
    def ok(self) -> bool:
        return not self.error and not self.leaks


def _loopback_only(route: object) -> object:
    url = route.request.url  # type: ignore[attr-defined]
    if urlparse(url).hostname in ("127.0.0.1", "localhost") or url.startswith(("data:", "blob:")):
        return route.continue_()  # type: ignore[attr-defined]
    return route.abort()  # type: ignore[attr-defined]


SETTLED = ("() => { const s = document.querySelector('[data-testid=\"stStatusWidget\"]');"
           " return !s || !/Running/i.test(s.innerText); }")


def _uploader(page: object, label: str) -> object:
    """The file input of the uploader whose label starts with ``label`` (a page can show two:
    its own and the article picker's)."""
    widget = page.locator('[data-testid="stFileUploader"]').filter(has_text=label)  # type: ignore[attr-defined]
    return widget.locator('[data-testid="stFileUploaderDropzoneInput"]')


async def _settle(page: object, timeout_ms: float) -> None:
    await page.wait_for_function(SETTLED, timeout=timeout_ms)  # type: ignore[attr-defined]
    await page.wait_for_timeout(300)  # type: ignore[attr-defined]


async def run_session(browser: object, base: str, mark: str, all_markers: list[str],
                      timeout_s: float = 120, export: bool = True, coverage: bool = True) -> SessionResult:
    """One researcher's whole visit in a fresh browser context; never raises."""
    res = SessionResult(mark)
    others = [m for m in all_markers if m != mark]
    ms = timeout_s * 1000
    context = await browser.new_context(viewport={"width": 1400, "height": 1000},  # type: ignore[attr-defined]
                                        accept_downloads=True)
    await context.route("**/*", _loopback_only)
    await context.add_init_script(NO_SAVE_PICKER)
    page = await context.new_page()
    page.set_default_timeout(ms)

    async def check(step: str, expect_own: bool = False) -> None:
        html = await page.content()
        res.leaks.extend(f"{step}: {m}" for m in others if m in html)
        if mark in html:
            res.own_seen.add(step)
        elif expect_own:
            raise AssertionError(f"{step}: our own marker is not on the page")
        if await page.locator('[data-testid="stException"]').count():
            raise AssertionError(f"{step}: the page shows an exception")
        if await page.get_by_text("Something went wrong").count():
            raise AssertionError(f"{step}: the page shows an error")

    async def timed(step: str, coro: object) -> None:
        t0 = time.monotonic()
        await coro  # type: ignore[misc]
        res.steps[step] = time.monotonic() - t0

    step = "start"
    try:
        step = "home"
        async def home() -> None:
            await page.goto(base)
            await page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot').length >= 2",
                                         timeout=ms)
            await _settle(page, ms)
        await timed(step, home())
        await check(step)

        step = "upload"
        async def upload() -> None:
            sidebar = page.locator('[data-testid="stSidebar"]')
            await sidebar.get_by_text("Upload a file").click()
            await sidebar.locator('input[type="file"]').set_input_files(files=[{
                "name": f"{mark}.txt", "mimeType": "text/plain", "buffer": article(mark, "A").encode()}])
            # "Showing <title> · uploaded file <name>": the title is the article's first line
            await sidebar.get_by_text(f"{mark}.txt").wait_for(timeout=ms)
            await page.wait_for_function(
                "() => { const p = document.querySelectorAll('.js-plotly-plot');"
                " return p.length >= 2 && p[0]._fullData && p[0]._fullData[0].y.length === 3; }", timeout=ms)
            await _settle(page, ms)
        await timed(step, upload())
        await check(step, expect_own=True)

        if export:
            step = "export"
            async def export_csv() -> None:
                table = page.locator('[data-testid="stDataFrame"]').last
                await table.scroll_into_view_if_needed()
                await table.hover()
                async with page.expect_download(timeout=ms) as info:
                    await table.get_by_role("button", name="Download as CSV").click()
                download = await info.value
                data = Path(await download.path()).read_text(encoding="utf-8-sig")
                res.leaks.extend(f"{step} (CSV): {m}" for m in others if m in data)
                if mark not in data:
                    raise AssertionError("the exported CSV lacks our own article's text")
                buttons = page.locator('[data-testid="stDownloadButton"]').filter(has_text="JSON")
                if await buttons.count():  # the export buttons (analysis/export.py), where present
                    async with page.expect_download(timeout=ms) as info:
                        await buttons.first.click()
                    download = await info.value
                    data = Path(await download.path()).read_text(encoding="utf-8")
                    res.leaks.extend(f"{step} (JSON): {m}" for m in others if m in data)
                    if mark not in data:
                        raise AssertionError("the exported JSON lacks our own article's text")
                    res.own_seen.add("export-json")
                res.own_seen.add(step)
            await timed(step, export_csv())

        step = "read"
        async def read() -> None:
            await page.locator('[data-testid="stSidebar"]').get_by_text("Read", exact=True).click()
            await page.locator(".nl-article mark[data-ev]").first.wait_for(timeout=ms)
            await page.locator(".nl-article").get_by_text(mark).first.wait_for(timeout=ms)
            await _settle(page, ms)
        await timed(step, read())
        await check(step, expect_own=True)

        step = "compare"
        async def compare() -> None:
            await page.locator('[data-testid="stSidebar"]').get_by_text("Compare", exact=True).click()
            await page.get_by_text("Add at least one other report").wait_for(timeout=ms)
            # the sidebar may also hold the article picker's uploader (this session uploaded its
            # article there): take the Compare page's own, by its label
            await _uploader(page, "Add articles").set_input_files(files=[{
                "name": f"{mark}-other.txt", "mimeType": "text/plain", "buffer": article(mark, "B").encode()}])
            await page.get_by_role("tab", name="Claim coverage").wait_for(timeout=ms)
            await page.locator("[role='tabpanel']:visible .js-plotly-plot").first.wait_for(timeout=ms)
            await _settle(page, ms)
        await timed(step, compare())
        await check(step, expect_own=True)

        if coverage:
            step = "coverage"
            async def cover() -> None:
                await page.goto(f"{base}/Coverage")
                await page.get_by_text("Coverage workspace").first.wait_for(timeout=ms)
                await _uploader(page, "Text, Markdown, HTML, Word or PDF files").set_input_files(files=[
                    {"name": f"{mark}-saved.txt", "mimeType": "text/plain",
                     "buffer": article(mark, "C").encode()},
                    {"name": f"{mark}-page.html", "mimeType": "text/html", "buffer": html_article(mark).encode()}])
                for staged in ("saved.txt", "page.html"):  # the chips shorten long names in the middle
                    await page.get_by_text(staged).first.wait_for(timeout=ms)
                await page.get_by_role("button", name="Import files").click()
                await page.get_by_text("2 imported · 0 already there · 0 refused").wait_for(timeout=ms)
                await page.get_by_text("Articles in").first.wait_for(timeout=ms)
                await _settle(page, ms)
            await timed(step, cover())
            await check(step, expect_own=True)
    except Exception as exc:  # noqa: BLE001 - a failed session is a result, reported by the caller
        res.error = f"{step}: {type(exc).__name__}: {str(exc).splitlines()[0][:300]}"
        try:  # a step that failed may still show what it should not
            html = await page.content()
            res.leaks.extend(f"{step} (failed): {m}" for m in others if m in html)
        except Exception:  # noqa: BLE001
            pass
        if SHOTS:
            SHOTS.mkdir(parents=True, exist_ok=True)
            try:
                await page.screenshot(path=str(SHOTS / f"load-failed-{mark}-{step}.png"), full_page=True)
            except Exception:  # noqa: BLE001
                pass
    finally:
        await context.close()
    return res


async def launch(pw: object) -> object:
    return await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)  # type: ignore[attr-defined]


async def concurrent(base: str, n: int, timeout_s: float = 120, **kw: bool) -> list[SessionResult]:
    """``n`` researchers at once, one browser, one context each."""
    from playwright.async_api import async_playwright

    marks = [marker() for _ in range(n)]
    async with async_playwright() as pw:
        browser = await launch(pw)
        try:
            return list(await asyncio.gather(*(run_session(browser, base, m, marks, timeout_s, **kw)
                                               for m in marks)))
        finally:
            await browser.close()
