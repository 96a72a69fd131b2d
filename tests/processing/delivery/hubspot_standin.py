"""A loopback stand-in for HubSpot's CRM v3, following its documented shapes.

Endpoints: ``POST /crm/v3/objects/{companies,contacts}/batch/upsert`` (``inputs`` of
``{"idProperty", "id", "properties"}``, at most 100; answers ``{"status": "COMPLETE", "results":
[{"id", "new", "properties", ...}], ...}``) and ``POST /crm/v3/associations/contacts/companies/
batch/create``. Bearer tokens map to granted scopes (401 ``INVALID_AUTHENTICATION`` for an
unknown token, 403 ``MISSING_SCOPES`` with ``errors[].context.requiredGranularScopes``); a
rolling window of ``window_max`` calls per ``window_ms`` with HubSpot's ``X-HubSpot-RateLimit-*``
headers and its 429 body (``policyName``); ``daily_max`` calls a day. ``conflict_once`` answers
the next contact upsert naming one of those e-mails with 409, as HubSpot does when another
writer created the record in between. ``fail_ratio`` answers 503 to that share of calls.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SCOPES = {
    "/crm/v3/objects/companies/batch/upsert": "crm.objects.companies.write",
    "/crm/v3/objects/contacts/batch/upsert": "crm.objects.contacts.write",
    "/crm/v3/associations/contacts/companies/batch/create": "crm.objects.contacts.write",
}
ALL_SCOPES = frozenset(SCOPES.values())


class HubSpotStandIn:
    def __init__(self, tokens: dict[str, frozenset[str]] | None = None) -> None:
        self.tokens = tokens if tokens is not None else {"pat-test": ALL_SCOPES}
        self.lock = threading.Lock()
        self.companies: dict[str, dict] = {}  # domain -> record
        self.contacts: dict[str, dict] = {}  # email -> record
        self.associations: set[tuple[str, str]] = set()
        self.calls: list[str] = []
        self.window_max = 100
        self.window_ms = 10_000
        self.daily_max = 1_000_000
        self.daily_used = 0
        self._window: deque[float] = deque()
        self.conflict_once: set[str] = set()
        self.fail_ratio = 0.0
        self._fail_acc = 0.0
        self._next_id = 1000
        standin = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # one segment per answer: headers and body written apart meet Nagle's algorithm
            # and delayed ACKs (40 ms a request on loopback)
            disable_nagle_algorithm = True
            wbufsize = 64 * 1024

            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status, headers, payload = standin.handle(
                    self.path, self.headers.get("Authorization", ""), body
                )
                data = json.dumps(payload).encode()
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Type", "application/json;charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _id(self) -> str:
        self._next_id += 1
        return str(self._next_id)

    def _limits(self) -> tuple[dict[str, str], bool, bool]:
        now = time.monotonic()
        while self._window and now - self._window[0] > self.window_ms / 1000:
            self._window.popleft()
        over_day = self.daily_used >= self.daily_max
        over_window = len(self._window) >= self.window_max
        if not over_day and not over_window:
            self._window.append(now)
            self.daily_used += 1
        headers = {
            "X-HubSpot-RateLimit-Max": str(self.window_max),
            "X-HubSpot-RateLimit-Remaining": str(max(0, self.window_max - len(self._window))),
            "X-HubSpot-RateLimit-Interval-Milliseconds": str(self.window_ms),
            "X-HubSpot-RateLimit-Daily": str(self.daily_max),
            "X-HubSpot-RateLimit-Daily-Remaining": str(max(0, self.daily_max - self.daily_used)),
        }
        return headers, over_window, over_day

    def handle(self, path: str, auth: str, body: bytes):
        with self.lock:
            self.calls.append(path)
            token = auth.removeprefix("Bearer ").strip()
            if token not in self.tokens:
                return (
                    401,
                    {},
                    {
                        "status": "error",
                        "message": "Authentication credentials not found.",
                        "category": "INVALID_AUTHENTICATION",
                        "correlationId": "c-401",
                    },
                )
            needed = SCOPES.get(path.split("?")[0])
            if needed is None:
                return (
                    404,
                    {},
                    {"status": "error", "message": "not found", "category": "OBJECT_NOT_FOUND"},
                )
            if needed not in self.tokens[token]:
                return (
                    403,
                    {},
                    {
                        "status": "error",
                        "message": (
                            "This app hasn't been granted all required scopes to make this call."
                        ),
                        "correlationId": "c-403",
                        "errors": [
                            {
                                "message": "One or more of the following scopes are required.",
                                "context": {"requiredGranularScopes": [needed]},
                            }
                        ],
                        "category": "MISSING_SCOPES",
                    },
                )
            headers, over_window, over_day = self._limits()
            if over_day or over_window:
                policy = "DAILY" if over_day else "TEN_SECONDLY_ROLLING"
                return (
                    429,
                    headers,
                    {
                        "status": "error",
                        "message": f"You have reached your {policy.lower()} limit.",
                        "errorType": "RATE_LIMIT",
                        "correlationId": "c-429",
                        "policyName": policy,
                    },
                )
            if self.fail_ratio:
                self._fail_acc += self.fail_ratio
                if self._fail_acc >= 1:
                    self._fail_acc -= 1
                    return 503, headers, {"status": "error", "message": "Service Unavailable"}
            payload = json.loads(body)
            inputs = payload.get("inputs", [])
            if len(inputs) > 100:
                return (
                    400,
                    headers,
                    {
                        "status": "error",
                        "message": "Batch size limit exceeded: 100",
                        "category": "VALIDATION_ERROR",
                    },
                )
            if path.endswith("associations/contacts/companies/batch/create"):
                results = []
                for item in inputs:
                    pair = (item["from"]["id"], item["to"]["id"])
                    self.associations.add(pair)
                    results.append({"from": item["from"], "to": [item["to"]]})
                return 200, headers, {"status": "COMPLETE", "results": results}
            store, key = (
                (self.companies, "domain") if "/companies/" in path else (self.contacts, "email")
            )
            for item in inputs:
                if item.get("idProperty") != key:
                    return (
                        400,
                        headers,
                        {
                            "status": "error",
                            "message": f"idProperty must be {key}",
                            "category": "VALIDATION_ERROR",
                        },
                    )
            if key == "email":
                clash = [i["id"] for i in inputs if i["id"] in self.conflict_once]
                if clash:
                    self.conflict_once -= set(clash)
                    existing = []
                    for email in clash:  # created by someone else in between
                        record = store.setdefault(
                            email, {"id": self._id(), "properties": {"email": email}}
                        )
                        existing.append(record["id"])
                    return (
                        409,
                        headers,
                        {
                            "status": "error",
                            "message": f"Contact already exists. Existing ID: {existing[0]}",
                            "category": "CONFLICT",
                        },
                    )
            results = []
            for item in inputs:
                record = store.get(item["id"])
                new = record is None
                if new:
                    record = store[item["id"]] = {"id": self._id(), "properties": {}}
                record["properties"].update(item.get("properties", {}))
                record["properties"][key] = item["id"]
                results.append(
                    {"id": record["id"], "new": new, "properties": dict(record["properties"])}
                )
            return (
                200,
                headers,
                {
                    "status": "COMPLETE",
                    "results": results,
                    "startedAt": "2026-12-05T10:00:00Z",
                    "completedAt": "2026-12-05T10:00:00Z",
                },
            )
