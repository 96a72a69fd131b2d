"""The HTTP fetcher every workflow uses: :class:`Fetcher` and the process-wide :func:`get_fetcher`.

One :class:`Fetcher` is thread-safe and meant to be shared (e.g. by a ``ThreadPoolExecutor``
inside a worker). Each call walks the same steps, each hop passing every check:

* :func:`processing.fetcher.urls.validate` (scheme, credentials, literal addresses);
* robots.txt (:class:`processing.fetcher.robots.RobotsPolicy`, fetched through this fetcher);
* a per-host slot and the politeness delay (:data:`processing.fetcher.hosts.HOST_GATE`);
* one exchange over :class:`processing.fetcher.transport.Transport` (guarded connections: SSRF
  check on the connected address, the attempt's wall-clock deadline);
* retries with backoff or ``Retry-After`` (:func:`processing.fetcher.retries.with_retries`)
  and redirects, done by the fetcher (not by urllib3);
* the body read by :class:`processing.fetcher.response.FetchResponse` (decoded, capped).

Logging: one DEBUG line per request (``processing.fetcher``); the engine logs per batch.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TypedDict, Unpack
from urllib.parse import urljoin

from django.core.signals import setting_changed
from urllib3.util import Url

from . import guard
from .config import FetcherConfig
from .decoding import accept_encoding
from .errors import (
    FailureKind,
    FetchError,
    FetchTimeoutError,
    HTTPStatusError,
    InvalidURLError,
    RobotsDisallowedError,
    TooManyRedirectsError,
)
from .hosts import HOST_GATE
from .response import FetchResponse
from .retries import with_retries
from .robots import RobotsPolicy
from .transport import Transport
from .urls import validate

__all__ = ["DEFAULT_ACCEPT", "FetchOptions", "Fetcher", "get_fetcher", "reset_fetcher"]

logger = logging.getLogger("processing.fetcher")

DEFAULT_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


class FetchOptions(TypedDict, total=False):
    """The keyword options of :meth:`Fetcher.get` and :meth:`Fetcher.stream`."""

    #: the body cap in bytes (default: ``FetcherConfig.max_body_bytes``)
    max_bytes: int | None
    #: cut the body at the cap instead of raising :class:`BodyTooLargeError` (default False)
    truncate: bool
    #: obey robots.txt (default True; never when ``FetcherConfig.obey_robots`` is off)
    check_robots: bool
    #: raise other 4xx as a permanent :class:`HTTPStatusError` (default False)
    raise_for_status: bool
    #: the ``Accept`` header (default :data:`DEFAULT_ACCEPT`)
    accept: str
    #: extra request headers
    headers: Mapping[str, str] | None


class Fetcher:
    """Fetch URLs with timeouts, size cap, retries, redirects, SSRF guard and robots.txt.

    See :class:`FetcherConfig` for the knobs. Only ``GET`` is supported.
    """

    def __init__(self, config: FetcherConfig | None = None) -> None:
        self.config = config or FetcherConfig()
        c = self.config
        self._transport = Transport(c)
        self._robots = RobotsPolicy(self._load_robots, c.robots_cache_ttl, c.user_agent)
        # the headers of a call without extra headers, per Accept value (built once)
        self._plain_headers: dict[str, dict[str, str]] = {}
        self.sleep: Callable[[float], None] = time.sleep  # tests may replace it

    def close(self) -> None:
        self._transport.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    # ------------------------------------------------------------------ public API

    def get(self, url: str, **options: Unpack[FetchOptions]) -> FetchResponse:
        """GET ``url`` and read the body (see :meth:`stream` for the checks and errors)."""
        with self.stream(url, **options) as response:
            response.read()
        return response

    @contextmanager
    def stream(self, url: str, **options: Unpack[FetchOptions]) -> Iterator[FetchResponse]:
        """GET ``url``; yield the response once the headers arrived; read with ``iter_bytes``.

        Redirects are followed (each hop checked). 2xx/3xx/4xx responses are returned, except
        that 408/429/5xx are retried and then raised as a transient :class:`HTTPStatusError`,
        and other 4xx are raised as a permanent one with ``raise_for_status=True``.
        Connect-level failures (refused, TLS, connect timeout, DNS) are raised at once, not
        retried: see :mod:`processing.fetcher.errors`. The options are :class:`FetchOptions`.
        """
        response = self._start(url, **options)
        try:
            yield response
        finally:
            response.close()

    # ------------------------------------------------------------------ internals

    def _start(
        self,
        url: str,
        *,
        max_bytes: int | None = None,
        truncate: bool = False,
        check_robots: bool = True,
        raise_for_status: bool = False,
        accept: str = DEFAULT_ACCEPT,
        headers: Mapping[str, str] | None = None,
    ) -> FetchResponse:
        """:meth:`_open` with the public call's defaults (:class:`FetchOptions`) resolved."""
        return self._open(
            url,
            max_bytes=self.config.max_body_bytes if max_bytes is None else max_bytes,
            truncate=truncate,
            check_robots=check_robots and self.config.obey_robots,
            raise_for_status=raise_for_status,
            headers=self._headers(accept, headers),
            retries=self.config.retries,
        )

    def _headers(self, accept: str, extra: Mapping[str, str] | None) -> dict[str, str]:
        if not extra:
            plain = self._plain_headers.get(accept)
            if plain is not None:
                return plain
        result = {"User-Agent": self.config.user_agent, "Accept": accept}
        if extra:
            result.update(extra)
        # we decode ourselves (bounded output), so we decide what is advertised
        result["Accept-Encoding"] = accept_encoding()
        if not extra and len(self._plain_headers) < 16:
            self._plain_headers[accept] = result
        return result

    def _open(
        self,
        url: str,
        *,
        max_bytes: int,
        truncate: bool,
        check_robots: bool,
        raise_for_status: bool,
        headers: dict[str, str],
        retries: int,
    ) -> FetchResponse:
        started = time.monotonic()
        redirects: list[str] = []
        parsed = validate(url, self.config)
        first = current = parsed.url
        seen = {current}
        while True:
            if check_robots:
                self._robots.check(parsed, current)
            response = with_retries(
                functools.partial(
                    self._send_once,
                    parsed,
                    current,
                    headers=headers,
                    started=started,
                    max_bytes=max_bytes,
                    truncate=truncate,
                ),
                current,
                retries=retries,
                config=self.config,
                sleep=self.sleep,
            )
            location = response.headers.get("location")
            if response.status_code in REDIRECT_STATUSES and location:
                response.discard()
                try:
                    target = urljoin(current, location.strip()).split("#", 1)[0]
                except ValueError as exc:
                    raise InvalidURLError(
                        f"{current} redirects to an invalid URL {location!r}: {exc}",
                        url=current,
                    ) from exc
                parsed = validate(target, self.config, referrer=current)
                target = parsed.url
                if target in seen:
                    raise TooManyRedirectsError(
                        f"redirect loop fetching {first}: {' -> '.join([first, *redirects])} "
                        f"-> {target}",
                        url=first,
                    )
                if len(redirects) >= self.config.max_redirects:
                    raise TooManyRedirectsError(
                        f"more than {self.config.max_redirects} redirects fetching {first} "
                        f"(last: {target})",
                        url=first,
                    )
                seen.add(target)
                redirects.append(target)
                current = target
                continue
            response.url = first
            response.final_url = current
            response.redirects = redirects
            if raise_for_status and 400 <= response.status_code < 500:
                response.close()
                raise HTTPStatusError.create(response.status_code, current)
            return response

    def _send_once(
        self,
        parsed: Url,
        url: str,
        *,
        headers: dict[str, str],
        started: float,
        max_bytes: int,
        truncate: bool,
    ) -> FetchResponse:
        c = self.config
        host = parsed.host or ""
        try:
            HOST_GATE.acquire(
                host, limit=c.per_host_concurrency, delay=c.per_host_delay, timeout=c.total_timeout
            )
        except TimeoutError as exc:
            raise FetchTimeoutError(
                f"no free connection slot for {host} within {c.total_timeout:g}s "
                f"(PER_HOST_CONCURRENCY={c.per_host_concurrency}) fetching {url}",
                url=url,
                kind=FailureKind.SLOT_TIMEOUT,
            ) from exc
        try:
            deadline_at, previous = guard.start_deadline(c.total_timeout)
            try:
                http_response = self._transport.send(parsed, url, headers, deadline_at)
            finally:
                guard.set_deadline(previous)
            logger.debug("GET %s -> %s", url, http_response.status)
            return FetchResponse(
                url=url,
                http_response=http_response,
                on_close=functools.partial(HOST_GATE.release, host),
                deadline=deadline_at,
                started=started,
                max_bytes=max_bytes,
                truncate=truncate,
                total_timeout=c.total_timeout,
            )
        except BaseException as exc:
            HOST_GATE.release(host)
            if isinstance(exc, FetchError):
                logger.debug("GET %s failed: %r", url, exc)
            raise

    # ------------------------------------------------------------------ robots.txt

    def remember_robots(self, response: FetchResponse) -> None:
        """Cache a robots.txt the caller fetched itself (discovery reads it for its Sitemap
        lines), so the next request to that origin does not fetch it again. The verdict is the
        one the fetcher would reach: 2xx is parsed; anything else allows everything."""
        self._robots.remember(response)

    def robots_allows(self, url: str) -> bool:
        """Whether the fetcher would fetch ``url`` as far as robots.txt goes (discovery asks
        before it creates pages from a site's links, so it never lists what it must not read)."""
        if not self.config.obey_robots:
            return True
        try:
            self._robots.check(validate(url, self.config), url)
        except RobotsDisallowedError:
            return False
        except FetchError:
            return True  # not a robots question: fetching it will say what is wrong
        return True

    def _load_robots(self, origin: str) -> str | None:
        """robots.txt text for ``origin``, or None meaning "everything allowed"."""
        try:
            response = self._open(
                f"{origin}/robots.txt",
                max_bytes=self.config.robots_max_bytes,
                truncate=True,
                check_robots=False,
                raise_for_status=False,
                headers=self._headers("text/plain,*/*;q=0.5", None),
                retries=0,
            )
            with response:
                response.read()
        except FetchError:
            # unreachable, refused, timed out, 5xx: allow (see FetcherConfig docstring)
            return None
        if not 200 <= response.status_code < 300:
            return None  # 4xx: no robots.txt → allow all
        return response.content.decode("utf-8", errors="replace")


# ---------------------------------------------------------------------- process-wide fetcher

_fetcher_lock = threading.Lock()
_fetcher: Fetcher | None = None


def get_fetcher() -> Fetcher:
    """The process-wide :class:`Fetcher` built from ``settings.SCRAPERSKY_FETCHER`` (cached)."""
    global _fetcher
    with _fetcher_lock:
        if _fetcher is None:
            _fetcher = Fetcher(FetcherConfig.from_settings())
        return _fetcher


def reset_fetcher() -> None:
    """Forget the cached fetcher (the next :func:`get_fetcher` builds a new one).

    The old one is not closed: other threads may still be using it; its pool is released when
    it is garbage collected.
    """
    global _fetcher
    with _fetcher_lock:
        _fetcher = None


def _on_setting_changed(*, setting: str, **kwargs: Any) -> None:
    if setting == "SCRAPERSKY_FETCHER":
        reset_fetcher()


setting_changed.connect(_on_setting_changed, dispatch_uid="processing.fetcher.reset")
