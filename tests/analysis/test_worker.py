"""The scoring worker (analysis/worker.py): a real child process, real limits, real signals."""

from __future__ import annotations

import os
import signal
import time

import pandas as pd
import pytest

from analysis import analyze, worker
from analysis.worker import Progress, Stopped, WorkerLimits
from devkit import fixtures as fx


def _wait_scoring(job: worker.Job, timeout: float = 120) -> None:
    """Until the child reports a paragraph scored (not a timing assertion: a bound on waiting)."""
    end = time.monotonic() + timeout
    while job.progress.done == 0 and not job.done():
        assert time.monotonic() < end, "the child never started scoring"
        time.sleep(0.02)


def test_result_is_the_analysis_the_pipeline_makes():
    text = fx.BUNDLED.read_text(encoding="utf-8")
    got = worker.start(text, "bundled.txt").result(timeout=120)
    ref = analyze(text, name="bundled.txt")
    for frame in ("paragraphs", "evidence", "summary"):
        pd.testing.assert_frame_equal(getattr(got, frame), getattr(ref, frame))
    assert got.text == text and got.name == "bundled.txt"
    assert {k: v for k, v in got.meta.items() if k != "analysed_at"} == \
        {k: v for k, v in ref.meta.items() if k != "analysed_at"}


def test_progress_counts_paragraphs_up_to_the_total():
    job = worker.start(fx.prose(20_000), "p.txt")
    result = job.result(timeout=120)
    total = len(result.paragraphs)
    history = job.history
    assert history[0].stage == "segmenting" and history[-1] == Progress(total, total, "done")
    scoring = [p for p in history if p.stage == "scoring"]
    assert scoring and all(p.total == total for p in scoring)
    assert any(0 < p.done < total for p in scoring)  # reported on the way, at least once per measure
    dones = [p.done for p in history]
    assert dones == sorted(dones)
    assert job.progress.share == 1.0


def test_score_calls_back_with_progress():
    seen: list[Progress] = []
    result = worker.score(fx.ARTICLE, "a.txt", on_progress=seen.append)
    assert seen[-1].stage == "done" and seen[-1].done == len(result.paragraphs)


def test_cancel_kills_the_child():
    job = worker.start(fx.prose(200_000), "long.txt")
    _wait_scoring(job)
    job.cancel()
    with pytest.raises(Stopped) as info:
        job.result(timeout=30)
    assert info.value.reason == "cancelled" and str(info.value) == "long.txt: scoring was cancelled"
    assert job.proc.returncode == -signal.SIGKILL
    with pytest.raises(ProcessLookupError):
        os.kill(job.pid, 0)
    assert job.progress.stage == "stopped"


def test_score_cancels_when_asked():
    asked: list[Progress] = []
    with pytest.raises(Stopped, match="cancelled"):
        worker.score(fx.prose(200_000), "long.txt", on_progress=asked.append,
                     cancelled=lambda: bool(asked) and asked[-1].done > 0)


def test_wall_clock_limit():
    with pytest.raises(Stopped) as info:
        worker.start(fx.prose(150_000), "long.txt", WorkerLimits(wall_seconds=1.0)).result(timeout=60)
    assert info.value.reason == "time"
    assert str(info.value).startswith("long.txt: scoring took longer than 1 s and was stopped")


def test_cpu_time_limit():
    with pytest.raises(Stopped) as info:
        worker.start(fx.prose(150_000), "long.txt", WorkerLimits(cpu_seconds=1)).result(timeout=120)
    assert info.value.reason == "cpu"
    assert "more than 1 s of CPU time" in str(info.value)


def test_memory_limit_stops_a_text_that_needs_more():
    """500 MiB of address space is enough for a short article and not for 250,000 words."""
    small = WorkerLimits(memory_bytes=500 * 2**20)
    assert len(worker.start(fx.ARTICLE, "a.txt", small).result(timeout=120).paragraphs) == 4
    with pytest.raises(Stopped) as info:
        worker.start(fx.prose(250_000), "big.txt", small).result(timeout=300)
    assert info.value.reason == "memory"
    assert str(info.value).startswith("big.txt: scoring needed more than the 500 MiB of memory")


def test_a_crash_is_reported_as_such():
    job = worker.start(fx.prose(200_000), "long.txt")
    _wait_scoring(job)
    os.kill(job.pid, signal.SIGSEGV)
    with pytest.raises(Stopped) as info:
        job.result(timeout=30)
    assert info.value.reason == "crashed" and "(SIGSEGV)" in str(info.value)


def test_the_default_limits_hold_the_costliest_text_the_caps_accept():
    """250,000 words, every one a lexicon term, in 20,000 paragraphs: the worst shape at the
    caps (bench/bench_upload_cap.py) fits the default memory and CPU-time limits. (The wall
    clock is raised here: it depends on the machine's load, which a test must not.)"""
    words = fx.dense(250_000).split()
    text = "\n\n".join(" ".join(words[i:i + 12]) + "." for i in range(0, 240_000, 12))
    from analysis.ingest import check_text

    check_text(text, "worst.txt")
    limits = WorkerLimits(wall_seconds=600)
    assert (limits.cpu_seconds, limits.memory_bytes) == (WorkerLimits().cpu_seconds, 2**30)
    result = worker.start(text, "worst.txt", limits).result(timeout=600)
    assert len(result.paragraphs) == 20_000
