"""Full-page screenshots of every page, empty and in use, to look at before a change is merged.

    python -m devkit.shots OUTDIR

Starts ``streamlit run app.py`` on a free loopback port with a data folder of its own, drives
Debian's Chromium through Playwright and writes one PNG per view: every page on the bundled
article; the Compare page with a scenario's four reports uploaded as outlets' pages (each
tab); the Coverage page
with a text, a Word file without a title property and a PDF imported; the Corpus page after
scoring that workspace from the page; a chart with the pointer on it (plotly's toolbar shown);
the HTML report of a comparison; and a researcher's dictionary (tests/fixtures/dictionaries)
uploaded on the Dictionaries page, then Home, Read and Methods with it, and its report. Streamlit scrolls inside its own container, so the
window is grown to the page's height before each shot. Nothing is fetched from outside.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from devkit import browser as bk
from devkit import fixtures as fx

DEV = bk.ROOT / "tests" / "fixtures" / "compare" / "dev"
PAGES = ("", "Read", "Who_speaks", "Compare", "Coverage", "Corpus", "Dictionaries", "Methods")
DICTIONARY = bk.ROOT / "tests" / "fixtures" / "dictionaries" / "newsframes.dic"
HEIGHT = """() => { const b = document.querySelector('[data-testid="stMainBlockContainer"]');
  return b ? b.getBoundingClientRect().top + b.scrollHeight : document.body.scrollHeight; }"""


def shoot(page: object, path: Path) -> Path:
    """The whole page: the window grown to the content's height until it no longer changes."""
    last = 0
    for _ in range(6):
        bk.settle(page, 180)
        height = int(page.evaluate(HEIGHT))  # type: ignore[attr-defined]
        if abs(height - last) < 4:
            break
        last = height
        page.set_viewport_size({"width": bk.WIDTH, "height": min(height + 40, 16000)})  # type: ignore[attr-defined]
        page.wait_for_timeout(900)  # type: ignore[attr-defined]
    page.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
    page.set_viewport_size({"width": bk.WIDTH, "height": 1000})  # type: ignore[attr-defined]
    print(path, flush=True)
    return path


def go(page: object, url: str) -> None:
    page.goto(url)  # type: ignore[attr-defined]
    page.wait_for_timeout(1200)  # type: ignore[attr-defined]
    bk.settle(page, 180)


def every_page(page: object, url: str, out: Path) -> None:
    for name in PAGES:
        go(page, f"{url}/{name}")
        shoot(page, out / f"{name or 'Home'}.png")


def toolbar(page: object, url: str, out: Path) -> None:
    """The arc with the pointer on it: plotly's toolbar appears and must leave the title readable."""
    go(page, url)
    chart = page.locator(".js-plotly-plot").first  # type: ignore[attr-defined]
    chart.hover()
    page.wait_for_timeout(800)  # type: ignore[attr-defined]
    chart.screenshot(path=str(out / "Home-chart-hover.png"))


OUTLETS = {"focus.txt": "The Valley Times", "herald.txt": "Northern Herald", "ledger.txt": "Regional Ledger",
           "wire.txt": "Press Wire"}  # the development scenario's reports as web pages of invented outlets


def compare(page: object, url: str, out: Path, tmp: Path) -> None:
    """The development scenario's four reports uploaded on Compare as outlets' pages (saved in
    the session's workspace, named by outlet), its own focus report made the focus."""
    go(page, f"{url}/Compare")
    pages = []
    for name, outlet in OUTLETS.items():
        pages.append(tmp / name.replace(".txt", ".html"))
        pages[-1].write_bytes(fx.outlet_html((DEV / name).read_text(encoding="utf-8"), outlet))
    files = page.locator('[data-testid="stSidebar"] input[type=file]').last  # type: ignore[attr-defined]
    files.set_input_files([str(p) for p in pages])
    page.wait_for_timeout(2500)  # type: ignore[attr-defined]
    bk.settle(page, 240)
    # the development scenario's own focus report, so the claim coverage has matches to show
    page.locator('[data-testid="stSelectbox"]').filter(has_text="Focus article").first.click()  # type: ignore[attr-defined]
    page.get_by_role("option", name=OUTLETS["focus.txt"]).click()  # type: ignore[attr-defined]
    page.wait_for_timeout(1500)  # type: ignore[attr-defined]
    bk.settle(page, 240)
    for i, tab in enumerate(("Profile", "Aligned arcs", "Distinguishing words", "Claim coverage"), start=1):
        page.get_by_role("tab", name=tab).click()  # type: ignore[attr-defined]
        page.wait_for_timeout(1200)  # type: ignore[attr-defined]
        shoot(page, out / f"Compare-{i}-{tab.replace(' ', '_')}.png")


def coverage_and_corpus(page: object, url: str, out: Path, tmp: Path) -> None:
    paras = [p for p in (DEV / "ledger.txt").read_text(encoding="utf-8").split("\n\n") if p.strip()]
    untitled = tmp / "ledger-report.docx"
    untitled.write_bytes(fx.docx("", paras))  # no title property: the heading is its title
    go(page, f"{url}/Coverage")
    page.locator("input[type=file]").last.set_input_files(  # type: ignore[attr-defined]
        [str(DEV / "herald.txt"), str(untitled), str(fx.write(tmp, "article.pdf"))])
    page.wait_for_timeout(1500)  # type: ignore[attr-defined]
    page.get_by_role("button", name="Import files").click()  # type: ignore[attr-defined]
    page.get_by_text("3 imported").wait_for(timeout=180_000)  # type: ignore[attr-defined]
    shoot(page, out / "Coverage-3-articles.png")
    address = page.url  # type: ignore[attr-defined]  # carries the session's private key
    go(page, address.replace("/Coverage", "/Corpus"))
    page.get_by_role("button", name="Score it as a corpus").click()  # type: ignore[attr-defined]
    page.get_by_text("Articles scored").wait_for(timeout=240_000)  # type: ignore[attr-defined]
    shoot(page, out / "Corpus-workspace.png")


def dictionary(page: object, url: str, out: Path) -> None:
    """The test dictionary uploaded, then every page that shows it (the address keeps its key)."""
    go(page, f"{url}/Dictionaries")
    page.locator('[data-testid="stFileUploader"] input[type=file]').first.set_input_files(str(DICTIONARY))  # type: ignore[attr-defined]
    page.wait_for_timeout(800)  # type: ignore[attr-defined]
    page.get_by_role("button", name="Add this dictionary").click()  # type: ignore[attr-defined]
    page.get_by_text("Saved newsframes").wait_for(timeout=120_000)  # type: ignore[attr-defined]
    shoot(page, out / "Dictionaries-newsframes.png")
    query = page.url.split("?", 1)[1] if "?" in page.url else ""  # type: ignore[attr-defined]
    for name in ("", "Read", "Methods"):
        go(page, f"{url}/{name}?{query}")
        shoot(page, out / f"{name or 'Home'}-with-dictionary.png")


def dictionary_report(browser: object, out: Path, tmp: Path) -> None:
    """The report of the bundled article scored with the test dictionary (negation on), its
    figures drawing hedging's and alarm's sub-scales and the dictionary's categories."""
    import analysis
    from analysis import dictionaries, paths
    from analysis.measures import REGISTRY
    from analysis.validate import stored
    from report import build

    measure = dictionaries.load(DICTIONARY).measure(negation=True)
    result = analysis.analyze(paths.BUNDLED_ARTICLE.read_text(encoding="utf-8"), "ai-model-theft-accusation.txt",
                              measures=(*REGISTRY, measure))
    shown = ["hedging", "hedging_epistemic", "alarm", "alarm_event", "newsframes.threat", "newsframes.institution"]
    doc = tmp / "report-dictionary.html"
    doc.write_text(build.build_html([result], stored.load(), shown=shown), encoding="utf-8")
    page = browser.new_page(viewport={"width": bk.WIDTH, "height": 1000})  # type: ignore[attr-defined]
    page.goto(doc.as_uri())
    page.wait_for_timeout(800)  # type: ignore[attr-defined]
    page.screenshot(path=str(out / "Report-dictionary.png"), full_page=True)  # type: ignore[attr-defined]
    print(out / "Report-dictionary.png", flush=True)


def report(browser: object, out: Path, tmp: Path) -> None:
    """The one-file report of a comparison (a file: its Content-Security-Policy forbids requests)."""
    import analysis
    from report import build

    texts = [(n, (DEV / n).read_text(encoding="utf-8")) for n in ("focus.txt", "herald.txt", "wire.txt")]
    doc = tmp / "report.html"
    build.write([analysis.analyze(t, n) for n, t in texts], doc)
    page = browser.new_page(viewport={"width": bk.WIDTH, "height": 1000})  # type: ignore[attr-defined]
    page.goto(doc.as_uri())
    page.wait_for_timeout(800)  # type: ignore[attr-defined]
    page.screenshot(path=str(out / "Report.png"), full_page=True)  # type: ignore[attr-defined]
    print(out / "Report.png", flush=True)


def main(out: Path) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="nl-shots-") as name:
        tmp = Path(name)
        os.environ["NARRATIVE_LENS_DATA"] = str(tmp / "data")
        port = bk.free_port()
        proc = bk.start_server(bk.ROOT / "app.py", bk.ROOT, port)
        url = f"http://127.0.0.1:{port}"
        try:
            bk.wait_healthy(url, proc)
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=bk.CHROMIUM, args=bk.CHROMIUM_ARGS)
                context = browser.new_context(viewport={"width": bk.WIDTH, "height": 1000})
                context.route("**/*", bk.loopback_only)
                page = context.new_page()
                page.set_default_timeout(120_000)
                every_page(page, url, out)
                toolbar(page, url, out)
                coverage_and_corpus(page, url, out, tmp)
                fresh = browser.new_context(viewport={"width": bk.WIDTH, "height": 1000})  # a workspace of its own
                fresh.route("**/*", bk.loopback_only)
                compare(fresh.new_page(), url, out, tmp)
                report(browser, out, tmp)
                fresh = context.new_page()  # a session of its own: a new key, none of the pages' state
                fresh.set_default_timeout(120_000)
                dictionary(fresh, url, out)
                dictionary_report(browser, out, tmp)
                browser.close()
        finally:
            bk.stop(proc)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "tests/artifacts/shots"))
