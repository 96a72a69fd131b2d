"""The delivery HTTP client: guarded connections, timeouts, retries honouring ``Retry-After``.

urllib3 (the fetcher's client) with the fetcher's guarded connection classes
(``processing.fetcher.connection.pool_classes``): a destination URL resolving to a private,
loopback or reserved address is refused unless ``SCRAPERSKY_DELIVERY_ALLOWED_NETWORKS`` lists
it. Not the fetcher itself: it only GETs, follows redirects and reads robots.txt, none of which
a POST to a configured endpoint wants.

Retried here, with exponential backoff and jitter: timeouts and resets on an established
connection, HTTP 408, 429 and 5xx (``Retry-After`` honoured up to ``max_retry_after``; a longer
wait is raised at once as a ``TransientError`` carrying it, for the engine to reschedule the row).
A refused connection, DNS or TLS failure is a ``TransientError`` at once (the receiver is down:
the engine's backoff is the right wait). Every other answer is returned to the caller, which
decides what its 4xx mean.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import urllib3
from urllib3.exceptions import HTTPError as Urllib3HTTPError

from processing.errors import PermanentError, TransientError
from processing.fetcher.connection import ConnectFailed, pool_classes
from processing.fetcher.errors import BlockedAddressError
from processing.fetcher.retries import parse_retry_after

#: bytes of an answer kept (error messages quote the first of them)
MAX_ANSWER_BYTES = 1024 * 1024
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


@dataclass
class Answer:
    """A destination's answer: status, headers (lower-case names) and body."""

    status: int
    headers: dict[str, str]
    body: bytes

    def first_bytes(self, n: int = 200) -> str:
        return self.body[:n].decode("utf-8", "replace")

    def json(self) -> Any:
        import json

        return json.loads(self.body or b"null")


@dataclass
class CallCounter:
    """HTTP calls made (retries included), for ``lead_deliveries.calls`` and the bench."""

    calls: int = 0


@dataclass
class DeliveryHTTP:
    """One client per process and configuration (thread-safe: urllib3's pools are)."""

    allowed_networks: tuple[Any, ...] = ()
    timeout: float = 10.0
    retries: int = 3
    backoff_base: float = 0.5
    max_retry_after: float = 30.0
    max_answer_bytes: int = MAX_ANSWER_BYTES  # a places service answers far more than a webhook
    sleep: Callable[[float], None] = time.sleep
    _manager: urllib3.PoolManager = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._manager = urllib3.PoolManager(num_pools=16, maxsize=32, block=False)
        self._manager.pool_classes_by_scheme = pool_classes(self.allowed_networks, {})

    def close(self) -> None:
        self._manager.clear()

    def request(
        self,
        method: str,
        url: str,
        *,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        counter: CallCounter | None = None,
        retry_on: Callable[[Answer], float | None] | None = None,
    ) -> Answer:
        """Send and return the answer; retry what can succeed on retry (see module docstring).

        ``retry_on(answer)`` may ask for more retries: it returns a wait in seconds (or None).
        """
        last_error: str = ""
        for attempt in range(1 + self.retries):
            if counter is not None:
                counter.calls += 1
            try:
                answer = self._send(method, url, body, headers)
            except _Retryable as exc:
                last_error = str(exc)
                if attempt < self.retries:
                    self.sleep(self._backoff(attempt))
                    continue
                raise TransientError(f"{method} {url}: {last_error}") from None
            wait = retry_on(answer) if retry_on else None
            if wait is None and answer.status in RETRY_STATUSES:
                wait = parse_retry_after(answer.headers.get("retry-after"))
                if wait is None:
                    wait = self._backoff(attempt)
            if wait is None:
                return answer
            last_error = f"HTTP {answer.status}: {answer.first_bytes()}"
            if wait > self.max_retry_after:
                raise TransientError(
                    f"{method} {url}: {last_error} (Retry-After {wait:g}s)", retry_after=wait
                )
            if attempt < self.retries:
                self.sleep(wait)
                continue
            raise TransientError(f"{method} {url}: {last_error}", retry_after=wait or None)
        raise AssertionError("unreachable")

    def _backoff(self, attempt: int) -> float:
        return self.backoff_base * (2**attempt) + random.uniform(0, self.backoff_base)

    def _send(
        self, method: str, url: str, body: bytes | None, headers: Mapping[str, str] | None
    ) -> Answer:
        try:
            response = self._manager.request(
                method,
                url,
                body=body,
                headers=dict(headers or {}),
                redirect=False,
                retries=False,
                preload_content=False,
                timeout=urllib3.Timeout(connect=self.timeout, read=self.timeout),
            )
        except BlockedAddressError as exc:
            raise PermanentError(f"{method} {url} refused: {getattr(exc, 'detail', exc)}") from None
        except ConnectFailed as exc:
            raise TransientError(f"{method} {url}: {exc.detail}") from None
        except urllib3.exceptions.LocationParseError as exc:
            raise PermanentError(f"{method} {url}: not a valid URL ({exc})") from None
        except (Urllib3HTTPError, OSError) as exc:
            # the cause says what happened: a read timeout, a reset
            cause = exc.__context__ or exc
            raise _Retryable(f"{type(cause).__name__}: {cause}") from None
        try:
            data = response.read(self.max_answer_bytes, decode_content=True)
        except (Urllib3HTTPError, OSError) as exc:
            raise _Retryable(f"reading the answer: {type(exc).__name__}: {exc}") from None
        finally:
            response.drain_conn()  # the rest of an over-long answer, so the connection is reusable
            response.release_conn()
        headers_out = {k.lower(): v for k, v in response.headers.items()}
        return Answer(response.status, headers_out, data)


class _Retryable(Exception):
    """A failure on an established exchange (timeout, reset): worth another attempt."""
