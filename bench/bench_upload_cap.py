"""Time and peak memory of scoring one accepted text, per size up to the caps, and how fast
what is over them is refused.

    python -m bench.bench_upload_cap [--fractions 0.125,0.25,0.5,1] [--modes cli,worker]
                                      [--shapes prose,dense,...] [--no-refusals]

For every shape of text (devkit/fixtures.py) and every fraction of the caps of
``analysis.ingest.limits`` (their defaults, or the NARRATIVE_LENS_MAX_* variables):

- ``cli``: ``python -m analysis score FILE`` (the command line's CSV) in a fresh process;
  wall-clock time, CPU time and peak resident memory of that process (``os.wait4``);
- ``worker``: ``analysis.worker`` (the child process the dashboard will score in) under its
  default limits, from a fresh process that only starts the job and waits; CPU time and
  peak memory are the worker child's (the only child of that process).

Shapes, each at its own cap (the text of every size is checked against the caps first):
``prose`` news-like text; ``dense`` every word a lexicon term, in as many paragraphs as the
line cap allows and as many words as the word and character caps allow (the costliest shape
at the caps); ``paragraphs`` one-word paragraphs up to
the line cap; ``sentences`` sentences as long as the sentence cap; ``nospace`` one word as
long as the character cap.

Then the shapes of issue 20 that the caps refuse: the time from the bytes to the refusal.

Printed: absolute figures, each against the budget (60 s, 1 GiB) and per 10,000 words, and
the ratio of CPU time to prose at the same fraction of the caps. No assertion: figures for a person to read. The wall
clock depends on the machine's load (printed first); CPU time and memory do not.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.ingest import UnreadableInput, load_bytes  # noqa: E402
from analysis.ingest.limits import TextLimits, from_environment  # noqa: E402
from devkit import fixtures as fx  # noqa: E402

BUDGET_SECONDS = 60.0
BUDGET_BYTES = 2**30


def _spread(words: list[str], paragraphs: int) -> str:
    """``words`` in ``paragraphs`` paragraphs of (nearly) equal length, each ending a sentence."""
    n = max(1, min(paragraphs, len(words)))
    out, start = [], 0
    for i in range(n):
        end = (i + 1) * len(words) // n
        out.append(" ".join(words[start:end]).capitalize() + ".")
        start = end
    return "\n\n".join(out) + "\n"


def _at_most(text: str, words: int) -> str:
    """``text`` without its last paragraphs, down to at most ``words`` words."""
    pars = text.split("\n\n")
    count = len(text.split())
    while count > words and pars:
        count -= len(pars.pop().split())
    return "\n\n".join(pars) + "\n"


def _fill(words: list[str], most: int, chars: int) -> list[str]:
    """The first words of ``words``: at most ``most`` of them and about ``chars`` characters."""
    out, size = [], 0
    for w in words[:most]:
        size += len(w) + 1
        if size > chars:
            break
        out.append(w)
    return out


def shapes(lim: TextLimits) -> dict[str, Callable[[float], str]]:
    return {
        "prose": lambda f: _at_most(fx.prose(int(lim.words * f)), int(lim.words * f)),
        "dense": lambda f: _spread(_fill(fx.dense(int(lim.words * f)).split(), int(lim.words * f) - 10,
                                         int(lim.chars * f) - int(lim.lines * f) * 3), int(lim.lines * f)),
        "paragraphs": lambda f: fx.short_paragraphs(int(lim.lines * f), 1),
        "sentences": lambda f: fx.long_sentences(int(lim.words * f) - 10, lim.sentence_words),
        "nospace": lambda f: fx.no_spaces(int(lim.chars * f)),
    }


def _one_worker(path: str) -> None:
    """Body of ``--one-worker PATH``: score the file's text in the worker, print figures."""
    from analysis import worker

    text = Path(path).read_text(encoding="utf-8")
    start = time.monotonic()
    try:
        worker.start(text, "bench.txt").result()
        outcome = "scored"
    except worker.Stopped as exc:
        outcome = f"stopped: {exc.reason}"
    wall = time.monotonic() - start
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "peak": ru.ru_maxrss * 1024,
                      "outcome": outcome}))


def measure(mode: str, path: Path) -> dict[str, object]:
    if mode == "cli":
        cmd = [sys.executable, "-m", "analysis", "score", str(path)]
    else:
        cmd = [sys.executable, "-m", "bench.bench_upload_cap", "--one-worker", str(path)]
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE if mode == "worker" else subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    out = proc.stdout.read() if proc.stdout else b""
    err = proc.stderr.read() if proc.stderr else b""
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    if mode == "cli":
        code = os.waitstatus_to_exitcode(status)
        outcome = "scored" if code == 0 else f"exit {code}: {err.decode(errors='replace').strip()[:80]}"
        return {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "peak": ru.ru_maxrss * 1024, "outcome": outcome}
    return json.loads(out.decode().strip().splitlines()[-1])


def refusals() -> None:
    print("\nRefused before scoring (issue 20's shapes): seconds from the bytes to the message")
    cases = {
        "19 MiB of prose (19mib.txt)": ("19mib.txt", None),
        "5 MB without a space": ("no-spaces.txt", None),
        "100,000 one-word paragraphs": ("tiny-paragraphs.txt", None),
        "one 100,000-word sentence": ("long.txt", fx.lowercase_stops(100_000).encode()),
        "DOCX 13 MB -> 100 MB of XML": ("expands.docx", None),
    }
    for label, (name, data) in cases.items():
        data = data if data is not None else fx.make(name)
        start = time.perf_counter()
        try:
            load_bytes(data, name)
            outcome = "ACCEPTED"
        except UnreadableInput as exc:
            outcome = str(exc)[:110]
        print(f"  {label:<30} {len(data):>12,} bytes {time.perf_counter() - start:7.2f} s  {outcome}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fractions", default="0.125,0.25,0.5,1")
    parser.add_argument("--modes", default="cli,worker")
    parser.add_argument("--shapes", default="prose,dense,paragraphs,sentences,nospace")
    parser.add_argument("--no-refusals", action="store_true")
    parser.add_argument("--one-worker", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_worker:
        _one_worker(args.one_worker)
        return
    lim = from_environment()
    load = os.getloadavg()
    print(f"caps: {lim.words:,} words, {lim.chars:,} characters, {lim.lines:,} lines, sentences of at most "
          f"{lim.sentence_words:,} words; budget {BUDGET_SECONDS:g} s and {BUDGET_BYTES / 2**30:g} GiB")
    print(f"load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} on {os.cpu_count()} cores "
          "(wall-clock figures depend on it)")
    print(f"{'shape':<11}{'mode':<7}{'size':>6}{'words':>10}{'chars':>11}{'lines':>8}{'wall s':>8}{'CPU s':>7}"
          f"{'peak MiB':>9}{'% 60 s':>7}{'% 1 GiB':>8}{'CPU s/10k w':>12}{'x prose':>8}  outcome")
    prose_cpu: dict[tuple[str, float], float] = {}
    makers = shapes(lim)
    with tempfile.TemporaryDirectory() as tmp:
        for shape in args.shapes.split(","):
            for fraction in (float(f) for f in args.fractions.split(",")):
                text = makers[shape](fraction)
                words = len(text.split())
                lines = sum(1 for line in text.splitlines() if line.strip())
                path = Path(tmp) / f"{shape}-{fraction}.txt"
                path.write_text(text, encoding="utf-8")
                try:
                    load_bytes(path.read_bytes(), path.name, lim)
                except UnreadableInput as exc:
                    print(f"{shape:<11}{'-':<7}{fraction:>6g}{words:>10,}{len(text):>11,}{lines:>8,}  over a cap: {exc}")
                    continue
                for mode in args.modes.split(","):
                    got = measure(mode, path)
                    cpu, peak, wall = float(got["cpu"]), float(got["peak"]), float(got["wall"])
                    if shape == "prose":
                        prose_cpu[(mode, fraction)] = cpu
                    ratio = cpu / prose_cpu[(mode, fraction)] if (mode, fraction) in prose_cpu else float("nan")
                    per = cpu / words * 10_000 if words else float("nan")
                    print(f"{shape:<11}{mode:<7}{fraction:>6g}{words:>10,}{len(text):>11,}{lines:>8,}{wall:>8.1f}"
                          f"{cpu:>7.1f}{peak / 2**20:>9.0f}{100 * wall / BUDGET_SECONDS:>6.0f}%"
                          f"{100 * peak / BUDGET_BYTES:>7.0f}%{per:>12.2f}{ratio:>8.2f}  {got['outcome']}",
                          flush=True)
    if not args.no_refusals:
        refusals()


if __name__ == "__main__":
    main()
