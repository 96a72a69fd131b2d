"""The one HTTP fetcher every workflow uses.

::

    from processing.fetcher import get_fetcher

    response = get_fetcher().get("https://example.com/")       # body read, capped
    with get_fetcher().stream("https://example.com/big.xml") as response:
        for chunk in response.iter_bytes():
            ...

Errors are :class:`processing.errors.TransientError` / :class:`~processing.errors.PermanentError`
subclasses carrying ``kind`` and ``connect_failed`` (the retry policy and the error API are
documented in :mod:`processing.fetcher.errors`); knobs are in :class:`FetcherConfig`.
"""

from .client import DEFAULT_ACCEPT, Fetcher, get_fetcher, reset_fetcher
from .config import FetcherConfig
from .errors import (
    CONNECT_FAILURES,
    BlockedAddressError,
    BodyTooLargeError,
    ConnectionRefusedFetchError,
    ConnectTimeoutFetchError,
    DNSFetchError,
    FailureKind,
    FetchConnectionError,
    FetchError,
    FetchTimeoutError,
    HostNotFoundError,
    HTTPStatusError,
    InvalidURLError,
    PermanentHTTPStatusError,
    RobotsDisallowedError,
    TLSFetchError,
    TooManyRedirectsError,
    TransientHTTPStatusError,
)
from .response import FetchResponse

__all__ = [
    "CONNECT_FAILURES",
    "DEFAULT_ACCEPT",
    "BlockedAddressError",
    "BodyTooLargeError",
    "ConnectTimeoutFetchError",
    "ConnectionRefusedFetchError",
    "DNSFetchError",
    "FailureKind",
    "FetchConnectionError",
    "FetchError",
    "FetchResponse",
    "FetchTimeoutError",
    "Fetcher",
    "FetcherConfig",
    "HTTPStatusError",
    "HostNotFoundError",
    "InvalidURLError",
    "PermanentHTTPStatusError",
    "RobotsDisallowedError",
    "TLSFetchError",
    "TooManyRedirectsError",
    "TransientHTTPStatusError",
    "get_fetcher",
    "reset_fetcher",
]
