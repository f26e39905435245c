"""The Who speaks page under AppTest, its chart builders, and a real Chromium run."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import analysis
from ui import sources_charts, state

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "pages" / "2_Who_speaks.py")


def run(article=None):
    at = AppTest.from_file(PAGE, default_timeout=60)
    if article is not None:
        at.session_state[state.FOCUS] = article
    return at.run()


def test_bundled_article(bundled):
    at = run()
    assert not at.exception and not at.error
    metrics = {m.label: m.value for m in at.metric}
    s = bundled.summary.iloc[0]
    assert metrics["Quotations"] == f"{s['quotes']:.0f}"
    assert metrics["Anonymous sources"] == f"{s['anonymous_sources']:.0f}"
    assert metrics["Anonymous share"] == f"{s['anonymous_share']:.0%}"
    sources = at.dataframe[0].value
    assert "a confidential brief seen by this publication" in set(sources["source"])
    assert set(sources["kind"]) == {"person", "organisation", "government", "anonymous"}  # the NCSC: sources 2.0
    assert len(at.dataframe[1].value) == s["quotes"]
    helps = {m.label: m.help for m in at.metric}
    assert "range 0 and up;" in helps["Quotations"]  # a count has no upper bound (it read "range 0")
    assert "range 0 to 1;" in helps["Anonymous share"]



def test_validity_line_quotes_the_validation_run(tmp_path, monkeypatch):
    """The figures under "How this is measured" are the validation run's held-out rows
    (data/validation.json), not numbers typed into the page: a run with other figures shows them."""
    import json

    from ui import methods

    names = ("quote_precision", "quote_recall", "speaker_precision", "speaker_recall", "anonymous_precision",
             "anonymous_recall")
    rows = [{"measure": "sources", "dataset": "onestopenglish_paragraphs_heldout", "metric": m, "value": v}
            for m, v in zip(names, (0.51, 0.52, 0.53, 0.54, 0.55, 0.56), strict=True)]
    rows.append({"measure": "sources", "dataset": "onestopenglish_paragraphs_all", "metric": "quote_precision",
                 "value": 0.99})
    path = tmp_path / "validation.json"
    path.write_text(json.dumps({"results": rows}), encoding="utf-8")
    monkeypatch.setattr(methods, "VALIDATION", path)
    line = next(m.value for m in run().markdown if m.value.startswith("**Validity**"))
    assert ("quotation precision 0.51 and recall 0.52; speaker precision 0.53, recall 0.54; "
            "anonymous-source precision 0.55, recall 0.56") in line
    monkeypatch.setattr(methods, "VALIDATION", tmp_path / "missing.json")
    line = next(m.value for m in run().markdown if m.value.startswith("**Validity**"))
    assert "not yet measured" in line and "0.5" not in line


@pytest.mark.parametrize("text", ["", "-", "😀 🔥", '<script>alert(1)</script> “x y z w,” said <b>Bob</b>.'])
def test_odd_articles_give_a_message_not_a_traceback(text):
    at = run(state.Article("odd", text, "pasted"))
    assert not at.exception and not at.error
    assert at.info or at.metric


def test_article_without_sources_says_so():
    at = run(state.Article("plain", "The river rose by a metre overnight. The town was flooded.", "pasted"))
    assert not at.exception
    assert any("No source found" in i.value for i in at.info)
    assert any("No direct quotation" in i.value for i in at.info)


def test_chart_stacks_named_and_anonymous_and_escapes_text():
    text = "“A b c d,” said Ann Lee.\n\nExperts warn that <b>it</b> may fail, insiders said."
    result = analysis.analyze(text)
    fig = sources_charts.attribution_along(result.paragraphs)
    bars = [t for t in fig.data if t.type == "bar"]
    assert [t.name.split(" ")[0] for t in bars] == ["Named", "Anonymous"]
    assert list(bars[0].y) == [1, 0] and list(bars[1].y) == [0, 2]
    assert fig.layout.barmode == "stack"
    assert all("<b>" not in c for c in bars[0].customdata) and any("&lt;b&gt;" in c for c in bars[0].customdata)


def test_kinds_bar_counts_mentions():
    frame = pd.DataFrame({"kind": ["person", "anonymous", "anonymous"], "mentions": [2, 1, 3]})
    fig = sources_charts.kinds_bar(frame)
    assert list(fig.data[0].x) == [2, 0, 4]


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.browser
def test_page_in_chromium(tmp_path):
    from playwright.sync_api import sync_playwright

    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                      "--disable-component-update", "--disable-sync", "--no-first-run"])
            page = browser.new_page(viewport={"width": 1500, "height": 1100})
            page.goto(f"http://127.0.0.1:{port}/Who_speaks", wait_until="networkidle")
            page.get_by_text("Every source (8)").wait_for(timeout=60000)
            page.locator(".js-plotly-plot").first.wait_for(timeout=60000)
            time.sleep(1.5)
            out = ROOT / "tests" / "artifacts"
            out.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out / "who_speaks.png"), full_page=True)
            page.get_by_text("Direct quotations (4)").scroll_into_view_if_needed()
            time.sleep(1.0)
            page.screenshot(path=str(out / "who_speaks_tables.png"))
            assert page.get_by_text("Traceback").count() == 0
            assert page.get_by_text("Anonymous share").count() >= 1
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=20)
