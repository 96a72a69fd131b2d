"""Typed configuration of the fetcher, read from ``settings.SCRAPERSKY_FETCHER``."""

from __future__ import annotations

import dataclasses
import ipaddress
from collections.abc import Mapping
from typing import Any

from scrapersky.conf import conf

DEFAULT_USER_AGENT = "ScraperSkyBot/0.1 (+https://github.com/scrapersky)"

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclasses.dataclass(frozen=True)
class FetcherConfig:
    """Settings of a :class:`~processing.fetcher.Fetcher`.

    Built with :meth:`from_settings` (reads the dict ``settings.SCRAPERSKY_FETCHER``; every key is
    optional) or :meth:`from_mapping`; tests may also construct it directly with lower-case field
    names. Keys (settings name → default):

    ``CONNECT_TIMEOUT`` (5.0)
        Seconds to establish a TCP (+TLS) connection.
    ``READ_TIMEOUT`` (15.0)
        Seconds to wait for any single read (headers or a body chunk) or write.
    ``TOTAL_TIMEOUT`` (60.0)
        Wall-clock seconds for one request attempt: connect, headers and the whole body.
        Ends slow-drip servers and endless bodies. Backoff sleeps between retries are not counted.
    ``MAX_BODY_BYTES`` (10 MB = 10_485_760)
        Maximum size of the *decompressed* body (gzip/deflate, and br when the ``brotli``
        package is installed, are decoded while streaming). Enforced while streaming; the fetcher
        never holds more than the cap plus one chunk (64 KiB). Exceeding it raises
        ``BodyTooLargeError`` unless the call passed ``truncate=True``. A call can lower or raise
        it with ``max_bytes=``.
    ``MAX_REDIRECTS`` (5)
        Redirects are followed by the fetcher itself, so every hop gets the URL, SSRF and robots
        checks. More hops, or a loop, raise ``TooManyRedirectsError``.
    ``RETRIES`` (2)
        Extra attempts after read/total timeouts, resets and protocol errors on an established
        connection, and HTTP 408/429/5xx. A refused connection, a TLS failure, a connect timeout
        or a DNS failure is raised after one attempt (``exc.connect_failed``): it is an answer
        about that host and scheme, and retrying it only multiplies the wait.
    ``BACKOFF_BASE`` (0.5)
        Retry *n* (0-based) sleeps ``BACKOFF_BASE * 2**n`` plus up to ``BACKOFF_BASE`` of jitter,
        or what ``Retry-After`` (seconds or HTTP date) asks for.
    ``MAX_RETRY_AFTER`` (30.0)
        A ``Retry-After`` above this is not slept on: the transient error is raised at once with
        ``retry_after`` so the engine reschedules the row.
    ``PER_HOST_CONCURRENCY`` (4)
        Simultaneous requests to one host, process-wide (shared by all fetchers and threads).
        With the default two worker processes (``Q_WORKERS``), eight to one host across the
        cluster: Scrapy's default (``CONCURRENT_REQUESTS_PER_DOMAIN``). It matches
        ``page_curation``'s ``claim_per_domain`` (4), so no thread holding a page waits for a
        free place at its host; with 2, a slow host's pages kept two threads of a worker
        waiting each, and its last pages ended bench/pipeline.py seconds after the rest.
    ``PER_HOST_DELAY`` (0.0)
        Minimum seconds between the starts of two requests to the same host (politeness).
    ``OBEY_ROBOTS`` (True)
        Check robots.txt before every request (every redirect hop) unless the call passes
        ``check_robots=False``. robots.txt is fetched once per origin and cached for
        ``ROBOTS_CACHE_TTL``; it goes through the same SSRF guard, capped at ``ROBOTS_MAX_BYTES``
        (parsing what fits). 4xx → everything allowed (the usual crawler convention; unlike
        ``urllib.robotparser`` we do not treat 401/403 as "disallow all"). 5xx, timeouts and
        unreachable hosts → allowed as well: a sick robots.txt should not make a lead
        permanently fail, and the page fetch itself will report a real outage. Rules are
        read by RFC 9309 (Protego: wildcards, ``$``, longest match, Allow wins ties, groups
        matched on the product token of ``USER_AGENT``).
    ``ROBOTS_CACHE_TTL`` (3600.0)
        Seconds a robots.txt verdict is cached per origin (scheme, host, port).
    ``ROBOTS_MAX_BYTES`` (512 KiB = 524_288)
        Size cap for robots.txt.
    ``USER_AGENT`` ("ScraperSkyBot/0.1 (+https://github.com/scrapersky)")
        Sent on every request and used for robots.txt matching.
    ``PROXY`` (None)
        An ``http://`` or ``https://`` proxy URL (e.g. a scraping service). The proxy resolves
        and connects to targets itself, so the SSRF guard can only check, before sending, what
        *our* DNS says about the target host: best effort, not rebinding-proof. Environment
        proxy variables (``HTTP_PROXY`` ...) are always ignored.
    ``ALLOWED_NETWORKS`` ([])
        CIDR strings that are allowed although not global; development and tests use
        ``["127.0.0.0/8", "::1/128"]``.
    ``ALLOWED_SCHEMES`` (["http", "https"])
        URL schemes that may be fetched; only a subset of http/https makes sense.
    ``MAX_CONNECTIONS`` (1000)
        Idle keep-alive connections one fetcher keeps: ``MAX_CONNECTIONS //
        PER_HOST_CONCURRENCY`` origins (scheme, host, port; least recently used out first),
        each with up to ``PER_HOST_CONCURRENCY`` connections. A worker's batches interleave
        hundreds of domains, so fewer origins than that would reconnect (and redo TLS) on
        almost every request.
    ``CONNECT_TO`` ({})
        Like curl's ``--connect-to``: ``{"acme.test:80": "127.0.0.1:8401"}`` makes connections
        for ``acme.test`` port 80 go to 127.0.0.1:8401 (Host header, SNI and robots.txt keep the
        name). The target address still passes the SSRF guard. The demo and the tests use it to
        serve fictional sites on loopback.
    """

    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    total_timeout: float = 60.0
    max_body_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 2
    backoff_base: float = 0.5
    max_retry_after: float = 30.0
    per_host_concurrency: int = 4
    per_host_delay: float = 0.0
    obey_robots: bool = True
    robots_cache_ttl: float = 3600.0
    robots_max_bytes: int = 512 * 1024
    user_agent: str = DEFAULT_USER_AGENT
    proxy: str | None = None
    allowed_networks: tuple[IPNetwork, ...] = ()
    allowed_schemes: tuple[str, ...] = ("http", "https")
    max_connections: int = 1000
    connect_to: Mapping[str, str] = dataclasses.field(default_factory=dict)

    def __post_init__(self) -> None:
        networks = tuple(
            n if isinstance(n, IPNetwork) else ipaddress.ip_network(str(n), strict=False)
            for n in (self.allowed_networks or ())
        )
        object.__setattr__(self, "allowed_networks", networks)
        schemes = tuple(s.lower() for s in self.allowed_schemes)
        unknown = set(schemes) - {"http", "https"}
        if unknown:
            raise ValueError(f"SCRAPERSKY_FETCHER['ALLOWED_SCHEMES']: unsupported {unknown}")
        object.__setattr__(self, "allowed_schemes", schemes)
        if self.proxy is not None and not str(self.proxy).lower().startswith(
            ("http://", "https://")
        ):
            raise ValueError("SCRAPERSKY_FETCHER['PROXY'] must be an http:// or https:// URL")
        for source, target in dict(self.connect_to).items():
            for part in (source, target):
                host, _, port = str(part).rpartition(":")
                if not host or not port.isdigit():
                    raise ValueError(f"SCRAPERSKY_FETCHER['CONNECT_TO']: {part!r} is not host:port")
        if self.per_host_concurrency < 1:
            raise ValueError("SCRAPERSKY_FETCHER['PER_HOST_CONCURRENCY'] must be >= 1")

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Any] | None) -> FetcherConfig:
        """Build from a ``SCRAPERSKY_FETCHER``-style dict (upper-case keys, all optional)."""
        fields = {f.name: f for f in dataclasses.fields(cls)}
        kwargs: dict[str, Any] = {}
        for key, value in (mapping or {}).items():
            name = key.lower()
            if name not in fields:
                raise ValueError(
                    f"SCRAPERSKY_FETCHER: unknown key {key!r} "
                    f"(known: {', '.join(sorted(n.upper() for n in fields))})"
                )
            kwargs[name] = _coerce(name, value)
        return cls(**kwargs)

    @classmethod
    def from_settings(cls) -> FetcherConfig:
        """Build from ``django.conf.settings.SCRAPERSKY_FETCHER`` (missing → all defaults)."""

        return cls.from_mapping(conf.fetcher or None)


_FLOATS = {
    "connect_timeout",
    "read_timeout",
    "total_timeout",
    "backoff_base",
    "max_retry_after",
    "per_host_delay",
    "robots_cache_ttl",
}
_INTS = {
    "max_body_bytes",
    "max_redirects",
    "retries",
    "per_host_concurrency",
    "robots_max_bytes",
    "max_connections",
}


def _coerce(name: str, value: Any) -> Any:
    if name in _FLOATS:
        return float(value)
    if name in _INTS:
        return int(value)
    if name == "obey_robots":
        return bool(value)
    if name in ("allowed_networks", "allowed_schemes"):
        if isinstance(value, str):
            value = [value]
        return tuple(value)
    if name == "connect_to":
        return {str(k).lower(): str(v) for k, v in dict(value or {}).items()}
    if name == "proxy":
        return str(value) if value else None
    return value
