"""A threaded HTTP server on loopback that serves many fictional sites, chosen by Host header."""

from __future__ import annotations

import math
import random
import socketserver
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self

from ops.demo.sites import Site

LATENCY_SIGMA = 0.5  # the spread of answer times around their median (lognormal)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    # Headers and body are two writes: with Nagle's algorithm the body waits for the client's
    # delayed ACK (40 ms on Linux) on every response. Real web servers do not stall like that.
    disable_nagle_algorithm = True

    def do_GET(self) -> None:
        server = self.server
        with server.counting:
            server.in_flight += 1
            server.peak_in_flight = max(server.peak_in_flight, server.in_flight)
        try:
            self._answer()
        finally:
            with server.counting:
                server.in_flight -= 1

    def _answer(self) -> None:
        host = (self.headers.get("Host") or "").split(":")[0].lower()
        site = self.server.sites.get(host)
        path = self.path.split("?")[0].split("#")[0]
        resource = site.resources.get(path) if site else None
        if site is not None and site.delay:
            time.sleep(site.delay)
        if self.server.latency:
            # A real site's answer time: lognormal around the median (bench --latency-ms).
            time.sleep(random.lognormvariate(math.log(self.server.latency), LATENCY_SIGMA))
        if resource is None:
            body = b"<!doctype html><title>Not found</title><h1>Not found</h1>"
            self._send(404, "text/html; charset=utf-8", body)
            return
        content_type, body = resource
        self._send(200, content_type, body)

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:
        return


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address, sites: dict[str, Site], latency: float = 0.0):
        super().__init__(address, _Handler)
        self.sites = sites
        self.latency = latency
        self.counting = threading.Lock()
        self.in_flight = 0  # requests being answered now
        self.peak_in_flight = 0  # since the last take_peak()

    def handle_error(self, request, client_address) -> None:
        # Clients that hang up early (a fetcher that stopped at its size cap) are normal here.
        return


class LoopbackServer:
    """A ``socketserver`` server (``_server``) answered on a daemon thread (``_thread``): start
    and stop it, or serve in the calling thread; ``with`` starts and stops it."""

    _server: socketserver.BaseServer
    _thread: threading.Thread

    def start(self) -> Self:
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread.is_alive():
            self._server.shutdown()
        self._server.server_close()

    def serve_forever(self) -> None:
        self._server.serve_forever()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


class SiteServer(LoopbackServer):
    """Serve ``sites`` on 127.0.0.1; ``connect_to`` maps their names there for the fetcher."""

    def __init__(
        self,
        sites: list[Site],
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        latency_ms: float = 0.0,
    ) -> None:
        """``latency_ms``: every answer waits a lognormal time with this median (0: none)."""
        self.sites = {site.host: site for site in sites}
        self._server = _Server((host, port), self.sites, latency_ms / 1000)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def take_peak(self) -> int:
        """The most requests answered at once since the last call (then starts again)."""
        server = self._server
        with server.counting:
            peak, server.peak_in_flight = server.peak_in_flight, server.in_flight
        return peak

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def connect_to(self) -> dict[str, str]:
        """The fetcher's ``CONNECT_TO`` setting for these sites (port 80 → this server)."""
        return self.connect_to_for(self.sites.values(), self.port)

    @staticmethod
    def connect_to_for(sites, port: int) -> dict[str, str]:
        return {f"{site.host}:80": f"127.0.0.1:{port}" for site in sites}
