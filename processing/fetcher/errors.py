"""Exceptions raised by :mod:`processing.fetcher`.

Every error is a :class:`processing.errors.ProcessingError`; whether the *engine* should retry
the row later is expressed by also subclassing :class:`~processing.errors.TransientError` or
:class:`~processing.errors.PermanentError`, so the engine needs no fetcher-specific handling.
``str(exc)`` is meant to be shown on an admin page.

What went wrong is also given as data, for callers that decide on it (discovery decides a
domain's scheme from one https failure):

``exc.kind``
    A :class:`FailureKind` (a ``str``): ``refused``, ``tls``, ``connect-timeout``, ``dns``,
    ``connect`` (other failures before a connection existed), ``blocked`` (SSRF guard),
    ``read-timeout``, ``total-timeout``, ``reset`` (connection dropped after it was established),
    ``protocol``, ``decoding``, ``http-status``, ``too-large``, ``redirects``, ``robots``,
    ``invalid-url``, ``slot-timeout`` (no per-host slot in time).
``exc.connect_failed``
    True when no connection to the host was ever established (``refused``, ``tls``,
    ``connect-timeout``, ``dns``, ``connect``, ``blocked``): the host or scheme said no, and
    the fetcher did **not** retry it. Retrying it at once would cost the same again; an https
    refusal is the answer "this site has no https", not a hiccup.

Retry policy of the fetcher itself (``RETRIES`` extra attempts with backoff): read timeouts,
total timeouts, resets and protocol errors on an established connection, and HTTP 408/429/5xx
(honouring ``Retry-After``). Connect-level failures are raised after one attempt. The classes
below keep their names; the connect-level ones are subclasses (:class:`ConnectionRefusedFetchError`,
:class:`TLSFetchError`, :class:`ConnectTimeoutFetchError`, :class:`DNSFetchError`) of
:class:`FetchConnectionError` / :class:`FetchTimeoutError`, still transient for the engine (a
site down now may be up in an hour).
"""

from __future__ import annotations

import enum

from processing.errors import PermanentError, ProcessingError, TransientError

__all__ = [
    "CONNECT_FAILURES",
    "BlockedAddressError",
    "BodyTooLargeError",
    "ConnectTimeoutFetchError",
    "ConnectionRefusedFetchError",
    "DNSFetchError",
    "FailureKind",
    "FetchConnectionError",
    "FetchError",
    "FetchTimeoutError",
    "HTTPStatusError",
    "HostNotFoundError",
    "InvalidURLError",
    "PermanentHTTPStatusError",
    "RobotsDisallowedError",
    "TLSFetchError",
    "TooManyRedirectsError",
    "TransientHTTPStatusError",
]


class FailureKind(enum.StrEnum):
    """What failed, as data (``exc.kind``); see the module docstring."""

    REFUSED = "refused"
    TLS = "tls"
    CONNECT_TIMEOUT = "connect-timeout"
    DNS = "dns"
    CONNECT = "connect"
    BLOCKED = "blocked"
    READ_TIMEOUT = "read-timeout"
    TOTAL_TIMEOUT = "total-timeout"
    SLOT_TIMEOUT = "slot-timeout"
    RESET = "reset"
    PROTOCOL = "protocol"
    DECODING = "decoding"
    HTTP_STATUS = "http-status"
    TOO_LARGE = "too-large"
    REDIRECTS = "redirects"
    ROBOTS = "robots"
    INVALID_URL = "invalid-url"


#: Kinds meaning no connection was ever established: not retried by the fetcher.
CONNECT_FAILURES = frozenset(
    {
        FailureKind.REFUSED,
        FailureKind.TLS,
        FailureKind.CONNECT_TIMEOUT,
        FailureKind.DNS,
        FailureKind.CONNECT,
        FailureKind.BLOCKED,
    }
)


class FetchError(ProcessingError):
    """Base class of every fetcher error; ``url`` is the URL that failed (if known).

    ``kind`` (a :class:`FailureKind`) says what failed; each class has a default, which a
    raiser may refine (``FetchConnectionError(..., kind=FailureKind.RESET)``).
    """

    default_kind: FailureKind = FailureKind.CONNECT

    def __init__(
        self, message: str, *, url: str | None = None, kind: FailureKind | None = None
    ) -> None:
        super().__init__(message)
        self.url = url
        self.kind = FailureKind(kind) if kind is not None else self.default_kind

    @property
    def connect_failed(self) -> bool:
        """No connection to the host was established (and the fetcher did not retry)."""
        return self.kind in CONNECT_FAILURES


class _PermanentFetchError(FetchError, PermanentError):
    pass


class _TransientFetchError(FetchError, TransientError):
    def __init__(
        self,
        message: str,
        *,
        url: str | None = None,
        retry_after: float | None = None,
        kind: FailureKind | None = None,
    ) -> None:
        FetchError.__init__(self, message, url=url, kind=kind)
        self.retry_after = retry_after


class BlockedAddressError(_PermanentFetchError):
    """The host resolves to an address the SSRF guard refuses (private, loopback, ...)."""

    default_kind = FailureKind.BLOCKED


class InvalidURLError(_PermanentFetchError):
    """The URL cannot be fetched: malformed, unsupported scheme, userinfo, no host."""

    default_kind = FailureKind.INVALID_URL


class TooManyRedirectsError(_PermanentFetchError):
    """More than ``MAX_REDIRECTS`` redirects, or a redirect loop."""

    default_kind = FailureKind.REDIRECTS


class BodyTooLargeError(_PermanentFetchError):
    """The (decompressed) body is larger than the allowed number of bytes."""

    default_kind = FailureKind.TOO_LARGE


class RobotsDisallowedError(_PermanentFetchError):
    """robots.txt of the host disallows the URL for our user agent."""

    default_kind = FailureKind.ROBOTS


class FetchTimeoutError(_TransientFetchError):
    """Connect, read or total (wall clock) timeout (``kind`` tells which)."""

    default_kind = FailureKind.READ_TIMEOUT


class FetchConnectionError(_TransientFetchError):
    """DNS failure, connection refused/reset, TLS or protocol error (``kind`` tells which)."""

    default_kind = FailureKind.CONNECT


class ConnectionRefusedFetchError(FetchConnectionError):
    """The host actively refused the connection (nothing listens on that port): not retried."""

    default_kind = FailureKind.REFUSED


class TLSFetchError(FetchConnectionError):
    """The TLS handshake or certificate check failed: not retried."""

    default_kind = FailureKind.TLS


class DNSFetchError(FetchConnectionError):
    """The name did not resolve for a reason other than NXDOMAIN (e.g. resolver failure)."""

    default_kind = FailureKind.DNS


class ConnectTimeoutFetchError(FetchTimeoutError):
    """No TCP (or TLS) connection within ``CONNECT_TIMEOUT``: not retried."""

    default_kind = FailureKind.CONNECT_TIMEOUT


class HostNotFoundError(FetchError, PermanentError):
    """The host name does not exist (DNS NXDOMAIN): the domain is gone or mistyped."""

    default_kind = FailureKind.DNS


class HTTPStatusError(FetchError):
    """The server answered with an error status.

    Instances are always one of the two concrete subclasses: transient (408, 429, 5xx; carries
    ``retry_after`` from ``Retry-After``) or permanent (any other 4xx, raised only with
    ``raise_for_status=True``). ``isinstance(exc, HTTPStatusError)`` works for both; use
    :meth:`create` to build one.
    """

    default_kind = FailureKind.HTTP_STATUS

    def __init__(
        self, message: str, *, url: str, status_code: int, retry_after: float | None = None
    ) -> None:
        FetchError.__init__(self, message, url=url)
        self.status_code = status_code
        self.retry_after = retry_after

    @staticmethod
    def is_transient_status(status_code: int) -> bool:
        return status_code in (408, 429) or status_code >= 500

    @classmethod
    def create(
        cls,
        status_code: int,
        url: str,
        *,
        retry_after: float | None = None,
        attempts: int = 1,
    ) -> HTTPStatusError:
        message = f"HTTP {status_code} from {url}"
        if attempts > 1:
            message += f" (after {attempts} attempts)"
        if retry_after is not None:
            message += f"; server asked to retry after {retry_after:g}s"
        if cls.is_transient_status(status_code):
            return TransientHTTPStatusError(
                message, url=url, status_code=status_code, retry_after=retry_after
            )
        return PermanentHTTPStatusError(message, url=url, status_code=status_code)


class TransientHTTPStatusError(HTTPStatusError, TransientError):
    """HTTP 408, 429 or 5xx that outlasted the fetcher's own retries."""


class PermanentHTTPStatusError(HTTPStatusError, PermanentError):
    """HTTP 4xx other than 408/429 (only raised with ``raise_for_status=True``)."""
