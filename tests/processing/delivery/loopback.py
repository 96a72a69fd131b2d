"""What the loopback receivers share: an HTTP/1.1 handler that reads a body and answers JSON,
and serving it on a free loopback port in a daemon thread."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # one segment per answer: headers and body written apart meet Nagle's algorithm and delayed
    # ACKs (40 ms a request on loopback)
    disable_nagle_algorithm = True
    wbufsize = 64 * 1024
    content_type = "application/json"

    def log_message(self, *args) -> None:
        pass

    def body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def answer(self, status: int, headers: dict[str, str], data: bytes | None) -> None:
        """Send ``data`` (None: no body, as a 204 has)."""
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if data is not None:
            self.send_header("Content-Type", self.content_type)
            self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if data:
            self.wfile.write(data)


def serve(handler: type[Handler], port: int = 0) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
