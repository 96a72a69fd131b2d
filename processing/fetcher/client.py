"""The HTTP fetcher every workflow uses: :class:`Fetcher`, :class:`FetchResponse`,
:func:`get_fetcher`.

One :class:`Fetcher` is thread-safe and meant to be shared (e.g. by a ``ThreadPoolExecutor``
inside a worker). It wraps one urllib3 ``PoolManager`` (keep-alive pools per origin) whose
connections are :mod:`processing.fetcher.connection`'s guarded ones (SSRF check on the
connected address, wall-clock deadline). Redirects, retries, robots.txt, per-host politeness and
body decoding with a size cap are done here, not by urllib3, so each hop passes every check.

Logging: one DEBUG line per request (``processing.fetcher``); the engine logs per batch.
"""

from __future__ import annotations

import contextlib
import email.utils
import logging
import random
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import urllib3
from django.core.signals import setting_changed
from urllib3.exceptions import HTTPError as Urllib3HTTPError
from urllib3.exceptions import LocationParseError, ProtocolError, ReadTimeoutError
from urllib3.exceptions import SSLError as Urllib3SSLError
from urllib3.util import Url, parse_url

from . import guard
from .config import FetcherConfig
from .connection import ConnectFailed, pool_classes
from .decoding import DecodingError, accept_encoding, decode_stream
from .errors import (
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
    RobotsDisallowedError,
    TLSFetchError,
    TooManyRedirectsError,
)
from .hosts import HOST_GATE
from .robots import RobotsCache

__all__ = ["DEFAULT_ACCEPT", "FetchResponse", "Fetcher", "get_fetcher", "reset_fetcher"]

logger = logging.getLogger("processing.fetcher")

DEFAULT_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_DEFAULT_PORTS = {"http": 80, "https": 443}
CHUNK = 64 * 1024
# A redirect or retried error body this small is read so the connection can be kept alive.
_DISCARD_MAX = 64 * 1024


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


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


class FetchResponse:
    """A response whose body is read with a size cap and a wall-clock deadline.

    ``url`` is the requested URL, ``final_url`` the URL after redirects, ``redirects`` every
    hop's URL in order. ``content`` is available after :meth:`Fetcher.get` (or :meth:`read`);
    in :meth:`Fetcher.stream` iterate :meth:`iter_bytes` instead. ``headers`` is
    case-insensitive. ``size`` counts decoded body bytes delivered so far, ``truncated`` tells
    the body was cut at the cap (``truncate=True``), ``elapsed`` is seconds from the call until
    the headers (``stream``) or the whole body (``get``).
    """

    def __init__(
        self,
        *,
        url: str,
        http_response: urllib3.BaseHTTPResponse,
        exit_stack: contextlib.ExitStack,
        deadline: float | None,
        started: float,
        max_bytes: int,
        truncate: bool,
        total_timeout: float,
    ) -> None:
        self.url = url
        self.final_url = url
        self.status_code = http_response.status
        self.reason_phrase = http_response.reason or ""
        self.headers = http_response.headers
        self.redirects: list[str] = []
        self.started = started
        self.elapsed = time.monotonic() - started
        self.truncated = False
        self.size = 0
        self._http = http_response
        self._exit_stack = exit_stack
        self._deadline = deadline
        self._max_bytes = max_bytes
        self._truncate = truncate
        self._total_timeout = total_timeout
        self._content: bytes | None = None
        self._consumed = False
        self._complete = False  # the whole body was read: the connection can be reused
        self._closed = False
        exit_stack.callback(self._release)

    def __repr__(self) -> str:
        return f"<FetchResponse {self.status_code} {self.final_url}>"

    # -------------------------------------------------------------- metadata

    @property
    def content_type(self) -> str | None:
        """MIME type without parameters, lower-case (``text/html``), or None."""
        value = self.headers.get("content-type")
        if not value:
            return None
        return value.split(";", 1)[0].strip().lower() or None

    @property
    def charset(self) -> str | None:
        """``charset`` parameter of ``Content-Type``, or None."""
        value = self.headers.get("content-type") or ""
        for param in value.split(";")[1:]:
            key, _, val = param.partition("=")
            if key.strip().lower() == "charset":
                return val.strip().strip("\"'") or None
        return None

    @property
    def is_success(self) -> bool:
        return 200 <= self.status_code < 300

    @property
    def content(self) -> bytes:
        if self._content is None:
            raise RuntimeError(
                "the body has not been read: use Fetcher.get(), response.read() or iter_bytes()"
            )
        return self._content

    @property
    def text(self) -> str:
        """``content`` decoded with the header charset (UTF-8 if absent), replacing errors."""
        charset = self.charset or "utf-8"
        try:
            return self.content.decode(charset, errors="replace")
        except LookupError:
            return self.content.decode("utf-8", errors="replace")

    # -------------------------------------------------------------- body

    def read(self) -> bytes:
        """Read the whole (capped) body into ``content`` and release the connection."""
        if self._content is None:
            chunks = list(self.iter_bytes())
            self._content = chunks[0] if len(chunks) == 1 else b"".join(chunks)
            del chunks
            self.elapsed = time.monotonic() - self.started
        return self._content

    def _raw_chunks(self) -> Iterator[bytes]:
        read1 = self._http.read1
        while True:
            with guard.use_deadline(self._deadline):
                chunk = read1(CHUNK, decode_content=False)
            if not chunk:
                self._complete = True
                return
            yield chunk

    def _too_large(self) -> BodyTooLargeError:
        return BodyTooLargeError(
            f"response body of {self.final_url} is larger than the limit of "
            f"{_mb(self._max_bytes)} (after decompression)",
            url=self.final_url,
        )

    def iter_bytes(self) -> Iterator[bytes]:
        """Yield decoded body chunks (at most 64 KiB each), enforcing the size cap and deadline.

        Raises :class:`BodyTooLargeError` past the cap (unless ``truncate=True``: then the last
        chunk is cut, ``truncated`` is set and iteration ends), :class:`FetchTimeoutError`,
        :class:`FetchConnectionError`. The connection is released when the body ends.
        """
        if self._content is not None:
            if self._content:
                yield self._content
            return
        if self._consumed:
            raise RuntimeError("the response body was already consumed")
        self._consumed = True
        cap = self._max_bytes
        try:
            encoding = self.headers.get("content-encoding")
            length = self.headers.get("content-length")
            if (
                not self._truncate
                and (encoding or "identity").strip().lower() == "identity"
                and length
                and length.isdigit()
                and int(length) > cap
            ):
                raise self._too_large()
            for chunk in decode_stream(self._raw_chunks(), encoding):
                if self._deadline is not None and time.monotonic() > self._deadline:
                    raise self._total_timeout_error()
                if self.size + len(chunk) > cap:
                    if not self._truncate:
                        raise self._too_large()
                    keep = cap - self.size
                    self.truncated = True
                    if keep > 0:
                        self.size += keep
                        yield chunk[:keep]
                    break
                self.size += len(chunk)
                yield chunk
        except ReadTimeoutError as exc:
            if self._deadline is not None and time.monotonic() >= self._deadline - 0.001:
                raise self._total_timeout_error() from exc
            raise FetchTimeoutError(
                f"timed out reading the body of {self.final_url} ({exc})",
                url=self.final_url,
                kind=FailureKind.READ_TIMEOUT,
            ) from exc
        except (Urllib3HTTPError, OSError) as exc:
            raise FetchConnectionError(
                f"connection failed while reading the body of {self.final_url}: "
                f"{exc or type(exc).__name__}",
                url=self.final_url,
                kind=FailureKind.RESET,
            ) from exc
        except DecodingError as exc:
            raise FetchConnectionError(
                f"could not decode the body of {self.final_url} "
                f"(Content-Encoding {self.headers.get('content-encoding')!r}): {exc}",
                url=self.final_url,
                kind=FailureKind.DECODING,
            ) from exc
        finally:
            self.close()

    def _total_timeout_error(self) -> FetchTimeoutError:
        return FetchTimeoutError(
            f"fetching {self.final_url} took longer than the total timeout of "
            f"{self._total_timeout:g}s",
            url=self.final_url,
            kind=FailureKind.TOTAL_TIMEOUT,
        )

    def discard(self) -> None:
        """Drop the body; a small one is read so its connection stays alive."""
        if not self._consumed and not self._closed:
            length = self.headers.get("content-length")
            if length and length.isdigit() and int(length) <= _DISCARD_MAX:
                self._consumed = True
                with contextlib.suppress(Urllib3HTTPError, OSError):
                    for _ in self._raw_chunks():
                        pass
        self.close()

    def _release(self) -> None:
        http = self._http
        if not self._complete:
            http.close()  # unread bytes would corrupt the next request on this connection
        http.release_conn()

    def close(self) -> None:
        """Release the connection and the per-host slot (idempotent)."""
        if not self._closed:
            self._closed = True
            self._exit_stack.close()

    def __enter__(self) -> FetchResponse:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()


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


_CONNECT_ERRORS: dict[FailureKind, type[FetchError]] = {
    FailureKind.REFUSED: ConnectionRefusedFetchError,
    FailureKind.TLS: TLSFetchError,
    FailureKind.CONNECT_TIMEOUT: ConnectTimeoutFetchError,
    FailureKind.DNS: DNSFetchError,
}


class Fetcher:
    """Fetch URLs with timeouts, size cap, retries, redirects, SSRF guard and robots.txt.

    See :class:`FetcherConfig` for the knobs. Only ``GET`` is supported.
    """

    def __init__(self, config: FetcherConfig | None = None) -> None:
        self.config = config or FetcherConfig()
        c = self.config
        self._manager = _build_manager(c)
        self._timeout = urllib3.Timeout(connect=c.connect_timeout, read=c.read_timeout)
        self._user_agent = c.user_agent
        # robots.txt groups are matched on the product token (RFC 9309 section 2.2.1)
        self._robots_agent = c.user_agent.split("/", 1)[0].strip() or c.user_agent
        self._robots = RobotsCache(self._load_robots, c.robots_cache_ttl)
        self.sleep: Callable[[float], None] = time.sleep  # tests may replace it

    def close(self) -> None:
        self._manager.clear()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    # ------------------------------------------------------------------ public API

    def get(
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
        """GET ``url`` and read the body (see :meth:`stream` for the checks and errors)."""
        with self.stream(
            url,
            max_bytes=max_bytes,
            truncate=truncate,
            check_robots=check_robots,
            raise_for_status=raise_for_status,
            accept=accept,
            headers=headers,
        ) as response:
            response.read()
        return response

    @contextlib.contextmanager
    def stream(
        self,
        url: str,
        *,
        max_bytes: int | None = None,
        truncate: bool = False,
        check_robots: bool = True,
        raise_for_status: bool = False,
        accept: str = DEFAULT_ACCEPT,
        headers: Mapping[str, str] | None = None,
    ) -> Iterator[FetchResponse]:
        """GET ``url``; yield the response once the headers arrived; read with ``iter_bytes``.

        Redirects are followed (each hop checked). 2xx/3xx/4xx responses are returned, except
        that 408/429/5xx are retried and then raised as a transient :class:`HTTPStatusError`,
        and other 4xx are raised as a permanent one with ``raise_for_status=True``.
        Connect-level failures (refused, TLS, connect timeout, DNS) are raised at once, not
        retried: see :mod:`processing.fetcher.errors`.
        """
        response = self._open(
            url,
            max_bytes=self.config.max_body_bytes if max_bytes is None else max_bytes,
            truncate=truncate,
            check_robots=check_robots and self.config.obey_robots,
            raise_for_status=raise_for_status,
            headers=self._headers(accept, headers),
            retries=self.config.retries,
        )
        try:
            yield response
        finally:
            response.close()

    # ------------------------------------------------------------------ internals

    def _headers(self, accept: str, extra: Mapping[str, str] | None) -> dict[str, str]:
        result = {"User-Agent": self._user_agent, "Accept": accept}
        if extra:
            result.update(extra)
        # we decode ourselves (bounded output), so we decide what is advertised
        result["Accept-Encoding"] = accept_encoding()
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
        parsed = self._validate(url)
        first = current = parsed.url
        seen = {current}
        while True:
            if check_robots:
                self._check_robots(parsed, current)
            response = self._send_with_retries(
                parsed,
                current,
                headers=headers,
                started=started,
                max_bytes=max_bytes,
                truncate=truncate,
                retries=retries,
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
                parsed = self._validate(target, referrer=current)
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

    def _validate(self, url: str, *, referrer: str | None = None) -> Url:
        if not isinstance(url, str):
            raise InvalidURLError(f"invalid URL {url!r}: not a string")
        where = f"{referrer} redirects to an invalid URL" if referrer else "invalid URL"
        try:
            parsed = parse_url(url.strip())
        except (LocationParseError, ValueError) as exc:
            raise InvalidURLError(f"{where} {url!r}: {exc}", url=url) from exc
        scheme = (parsed.scheme or "").lower()
        if scheme not in self.config.allowed_schemes:
            raise InvalidURLError(
                f"refused to fetch {url}: scheme {scheme or '(none)'!r} is not allowed "
                f"(allowed: {', '.join(self.config.allowed_schemes)})",
                url=url,
            )
        if parsed.auth:
            raise InvalidURLError(
                f"refused to fetch {parsed._replace(auth=None).url}: URLs with credentials "
                "(user:password@) are not fetched",
                url=parsed._replace(auth=None).url,
            )
        if not parsed.host:
            raise InvalidURLError(f"{where} {url!r}: no host", url=url)
        if not parsed.path or parsed.fragment is not None:
            parsed = parsed._replace(path=parsed.path or "/", fragment=None)
        literal = guard.parse_ip(parsed.host)
        if literal is not None:
            guard.check_ip(literal, self.config.allowed_networks, url=parsed.url, host=parsed.host)
        elif self.config.proxy:
            # The proxy resolves the name again: best effort check of what our DNS says.
            port = parsed.port or _DEFAULT_PORTS[scheme]
            try:
                guard.check_host(parsed.host, port, self.config.allowed_networks, url=parsed.url)
            except guard.HostNotFound as exc:
                raise HostNotFoundError(f"{exc} (fetching {parsed.url})", url=parsed.url) from exc
            except guard.ResolveError as exc:
                raise DNSFetchError(f"{exc} (fetching {parsed.url})", url=parsed.url) from exc
        return parsed

    def _send_with_retries(
        self,
        parsed: Url,
        url: str,
        *,
        headers: dict[str, str],
        started: float,
        max_bytes: int,
        truncate: bool,
        retries: int,
    ) -> FetchResponse:
        attempts = 1 + max(0, retries)
        for attempt in range(attempts):
            last = attempt + 1 >= attempts
            try:
                response = self._send_once(
                    parsed,
                    url,
                    headers=headers,
                    started=started,
                    max_bytes=max_bytes,
                    truncate=truncate,
                )
            except (FetchTimeoutError, FetchConnectionError) as exc:
                if exc.connect_failed:
                    raise  # an answer about this host/scheme: retrying costs the same again
                if last:
                    if attempts > 1:
                        exc.args = (f"{exc} (after {attempts} attempts)",)
                    raise
                self.sleep(self._backoff(attempt))
                continue
            if not HTTPStatusError.is_transient_status(response.status_code):
                return response
            retry_after = parse_retry_after(response.headers.get("retry-after"))
            response.discard()
            if retry_after is not None and retry_after > self.config.max_retry_after:
                raise HTTPStatusError.create(
                    response.status_code, url, retry_after=retry_after, attempts=attempt + 1
                )
            if last:
                raise HTTPStatusError.create(
                    response.status_code, url, retry_after=retry_after, attempts=attempts
                )
            self.sleep(retry_after if retry_after is not None else self._backoff(attempt))
        raise AssertionError("unreachable")  # pragma: no cover

    def _backoff(self, attempt: int) -> float:
        base = self.config.backoff_base
        return base * (2**attempt) + random.uniform(0, base)

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
        stack = contextlib.ExitStack()
        try:
            try:
                stack.enter_context(
                    HOST_GATE.slot(
                        host,
                        limit=c.per_host_concurrency,
                        delay=c.per_host_delay,
                        timeout=c.total_timeout,
                    )
                )
            except TimeoutError as exc:
                raise FetchTimeoutError(
                    f"no free connection slot for {host} within {c.total_timeout:g}s "
                    f"(PER_HOST_CONCURRENCY={c.per_host_concurrency}) fetching {url}",
                    url=url,
                    kind=FailureKind.SLOT_TIMEOUT,
                ) from exc
            with guard.deadline(c.total_timeout) as deadline_at:
                try:
                    http_response = self._manager.urlopen(
                        "GET",
                        url,
                        headers=headers,
                        redirect=False,
                        retries=False,
                        preload_content=False,
                        decode_content=False,
                        timeout=self._timeout,
                    )
                except Exception as exc:
                    raise self._error(exc, url, host, deadline_at) from exc
            logger.debug("GET %s -> %s", url, http_response.status)
            return FetchResponse(
                url=url,
                http_response=http_response,
                exit_stack=stack,
                deadline=deadline_at,
                started=started,
                max_bytes=max_bytes,
                truncate=truncate,
                total_timeout=c.total_timeout,
            )
        except BaseException:
            stack.close()
            raise

    def _error(self, exc: Exception, url: str, host: str, deadline_at: float | None) -> Exception:
        """The public error for what ``urlopen`` raised."""
        c = self.config
        logger.debug("GET %s failed: %r", url, exc)
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

    # ------------------------------------------------------------------ robots.txt

    @staticmethod
    def _origin(parsed: Url) -> str:
        scheme = (parsed.scheme or "").lower()
        port = parsed.port or _DEFAULT_PORTS[scheme]
        return f"{scheme}://{(parsed.host or '').lower()}:{port}"

    def remember_robots(self, response: FetchResponse) -> None:
        """Cache a robots.txt the caller fetched itself (discovery reads it for its Sitemap
        lines), so the next request to that origin does not fetch it again. The verdict is the
        one the fetcher would reach: 2xx is parsed; anything else allows everything."""
        requested, final = parse_url(response.url), parse_url(response.final_url)
        if self._origin(requested) != self._origin(final) or final.path != "/robots.txt":
            return  # redirected elsewhere: let the fetcher decide on its own
        ok = 200 <= response.status_code < 300
        text = response.content.decode("utf-8", errors="replace") if ok else None
        self._robots.remember(self._origin(final), text)

    def robots_allows(self, url: str) -> bool:
        """Whether the fetcher would fetch ``url`` as far as robots.txt goes (discovery asks
        before it creates pages from a site's links, so it never lists what it must not read)."""
        if not self.config.obey_robots:
            return True
        try:
            self._check_robots(self._validate(url), url)
        except RobotsDisallowedError:
            return False
        except FetchError:
            return True  # not a robots question: fetching it will say what is wrong
        return True

    def _check_robots(self, parsed: Url, url: str) -> None:
        if not self._robots.allowed(self._origin(parsed), url, self._robots_agent):
            raise RobotsDisallowedError(
                f"robots.txt of {parsed.scheme}://{parsed.netloc} disallows {url} "
                f"for {self._robots_agent} (set check_robots=False or "
                "SCRAPERSKY_FETCHER['OBEY_ROBOTS'] = False to ignore it)",
                url=url,
            )

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

    def clear_robots_cache(self) -> None:
        self._robots.clear()


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
