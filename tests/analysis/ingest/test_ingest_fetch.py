"""URL fetching: public web only, every redirect rechecked, size capped, clear message offline.

A real HTTP server on 127.0.0.1 plays the web. Loopback is refused by default, so the
success paths trust 127.0.0.0/8 explicitly through FetchOptions.trusted.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from analysis.ingest import UnreadableInput, load_url
from analysis.ingest.fetch import FetchOptions, fetch
from devkit import fixtures as fx

LOCAL = FetchOptions(trusted=("127.0.0.0/8",), timeout=5, deadline=10)


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        status, headers, body = self.routes.get(self.path, (404, {}, b"missing"))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    port = httpd.server_address[1]
    base = f"http://127.0.0.1:{port}"
    _Handler.routes = {
        "/article": (200, {"Content-Type": "text/html; charset=utf-8"}, fx.make("article.html")),
        "/report.pdf": (200, {"Content-Type": "application/pdf"}, fx.make("article.pdf")),
        "/hop": (302, {"Location": "/article"}, b""),
        "/to-metadata": (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b""),
        "/to-private": (301, {"Location": "http://10.1.2.3/admin"}, b""),
        "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/big": (200, {"Content-Type": "text/plain"}, b"a" * 3000),
        "/image": (200, {"Content-Type": "image/png"}, b"\x89PNG...."),
    }
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()


def test_fetch_html_page_with_metadata(server):
    got = load_url(f"{server}/hop", LOCAL)
    assert got.format == "html" and got.outlet == "The River Courier"
    assert got.url == "https://courier.example/news/flood-barrier"  # the page's canonical URL wins
    assert fx.PARAGRAPHS[0] in got.text


def test_fetch_pdf_by_content_type(server):
    got = load_url(f"{server}/report.pdf", LOCAL)
    assert got.format == "pdf" and got.url.endswith("/report.pdf")


@pytest.mark.parametrize(("path", "phrase"), [
    ("/to-metadata", "169.254.169.254, a loopback, private, link-local"),
    ("/to-private", "10.1.2.3, a loopback, private"),
    ("/to-file", "only http and https"),
    ("/loop", "more than 5 redirects"),
    ("/image", "image/png content cannot be read"),
    ("/missing", "answered 404"),
])
def test_redirects_and_answers_checked(server, path, phrase):
    with pytest.raises(UnreadableInput, match=phrase.replace("(", r"\(")):
        load_url(f"{server}{path}", LOCAL)


def test_size_cap(server):
    with pytest.raises(UnreadableInput, match="over the 1,000-byte limit"):
        fetch(f"{server}/big", FetchOptions(trusted=LOCAL.trusted, max_bytes=1000))


def test_loopback_refused_by_default(server):
    with pytest.raises(UnreadableInput, match="resolves to 127.0.0.1"):
        load_url(f"{server}/article")
    with pytest.raises(UnreadableInput, match="resolves to 127.0.0.1"):
        load_url(server.replace("127.0.0.1", "localhost") + "/article")


@pytest.mark.parametrize(("url", "phrase"), [
    ("ftp://example.com/a.txt", "only http and https"),
    ("file:///etc/passwd", "only http and https"),
    ("javascript:alert(1)", "only http and https"),
    ("http://[::1]/", "resolves to ::1"),
    ("http://0.0.0.0/", "resolves to 0.0.0.0"),
    ("http://192.168.1.1/", "resolves to 192.168.1.1"),
    ("http://[::ffff:127.0.0.1]/", "resolves to ::ffff:127.0.0.1"),
    ("http://user:pw@example.com/", "user name or password"),
    ("http://", "no host name"),
    ("http://example.com:99999/", "not a valid URL"),
])
def test_refused_before_any_connection(url, phrase):
    with pytest.raises(UnreadableInput, match=phrase.replace("(", r"\(").replace("[", r"\[")):
        load_url(url)


def test_no_network_is_a_clear_message():
    """``.invalid`` never resolves (RFC 2606), with or without a network."""
    with pytest.raises(UnreadableInput, match=r"could not reach news\.invalid"):
        load_url("https://news.invalid/story")
