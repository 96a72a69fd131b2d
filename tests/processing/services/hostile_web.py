"""A loopback web of hostile sites, chosen by Host header: 5xx everywhere, redirect loops,
entity declarations, private addresses, answers that never come (tests import this module)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    """One path's answer; ``delay`` seconds of silence first (a sitemap that never answers)."""

    body: bytes | str = b""
    status: int = 200
    content_type: str = "application/xml"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


#: host -> path -> Answer; "*" as a path answers every path not listed.
Web = dict[str, dict[str, Answer]]


def _handler(web: Web, stop: threading.Event) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            host = (self.headers.get("Host") or "").split(":")[0].lower()
            paths = web.get(host, {})
            answer = paths.get(self.path) or paths.get("*")
            if answer is None:
                answer = Answer(b"<h1>Not found</h1>", status=404, content_type="text/html")
            if answer.delay:
                stop.wait(answer.delay)  # the test ending stops the silence too
            body = answer.body.encode() if isinstance(answer.body, str) else answer.body
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.content_type)
            for key, value in answer.headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients giving up (timeouts, caps) are what these sites are for


class HostileWeb:
    """Serve ``web`` on 127.0.0.1; ``connect_to`` maps every host's port 80 there."""

    def __init__(self, web: Web) -> None:
        self.web = web
        self._stop = threading.Event()
        self._server = _Server(("127.0.0.1", 0), _handler(web, self._stop))
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def connect_to(self) -> dict[str, str]:
        port = self._server.server_address[1]
        return {f"{host}:80": f"127.0.0.1:{port}" for host in self.web}

    def __enter__(self) -> HostileWeb:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
