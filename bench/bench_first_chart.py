"""Time to first chart: `streamlit run` start -> first Plotly chart drawn in Chromium.

Our home page (app.py on the bundled article) against a minimal Streamlit app that draws one
Plotly chart, in the same run, interleaved, several repetitions each; prints the medians and
their ratio (target: ours <= 1.3 x minimal). Also the time from a widget change to the chart
redrawn with new data: on our home page, submitting pasted text (analysis + both charts);
in the minimal app, a radio that switches the chart's data.

    python bench/bench_first_chart.py [--reps 5]

Each measurement starts a fresh server process (cold imports, cold caches), waits for
/_stcore/health, opens the page in Debian's Chromium (launched once, outside the timing,
a new browser context per run) and stops when `.js-plotly-plot .main-svg` exists.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from devkit.browser import CHROMIUM, CHROMIUM_ARGS, free_port, loopback_only, start_server, stop, wait_healthy  # noqa: E402

MINIMAL = '''
import plotly.graph_objects as go
import streamlit as st

st.set_page_config(page_title="minimal", layout="wide")
st.title("Minimal")
which = st.radio("Data", ["A", "B"], horizontal=True)
y = [1, 3, 2, 4, 3, 5, 4, 6, 5, 7] if which == "A" else [7, 5, 6, 4, 5, 3, 4, 2, 3]
st.plotly_chart(go.Figure(go.Scatter(x=list(range(len(y))), y=y)), theme=None)
'''
NEW_TEXT = ("Officials may have known about the breach for weeks, according to people familiar with it.\n\n"
            "The ministry said the risk to the public was low and that no data had been lost.\n\n"
            "Critics warn of a looming catastrophe and urge immediate action before panic spreads.")
FIRST = ".js-plotly-plot .main-svg"
LENGTH = "n => { const p = document.querySelector('.js-plotly-plot');" \
         " return p && p._fullData && p._fullData[0] && p._fullData[0].y.length === n; }"


def first_chart(browser, script: Path) -> tuple[float, float, float]:
    """Seconds from starting the server to the first chart, of which from opening the page
    (server healthy) to the first chart, and for a widget change to redraw."""
    port = free_port()
    t0 = time.perf_counter()
    proc = start_server(script, script.parent, port)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, proc)
        healthy = time.perf_counter()
        ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
        ctx.route("**/*", loopback_only)
        page = ctx.new_page()
        page.set_default_timeout(120_000)
        page.goto(url)
        page.wait_for_selector(FIRST, state="attached")
        first = time.perf_counter() - t0
        page_part = time.perf_counter() - healthy
        if script.name == "app.py":
            page.wait_for_function(LENGTH, arg=10)
            page.get_by_text("Paste text").click()
            page.get_by_label("Paste the article's text").fill(NEW_TEXT)
            page.wait_for_timeout(300)
            t1 = time.perf_counter()
            page.get_by_role("button", name="Analyse this text").click()
            page.wait_for_function(LENGTH, arg=3, polling=20)
        else:
            page.wait_for_function(LENGTH, arg=10)
            t1 = time.perf_counter()
            page.get_by_text("B", exact=True).click()
            page.wait_for_function(LENGTH, arg=9, polling=20)
        redraw = time.perf_counter() - t1
        ctx.close()
        return first, page_part, redraw
    finally:
        stop(proc)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=5)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        minimal = Path(tmp) / "minimal_app.py"
        minimal.write_text(MINIMAL, encoding="utf-8")
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        results: dict[str, list[tuple[float, float, float]]] = {"ours": [], "minimal": []}
        for rep in range(args.reps):
            order = [("ours", ROOT / "app.py"), ("minimal", minimal)]
            for name, script in order if rep % 2 == 0 else order[::-1]:
                first, page_part, redraw = first_chart(browser, script)
                results[name].append((first, page_part, redraw))
                print(f"rep {rep + 1} {name:8s} first chart {first:6.2f} s (page open -> chart {page_part:5.2f} s)"
                      f"   widget -> redraw {redraw:5.2f} s", flush=True)
        browser.close()
    med = {k: [statistics.median(run[i] for run in v) for i in range(3)] for k, v in results.items()}
    print(f"\nmedian over {args.reps} runs each (fresh server per run):")
    for k, (f, p, r) in med.items():
        print(f"  {k:8s} first chart {f:6.2f} s (page open -> chart {p:5.2f} s)   widget -> redraw {r:5.2f} s")
    print(f"  ratio first chart ours/minimal           = {med['ours'][0] / med['minimal'][0]:.2f} (target <= 1.3)")
    print(f"  ratio page open -> chart ours/minimal    = {med['ours'][1] / med['minimal'][1]:.2f}")
    print(f"  ratio widget -> redraw ours/minimal      = {med['ours'][2] / med['minimal'][2]:.2f}")


if __name__ == "__main__":
    main()
