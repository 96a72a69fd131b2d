"""Loopback HTTP server and fetcher for the sitemap tests (used by tests and conftest.py)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from processing.fetcher import Fetcher, FetcherConfig


@dataclass
class Route:
    """What one path answers: a status, headers and a body (bytes or a chunk generator)."""

    body: bytes | Callable[[], Iterable[bytes]] = b""
    status: int = 200
    content_type: str = "application/xml"
    headers: dict[str, str] = field(default_factory=dict)


RouteSpec = Route | bytes | str


@dataclass
class SiteServer:
    base_url: str
    routes: dict[str, RouteSpec]
    hits: list[str]

    @property
    def host(self) -> str:
        return self.base_url.split("://", 1)[1]


NOT_FOUND_HTML = (
    b"<!DOCTYPE html><html><head><title>Not found</title></head><body>404</body></html>"
)


def _make_handler(routes: dict[str, RouteSpec], hits: list[str]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep pytest output clean

        def do_GET(self) -> None:
            hits.append(self.path)
            spec = routes.get(self.path)
            if spec is None:
                spec = Route(NOT_FOUND_HTML, status=404, content_type="text/html")
            elif isinstance(spec, bytes | str):
                body = spec.encode() if isinstance(spec, str) else spec
                spec = Route(body)
            self.send_response(spec.status)
            self.send_header("Content-Type", spec.content_type)
            for key, value in spec.headers.items():
                self.send_header(key, value)
            if callable(spec.body):
                # Streamed (chunked) body: the generator is only advanced as the client reads,
                # so a "1 GB" response costs what the client actually pulls.
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                try:
                    for chunk in spec.body():
                        if chunk:
                            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    self.wfile.write(b"0\r\n\r\n")
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading at its cap: expected
                self.close_connection = True
                return
            self.send_header("Content-Length", str(len(spec.body)))
            self.end_headers()
            self.wfile.write(spec.body)

    return Handler


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # Clients hanging up mid-request (TLS probes on the https fallback test, readers
        # stopping at their cap) are expected here, not worth a traceback.
        pass


@pytest.fixture
def site() -> Iterator[SiteServer]:
    """A fresh server per test; fill ``site.routes`` with path -> Route/bytes/str."""
    routes: dict[str, RouteSpec] = {}
    hits: list[str] = []
    server = _QuietServer(("127.0.0.1", 0), _make_handler(routes, hits))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield SiteServer(f"http://127.0.0.1:{server.server_port}", routes, hits)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    """The real fetcher, allowed to reach loopback, no retries so failures are fast."""
    config = FetcherConfig.from_mapping(
        {
            "ALLOWED_NETWORKS": ["127.0.0.0/8"],
            "OBEY_ROBOTS": True,
            "RETRIES": 0,
            "CONNECT_TIMEOUT": 2,
            "READ_TIMEOUT": 5,
            "TOTAL_TIMEOUT": 20,
            "MAX_BODY_BYTES": 60 * 1024 * 1024,
        }
    )
    with Fetcher(config) as instance:
        yield instance
