"""Load test: a research group on one server. Loopback only, bounded in count and time.

    python bench/bench_load.py [--concurrent 5] [--sequential 20] [--timeout 120] [--budget 570]
                               [--ttl 10] [--bound-mb 150]

Starts `streamlit run app.py` on 127.0.0.1 (a free port; NARRATIVE_LENS_DATA in a temporary
folder) and drives Debian's Chromium through Playwright (bench/loadkit.py has the session):
each researcher uploads an article carrying a unique marker (MARKER-<hex>), exports the
paragraph table as CSV, reads it (Read), compares it with a second upload (Compare) and
imports two files into a saved workspace (Coverage). After every step the page's whole HTML
(and the exported CSV) is searched for every other researcher's marker.

1. Warm-up: one session, not counted (the first one pays the imports and lexicon loads).
2. ``--concurrent`` sessions at once (one browser, one context each) while the server's RSS
   (with any parser child) and CPU are sampled every 0.25 s. Reports per-session memory
   ((peak RSS - RSS before) / sessions), the 95th percentile of interaction times, and the
   RSS after the sessions close and again after Streamlit's disconnected-session TTL
   (``--ttl``, passed as --server.disconnectedSessionTTL; the shipped default is 120 s).
3. ``--sequential`` sessions one after another, RSS sampled after each closes; every one
   also checks that no marker of ANY earlier session appears. Reports the growth and checks
   it against ``--bound-mb``. These skip the Coverage step (its second page load doubles a
   session's time; ``--sequential-coverage`` puts it back), so that 20 fit the time budget
   on a shared 2-core machine; the warm-up and concurrent sessions run it.

The bound (150 MB over 20 sessions). What may legitimately grow: the analysis cache
(ui/cache.py, at most 64 entries; an analysis of these articles pickles to ~40 KB, so
< 3 MB), the comparison cache (16 entries, < 2 MB), the lexicon and syllable caches (bounded
by vocabulary: the articles share one vocabulary), and CPython's allocator keeping freed
arenas (tens of MB, not proportional to sessions). What must not: a session's state
outliving it. The concurrent phase measures what one session holds; the script prints how
much 20 retained sessions would add, so the bound is seen to catch a leak of whole sessions.

Exit status 1 when a session failed, a marker crossed sessions, or the growth exceeded the
bound; the figures are printed either way. Nothing here runs in the test suite (the pytest
variant is tests/server/test_isolation_browser.py: two sessions, isolation only, untimed).
"""

from __future__ import annotations

import argparse
import asyncio
import math
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from devkit import loadkit  # noqa: E402


def p95(values: list[float]) -> float:
    """Nearest-rank 95th percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)] if ordered else float("nan")


def report_sessions(label: str, results: list[loadkit.SessionResult]) -> bool:
    ok = True
    for r in results:
        status = "ok" if r.ok else "FAILED"
        steps = " ".join(f"{k}={v:.1f}s" for k, v in r.steps.items())
        print(f"  {label} {r.marker}: {status}  {steps}  own marker seen in: {', '.join(sorted(r.own_seen))}")
        if r.error:
            print(f"    error: {r.error}")
        for leak in r.leaks:
            print(f"    LEAK: {leak}")
        ok = ok and r.ok
    return ok


async def sequential(base: str, count: int, earlier: list[str], sampler: loadkit.Sampler, timeout_s: float,
                     deadline: float, coverage: bool) -> tuple[list[loadkit.SessionResult], list[float]]:
    from playwright.async_api import async_playwright

    results, rss = [], []
    seen = list(earlier)
    async with async_playwright() as pw:
        browser = await loadkit.launch(pw)
        try:
            for i in range(count):
                if time.monotonic() > deadline:
                    print(f"  time budget reached: stopped after {i} sequential sessions")
                    break
                mark = loadkit.marker()
                seen.append(mark)
                t0 = time.monotonic()
                res = await loadkit.run_session(browser, base, mark, list(seen), timeout_s, coverage=coverage)
                await asyncio.sleep(1.0)
                rss.append(sampler.rss_mb())
                results.append(res)
                print(f"  session {i + 1:2d}: {'ok' if res.ok else 'FAILED'} in {time.monotonic() - t0:5.1f} s, "
                      f"server RSS after close {rss[-1]:7.1f} MiB" + (f"  ({res.error})" if res.error else "")
                      + (f"  LEAKS {res.leaks}" if res.leaks else ""), flush=True)
        finally:
            await browser.close()
    return results, rss


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--concurrent", type=int, default=5)
    ap.add_argument("--sequential", type=int, default=20)
    ap.add_argument("--timeout", type=float, default=120, help="seconds allowed per interaction")
    ap.add_argument("--budget", type=float, default=570, help="no new session starts after this many seconds")
    ap.add_argument("--ttl", type=int, default=10, help="server.disconnectedSessionTTL for this run (s)")
    ap.add_argument("--bound-mb", type=float, default=150, help="allowed RSS growth over the sequential sessions")
    ap.add_argument("--sequential-coverage", action="store_true",
                    help="include the Coverage step in sequential sessions (a second page load each; slower)")
    args = ap.parse_args(argv)

    started = time.monotonic()
    deadline = started + args.budget
    folder = Path(tempfile.mkdtemp(prefix="nl-load-"))
    server = loadkit.Server(folder / "data", folder / "streamlit.log", ttl_s=args.ttl)
    server.start()
    assert server.proc is not None
    sampler = loadkit.Sampler(server.proc.pid)
    sampler.start()
    ok = True
    try:
        print(f"server {server.url} (pid {server.proc.pid}), data in {folder / 'data'}, "
              f"disconnectedSessionTTL {args.ttl} s; RSS at start {sampler.rss_mb():.1f} MiB")
        print("warm-up session (not counted)")
        ok &= report_sessions("warm-up", asyncio.run(loadkit.concurrent(server.url, 1, args.timeout)))
        time.sleep(args.ttl + 3)
        before = sampler.rss_mb()
        print(f"RSS after warm-up, its session expired: {before:.1f} MiB")

        print(f"\n{args.concurrent} concurrent sessions")
        cpu0 = sum(server_cpu(sampler))
        t0 = time.monotonic()
        results = asyncio.run(loadkit.concurrent(server.url, args.concurrent, args.timeout))
        t1 = time.monotonic()
        cpu1 = sum(server_cpu(sampler))
        ok &= report_sessions("concurrent", results)
        window = sampler.window(t0, t1)
        peak = max(s[1] for s in window)
        times = [v for r in results for v in r.steps.values()]
        closed_now = sampler.rss_mb()
        time.sleep(args.ttl + 3)
        closed_later = sampler.rss_mb()
        per_session = (peak - before) / args.concurrent
        print(f"  wall time {t1 - t0:.1f} s; {len(times)} interactions: median {statistics.median(times):.2f} s, "
              f"95th percentile {p95(times):.2f} s, max {max(times):.2f} s")
        for step in results[0].steps:
            vals = [r.steps[step] for r in results if step in r.steps]
            print(f"    {step:9s} median {statistics.median(vals):6.2f} s  max {max(vals):6.2f} s")
        print(f"  server RSS: before {before:.1f} MiB, peak {peak:.1f} MiB -> {per_session:.1f} MiB per session")
        print(f"  server CPU: {cpu1 - cpu0:.1f} s of CPU in {t1 - t0:.1f} s "
              f"(mean {statistics.fmean(s[2] for s in window):.0f} %, max {max(s[2] for s in window):.0f} % of one core; "
              f"{(cpu1 - cpu0) / args.concurrent:.1f} CPU s per session)")
        print(f"  RSS after the sessions closed: {closed_now:.1f} MiB at once, {closed_later:.1f} MiB after the "
              f"{args.ttl} s TTL (+3 s)")

        flow = "full flow" if args.sequential_coverage else "flow without the Coverage step"
        print(f"\n{args.sequential} sequential sessions ({flow})")
        earlier = [r.marker for r in results]
        seq, rss = asyncio.run(sequential(server.url, args.sequential, earlier, sampler, args.timeout, deadline,
                                          args.sequential_coverage))
        ok &= report_sessions("sequential", [r for r in seq if not r.ok]) if any(not r.ok for r in seq) else True
        if rss:
            growth = rss[-1] - rss[0]
            slope = _slope(rss)
            print(f"  RSS after each: {' '.join(f'{v:.0f}' for v in rss)} MiB")
            print(f"  growth from session 1 to {len(rss)}: {growth:+.1f} MiB (least-squares slope "
                  f"{slope:+.2f} MiB per session); from before the first: {rss[-1] - closed_later:+.1f} MiB")
            retained = per_session * len(rss)
            print(f"  bound: {args.bound_mb:.0f} MiB; {len(rss)} sessions retained whole would add about "
                  f"{retained:.0f} MiB (at {per_session:.1f} MiB each, measured above)")
            within = growth < args.bound_mb
            print(f"  growth within bound: {'yes' if within else 'NO'}")
            ok &= within
        failed = sum(not r.ok for r in [*results, *seq])
        leaks = sum(len(r.leaks) for r in [*results, *seq])
        print(f"\nsessions: {len(results) + len(seq)}, failed: {failed}, cross-session markers seen: {leaks}; "
              f"total time {time.monotonic() - started:.0f} s")
    finally:
        sampler.stop()
        server.stop()
    print("RESULT:", "PASS" if ok else "FAIL")
    return 0 if ok else 1


def server_cpu(sampler: loadkit.Sampler) -> tuple[float, float]:
    t = sampler.proc.cpu_times()
    return (t.user, t.system)


def _slope(ys: list[float]) -> float:
    n = len(ys)
    if n < 2:
        return 0.0
    mx, my = (n - 1) / 2, statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in enumerate(ys)) / sum((x - mx) ** 2 for x in range(n))


if __name__ == "__main__":
    sys.exit(main())
