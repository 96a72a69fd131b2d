"""The HTTP fetcher every workflow uses: :class:`Fetcher`, :class:`FetchResponse`,
:func:`get_fetcher`.

One :class:`Fetcher` is thread-safe and meant to be shared (e.g. by a ``ThreadPoolExecutor``
inside a worker). It wraps one ``httpx.Client`` whose connection pool uses
:class:`~processing.fetcher.guard.GuardedBackend` (SSRF guard + wall-clock deadline).
"""

from __future__ import annotations

import contextlib
import email.utils
import http.cookiejar
import random
import threading
import time
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

import httpcore
import httpx
from django.core.signals import setting_changed

from . import guard
from .config import FetcherConfig
from .decoding import DecodingError, accept_encoding, decode_stream
from .errors import (
    BlockedAddressError,
    BodyTooLargeError,
    FetchConnectionError,
    FetchError,
    FetchTimeoutError,
    HostNotFoundError,
    HTTPStatusError,
    InvalidURLError,
    RobotsDisallowedError,
    TooManyRedirectsError,
)
from .hosts import HOST_GATE
from .robots import RobotsCache

__all__ = ["DEFAULT_ACCEPT", "FetchResponse", "Fetcher", "get_fetcher", "reset_fetcher"]

DEFAULT_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_DEFAULT_PORTS = {"http": 80, "https": 443}


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
    in :meth:`Fetcher.stream` iterate :meth:`iter_bytes` instead. ``size`` counts decoded body
    bytes delivered so far, ``truncated`` tells the body was cut at the cap (``truncate=True``),
    ``elapsed`` is seconds from the call until the headers (``stream``) or the whole body
    (``get``).
    """

    def __init__(
        self,
        *,
        url: str,
        http_response: httpx.Response,
        exit_stack: contextlib.ExitStack,
        deadline: float | None,
        started: float,
        max_bytes: int,
        truncate: bool,
        total_timeout: float,
    ) -> None:
        self.url = url
        self.final_url = str(http_response.request.url)
        self.status_code = http_response.status_code
        self.reason_phrase = http_response.reason_phrase
        self.headers: httpx.Headers = http_response.headers
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
        self._closed = False

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
            self._content = b"".join(chunks)
            del chunks
            self.elapsed = time.monotonic() - self.started
        return self._content

    def _raw_chunks(self) -> Iterator[bytes]:
        raw = self._http.iter_raw()
        while True:
            with guard.use_deadline(self._deadline):
                try:
                    chunk = next(raw)
                except StopIteration:
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
        except httpx.TimeoutException as exc:
            if self._deadline is not None and time.monotonic() >= self._deadline - 0.001:
                raise self._total_timeout_error() from exc
            raise FetchTimeoutError(
                f"timed out reading the body of {self.final_url} ({exc})", url=self.final_url
            ) from exc
        except (httpx.TransportError, httpx.StreamError) as exc:
            raise FetchConnectionError(
                f"connection failed while reading the body of {self.final_url}: "
                f"{exc or type(exc).__name__}",
                url=self.final_url,
            ) from exc
        except DecodingError as exc:
            raise FetchConnectionError(
                f"could not decode the body of {self.final_url} "
                f"(Content-Encoding {self.headers.get('content-encoding')!r}): {exc}",
                url=self.final_url,
            ) from exc
        finally:
            self.close()

    def _total_timeout_error(self) -> FetchTimeoutError:
        return FetchTimeoutError(
            f"fetching {self.final_url} took longer than the total timeout of "
            f"{self._total_timeout:g}s",
            url=self.final_url,
        )

    def close(self) -> None:
        """Release the connection and the per-host slot (idempotent)."""
        if not self._closed:
            self._closed = True
            self._exit_stack.close()

    def __enter__(self) -> FetchResponse:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()


class _GuardedTransport(httpx.HTTPTransport):
    """``httpx.HTTPTransport`` whose httpcore pool uses :class:`guard.GuardedBackend`.

    httpx does not expose ``network_backend``, so the pool built by ``__init__`` is replaced
    (``_pool`` is what ``HTTPTransport.handle_request`` uses in httpx 0.28).
    """

    def __init__(self, config: FetcherConfig) -> None:
        super().__init__(trust_env=False)
        self._pool.close()
        ssl_context = httpx.create_ssl_context(verify=True, trust_env=False)
        common: dict[str, Any] = {
            "ssl_context": ssl_context,
            "max_connections": config.max_connections,
            "max_keepalive_connections": min(20, config.max_connections),
            "keepalive_expiry": 5.0,
        }
        if config.proxy:
            proxy = httpx.Proxy(config.proxy)
            self._pool = httpcore.HTTPProxy(
                proxy_url=httpcore.URL(
                    scheme=proxy.url.raw_scheme,
                    host=proxy.url.raw_host,
                    port=proxy.url.port,
                    target=proxy.url.raw_path,
                ),
                proxy_auth=proxy.raw_auth,
                proxy_headers=proxy.headers.raw,
                network_backend=guard.GuardedBackend(config.allowed_networks, check=False),
                **common,
            )
        else:
            self._pool = httpcore.ConnectionPool(
                network_backend=guard.GuardedBackend(
                    config.allowed_networks, connect_to=dict(config.connect_to)
                ),
                **common,
            )


class Fetcher:
    """Fetch URLs with timeouts, size cap, retries, redirects, SSRF guard and robots.txt.

    See :class:`FetcherConfig` for the knobs. Only ``GET`` is supported.
    """

    def __init__(self, config: FetcherConfig | None = None) -> None:
        self.config = config or FetcherConfig()
        c = self.config
        self._client = httpx.Client(
            transport=_GuardedTransport(c),
            timeout=httpx.Timeout(
                connect=c.connect_timeout,
                read=c.read_timeout,
                write=c.read_timeout,
                pool=c.total_timeout,
            ),
            follow_redirects=False,
            trust_env=False,
            # never keep cookies: one client serves unrelated sites and threads
            cookies=http.cookiejar.CookieJar(
                policy=http.cookiejar.DefaultCookiePolicy(allowed_domains=[])
            ),
            headers={"User-Agent": c.user_agent},
        )
        self._robots = RobotsCache(self._load_robots, c.robots_cache_ttl)
        self.sleep = time.sleep  # tests may replace it

    def close(self) -> None:
        self._client.close()

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

    @staticmethod
    def _headers(accept: str, extra: Mapping[str, str] | None) -> dict[str, str]:
        result = {"Accept": accept}
        result.update(extra or {})
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
        current = url
        redirects: list[str] = []
        seen: set[str] = set()
        while True:
            parsed = self._validate(current)
            seen.add(str(parsed))
            if check_robots:
                self._check_robots(parsed)
            response = self._send_with_retries(
                parsed,
                headers=headers,
                started=started,
                max_bytes=max_bytes,
                truncate=truncate,
                retries=retries,
            )
            location = response.headers.get("location")
            if response.status_code in REDIRECT_STATUSES and location:
                response.close()
                try:
                    target = parsed.join(location.strip())
                except (httpx.InvalidURL, ValueError) as exc:
                    raise InvalidURLError(
                        f"{current} redirects to an invalid URL {location!r}: {exc}",
                        url=current,
                    ) from exc
                target = target.copy_with(fragment=None)
                if str(target) in seen:
                    raise TooManyRedirectsError(
                        f"redirect loop fetching {url}: {' -> '.join([url, *redirects])} "
                        f"-> {target}",
                        url=url,
                    )
                if len(redirects) >= self.config.max_redirects:
                    raise TooManyRedirectsError(
                        f"more than {self.config.max_redirects} redirects fetching {url} "
                        f"(last: {target})",
                        url=url,
                    )
                redirects.append(str(target))
                current = str(target)
                continue
            response.url = url
            response.redirects = redirects
            if raise_for_status and 400 <= response.status_code < 500:
                response.close()
                raise HTTPStatusError.create(response.status_code, response.final_url)
            return response

    def _validate(self, url: str) -> httpx.URL:
        if not isinstance(url, str | httpx.URL):
            raise InvalidURLError(f"invalid URL {url!r}: not a string")
        try:
            parsed = httpx.URL(str(url).strip())
        except (httpx.InvalidURL, ValueError, TypeError) as exc:
            raise InvalidURLError(f"invalid URL {url!r}: {exc}", url=str(url)) from exc
        scheme = parsed.scheme.lower()
        if scheme not in self.config.allowed_schemes:
            raise InvalidURLError(
                f"refused to fetch {url}: scheme {scheme or '(none)'!r} is not allowed "
                f"(allowed: {', '.join(self.config.allowed_schemes)})",
                url=str(url),
            )
        if parsed.userinfo:
            raise InvalidURLError(
                f"refused to fetch {parsed.copy_with(userinfo=b'')}: URLs with credentials "
                "(user:password@) are not fetched",
                url=str(url),
            )
        if not parsed.host:
            raise InvalidURLError(f"invalid URL {url!r}: no host", url=str(url))
        port = parsed.port or _DEFAULT_PORTS[scheme]
        literal = guard.parse_ip(parsed.host)
        if literal is not None:
            guard.check_ip(literal, self.config.allowed_networks, url=str(parsed), host=parsed.host)
        elif self.config.proxy:
            # The proxy resolves the name again: best effort check of what our DNS says.
            try:
                guard.check_host(parsed.host, port, self.config.allowed_networks, url=str(parsed))
            except guard.HostNotFound as exc:
                raise HostNotFoundError(f"{exc} (fetching {parsed})", url=str(parsed)) from exc
            except httpcore.ConnectError as exc:
                raise FetchConnectionError(f"{exc} (fetching {parsed})", url=str(parsed)) from exc
        return parsed

    def _send_with_retries(
        self,
        parsed: httpx.URL,
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
                    parsed, headers=headers, started=started, max_bytes=max_bytes, truncate=truncate
                )
            except (FetchTimeoutError, FetchConnectionError) as exc:
                if last:
                    if attempts > 1:
                        exc.args = (f"{exc} (after {attempts} attempts)",)
                    raise
                self.sleep(self._backoff(attempt))
                continue
            if not HTTPStatusError.is_transient_status(response.status_code):
                return response
            retry_after = parse_retry_after(response.headers.get("retry-after"))
            response.close()
            if retry_after is not None and retry_after > self.config.max_retry_after:
                raise HTTPStatusError.create(
                    response.status_code, str(parsed), retry_after=retry_after, attempts=attempt + 1
                )
            if last:
                raise HTTPStatusError.create(
                    response.status_code, str(parsed), retry_after=retry_after, attempts=attempts
                )
            self.sleep(retry_after if retry_after is not None else self._backoff(attempt))
        raise AssertionError("unreachable")  # pragma: no cover

    def _backoff(self, attempt: int) -> float:
        base = self.config.backoff_base
        return base * (2**attempt) + random.uniform(0, base)

    def _send_once(
        self,
        parsed: httpx.URL,
        *,
        headers: dict[str, str],
        started: float,
        max_bytes: int,
        truncate: bool,
    ) -> FetchResponse:
        c = self.config
        url = str(parsed)
        stack = contextlib.ExitStack()
        try:
            try:
                stack.enter_context(
                    HOST_GATE.slot(
                        parsed.host,
                        limit=c.per_host_concurrency,
                        delay=c.per_host_delay,
                        timeout=c.total_timeout,
                    )
                )
            except TimeoutError as exc:
                raise FetchTimeoutError(
                    f"no free connection slot for {parsed.host} within {c.total_timeout:g}s "
                    f"(PER_HOST_CONCURRENCY={c.per_host_concurrency}) fetching {url}",
                    url=url,
                ) from exc
            request = self._client.build_request("GET", parsed, headers=headers)
            with guard.deadline(c.total_timeout) as deadline_at:
                try:
                    http_response = self._client.send(request, stream=True)
                except BlockedAddressError as exc:
                    detail = getattr(exc, "detail", str(exc))
                    raise BlockedAddressError(
                        f"refused to fetch {url}: {detail}", url=url
                    ) from None
                except httpx.TimeoutException as exc:
                    if deadline_at is not None and time.monotonic() >= deadline_at - 0.001:
                        message = f"fetching {url} took longer than the total timeout of "
                        message += f"{c.total_timeout:g}s"
                    else:
                        kind = {
                            httpx.ConnectTimeout: "connect",
                            httpx.ReadTimeout: "read",
                            httpx.WriteTimeout: "write",
                            httpx.PoolTimeout: "connection pool",
                        }.get(type(exc), "")
                        message = f"{kind} timeout fetching {url}".strip()
                    raise FetchTimeoutError(message, url=url) from exc
                except httpx.UnsupportedProtocol as exc:
                    raise InvalidURLError(f"cannot fetch {url}: {exc}", url=url) from exc
                except httpx.ConnectError as exc:
                    if _caused_by(exc, guard.HostNotFound):
                        raise HostNotFoundError(f"cannot fetch {url}: {exc}", url=url) from exc
                    raise FetchConnectionError(
                        f"connection to {parsed.host} failed fetching {url}: "
                        f"{exc or type(exc).__name__}",
                        url=url,
                    ) from exc
                except httpx.TransportError as exc:
                    raise FetchConnectionError(
                        f"connection to {parsed.host} failed fetching {url}: "
                        f"{exc or type(exc).__name__}",
                        url=url,
                    ) from exc
            stack.callback(http_response.close)
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

    # ------------------------------------------------------------------ robots.txt

    @staticmethod
    def _origin(parsed: httpx.URL) -> str:
        scheme = parsed.scheme.lower()
        port = parsed.port or _DEFAULT_PORTS[scheme]
        host = f"[{parsed.host}]" if ":" in parsed.host else parsed.host
        return f"{scheme}://{host.lower()}:{port}"

    def remember_robots(self, response: FetchResponse) -> None:
        """Cache a robots.txt the caller fetched itself (discovery reads it for its Sitemap
        lines), so the next request to that origin does not fetch it again. The verdict is the
        one the fetcher would reach: 2xx is parsed; anything else allows everything."""
        requested, final = httpx.URL(response.url), httpx.URL(response.final_url)
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
            self._check_robots(self._validate(url))
        except RobotsDisallowedError:
            return False
        except FetchError:
            return True  # not a robots question: fetching it will say what is wrong
        return True

    def _check_robots(self, parsed: httpx.URL) -> None:
        scheme = parsed.scheme.lower()
        origin = self._origin(parsed)
        if not self._robots.allowed(origin, str(parsed), self.config.user_agent):
            raise RobotsDisallowedError(
                f"robots.txt of {scheme}://{parsed.netloc.decode('ascii')} disallows {parsed} "
                f"for {self.config.user_agent.split('/', 1)[0]} (set check_robots=False or "
                "SCRAPERSKY_FETCHER['OBEY_ROBOTS'] = False to ignore it)",
                url=str(parsed),
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


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    """Whether ``kind`` is in the chain of causes of ``exc`` (httpx wraps httpcore's errors)."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, kind):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False
