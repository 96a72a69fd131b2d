"""A threaded http.server on 127.0.0.1 with per-test routes, for the fetcher tests."""

from __future__ import annotations

import contextlib
import gzip
import http.server
import threading
import time
import zlib
from collections.abc import Callable, Iterator

import pytest

from processing.fetcher import Fetcher, FetcherConfig

LOOPBACK = ("127.0.0.0/8", "::1/128")

Handler = http.server.BaseHTTPRequestHandler
Route = Callable[[Handler], None]


class _RequestHandler(http.server.BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:
        owner = self.server.owner
        owner.record(self)
        path = self.path if self.path in owner.routes else self.path.split("?", 1)[0]
        route = owner.routes.get(path, owner.default)
        if route is None:
            respond(self, 404, b"not found")
            return
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            route(self)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    owner: TestServer

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients hanging up on endless bodies is expected


def respond(
    handler: Handler,
    status: int = 200,
    body: bytes = b"",
    headers: dict[str, str] | None = None,
) -> None:
    handler.send_response(status)
    headers = dict(headers or {})
    headers.setdefault("Content-Type", "text/plain; charset=utf-8")
    headers.setdefault("Content-Length", str(len(body)))
    for key, value in headers.items():
        handler.send_header(key, value)
    handler.end_headers()
    handler.wfile.write(body)


class TestServer:
    """Routes: ``server.routes[path] = fn(handler)``; helpers build common ones."""

    __test__ = False
    send = staticmethod(respond)  # for custom routes: server.send(handler, status, body, headers)

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = {"/robots.txt": lambda h: respond(h, 404)}
        self.default: Route | None = None  # called for paths without a route
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()
        self._httpd = _Server((host, 0), _RequestHandler)
        self._httpd.owner = self
        self.host, self.port = self._httpd.server_address[:2]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def record(self, handler: Handler) -> None:
        with self.lock:
            self.requests.append((handler.path, dict(handler.headers.items())))

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}:{self.port}{path}"

    # ------------------------------------------------------------ route helpers

    def respond(
        self,
        path: str,
        status: int = 200,
        body: bytes = b"",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.routes[path] = lambda h: respond(h, status, body, headers)

    def sequence(self, path: str, responses: list[tuple[int, bytes, dict[str, str]]]) -> None:
        """Answer successive requests with the given responses (the last one repeats)."""
        remaining = list(responses)

        def route(h: Handler) -> None:
            with self.lock:
                status, body, headers = remaining.pop(0) if len(remaining) > 1 else remaining[0]
            respond(h, status, body, headers)

        self.routes[path] = route

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        self.respond(path, status, b"", {"Location": location})

    def slow_headers(self, path: str, delay: float) -> None:
        def route(h: Handler) -> None:
            time.sleep(delay)
            respond(h, 200, b"late")

        self.routes[path] = route

    def drip(self, path: str, interval: float = 0.05, total: float = 30.0) -> None:
        """Send headers, then one byte every ``interval`` for up to ``total`` seconds."""

        def route(h: Handler) -> None:
            h.send_response(200)
            h.send_header("Content-Type", "text/plain")
            h.end_headers()
            end = time.monotonic() + total
            while time.monotonic() < end:
                h.wfile.write(b"x")
                h.wfile.flush()
                time.sleep(interval)

        self.routes[path] = route

    def endless(self, path: str, chunk: int = 64 * 1024, total: float = 30.0) -> None:
        """An endless body without Content-Length (ends after ``total`` seconds at most)."""
        block = b"\0" * chunk

        def route(h: Handler) -> None:
            h.send_response(200)
            h.send_header("Content-Type", "application/octet-stream")
            h.end_headers()
            end = time.monotonic() + total
            while time.monotonic() < end:
                h.wfile.write(block)

        self.routes[path] = route

    def compressed(
        self,
        path: str,
        payload: bytes,
        encoding: str = "gzip",
        headers: dict[str, str] | None = None,
    ) -> None:
        if encoding == "gzip":
            body = gzip.compress(payload)
        elif encoding == "deflate":
            body = zlib.compress(payload)
        else:
            raise ValueError(encoding)
        all_headers = {"Content-Encoding": encoding, "Content-Type": "text/html; charset=utf-8"}
        all_headers.update(headers or {})
        self.respond(path, 200, body, all_headers)

    def start(self) -> TestServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture
def server() -> Iterator[TestServer]:
    srv = TestServer().start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def make_fetcher() -> Iterator[Callable[..., Fetcher]]:
    """``make_fetcher(**FetcherConfig fields)``; loopback allowed and fast backoff by default."""
    created: list[Fetcher] = []

    def factory(**overrides: object) -> Fetcher:
        options: dict[str, object] = {
            "allowed_networks": LOOPBACK,
            "backoff_base": 0.01,
            "connect_timeout": 2.0,
            "read_timeout": 5.0,
            "total_timeout": 10.0,
        }
        options.update(overrides)
        fetcher = Fetcher(FetcherConfig(**options))  # type: ignore[arg-type]
        created.append(fetcher)
        return fetcher

    yield factory
    for fetcher in created:
        fetcher.close()


@pytest.fixture(scope="session")
def gzip_bomb() -> bytes:
    """1 GiB of zeros as a ~1 MB gzip stream (64 concatenated members of 16 MiB each)."""
    member = gzip.compress(b"\0" * (16 * 1024 * 1024), compresslevel=9)
    return member * 64
