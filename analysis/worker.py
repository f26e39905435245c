"""Score one text in a child process with CPU-time, memory and wall-clock limits; report
progress; cancel on request. For the dashboard, which must not score on its script thread.

    job = worker.start(text, name="article.txt")      # returns at once
    job.progress                 # Progress(done=1200, total=4000, stage="scoring")
    job.cancel()                 # the child is killed; result() then raises Stopped("cancelled")
    result = job.result()        # the Analysis, or Stopped with a reason fit for the user

``worker.score(text, name, on_progress=..., cancelled=...)`` does the same and blocks.

The child is a fresh ``python -I`` (no user site, no PYTHON* variables) that imports this
package and calls ``analysis.analyze(text, name=...)``, nothing else: its result comes back
pickled over a pipe, identical to scoring in the process. Before it reads the text it lowers
its own limits: RLIMIT_CPU (SIGXCPU, then SIGKILL), RLIMIT_AS (a MemoryError, reported as the
memory limit) and no core file; the parent kills it at the wall-clock limit or on cancel.
pyarrow's allocator reserves about a gigabyte of address space it never touches, so the
child uses the system allocator (ARROW_DEFAULT_MEMORY_POOL=system) and one thread per math
library: RLIMIT_AS then bounds memory actually used (address space is always at least the
resident size, so the limit is an upper bound on the peak).

Progress is counted in paragraphs: the segmenter's paragraph count is the total, and each
call of a measure's ``score`` on one paragraph is a step, so ``done`` is steps / measures
and reaches ``total`` when every measure has scored every paragraph. It is observed from
outside the pipeline (the child wraps the registered measures' ``score``), so it needs no
change there; if the pipeline stops calling ``score`` per paragraph, progress only jumps from
0 to done.
"""

from __future__ import annotations

import collections
import json
import os
import pickle
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[1]
BOOT = "import sys; sys.path.insert(0, sys.argv[1]); from analysis.worker import _child; _child(sys.argv[2:])"
STAGES = ("starting", "segmenting", "scoring", "sending", "done", "stopped")


@dataclass(frozen=True)
class WorkerLimits:
    """Per job. The defaults hold every text the caps of ``analysis.ingest.limits`` accept
    with room to spare (the costliest shape at the caps: 7.2 s of CPU, 463 MiB resident and
    about 720 MiB of address space, ``python -m bench.bench_upload_cap``) and bound any job
    to 60 s and 1 GiB."""

    cpu_seconds: int = 30
    memory_bytes: int = 1024 * 1024 * 1024
    wall_seconds: float = 60.0


@dataclass(frozen=True)
class Progress:
    done: int = 0  # paragraphs scored by every measure (see the module docstring)
    total: int = 0  # paragraphs in the text; 0 until it has been segmented
    stage: str = "starting"  # one of STAGES

    @property
    def share(self) -> float:
        """0..1 for a progress bar."""
        return min(1.0, self.done / self.total) if self.total else (1.0 if self.stage == "done" else 0.0)


class Stopped(RuntimeError):
    """Scoring did not finish. ``reason``: "cancelled", "time", "cpu", "memory", "crashed" or
    "failed"; the message says it for the user."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class Job:
    """One text being scored in a child process (see :func:`start`)."""

    def __init__(self, text: str, name: str, limits: WorkerLimits) -> None:
        self.name = name
        self.limits = limits
        self.history: list[Progress] = []  # every progress report, in order
        self._progress = Progress()
        self._lock = threading.Lock()
        self._finished = threading.Event()
        self._result: Any = None
        self._error: Stopped | None = None
        self._stopping: str | None = None  # "cancelled" or "time" once the parent kills the child
        self._stderr: collections.deque[bytes] = collections.deque(maxlen=64)
        self._payload = pickle.dumps((text, name), protocol=pickle.HIGHEST_PROTOCOL)
        env = {"PATH": os.environ.get("PATH", ""), "LANG": "C.UTF-8", "ARROW_DEFAULT_MEMORY_POOL": "system",
               "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            [sys.executable, "-I", "-c", BOOT, str(ROOT), str(limits.cpu_seconds), str(limits.memory_bytes)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, close_fds=True)
        self._threads = [threading.Thread(target=fn, daemon=True, name=f"worker-{what}")
                         for what, fn in (("send", self._send), ("read", self._read), ("err", self._drain),
                                          ("watch", self._watch))]
        for thread in self._threads:
            thread.start()

    # ---- what the caller sees ----------------------------------------------------------

    @property
    def pid(self) -> int:
        return self.proc.pid

    @property
    def progress(self) -> Progress:
        with self._lock:
            return self._progress

    def done(self) -> bool:
        return self._finished.is_set()

    def cancel(self) -> None:
        """Stop the job now (the child is killed); a finished job is left as it is."""
        self._kill("cancelled")

    def result(self, timeout: float | None = None) -> Any:
        """The Analysis; raises :class:`Stopped` when scoring did not finish, TimeoutError
        when ``timeout`` passes first (the job goes on)."""
        if not self._finished.wait(timeout):
            raise TimeoutError(f"{self.name}: still scoring")
        if self._error is not None:
            raise self._error
        return self._result

    def __enter__(self) -> Job:
        return self

    def __exit__(self, *exc: object) -> None:
        self.cancel()

    # ---- threads -----------------------------------------------------------------------

    def _send(self) -> None:
        try:
            assert self.proc.stdin is not None
            self.proc.stdin.write(self._payload)
            self.proc.stdin.close()
        except (BrokenPipeError, OSError, ValueError):
            pass  # the child died or was killed; _read reports why
        self._payload = b""

    def _drain(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self._stderr.append(line[:500])

    def _watch(self) -> None:
        """Kill the child at the wall-clock limit."""
        try:
            self.proc.wait(timeout=self.limits.wall_seconds)
        except subprocess.TimeoutExpired:
            self._kill("time")

    def _kill(self, why: str) -> None:
        with self._lock:
            if self._finished.is_set() or self._stopping:
                return
            self._stopping = why
        try:
            self.proc.kill()
        except ProcessLookupError:
            pass

    def _read(self) -> None:
        assert self.proc.stdout is not None
        out: IO[bytes] = self.proc.stdout
        error: Stopped | None = None
        result: Any = None
        try:
            for line in iter(out.readline, b""):
                kind, _, rest = line.rstrip(b"\n").partition(b" ")
                if kind == b"P":
                    done, total, stage = rest.split(b" ", 2)
                    self._report(Progress(int(done), int(total), stage.decode("ascii")))
                elif kind == b"R":
                    size = int(rest)
                    payload = out.read(size)
                    if len(payload) == size:
                        result = pickle.loads(payload)
                elif kind == b"E":
                    doc = json.loads(rest.decode("utf-8"))
                    error = Stopped(str(doc.get("reason", "failed")), self._message(doc))
        finally:
            code = self.proc.wait()
            with self._lock:
                stopping = self._stopping
            if stopping:
                error, result = self._stopped(stopping), None
            elif result is None and error is None:
                error = self._died(code)
            self._result, self._error = result, error
            last = self.progress
            self._report(Progress(last.total if error is None else last.done, last.total,
                                  "done" if error is None else "stopped"))
            for stream in (self.proc.stdout, self.proc.stderr):
                if stream is not None:
                    stream.close()
            self._finished.set()

    def _report(self, progress: Progress) -> None:
        with self._lock:
            self._progress = progress
            self.history.append(progress)

    # ---- messages ----------------------------------------------------------------------

    def _stopped(self, why: str) -> Stopped:
        if why == "cancelled":
            return Stopped("cancelled", f"{self.name}: scoring was cancelled")
        return Stopped("time", f"{self.name}: scoring took longer than {self.limits.wall_seconds:g} s and was "
                               "stopped (the server may be busy: try again later, or a shorter text)")

    def _message(self, doc: dict[str, Any]) -> str:
        if doc.get("reason") == "memory":
            return (f"{self.name}: scoring needed more than the {self.limits.memory_bytes / 2**20:,.0f} MiB of "
                    "memory one text may use, and was stopped; try a shorter text")
        return f"{self.name}: scoring failed ({doc.get('detail') or 'an internal error'})"

    def _died(self, code: int) -> Stopped:
        signum = -code if code < 0 else 0
        if signum in (signal.SIGXCPU, signal.SIGKILL):
            return Stopped("cpu", f"{self.name}: scoring used more than {self.limits.cpu_seconds} s of CPU time "
                                  "and was stopped; try a shorter text")
        if code == _MEMORY_EXIT:
            return Stopped("memory", self._message({"reason": "memory"}))
        if signum:
            try:
                sig = signal.Signals(signum).name
            except ValueError:
                sig = f"signal {signum}"
            return Stopped("crashed", f"{self.name}: the scoring process crashed ({sig})")
        return Stopped("failed", f"{self.name}: the scoring process ended without a result (exit status {code})")


def start(text: str, name: str = "article", limits: WorkerLimits | None = None) -> Job:
    """Start scoring ``text`` in a child process; returns at once."""
    return Job(text, name, limits or WorkerLimits())


def score(text: str, name: str = "article", limits: WorkerLimits | None = None,
          on_progress: Callable[[Progress], None] | None = None,
          cancelled: Callable[[], bool] | None = None, poll: float = 0.1) -> Any:
    """Score ``text`` in a child and wait: the Analysis, or :class:`Stopped`. ``on_progress``
    is called with every new progress; ``cancelled`` is asked every ``poll`` seconds."""
    with start(text, name, limits) as job:
        seen: Progress | None = None
        while not job.done():
            if cancelled is not None and cancelled():
                job.cancel()
            now = job.progress
            if on_progress is not None and now != seen:
                on_progress(now)
                seen = now
            job._finished.wait(poll)
        if on_progress is not None and job.progress != seen:
            on_progress(job.progress)
        return job.result()


# ---- the child ------------------------------------------------------------------------

_MEMORY_EXIT = 3  # the child's exit status when even reporting the memory limit failed
_EVERY = 0.1  # seconds between progress reports


def _child(argv: list[str]) -> None:
    """Body of the child process: ``CPU_SECONDS MEMORY_BYTES``, the text pickled on stdin."""
    import resource

    cpu, memory = int(argv[0]), int(argv[1])
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    out = os.fdopen(os.dup(1), "wb")
    sys.stdout = sys.stderr  # nothing but the protocol reaches the parent's pipe
    try:
        text, name = pickle.loads(sys.stdin.buffer.read())
        progress = _Counter(out)
        progress.send("segmenting", force=True)
        import analysis

        progress.attach()
        result = analysis.analyze(text, name=name)
        progress.send("sending", force=True)
        payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        del result
        out.write(b"R %d\n" % len(payload))
        out.write(payload)
        out.flush()
    except MemoryError:
        _error(out, "memory", "memory limit reached")
    except ImportError as exc:  # under RLIMIT_AS the loader may fail to map a compiled module
        text = str(exc).lower()
        if "cannot allocate memory" in text or "failed to map segment" in text:
            _error(out, "memory", "memory limit reached while loading the analysis")
        else:
            _error(out, "failed", f"ImportError: {str(exc)[:200]}")
    except Exception as exc:  # noqa: BLE001 - reported to the parent, never a traceback on its page
        _error(out, "failed", f"{type(exc).__name__}: {str(exc)[:200]}")


def _error(out: IO[bytes], reason: str, detail: str) -> None:
    try:
        out.write(b"E " + json.dumps({"reason": reason, "detail": detail}).encode("utf-8") + b"\n")
        out.flush()
    except (MemoryError, OSError):
        os._exit(_MEMORY_EXIT if reason == "memory" else 1)


class _Counter:
    """Counts measure steps in the child and writes ``P done total stage`` lines."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.total = 0
        self.steps = 0
        self.measures = 1
        self.last = 0.0

    def attach(self) -> None:
        """Wrap each registered measure's ``score`` (and learn the paragraph count from the
        segmenter the pipeline calls); objects of this process only."""
        from analysis import pipeline
        from analysis.measures import REGISTRY

        self.measures = max(1, len(REGISTRY))
        segment = getattr(pipeline, "segment", None)
        if callable(segment):
            def counted_segment(*args: Any, **kwargs: Any) -> Any:
                doc = segment(*args, **kwargs)
                self.total = len(getattr(doc, "paragraphs", ()))
                self.send("scoring", force=True)
                return doc

            pipeline.segment = counted_segment
        for measure in REGISTRY:
            inner = measure.score

            def counted(par: Any, _inner: Callable[[Any], Any] = inner) -> Any:
                scored = _inner(par)
                self.steps += 1
                if self.total and self.steps % self.total == 0:
                    self.send("scoring", force=True)  # a measure has scored every paragraph
                else:
                    self.send("scoring")
                return scored

            object.__setattr__(measure, "score", counted)  # a frozen dataclass, in this process only

    def send(self, stage: str, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.last < _EVERY:
            return
        self.last = now
        done = min(self.total, self.steps // self.measures) if self.total else 0
        self.out.write(b"P %d %d %s\n" % (done, self.total, stage.encode("ascii")))
        self.out.flush()
