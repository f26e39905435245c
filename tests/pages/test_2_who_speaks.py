"""The Who speaks page under AppTest and in a real Chromium run (its chart builders:
tests/views/test_sources_charts.py)."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis.measures import column
from ui import state

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
    assert metrics["Anonymous share"] == f"{s['anonymous_share']:.2f}"  # as its Column declares (2 digits)
    # the five kinds of source of sources 2.0, and scare quotes, each with its own figure
    for name in ("sources_people", "sources_organisations", "sources_governments", "sources_documents",
                 "anonymous_sources", "scare_quotes"):
        assert metrics[column(name).label] == f"{s[name]:.0f}", name
    assert (metrics["People"], metrics["Governments"]) == ("2", "1")  # Dario Amodei and Dr Marsh; the NCSC
    named = f"Named sources: {s['named_sources']:.0f}, the sum of the named kinds (people, organisations, "
    assert any(c.value.startswith(named) for c in at.caption)
    sources = at.table[0].value  # static tables: every row and every word shown
    assert "a confidential brief seen by this publication" in set(sources["Source"])
    assert set(sources["Kind"]) == {"person", "organisation", "government", "anonymous"}  # the NCSC: sources 2.0
    assert len(at.table[1].value) == s["quotes"]
    helps = {m.label: m.help for m in at.metric}
    assert "range 0 and up;" in helps["Quotations"]  # a count has no upper bound (it read "range 0")
    assert "range 0 to 1;" in helps["Anonymous share"]
    assert any(h.value == "Scare quotes (0)" for h in at.subheader)


def test_scare_quotes_are_listed_with_their_paragraph():
    text = ("Rivals used so-called “distillation” to copy the model.\n\n"
            "“We will fight this in every court,” said Mary Jones, the chief executive.")
    at = run(state.Article("scare", text, "pasted"))
    assert not at.exception and not at.error
    assert {m.label: m.value for m in at.metric}["Scare quotes"] == "1"
    scare = next(t.value for t in at.table if "Quoted words" in t.value.columns)
    assert scare["¶"].tolist() == ["¶ 1"] and scare["Quoted words"].str.contains("distillation").all()


def _validation(tmp_path, monkeypatch, rows):
    import json

    from analysis import paths

    path = tmp_path / "validation.json"
    path.write_text(json.dumps({"results": rows}), encoding="utf-8")
    monkeypatch.setattr(paths, "VALIDATION", path)


def test_validity_quotes_the_validation_runs_held_out_rows(tmp_path, monkeypatch):
    """The figures under "How this is measured" are the held-out rows of the kinds' yardstick
    (``sources_annotated``) in data/validation.json, not numbers typed into the page: a run with
    other figures shows them, and the development half is never quoted as the validity."""
    metrics = ["quote_precision", "quote_recall", "speaker_precision", "speaker_recall"]
    metrics += [f"{k}_{m}" for k in ("person", "organisation", "government", "document", "anonymous", "source",
                                     "scare") for m in ("precision", "recall")]
    rows = [{"measure": "sources", "dataset": "sources_annotated", "part": "held-out", "metric": m,
             "value": 0.5 + i / 100, "ci_low": 0.4, "ci_high": 0.7, "n": 10 + i} for i, m in enumerate(metrics)]
    rows += [{**r, "part": "development", "value": 0.99} for r in rows]
    _validation(tmp_path, monkeypatch, rows)
    at = run()
    line = next(m.value for m in at.markdown if m.value.startswith("**Validity**"))
    assert "held-out half" in line and "0.99" not in line
    assert ("quotations found with precision 0.50 [0.40, 0.70] and recall 0.51 [0.40, 0.70]; the speaker of a "
            "quotation is right for 0.53 [0.40, 0.70] of the quotations with a speaker (precision 0.52") in line
    assert "`python -m analysis.eval_sources --external DIR --part held-out`" in line
    table = next(t.value for t in at.table if "Kind" in t.value.columns and "Recall [95% CI] (n)" in t.value.columns)
    assert table["Kind"].tolist() == ["People", "Organisations", "Governments", "Documents", "Anonymous",
                                      "Any source", "Scare quotes"]
    assert table.iloc[4].tolist() == ["Anonymous", "0.62 [0.40, 0.70] (n = 22)", "0.63 [0.40, 0.70] (n = 23)"]


def test_validity_says_why_when_not_measured(tmp_path, monkeypatch):
    from analysis import paths

    absent = [{"measure": "sources", "dataset": "sources_annotated", "part": "held-out", "metric": "quote_f1",
               "value": None, "n": 0, "absent": "FactBank's text is not in the external folder"}]
    _validation(tmp_path, monkeypatch, absent)
    line = next(m.value for m in run().markdown if m.value.startswith("**Validity**"))
    assert "not yet measured" in line and "FactBank" in line
    monkeypatch.setattr(paths, "VALIDATION", tmp_path / "missing.json")
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
