"""The URL fetch's wall-clock deadline holds on every read (issue 20, item 4).

A real server on the loopback address sends its answer one byte at a time, slowly enough
that the whole answer would take far longer than the fetch's deadline. Before, the deadline
was checked only between 64 KiB reads, so a server trickling bytes held a fetch for 74 s
though the message said 30 s. The server records whether the client hung up before the last
byte, which tells whether the deadline cut the fetch off: no timing is asserted.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass

import pytest

from analysis.ingest import UnreadableInput
from analysis.ingest.fetch import FetchOptions, fetch

BODY = b"x" * 400
HEAD = (b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Padding: " + b"p" * 300 + b"\r\n"
        b"Content-Length: %d\r\n\r\n" % len(BODY))


@dataclass
class Trickle:
    sent: int = 0
    finished: bool = False


def _serve(listener: socket.socket, prompt: bytes, answer: bytes, pause: float, record: Trickle) -> None:
    """Send ``prompt`` at once, then ``answer`` one byte every ``pause`` seconds."""
    conn, _ = listener.accept()
    with conn:
        conn.recv(65536)  # the request
        try:
            conn.sendall(prompt)
            record.sent += len(prompt)
            for i in range(len(answer)):
                conn.sendall(answer[i:i + 1])
                record.sent += 1
                time.sleep(pause)
            record.finished = True
        except OSError:  # the client hung up
            pass


def _fetch_from_trickle(prompt: bytes, answer: bytes, deadline: float) -> tuple[str, Trickle]:
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    record = Trickle()
    # 400-800 bytes at 0.05 s each: 20-40 s to send them all, against a 1 s deadline
    thread = threading.Thread(target=_serve, args=(listener, prompt, answer, 0.05, record), daemon=True)
    thread.start()
    try:
        with pytest.raises(UnreadableInput) as info:
            fetch(f"http://127.0.0.1:{port}/slow",
                  FetchOptions(trusted=("127.0.0.0/8",), timeout=5, deadline=deadline))
        thread.join(timeout=60)
    finally:
        listener.close()
    return str(info.value).replace(f":{port}/", ":PORT/"), record


def test_a_body_sent_byte_by_byte_is_cut_off_at_the_deadline():
    """Headers at once, then the body a byte at a time (one 64 KiB read waited for all of it)."""
    error, record = _fetch_from_trickle(HEAD, BODY, deadline=1.0)
    assert error == "http://127.0.0.1:PORT/slow: gave up after 1 s"
    assert not record.finished, "the fetch waited for the whole trickle"
    assert len(HEAD) <= record.sent < len(HEAD + BODY)


def test_headers_sent_byte_by_byte_are_cut_off_at_the_deadline():
    """The status line and headers count too (reading a header line waited for all of it)."""
    error, record = _fetch_from_trickle(b"", HEAD + BODY, deadline=1.0)
    assert error == "http://127.0.0.1:PORT/slow: gave up after 1 s"
    assert record.sent < len(HEAD), "the fetch waited past the deadline for the headers"


def test_a_prompt_answer_is_not_affected():
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    record = Trickle()
    thread = threading.Thread(target=_serve, args=(listener, HEAD + BODY, b"", 0.0, record), daemon=True)
    thread.start()
    try:
        got = fetch(f"http://127.0.0.1:{port}/fast", FetchOptions(trusted=("127.0.0.0/8",), timeout=5, deadline=30))
    finally:
        thread.join(timeout=30)
        listener.close()
    assert got.data == BODY and record.finished
