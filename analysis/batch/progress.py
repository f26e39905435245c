"""A small progress bar on standard error: done/total, rate, and time left.

On a terminal it redraws one line; in a log file (not a terminal) it writes a line every
``every`` seconds and at the end, so a batch job's log stays readable.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


def _clock(seconds: float) -> str:
    if seconds != seconds or seconds == float("inf"):
        return "--:--"
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60:02d}:{s % 60:02d}"


class Progress:
    """``update(articles, paragraphs)`` as work is done; ``skip(n)`` for work already done."""

    def __init__(self, total: int, stream: TextIO | None = None, every: float = 5.0, width: int = 24) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.every = 0.2 if self.tty else every
        self.width = width
        self.done = self.skipped = self.paragraphs = 0
        self.start = time.monotonic()
        self._last = 0.0

    def skip(self, n: int = 1) -> None:
        self.skipped += n
        self._draw()

    def update(self, articles: int, paragraphs: int = 0) -> None:
        self.done += articles
        self.paragraphs += paragraphs
        self._draw()

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.start, 1e-9)
        seen = self.done + self.skipped
        rate = self.done / elapsed
        left = (self.total - seen) / rate if rate > 0 else float("nan")
        share = seen / self.total if self.total else 1.0
        filled = int(share * self.width)
        bar = "#" * filled + "-" * (self.width - filled)
        skipped = f", {self.skipped:,} already done" if self.skipped else ""
        return (f"[{bar}] {seen:,}/{self.total:,} articles{skipped} {share:4.0%} | "
                f"{rate:,.1f} articles/s, {self.paragraphs / elapsed:,.0f} paragraphs/s | "
                f"{_clock(elapsed)} elapsed, {_clock(left)} left")

    def _draw(self, final: bool = False) -> None:
        now = time.monotonic()
        if not final and now - self._last < self.every:
            return
        self._last = now
        if self.tty:
            self.stream.write("\r" + self.line() + ("\n" if final else ""))
        else:
            self.stream.write(self.line() + "\n")
        self.stream.flush()

    def close(self) -> None:
        self._draw(final=True)
