"""Fetch one article by URL, refusing anything but the public web.

The only module of ``analysis`` that touches the network, and only when a researcher asks
for a URL. Guards against server-side request forgery (a URL that makes the server read
its own admin page or a cloud metadata endpoint):

- http and https only; no credentials in the URL;
- the host name is resolved once and EVERY address must be global (not loopback,
  private, link-local, shared, reserved, multicast or unspecified); the connection then
  goes to that checked address, so a DNS answer cannot change between check and use;
- redirects are followed by hand (at most ``max_redirects``) and every hop is checked again;
- a timeout per connection and read, an overall deadline, and a size cap on the body.

The deadline is wall-clock time for the whole fetch, redirects included, and holds however
the server sends: every read of the body waits at most the time left, and a watchdog shuts
the socket at the deadline, which also ends a status line or headers sent a byte at a time
(a server trickling one byte a second once held a fetch for 74 s against a 30 s deadline).
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from analysis.ingest.errors import UnreadableInput

MAX_BYTES = 20 * 1024 * 1024  # 20 MiB, as .streamlit/config.toml's maxUploadSize; analysis.ingest.MAX_BYTES


@dataclass(frozen=True)
class FetchOptions:
    timeout: float = 10.0  # seconds per connect and per read
    deadline: float = 30.0  # seconds for the whole fetch, redirects included
    max_bytes: int = MAX_BYTES
    max_redirects: int = 5
    # Networks exempt from the public-address rule. Empty in production; tests add
    # 127.0.0.0/8 to fetch from a local server.
    trusted: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Fetched:
    url: str  # the final URL after redirects
    data: bytes
    content_type: str


def fetch(url: str, options: FetchOptions = FetchOptions()) -> Fetched:
    """GET ``url`` under the rules above, or raise UnreadableInput with the reason."""
    deadline = time.monotonic() + options.deadline
    gave_up = f"{_show(url)}: gave up after {options.deadline:g} s"
    current = url.strip()
    for _ in range(options.max_redirects + 1):
        host, port, scheme = _check_url(current)
        address = _resolve(host, port, options)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise UnreadableInput(gave_up)
        conn = _connection(scheme, host, port, address, min(options.timeout, remaining))
        watchdog = _Watchdog(conn, remaining)
        try:
            parts = urlsplit(current)
            path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            conn.request("GET", path, headers={"Host": parts.netloc, "User-Agent": "NarrativeLens/0.1",
                                               "Accept": "text/html, text/plain, application/pdf, */*;q=0.5"})
            resp = conn.getresponse()
            if watchdog.fired:
                raise UnreadableInput(gave_up)
            if resp.status in (301, 302, 303, 307, 308):
                location = resp.getheader("Location")
                if not location:
                    raise UnreadableInput(f"{_show(url)}: redirect without a target")
                current = urljoin(current, location)
                continue
            if resp.status != 200:
                raise UnreadableInput(f"{_show(url)}: the server answered {resp.status} {resp.reason}")
            declared = resp.getheader("Content-Length")
            if declared and declared.isdigit() and int(declared) > options.max_bytes:
                raise UnreadableInput(f"{_show(url)}: {int(declared):,} bytes is over the "
                                      f"{options.max_bytes:,}-byte limit")
            data = _read_capped(resp, conn, options, deadline, url)
            if watchdog.fired:  # the socket was shut mid-body: what was read is not the page
                raise UnreadableInput(gave_up)
            return Fetched(url=current, data=data, content_type=(resp.getheader("Content-Type") or "").lower())
        except (OSError, http.client.HTTPException) as exc:
            if watchdog.fired or time.monotonic() >= deadline:
                raise UnreadableInput(gave_up) from None
            raise UnreadableInput(f"{_show(url)}: could not reach {host} ({_why(exc)})") from None
        finally:
            watchdog.cancel()
            conn.close()
    raise UnreadableInput(f"{_show(url)}: more than {options.max_redirects} redirects")


class _Watchdog:
    """Shut ``conn``'s socket after ``seconds``, whatever read is waiting on it then."""

    def __init__(self, conn: http.client.HTTPConnection, seconds: float) -> None:
        self.conn = conn
        self.fired = False
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        self.fired = True
        sock = self.conn.sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cancel(self) -> None:
        self._timer.cancel()


def _check_url(url: str) -> tuple[str, int, str]:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise UnreadableInput(f"{_show(url)}: not a valid URL") from None
    if parts.scheme not in ("http", "https"):
        raise UnreadableInput(f"{_show(url)}: only http and https addresses can be fetched")
    if not parts.hostname:
        raise UnreadableInput(f"{_show(url)}: the URL has no host name")
    if parts.username or parts.password:
        raise UnreadableInput(f"{_show(url)}: URLs with a user name or password are not fetched")
    return parts.hostname, port or (443 if parts.scheme == "https" else 80), parts.scheme


def _resolve(host: str, port: int, options: FetchOptions) -> str:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise UnreadableInput(f"{host}: could not reach {host} (the name does not resolve: "
                              f"{getattr(exc, 'strerror', None) or exc}; is there a network?)") from None
    addresses = {str(info[4][0]) for info in infos}
    for addr in sorted(addresses):
        if not _allowed(addr, options):
            raise UnreadableInput(f"{host}: refused: it resolves to {addr}, a loopback, private, link-local "
                                  "or reserved address")
    if not addresses:
        raise UnreadableInput(f"{host}: could not reach {host} (no address)")
    return sorted(addresses)[0]


def _allowed(addr: str, options: FetchOptions) -> bool:
    ip = ipaddress.ip_address(addr.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if any(ip in ipaddress.ip_network(net) for net in options.trusted):
        return True
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_loopback or ip.is_link_local
                                 or ip.is_private or ip.is_unspecified)


def _connection(scheme: str, host: str, port: int, address: str, timeout: float) -> http.client.HTTPConnection:
    """A connection to the checked ``address`` that still speaks to ``host`` (Host header, TLS SNI)."""
    if scheme == "https":
        conn: http.client.HTTPConnection = _PinnedHTTPS(host, port, timeout=timeout,
                                                        context=ssl.create_default_context())
    else:
        conn = _PinnedHTTP(host, port, timeout=timeout)
    conn.pinned = address  # type: ignore[attr-defined]
    return conn


class _PinnedHTTP(http.client.HTTPConnection):
    pinned: str

    def connect(self) -> None:
        self.sock = socket.create_connection((self.pinned, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    pinned: str

    def connect(self) -> None:
        sock = socket.create_connection((self.pinned, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


def _read_capped(resp: http.client.HTTPResponse, conn: http.client.HTTPConnection, options: FetchOptions,
                 deadline: float, url: str) -> bytes:
    """The body, read as it arrives (``read1``: what one receive gives, never a wait for a
    full buffer), each read waiting at most the time left before the deadline."""
    chunks: list[bytes] = []
    total = 0
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise UnreadableInput(f"{_show(url)}: gave up after {options.deadline:g} s")
        if conn.sock is not None:
            conn.sock.settimeout(min(options.timeout, left))
        chunk = resp.read1(65536)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > options.max_bytes:
            raise UnreadableInput(f"{_show(url)}: the page is over the {options.max_bytes:,}-byte limit")
        chunks.append(chunk)


def _why(exc: BaseException) -> str:
    if isinstance(exc, socket.timeout | TimeoutError):
        return "timed out"
    if isinstance(exc, ssl.SSLError):
        return f"TLS error: {exc.reason or exc}"
    return getattr(exc, "strerror", None) or type(exc).__name__


def _show(url: str) -> str:
    """A URL for a message: no control characters or markup, at most 200 characters."""
    cleaned = "".join(ch if ch.isprintable() and ch not in "<>\"'`" else "_" for ch in url.strip())
    return cleaned[:200] + ("..." if len(cleaned) > 200 else "")
