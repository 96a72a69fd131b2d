"""Exceptions raised by :mod:`processing.fetcher`.

Every error is a :class:`processing.errors.ProcessingError`; whether it is worth retrying is
expressed by also subclassing :class:`~processing.errors.TransientError` or
:class:`~processing.errors.PermanentError`, so the engine needs no fetcher-specific handling.
``str(exc)`` is meant to be shown on an admin page.
"""

from __future__ import annotations

from processing.errors import PermanentError, ProcessingError, TransientError

__all__ = [
    "BlockedAddressError",
    "BodyTooLargeError",
    "FetchConnectionError",
    "FetchError",
    "FetchTimeoutError",
    "HTTPStatusError",
    "InvalidURLError",
    "PermanentHTTPStatusError",
    "RobotsDisallowedError",
    "TooManyRedirectsError",
    "TransientHTTPStatusError",
]


class FetchError(ProcessingError):
    """Base class of every fetcher error; ``url`` is the URL that failed (if known)."""

    def __init__(self, message: str, *, url: str | None = None) -> None:
        super().__init__(message)
        self.url = url


class _PermanentFetchError(FetchError, PermanentError):
    pass


class _TransientFetchError(FetchError, TransientError):
    def __init__(
        self, message: str, *, url: str | None = None, retry_after: float | None = None
    ) -> None:
        FetchError.__init__(self, message, url=url)
        self.retry_after = retry_after


class BlockedAddressError(_PermanentFetchError):
    """The host resolves to an address the SSRF guard refuses (private, loopback, ...)."""


class InvalidURLError(_PermanentFetchError):
    """The URL cannot be fetched: malformed, unsupported scheme, userinfo, no host."""


class TooManyRedirectsError(_PermanentFetchError):
    """More than ``MAX_REDIRECTS`` redirects, or a redirect loop."""


class BodyTooLargeError(_PermanentFetchError):
    """The (decompressed) body is larger than the allowed number of bytes."""


class RobotsDisallowedError(_PermanentFetchError):
    """robots.txt of the host disallows the URL for our user agent."""


class FetchTimeoutError(_TransientFetchError):
    """Connect, read or total (wall clock) timeout."""


class FetchConnectionError(_TransientFetchError):
    """DNS failure, connection refused/reset, TLS or protocol error."""


class HostNotFoundError(FetchError, PermanentError):
    """The host name does not exist (DNS NXDOMAIN): the domain is gone or mistyped."""


class HTTPStatusError(FetchError):
    """The server answered with an error status.

    Instances are always one of the two concrete subclasses: transient (408, 429, 5xx; carries
    ``retry_after`` from ``Retry-After``) or permanent (any other 4xx, raised only with
    ``raise_for_status=True``). ``isinstance(exc, HTTPStatusError)`` works for both; use
    :meth:`create` to build one.
    """

    status_code: int
    retry_after: float | None

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

    def __init__(
        self, message: str, *, url: str, status_code: int, retry_after: float | None = None
    ) -> None:
        FetchError.__init__(self, message, url=url)
        self.status_code = status_code
        self.retry_after = retry_after


class PermanentHTTPStatusError(HTTPStatusError, PermanentError):
    """HTTP 4xx other than 408/429 (only raised with ``raise_for_status=True``)."""

    def __init__(self, message: str, *, url: str, status_code: int) -> None:
        FetchError.__init__(self, message, url=url)
        self.status_code = status_code
        self.retry_after = None
