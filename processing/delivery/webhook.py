"""Signed webhook delivery of a lead (scheme documented in docs/lead-schema.md, "Webhooks").

``POST`` of the lead document (``application/json``, canonical bytes) with::

    X-ScraperSky-Timestamp: 1733390000                 (Unix seconds of this delivery)
    X-ScraperSky-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>." + body)>
    Idempotency-Key: lead-<domain id>-<lead version>  (same for every retry of one version)
    X-ScraperSky-Event: lead.upserted
    X-ScraperSky-Schema: scrapersky.lead/1.2

A deleted lead is the event ``lead.deleted`` (:func:`deleted_event`, sent by workflow
``lead_retraction``), signed the same way, with ``Idempotency-Key: lead-<domain id>-deleted``.

A 2xx is accepted; 408, 429, 5xx and timeouts are retried by :mod:`processing.delivery.http`
(then by the engine); any other status is a ``PermanentError`` with the status and the first
bytes of the answer.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from processing.delivery.config import WebhookConfig
from processing.delivery.http import CallCounter, DeliveryHTTP
from processing.delivery.lead import SCHEMA, SCHEMA_VERSION, Lead, canonical
from processing.errors import PermanentError

SIGNATURE_VERSION = "v1"
USER_AGENT = "ScraperSky-Webhooks/1.0"


@dataclass
class Delivered:
    """What a destination accepted: its ids for the lead, and the HTTP calls it took."""

    remote_ids: dict[str, Any] = field(default_factory=dict)
    calls: int = 0


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The ``X-ScraperSky-Signature`` value for ``body`` sent at ``timestamp``."""
    mac = hmac.new(secret.encode("utf-8"), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"{SIGNATURE_VERSION}={mac.hexdigest()}"


def verify(
    secret: str,
    timestamp: str,
    body: bytes,
    signature: str,
    *,
    tolerance: float = 300,
    now: float | None = None,
) -> bool:
    """What a receiver does (and our tests do): constant-time compare, timestamp within
    ``tolerance`` seconds (replays of old deliveries are refused)."""
    try:
        ts = int(timestamp)
    except ValueError:
        return False
    if abs((time.time() if now is None else now) - ts) > tolerance:
        return False
    expected = sign(secret, ts, body)
    return any(hmac.compare_digest(expected, part.strip()) for part in signature.split(","))


def send_webhook(
    http: DeliveryHTTP, config: WebhookConfig, lead: Lead, *, clock: Callable[[], float] = time.time
) -> Delivered:
    """POST ``lead`` to the webhook; raise ``TransientError``/``PermanentError`` on failure."""
    return post_event(http, config, "lead.upserted", lead.body, lead.idempotency_key, clock=clock)


def deleted_event(*, domain_id: int, domain: str, lead_hash: str, deleted_at: str) -> bytes:
    """The ``lead.deleted`` event's body (canonical JSON; the same bytes on every retry)."""
    return canonical(
        {
            "schema": SCHEMA,
            "schema_version": SCHEMA_VERSION,
            "event": "lead.deleted",
            "lead_id": f"domain:{domain_id}",
            "lead_version": lead_hash[:32] or None,
            "company": {"id": domain_id, "domain": domain or None},
            "deleted_at": deleted_at,
        }
    )


def post_event(
    http: DeliveryHTTP,
    config: WebhookConfig,
    event: str,
    body: bytes,
    idempotency_key: str,
    *,
    clock: Callable[[], float] = time.time,
) -> Delivered:
    """POST a signed ``event`` (``lead.upserted``, ``lead.deleted``) with ``body``."""
    timestamp = int(clock())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "Idempotency-Key": idempotency_key,
        "X-ScraperSky-Event": event,
        "X-ScraperSky-Schema": f"{SCHEMA}/{SCHEMA_VERSION}",
        "X-ScraperSky-Timestamp": str(timestamp),
        "X-ScraperSky-Signature": sign(config.secret, timestamp, body),
    }
    counter = CallCounter()
    answer = http.request("POST", config.url, body=body, headers=headers, counter=counter)
    if not 200 <= answer.status < 300:
        raise PermanentError(
            f"webhook {config.name}: HTTP {answer.status}: {answer.first_bytes()!r}"
        )
    remote: dict[str, Any] = {}
    if answer.headers.get("content-type", "").startswith("application/json"):
        try:
            data = answer.json()
        except ValueError:
            data = None
        if isinstance(data, dict) and isinstance(data.get("id"), str | int):
            remote["id"] = data["id"]
    return Delivered(remote_ids=remote, calls=counter.calls)
