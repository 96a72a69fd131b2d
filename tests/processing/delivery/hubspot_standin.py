"""A loopback stand-in for HubSpot's CRM v3, following its documented shapes.

Endpoints: ``POST /crm/v3/objects/{companies,contacts}/batch/upsert`` (``inputs`` of
``{"idProperty", "id", "properties"}``, at most 100; answers ``{"status": "COMPLETE", "results":
[{"id", "new", "properties", ...}], ...}``) and ``POST /crm/v3/associations/contacts/companies/
batch/create``. Bearer tokens map to granted scopes (401 ``INVALID_AUTHENTICATION`` for an
unknown token, 403 ``MISSING_SCOPES`` with ``errors[].context.requiredGranularScopes``); a
rolling window of ``window_max`` calls per ``window_ms`` with HubSpot's ``X-HubSpot-RateLimit-*``
headers and its 429 body (``policyName``); ``daily_max`` calls a day. ``conflict_once`` answers
the next contact upsert naming one of those e-mails with 409, as HubSpot does when another
writer created the record in between. ``fail_ratio`` answers 503 to that share of calls;
``down_after[path] = n`` answers n calls of that path, then 503 (``Retry-After: 0``) to the rest.

``POST /crm/v3/objects/{companies,contacts}/batch/archive`` (``inputs`` of ``{"id"}``) archives
and answers 204 without a body, also for ids already archived or unknown (``archived`` keeps
them). A contact property the portal lacks is a 400 ``VALIDATION_ERROR`` whose detail has the
code ``PROPERTY_DOESNT_EXIST``. ``refuse`` maps e-mails to an error category: a contact upsert
naming one answers 207 (multi-status) with the others' ``results`` and an ``errors`` entry per
refused e-mail (``status``, ``category``, ``message``, ``context.ids``; ``numErrors``), as
HubSpot's ``BatchResponseSimplePublicObjectWithErrors``; ``VALIDATION_ERROR`` refusals stay,
others are answered once.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque

from tests.processing.delivery.loopback import Handler, serve

SCOPES = {
    "/crm/v3/objects/companies/batch/upsert": "crm.objects.companies.write",
    "/crm/v3/objects/contacts/batch/upsert": "crm.objects.contacts.write",
    "/crm/v3/associations/contacts/companies/batch/create": "crm.objects.contacts.write",
    "/crm/v3/objects/companies/batch/archive": "crm.objects.companies.write",
    "/crm/v3/objects/contacts/batch/archive": "crm.objects.contacts.write",
}
#: the contact properties the portal has (HubSpot's defaults we send, and the one we ask the
#: operator to create); anything else is PROPERTY_DOESNT_EXIST
CONTACT_PROPERTIES = frozenset(
    {"email", "website", "company", "firstname", "lastname", "jobtitle", "phone"}
    | {"scrapersky_source_page"}
)
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
        self.refuse: dict[str, str] = {}  # e-mail -> category of the 207 error
        self.down_after: dict[str, int] = {}  # path -> calls answered before 503s start
        self.archived: dict[str, set[str]] = {"companies": set(), "contacts": set()}
        self.contact_properties = set(CONTACT_PROPERTIES)
        self.fail_ratio = 0.0
        self._fail_acc = 0.0
        self._next_id = 1000
        standin = self

        class StandInHandler(Handler):
            content_type = "application/json;charset=utf-8"

            def do_POST(self) -> None:
                status, headers, payload = standin.handle(
                    self.path, self.headers.get("Authorization", ""), self.body()
                )
                self.answer(
                    status, headers, None if payload is None else json.dumps(payload).encode()
                )

        self.server = serve(StandInHandler)

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
            if path in self.down_after:
                if self.down_after[path] <= 0:
                    unavailable = {"status": "error", "message": "Service Unavailable"}
                    return 503, {**headers, "Retry-After": "0"}, unavailable
                self.down_after[path] -= 1
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
            if path.endswith("/batch/archive"):
                kind = "companies" if "/companies/" in path else "contacts"
                store = self.companies if kind == "companies" else self.contacts
                ids = {str(item["id"]) for item in inputs}
                for key in [k for k, record in store.items() if record["id"] in ids]:
                    del store[key]
                self.associations = {pair for pair in self.associations if not ids & set(pair)}
                self.archived[kind] |= ids
                return 204, headers, None
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
            if key == "email":
                unknown = sorted(
                    {p for i in inputs for p in i.get("properties", {})} - self.contact_properties
                )
                if unknown:
                    return 400, headers, self._no_property(unknown[0])
            results, errors = [], []
            for item in inputs:
                category = self.refuse.get(item["id"]) if key == "email" else None
                if category:
                    if category != "VALIDATION_ERROR":
                        del self.refuse[item["id"]]  # a passing fault
                    errors.append(self._refusal(item["id"], category))
                    continue
                record = store.get(item["id"])
                new = record is None
                if new:
                    record = store[item["id"]] = {"id": self._id(), "properties": {}}
                record["properties"].update(item.get("properties", {}))
                record["properties"][key] = item["id"]
                results.append(
                    {"id": record["id"], "new": new, "properties": dict(record["properties"])}
                )
            answer = {
                "status": "COMPLETE",
                "results": results,
                "startedAt": "2026-12-05T10:00:00Z",
                "completedAt": "2026-12-05T10:00:00Z",
            }
            if errors:
                answer.update(numErrors=len(errors), errors=errors)
                return 207, headers, answer
            return 200, headers, answer

    @staticmethod
    def _refusal(email: str, category: str) -> dict:
        if category == "VALIDATION_ERROR":
            message = f"Property values were not valid: Email address {email} is invalid"
            details = [{"message": f"Email address {email} is invalid", "code": "INVALID_EMAIL"}]
        else:
            message = "An internal error occurred while writing this record"
            details = []
        return {
            "status": "error",
            "category": category,
            "message": message,
            "context": {"ids": [email]},
            "errors": details,
        }

    @staticmethod
    def _no_property(name: str) -> dict:
        return {
            "status": "error",
            "message": f'Property values were not valid: Property "{name}" does not exist',
            "correlationId": "c-400",
            "category": "VALIDATION_ERROR",
            "errors": [
                {
                    "message": f'Property "{name}" does not exist',
                    "code": "PROPERTY_DOESNT_EXIST",
                    "context": {"propertyName": [name]},
                }
            ],
        }
