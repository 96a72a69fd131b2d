"""A loopback webhook receiver that does what a careful integrator's does.

It verifies the signature (``processing.delivery.webhook.verify``: HMAC-SHA256 over
``timestamp.body``, timestamp within 5 minutes), drops a repeat of an ``Idempotency-Key`` it
already accepted (answering 200, as Stripe-style receivers do), and counts: requests, accepted
deliveries per key, refused signatures. ``script`` lets a test answer the next requests with
other statuses (``[(503, {"Retry-After": "0"}), ...]``) or hold the answer to an accepted delivery
(``hold``) so a worker can be killed mid-send.
"""

from __future__ import annotations

import json
import threading

from processing.delivery.webhook import verify
from tests.processing.delivery.loopback import Handler, serve


class WebhookReceiver:
    def __init__(self, secret: str, *, port: int = 0) -> None:
        self.secret = secret
        self.lock = threading.Lock()
        self.requests = 0
        self.accepted: dict[str, dict] = {}  # idempotency key -> document
        self.repeats = 0
        self.bad_signatures = 0
        self.script: list[tuple[int, dict[str, str]]] = []
        self.fail_ratio = 0.0  # answer 503 to this share of requests (bench)
        self._fail_acc = 0.0
        self.hold = threading.Event()
        self.hold.set()  # cleared: requests wait (after being read) until it is set again
        self.arrived = threading.Event()
        receiver = self

        class ReceiverHandler(Handler):
            def do_POST(self) -> None:
                status, headers, answer = receiver.handle(self.headers, self.body())
                self.answer(status, headers, answer)

        self.server = serve(ReceiverHandler, port)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hooks/leads"

    def handle(self, headers, body: bytes) -> tuple[int, dict[str, str], bytes]:
        with self.lock:
            self.requests += 1
            scripted = self.script.pop(0) if self.script else None
            failing = False
            if scripted is None and self.fail_ratio:
                self._fail_acc += self.fail_ratio
                if self._fail_acc >= 1:
                    self._fail_acc -= 1
                    failing = True
        if scripted is not None or failing:
            self.arrived.set()
            self.hold.wait(30)
            if scripted is not None:
                status, extra = scripted
                return status, extra, b'{"error": "scripted"}'
            return 503, {"Retry-After": "0"}, b'{"error": "busy"}'
        ok = verify(
            self.secret,
            headers.get("X-ScraperSky-Timestamp", ""),
            body,
            headers.get("X-ScraperSky-Signature", ""),
        )
        if not ok:
            with self.lock:
                self.bad_signatures += 1
            return 401, {}, b'{"error": "bad signature"}'
        key = headers.get("Idempotency-Key", "")
        document = json.loads(body)
        with self.lock:  # accepted (acted upon) before the answer goes out, as a receiver does
            if key in self.accepted:
                self.repeats += 1
            else:
                self.accepted[key] = document
        self.arrived.set()
        self.hold.wait(30)  # a test may kill the sender while it waits for this answer
        return 200, {}, json.dumps({"id": key}).encode()

    def deliveries_for(self, lead_id: str) -> list[dict]:
        with self.lock:
            return [d for d in self.accepted.values() if d["lead_id"] == lead_id]

    def close(self) -> None:
        self.hold.set()
        self.server.shutdown()
        self.server.server_close()
