"""HubSpot's CRM v3 as a client: a private app's token, rate limits, and what its answers mean.

What is sent for a lead is :mod:`processing.delivery.hubspot_sync`; this module is the calls.

Rate limits are read from every answer (``X-HubSpot-RateLimit-Remaining`` and
``-Interval-Milliseconds`` for the rolling window, ``X-HubSpot-RateLimit-Daily-Remaining`` for
the day): an exhausted window makes the next call of any thread of this process wait for the
window to pass; an exhausted day, or a 429 whose ``policyName`` is ``DAILY``, puts the row back
in the queue for an hour. A 429 of the rolling window is waited out and retried. A 409 (a record
created between our calls by someone else) is answered by sending the same call again: the
record now exists, so an upsert updates it. 401 (a bad or expired token), 403
``MISSING_SCOPES`` and a property HubSpot does not have (``PROPERTY_DOESNT_EXIST``) are
``PermanentError``s naming what to fix. A 207 (multi-status: some inputs done, some not) is
returned to callers that take partial results (:func:`batch_failures` reads it) and is an
error for the others.

Hand-written over the delivery client rather than HubSpot's Python SDK: the SDK brings its own
HTTP stack (urllib3 without our address guard) and retry policy, and a handful of batch calls
are all we need.
"""

from __future__ import annotations

import json
import threading
import time
from typing import Any

from processing.delivery.config import HubSpotConfig
from processing.delivery.http import Answer, CallCounter, DeliveryHTTP
from processing.errors import PermanentError, TransientError
from scrapersky.conf import conf

BATCH = 100  # HubSpot's batch limit
DAILY_RETRY_AFTER = 3600.0
#: error categories that say the input is wrong (sending it again cannot help)
INPUT_FAULTS = frozenset({"VALIDATION_ERROR", "INVALID_EMAIL"})


class RateGate:
    """The process's view of HubSpot's rolling window: calls wait while it is exhausted."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open_at = 0.0

    def wait(self, sleep=time.sleep) -> None:
        with self._lock:
            left = self._open_at - time.monotonic()
        if left > 0:
            sleep(left)

    def observe(self, headers: dict[str, str]) -> None:
        remaining = _int(headers.get("x-hubspot-ratelimit-remaining"))
        interval = _int(headers.get("x-hubspot-ratelimit-interval-milliseconds")) or 10_000
        if remaining is not None and remaining <= 0:
            with self._lock:
                self._open_at = max(self._open_at, time.monotonic() + interval / 1000)


GATE = RateGate()


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


class HubSpotClient:
    def __init__(self, http: DeliveryHTTP, config: HubSpotConfig, gate: RateGate = GATE) -> None:
        self.http = http
        self.config = config
        self.gate = gate
        self.counter = CallCounter()

    def post(self, path: str, payload: dict[str, Any], *, partial: bool = False) -> Answer:
        """POST ``payload``; the answer if HubSpot took it (also a 207 when ``partial``)."""
        body = json.dumps(payload).encode()
        headers = {
            "Authorization": f"Bearer {self.config.token}",
            "Content-Type": "application/json",
            "Accept": "application/json",
        }
        for _ in range(3):  # a 409 is sent again; rolling-window 429s are waited out inside
            self.gate.wait(self.http.sleep)
            answer = self.http.request(
                "POST",
                self.config.api_url + path,
                body=body,
                headers=headers,
                counter=self.counter,
                retry_on=self._retry_on,
            )
            self.gate.observe(answer.headers)
            if answer.status != 409:
                if answer.status == 207 and partial:
                    return answer
                return self._check(path, answer)
        raise TransientError(f"HubSpot {path}: HTTP 409 three times: {answer.first_bytes()}")

    def _retry_on(self, answer: Answer) -> float | None:
        """A wait for the delivery client's retry loop, or None to let it decide."""
        self.gate.observe(answer.headers)
        if answer.status != 429:
            return None
        data = answer_json(answer)
        policy = str(data.get("policyName") or "")
        daily = _int(answer.headers.get("x-hubspot-ratelimit-daily-remaining"))
        if policy.upper() == "DAILY" or daily == 0:
            raise TransientError(
                f"HubSpot's daily API limit is used up ({data.get('message', 'HTTP 429')})",
                retry_after=DAILY_RETRY_AFTER,
            )
        interval = _int(answer.headers.get("x-hubspot-ratelimit-interval-milliseconds"))
        return (interval or 10_000) / 1000

    def _check(self, path: str, answer: Answer) -> Answer:
        if answer.status in (200, 201, 204):
            return answer
        data = answer_json(answer)
        message = str(data.get("message") or answer.first_bytes())
        if answer.status == 401:
            raise PermanentError(
                f"HubSpot refused the token (HTTP 401: {message}): check SCRAPERSKY_HUBSPOT_TOKEN"
            )
        if answer.status == 403:
            scopes = _missing_scopes(data)
            if scopes:
                raise PermanentError(
                    f"the HubSpot token lacks the scope {', '.join(scopes)}: add it to the "
                    "private app and set the new token (HTTP 403 on " + path + ")"
                )
            raise PermanentError(f"HubSpot {path}: HTTP 403: {message}")
        missing = missing_property(data)
        if missing:
            raise PermanentError(missing_property_message(missing, path))
        if answer.status == 207:
            errors = "; ".join(str(e.get("message")) for e in _errors(data)[:3])
            raise PermanentError(f"HubSpot {path}: some records were refused: {errors}")
        raise PermanentError(f"HubSpot {path}: HTTP {answer.status}: {message}")


def answer_json(answer: Answer) -> dict:
    try:
        data = answer.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _errors(data: dict) -> list[dict]:
    return [e for e in data.get("errors") or [] if isinstance(e, dict)]


def _missing_scopes(data: dict) -> list[str]:
    """The scopes a MISSING_SCOPES answer names (``errors[].context.requiredGranularScopes``
    or ``requiredScopes``)."""
    if data.get("category") != "MISSING_SCOPES":
        return []
    scopes: list[str] = []
    for error in _errors(data):
        context = error.get("context", {}) if isinstance(error.get("context"), dict) else {}
        for key in ("requiredGranularScopes", "requiredScopes", "missingScopes"):
            for scope in context.get(key, []) or []:
                if scope not in scopes:
                    scopes.append(str(scope))
    return scopes or ["(HubSpot did not say which)"]


def _strings(value: Any) -> list[str]:
    """Every string inside ``value`` (HubSpot's ``context`` maps name to lists of strings)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def missing_property(data: dict) -> str | None:
    """The property a ``PROPERTY_DOESNT_EXIST`` answer (or one of its errors) names, or None."""
    for error in [data, *_errors(data)]:
        details = [error, *_errors(error)]
        if not any("PROPERTY_DOESNT_EXIST" in json.dumps(d) for d in details):
            continue
        for detail in details:
            context = detail.get("context")
            names = _strings(context.get("propertyName")) if isinstance(context, dict) else []
            if names:
                return names[0]
        text = " ".join(str(d.get("message", "")) for d in details)
        if '"' in text:  # 'Property "x" does not exist'
            return text.split('"')[1].replace("\\", "")
        return "(HubSpot did not say which)"
    return None


def missing_property_message(name: str, path: str) -> str:
    if name == conf.hubspot_source_page_property:
        return (
            f"HubSpot has no contact property {name!r} (PROPERTY_DOESNT_EXIST on {path}): create "
            "it in HubSpot (single-line text), or set SCRAPERSKY_HUBSPOT_SOURCE_PAGE_PROPERTY to "
            "one you have, or to empty to send no source page"
        )
    return f"HubSpot has no property {name!r} (PROPERTY_DOESNT_EXIST on {path})"


def batch_failures(
    data: dict, ids: list[str]
) -> tuple[dict[str, tuple[str, bool]], list[tuple[str, bool]]]:
    """A 207's errors against the inputs' ``ids``: ``{id: (message, input's fault)}`` and the
    errors naming no input. An error says which input it is about in ``id``, its ``context``
    or its message (HubSpot's ``StandardError``); it is the input's fault when its category
    (or a detail's code) is one of :data:`INPUT_FAULTS`."""
    failed: dict[str, tuple[str, bool]] = {}
    unplaced: list[tuple[str, bool]] = []
    for error in _errors(data):
        text = f"{error.get('category') or 'error'}: {error.get('message') or ''}".strip()
        codes = [str(d.get("code")) for d in _errors(error) if d.get("code")]
        if codes:
            text += f" ({', '.join(codes)})"
        fault = str(error.get("category")) in INPUT_FAULTS or any(c in INPUT_FAULTS for c in codes)
        mentioned = set(_strings([error.get("id"), error.get("context")]))
        mentioned |= {s for d in _errors(error) for s in _strings(d.get("context"))}
        named = [i for i in ids if i in mentioned or i in str(error.get("message") or "")]
        for i in named:
            failed[i] = (text, fault)
        if not named:
            unplaced.append((text, fault))
    return failed, unplaced


def chunks(items: list, size: int = BATCH):
    for i in range(0, len(items), size):
        yield items[i : i + size]
