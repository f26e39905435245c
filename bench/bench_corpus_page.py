"""How responsive the Corpus page is on a 10,000-article batch output, in a real Chromium.

    python bench/bench_corpus_page.py [--articles 10000] [--scored 500]

Scoring 10,000 articles here would take many minutes on this shared 2-core machine, so
the output is built from a real one: ``--scored`` synthetic articles are scored with the
local engine, then every scored article is copied under new ids, hashes and dates
(tools/replicate_output.py) until there are ``--articles``. The value distributions are
therefore real scores, repeated; row counts, file counts and sizes are those of a
10,000-article corpus.

It starts ``streamlit run app.py`` on 127.0.0.1 (a free port) with NARRATIVE_LENS_CORPUS
pointing at the output, drives pages/5_Corpus.py in Debian's Chromium through
Playwright, and prints the time of each interaction: from the widget change until
Streamlit's running indicator has gone and the new chart text is on the page (so it
includes the round trip to the browser and the chart drawing, an upper bound on server
time). The target is under 2 s each. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def build_output(articles: int, scored: int, work: Path) -> Path:
    import pandas as pd

    from analysis.batch import BatchOptions, run
    from tools.replicate_output import replicate
    from tools.synthetic_corpus import corpus

    src = work / "src.parquet"
    pd.DataFrame([vars(a) for a in corpus(scored, seed=77)]).to_parquet(src, index=False)
    t0 = time.perf_counter()
    run(src, work / "scored", BatchOptions(progress_every=60))
    print(f"scored {scored:,} articles in {time.perf_counter() - t0:.1f} s", flush=True)
    out = work / "corpus"
    n = replicate(work / "scored", out, copies=max(1, articles // scored))
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    print(f"output: {n:,} articles, {size / 1e6:.1f} MB in {len(list(out.rglob('*.parquet')))} Parquet files",
          flush=True)
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int, corpus: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NARRATIVE_LENS_CORPUS": str(corpus)}
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1",
           "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
            return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("streamlit did not start")


def settle(page, expect_text: str | None, timeout: float = 30_000) -> None:  # type: ignore[no-untyped-def]
    """Wait until the script run has finished and ``expect_text`` is on the page."""
    status = page.locator('[data-testid="stStatusWidget"]')
    try:
        status.wait_for(state="visible", timeout=1500)
    except Exception:  # noqa: BLE001 - a run shorter than the poll never shows the widget
        pass
    status.wait_for(state="hidden", timeout=timeout)
    if expect_text:
        page.get_by_text(expect_text).first.wait_for(state="visible", timeout=timeout)


def drive(port: int) -> list[tuple[str, float]]:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    times: list[tuple[str, float]] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})

        def step(name: str, action, expect_text: str | None, shot: str | None = None) -> None:  # type: ignore[no-untyped-def]
            t0 = time.perf_counter()
            action()
            settle(page, expect_text)
            times.append((name, time.perf_counter() - t0))
            print(f"{name:45s} {times[-1][1]:6.2f} s", flush=True)
            if shot:
                page.wait_for_timeout(400)
                page.screenshot(path=str(ARTIFACTS / shot), full_page=True)

        step("open the page (cold cache)", lambda: page.goto(f"http://127.0.0.1:{port}/Corpus"),
             "Distribution of Alarm across paragraphs", "corpus_1_open.png")

        def choose(label: str, option: str) -> None:
            box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label).first
            box.click()
            page.keyboard.type(option)
            page.keyboard.press("Enter")

        step("measure -> Hedging", lambda: choose("Measure", "Hedging (hedging)"),
             "Distribution of Hedging across paragraphs")
        step("measure -> Flesch reading ease", lambda: choose("Measure", "Flesch reading ease"),
             "Distribution of Flesch reading ease across paragraphs", "corpus_2_reading_ease.png")
        step("unit -> articles", lambda: page.get_by_text("articles", exact=True).first.click(),
             "Distribution of Flesch reading ease across articles")
        step("drop one outlet", lambda: page.locator('[data-testid="stMultiSelect"] [role="button"]').first.click(),
             None)
        step("back to paragraphs", lambda: page.get_by_text("paragraphs", exact=True).first.click(),
             "Distribution of Flesch reading ease across paragraphs")
        step("measure -> Alarm", lambda: choose("Measure", "Alarm (alarm)"), "Distribution of Alarm across paragraphs")

        def find_article() -> None:
            page.get_by_text("Place one article of the corpus").click()
            field = page.get_by_label("Find an article by id, title or outlet")
            field.fill("evening-sentinel-000004-c007")
            field.press("Enter")

        step("search an article", find_article, None)
        step("pick the article", lambda: choose("Article", "evening-sentinel-000004-c007"),
             "evening-sentinel-000004-c007 (median ¶)", "corpus_3_article.png")
        page.get_by_role("tab", name="Outlets").click()
        page.wait_for_timeout(500)
        page.screenshot(path=str(ARTIFACTS / "corpus_4_outlets.png"), full_page=True)
        page.get_by_role("tab", name="Over time").click()
        step("period -> week", lambda: page.get_by_text("week", exact=True).first.click(), "per week, by outlet",
             "corpus_5_weekly.png")
        page.get_by_role("tab", name="The article's place").click()
        page.wait_for_timeout(500)
        page.screenshot(path=str(ARTIFACTS / "corpus_6_place.png"), full_page=True)
        page.get_by_role("tab", name="Focus article vs corpus").click()
        page.wait_for_timeout(800)
        page.screenshot(path=str(ARTIFACTS / "corpus_7_focus.png"), full_page=True)
        step("reload (warm cache)", lambda: page.reload(), "Distribution of Alarm across paragraphs")
        browser.close()
    return times


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--scored", type=int, default=500)
    p.add_argument("--output", type=Path, help="use this existing batch output instead of building one")
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        corpus = args.output or build_output(args.articles, args.scored, Path(tmp))
        port = free_port()
        server = start_server(port, corpus)
        try:
            times = drive(port)
        finally:
            server.terminate()
            server.wait(timeout=20)
    worst = max(times, key=lambda t: t[1])
    over = [n for n, t in times if t >= 2.0]
    print(f"\nslowest: {worst[0]} {worst[1]:.2f} s; {len(over)} of {len(times)} at or over 2 s"
          + (f": {', '.join(over)}" if over else ""))


if __name__ == "__main__":
    main()
