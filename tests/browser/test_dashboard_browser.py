"""The dashboard in Debian's Chromium against a real `streamlit run app.py` on 127.0.0.1:
charts drawn for the bundled article, highlights that spell their evidence, an upload that
re-draws the charts, hostile text that runs nothing. Screenshots go to tests/artifacts/."""

from __future__ import annotations

import math
import struct
from pathlib import Path

import pytest

import analysis
from analysis.measures import HEADLINE, REGISTRY
from devkit.browser import ARTIFACTS, screenshot, settle
from ui.state import BUNDLED, BUNDLED_TITLE
from views import theme
from views.escape import JOINER

pytestmark = pytest.mark.browser

NEW_TEXT = (
    "Officials may have known about the breach for weeks, according to people familiar with the matter.\n\n"
    "The ministry said the risk to the public was low and that no data had been lost in the incident.\n\n"
    "Critics warn of a looming catastrophe and urge immediate action before panic spreads further."
)
HOSTILE_TITLE = '<img src=x onerror="window.__pwned=2">'
HOSTILE_TEXT = (
    "Officials warn of a grave threat. <script>window.__pwned=1</script> The crisis could spread.\n\n"
    'Experts say <img src=x onerror="window.__pwned=1"> the risk may be rising.\n\n'
    'A source said </span><span onclick="window.__pwned=1">click here</span> it was a catastrophe.'
)
# plotly.js keeps the decoded arrays in _fullData (data holds plotly.py's base64 typed arrays).
ARC_Y = ("() => document.querySelectorAll('.js-plotly-plot')[0]._fullData.slice(0, 4)"
         ".map(t => Array.from(t.y, v => Number.isNaN(v) ? null : v))")
EV_TEXT = """() => { const out = {};
  for (const el of document.querySelectorAll('.nl-article mark[data-ev]')) {
    out[el.dataset.ev] = (out[el.dataset.ev] || '') + el.textContent; }
  return out; }"""


def wait_charts(page, paragraphs: int) -> None:
    page.wait_for_function(
        "n => { const p = document.querySelectorAll('.js-plotly-plot');"
         " return p.length >= 2 && p[0]._fullData && p[0]._fullData[0].y.length === n; }", arg=paragraphs, timeout=90_000)
    settle(page)


def assert_arc_shows(page, text: str) -> None:
    pars = analysis.analyze(text).paragraphs
    drawn = page.evaluate(ARC_Y)
    for ys, name in zip(drawn, HEADLINE, strict=True):
        for got, want in zip(ys, pars[name], strict=True):
            assert (got is None and math.isnan(want)) or got == pytest.approx(want, abs=1e-9)


def test_home_draws_its_charts_for_the_bundled_article(server, page) -> None:
    page.goto(server)
    wait_charts(page, 10)
    assert page.locator(".js-plotly-plot").count() == 2
    assert_arc_shows(page, BUNDLED.read_text(encoding="utf-8"))
    assert page.get_by_text("the narrative arc").count() >= 1
    assert page.locator('[data-testid="stMetric"]').count() == len(HEADLINE)
    screenshot(page, "home")


def test_camera_button_saves_a_png_at_twice_the_chart_size(server, page) -> None:
    page.goto(server)
    wait_charts(page, 10)
    plot = page.locator(".js-plotly-plot").first
    plot.hover()
    size = plot.evaluate("gd => [gd._fullLayout.width, gd._fullLayout.height]")
    with page.expect_download() as info:
        plot.locator('.modebar-btn[data-title="Download plot as a PNG"]').click()
    download = info.value
    assert download.suggested_filename == f"{theme.slug(BUNDLED_TITLE + '-arc')}.png"
    data = Path(download.path()).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (2 * size[0], 2 * size[1])
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    download.save_as(ARTIFACTS / "download-arc.png")


def test_read_page_highlights_spell_the_evidence_terms(server, page) -> None:
    page.goto(f"{server}/Read")
    page.wait_for_selector(".nl-article mark[data-ev]")
    settle(page)
    evidence = analysis.analyze(BUNDLED.read_text(encoding="utf-8")).evidence
    shown = page.evaluate(EV_TEXT)
    assert {int(k) for k in shown} == set(range(len(evidence)))
    for i, term in enumerate(evidence["term"]):
        assert shown[str(i)] == term
    tip = page.locator('.nl-article mark[data-ev="0"]').first.get_attribute("title")
    assert evidence["measure"][0].title() in tip and "weight" in tip
    screenshot(page, "read")


def test_upload_redraws_the_charts_with_the_new_article(server, page) -> None:
    page.goto(server)
    wait_charts(page, 10)
    page.get_by_text("Upload a file").click()
    page.locator('input[type="file"]').set_input_files(
        files=[{"name": "briefing.txt", "mimeType": "text/plain", "buffer": NEW_TEXT.encode("utf-8")}])
    wait_charts(page, 3)
    assert_arc_shows(page, NEW_TEXT)
    assert page.get_by_text("briefing.txt").count() >= 1
    screenshot(page, "home-uploaded")


def test_hostile_text_and_title_run_nothing_and_show_literally(server, page) -> None:
    page.goto(server)
    wait_charts(page, 10)
    page.get_by_text("Paste text").click()
    page.get_by_label("Title (optional)").fill(HOSTILE_TITLE)
    page.get_by_label("Paste the article's text").fill(HOSTILE_TEXT)
    page.get_by_role("button", name="Analyse this text").click()
    wait_charts(page, 3)
    page.wait_for_timeout(1000)  # time for any injected onerror/onload to fire
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.get_by_text(HOSTILE_TITLE, exact=False).count() >= 1  # the title, shown as text
    screenshot(page, "home-hostile")
    page.locator('[data-testid="stSidebar"]').get_by_text("Read", exact=True).click()
    page.wait_for_selector(".nl-article mark[data-ev]")
    settle(page)
    page.wait_for_timeout(1000)
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    article = page.locator(".nl-article").inner_text()
    for payload in ("<script>window.__pwned=1</script>", '<img src=x onerror="window.__pwned=1">',
                    '</span><span onclick="window.__pwned=1">click here</span>'):
        assert payload in article
    injected = page.evaluate("() => document.querySelectorAll("
                             "'.nl-article script, .nl-article img, .nl-article [onclick], .nl-article [onerror]').length")
    assert injected == 0
    screenshot(page, "read-hostile")


def test_methods_page_lists_every_measure(server, page) -> None:
    page.goto(f"{server}/Methods")
    page.wait_for_selector("h2#readability")
    settle(page)
    for m in REGISTRY:
        assert page.locator(f"h2#{m.name}").count() == 1
    screenshot(page, "methods")


MARKDOWN_TITLE = ("**not bold** [a link](https://evil.example) :red[not red] :material/home: :smile: # 1. $x$ <b> "
                  "a -> b -- c >= d www.evil.example me@evil.example")


def test_sidebar_starts_with_home_and_user_markdown_reads_as_written(server, page) -> None:
    """The first navigation entry reads Home (not "app"); a title full of Markdown and of
    Streamlit's directives is shown exactly as typed: no bold, link, colour, icon or maths."""
    page.goto(server)
    wait_charts(page, 10)
    nav = page.locator('[data-testid="stSidebarNav"] a')
    assert nav.first.inner_text().strip() == "Home"
    assert [nav.nth(i).inner_text().strip() for i in range(nav.count())][1:3] == ["Read", "Who speaks"]
    page.get_by_text("Paste text").click()
    page.get_by_label("Title (optional)").fill(MARKDOWN_TITLE)
    page.get_by_label("Paste the article's text").fill(NEW_TEXT)
    page.get_by_role("button", name="Analyse this text").click()
    wait_charts(page, 3)
    caption = page.locator('[data-testid="stSidebar"] [data-testid="stCaptionContainer"]').last
    assert MARKDOWN_TITLE in caption.inner_text().replace(JOINER, "")  # what a reader sees
    assert caption.locator("a, em, strong strong, .katex, [role=img]").count() == 0
    lead = page.locator('[data-testid="stMarkdownContainer"]').filter(has_text="is told, paragraph by paragraph")
    assert MARKDOWN_TITLE in lead.first.inner_text().replace(JOINER, "")


def test_plotly_toolbar_leaves_the_chart_title_clear(server, page) -> None:
    """On hover, plotly's toolbar appears in a band of its own above the chart's title."""
    page.goto(server)
    wait_charts(page, 10)
    plot = page.locator(".js-plotly-plot").first
    plot.hover()
    bar = plot.locator(".modebar").bounding_box()
    title = plot.locator(".gtitle").bounding_box()
    assert bar and title and bar["y"] + bar["height"] <= title["y"] + 1
