"""The places services' HTTP client: the delivery client (guarded, retrying) with our headers.

``processing.delivery.http.DeliveryHTTP`` already refuses private addresses unless allowed
(``SCRAPERSKY_PLACES_ALLOWED_NETWORKS`` here), retries timeouts, 408/429/5xx honouring
``Retry-After`` and turns what is left into ``TransientError``: what a call to a places service
needs too. Every request carries ``SCRAPERSKY_PLACES_USER_AGENT`` (Nominatim and Overpass ask
for an identifying one).
"""

from __future__ import annotations

import ipaddress
import json
import threading
from typing import Any

from processing.delivery.http import Answer, CallCounter, DeliveryHTTP
from processing.errors import PermanentError, TransientError
from scrapersky.conf import conf

_clients: dict[tuple, DeliveryHTTP] = {}
#: an Overpass answer for 10,000 businesses with their tags is some 10 MB
MAX_ANSWER_BYTES = 64 * 1024 * 1024
_lock = threading.Lock()
RETRIES = 2
MAX_RETRY_AFTER = 10.0

__all__ = ["Answer", "CallCounter", "call_seconds_max", "client", "headers", "read_json", "refuse"]


def client() -> DeliveryHTTP:
    """The process's client for the current settings (its pools are reused)."""
    key = (tuple(conf.places_allowed_networks), conf.places_timeout)
    with _lock:
        http = _clients.get(key)
        if http is None:
            networks = tuple(ipaddress.ip_network(n, strict=False) for n in key[0])
            http = _clients[key] = DeliveryHTTP(
                allowed_networks=networks,
                timeout=key[1],
                retries=RETRIES,
                max_retry_after=MAX_RETRY_AFTER,
                max_answer_bytes=MAX_ANSWER_BYTES,
            )
        return http


def call_seconds_max() -> float:
    """How long one call of ``client()`` may take with its retries and their waits (a request
    gate's lease must outlast it): each attempt's timeout, each retry's wait, a margin."""
    return (RETRIES + 1) * conf.places_timeout + RETRIES * MAX_RETRY_AFTER + 30.0


def headers(**extra: str) -> dict[str, str]:
    return {"User-Agent": conf.places_user_agent, "Accept": "application/json", **extra}


def read_json(answer: Answer, service: str) -> Any:
    """The answer's JSON; a 2xx that is not JSON is the service's fault, worth a retry."""
    if len(answer.body) >= MAX_ANSWER_BYTES:
        raise PermanentError(
            f"{service} answered more than {MAX_ANSWER_BYTES // 2**20} MB: a smaller area or "
            "result limit is needed"
        )
    try:
        return json.loads(answer.body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TransientError(
            f"{service} answered HTTP {answer.status} with malformed JSON ({exc}): "
            f"{answer.first_bytes(120)!r}"
        ) from None


def refuse(answer: Answer, service: str) -> PermanentError:
    """A 4xx no retry will change, quoted."""
    return PermanentError(
        f"{service} refused the request: HTTP {answer.status}: {answer.first_bytes(200)}"
    )
