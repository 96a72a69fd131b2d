"""The retry policy of one hop: :func:`with_retries` and :func:`parse_retry_after`.

Read/total timeouts, resets and protocol errors on an established connection, and HTTP
408/429/5xx are retried ``RETRIES`` times with exponential backoff and jitter, or after what
``Retry-After`` asks (a wait above ``MAX_RETRY_AFTER`` is raised at once, for the engine to
reschedule the row); a ``Retry-After`` also pauses the host for every thread and worker
(``hosts.HostGate.pause``). A failed connect (refused, TLS, connect timeout, DNS) is raised
after one attempt: it is an answer about the host and scheme (see
:mod:`processing.fetcher.errors`).
"""

from __future__ import annotations

import email.utils
import random
from collections.abc import Callable
from datetime import UTC, datetime

from urllib3.util import parse_url

from .config import FetcherConfig
from .errors import FetchConnectionError, FetchTimeoutError, HTTPStatusError
from .hosts import HOST_GATE
from .response import FetchResponse

__all__ = ["backoff", "parse_retry_after", "with_retries"]


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds (delta-seconds or HTTP-date), or None if absent/invalid."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff(config: FetcherConfig, attempt: int) -> float:
    """Seconds to wait before retry ``attempt`` (0-based): exponential, with jitter."""
    base = config.backoff_base
    return base * (2**attempt) + random.uniform(0, base)


def with_retries(
    send: Callable[[], FetchResponse],
    url: str,
    *,
    retries: int,
    config: FetcherConfig,
    sleep: Callable[[float], None],
) -> FetchResponse:
    """``send()`` until it gives a response that is not a transient status, at most
    ``1 + retries`` times; raise the last failure (a transient status as
    :class:`HTTPStatusError`)."""
    attempts = 1 + max(0, retries)
    for attempt in range(attempts):
        last = attempt + 1 >= attempts
        try:
            response = send()
        except (FetchTimeoutError, FetchConnectionError) as exc:
            if exc.connect_failed:
                raise  # an answer about this host/scheme: retrying costs the same again
            if last:
                if attempts > 1:
                    exc.args = (f"{exc} (after {attempts} attempts)",)
                raise
            sleep(backoff(config, attempt))
            continue
        if not HTTPStatusError.is_transient_status(response.status_code):
            return response
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        response.discard()
        if retry_after is not None and retry_after > config.max_retry_after:
            raise HTTPStatusError.create(
                response.status_code, url, retry_after=retry_after, attempts=attempt + 1
            )
        if retry_after and not last:
            # The host asked for a pause this request waits out: every thread of this process
            # (and of every worker process, through the shared gate) holds off it too.
            HOST_GATE.pause(parse_url(url).host or "", retry_after)
        if last:
            raise HTTPStatusError.create(
                response.status_code, url, retry_after=retry_after, attempts=attempts
            )
        sleep(retry_after if retry_after is not None else backoff(config, attempt))
    raise AssertionError("unreachable")  # pragma: no cover
