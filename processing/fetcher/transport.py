"""One HTTP exchange over urllib3's keep-alive pools: :class:`Transport`.

The pools hold :mod:`processing.fetcher.connection`'s guarded connections (SSRF check on the
connected address, wall-clock deadline), or go through ``PROXY``. :meth:`Transport.send` sends
one GET (no redirects, no retries: the fetcher does those, so each hop passes every check) and
returns the response once its headers are in, the body unread; every failure comes out as the
public :class:`~processing.fetcher.errors.FetchError` it stands for.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

import urllib3
from urllib3.exceptions import HTTPError as Urllib3HTTPError
from urllib3.exceptions import LocationParseError, ProtocolError, ReadTimeoutError
from urllib3.exceptions import SSLError as Urllib3SSLError
from urllib3.util import Url, parse_url

from .config import FetcherConfig
from .connection import ConnectFailed, pool_classes
from .errors import (
    BlockedAddressError,
    ConnectionRefusedFetchError,
    ConnectTimeoutFetchError,
    DNSFetchError,
    FailureKind,
    FetchConnectionError,
    FetchError,
    FetchTimeoutError,
    HostNotFoundError,
    InvalidURLError,
    TLSFetchError,
)

_CONNECT_ERRORS: dict[FailureKind, type[FetchError]] = {
    FailureKind.REFUSED: ConnectionRefusedFetchError,
    FailureKind.TLS: TLSFetchError,
    FailureKind.CONNECT_TIMEOUT: ConnectTimeoutFetchError,
    FailureKind.DNS: DNSFetchError,
}


def _build_manager(config: FetcherConfig) -> urllib3.PoolManager:
    """Keep-alive pools per origin, with guarded connections (or through the proxy)."""
    common: dict[str, Any] = {
        "num_pools": max(1, config.max_connections // config.per_host_concurrency),
        "maxsize": config.per_host_concurrency,
        "block": False,
    }
    if config.proxy:
        proxy = parse_url(config.proxy)
        proxy_headers = urllib3.make_headers(proxy_basic_auth=proxy.auth) if proxy.auth else None
        manager: urllib3.PoolManager = urllib3.ProxyManager(
            proxy._replace(auth=None).url, proxy_headers=proxy_headers, **common
        )
        # The proxy resolves and connects to targets itself; our connection is to the proxy.
        manager.pool_classes_by_scheme = pool_classes(config.allowed_networks, {}, check=False)
    else:
        manager = urllib3.PoolManager(**common)
        manager.pool_classes_by_scheme = pool_classes(
            config.allowed_networks, dict(config.connect_to)
        )
    return manager


class Transport:
    """urllib3 pools for one :class:`FetcherConfig` (thread-safe, shared like the fetcher)."""

    def __init__(self, config: FetcherConfig) -> None:
        self.config = config
        self._manager = _build_manager(config)
        # no redirects, no retries, the body raw and unread: the fetcher does the rest
        self._options: dict[str, Any] = {
            "redirect": False,
            "retries": False,
            "preload_content": False,
            "decode_content": False,
            "timeout": urllib3.Timeout(connect=config.connect_timeout, read=config.read_timeout),
        }
        self._direct = not config.proxy

    def close(self) -> None:
        self._manager.clear()

    def send(
        self, parsed: Url, url: str, headers: Mapping[str, str], deadline_at: float | None
    ) -> urllib3.BaseHTTPResponse:
        """GET ``url`` (``parsed`` is its :func:`~processing.fetcher.urls.validate` result);
        the response with its body unread. Raises the public error for any failure."""
        try:
            if self._direct:
                # The pool of the origin straight away: the URL is parsed once, by validate().
                pool = self._manager.connection_from_host(
                    parsed.host, port=parsed.port, scheme=parsed.scheme
                )
                return pool.urlopen(
                    "GET",
                    parsed.request_uri,
                    headers=headers,
                    assert_same_host=False,
                    **self._options,
                )
            # Through the proxy: urllib3 decides between absolute form (http) and a tunnel.
            return self._manager.urlopen("GET", url, headers=headers, **self._options)
        except Exception as exc:
            raise self._error(exc, url, parsed.host or "", deadline_at) from exc

    def _error(self, exc: Exception, url: str, host: str, deadline_at: float | None) -> Exception:
        """The public error for what ``urlopen`` raised."""
        c = self.config
        if isinstance(exc, FetchError):
            if isinstance(exc, BlockedAddressError):
                detail = getattr(exc, "detail", str(exc))
                return BlockedAddressError(f"refused to fetch {url}: {detail}", url=url)
            return exc
        if isinstance(exc, ConnectFailed):
            if exc.not_found:
                return HostNotFoundError(f"cannot fetch {url}: {exc.detail}", url=url)
            if exc.kind is FailureKind.CONNECT_TIMEOUT:
                return ConnectTimeoutFetchError(
                    f"connect timeout fetching {url} (no connection to {host} within "
                    f"{c.connect_timeout:g}s)",
                    url=url,
                )
            cls = _CONNECT_ERRORS.get(exc.kind, FetchConnectionError)
            return cls(
                f"connection to {host} failed fetching {url}: {exc.detail}", url=url, kind=exc.kind
            )
        if isinstance(exc, ReadTimeoutError | TimeoutError):
            if deadline_at is not None and time.monotonic() >= deadline_at - 0.001:
                return FetchTimeoutError(
                    f"fetching {url} took longer than the total timeout of {c.total_timeout:g}s",
                    url=url,
                    kind=FailureKind.TOTAL_TIMEOUT,
                )
            return FetchTimeoutError(
                f"read timeout fetching {url}", url=url, kind=FailureKind.READ_TIMEOUT
            )
        if isinstance(exc, Urllib3SSLError):
            return TLSFetchError(f"connection to {host} failed fetching {url}: {exc}", url=url)
        if isinstance(exc, LocationParseError):
            return InvalidURLError(f"cannot fetch {url}: {exc}", url=url)
        if isinstance(exc, ProtocolError | Urllib3HTTPError | OSError):
            return FetchConnectionError(
                f"connection to {host} failed fetching {url}: {exc or type(exc).__name__}",
                url=url,
                kind=FailureKind.RESET if isinstance(exc, ProtocolError) else FailureKind.PROTOCOL,
            )
        return exc
