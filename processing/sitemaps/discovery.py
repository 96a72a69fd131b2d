"""Find a domain's sitemaps: robots.txt, well-known paths and home-page links, each sniffed."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from processing.errors import PermanentError, ProcessingError, TransientError
from processing.sitemaps.errors import (
    DomainRefusedError,
    DomainUnreachableError,
    SitemapGoneError,
)
from processing.sitemaps.parse import PROTOCOL_MAX_BYTES, SitemapStreamParser, normalise_url
from processing.sitemaps.sniff import SNIFF_BYTES, Kind, sniff_sitemap

Source = Literal["robots", "well_known", "homepage"]

#: Conventional locations, most common first (WordPress core, Yoast/RankMath, plain files).
WELL_KNOWN_PATHS: tuple[str, ...] = (
    "/sitemap.xml",
    "/sitemap_index.xml",
    "/sitemap-index.xml",
    "/wp-sitemap.xml",
    "/sitemap.xml.gz",
    "/sitemap.txt",
    "/sitemap_index.xml.gz",
)

# Enough to sniff through a gzip header and any XML prolog; the body is otherwise streamed.
SNIFF_FETCH_BYTES = 64 * 1024
# robots.txt and home pages are read whole but capped: a 512 KB home page is already huge.
ROBOTS_MAX_BYTES = 512 * 1024
HOMEPAGE_MAX_BYTES = 1024 * 1024
# Counting URLs costs one streamed read; above this the count is a lower bound.
COUNT_MAX_BYTES = 10 * 1024 * 1024
# A robots.txt or home page listing hundreds of sitemaps is a spam trap, not a site map.
MAX_ROBOTS_SITEMAPS = 50
MAX_HOMEPAGE_LINKS = 10

_SITEMAP_DIRECTIVE = re.compile(r"^\s*sitemap\s*:\s*(\S+)", re.IGNORECASE | re.MULTILINE)


class FetcherLike(Protocol):
    """The part of :class:`processing.fetcher.Fetcher` discovery uses."""

    def get(self, url: str, **kwargs: Any) -> Any: ...

    def stream(self, url: str, **kwargs: Any) -> Any: ...


@dataclass(slots=True)
class FoundSitemap:
    """A URL whose body sniffed as a sitemap."""

    url: str
    final_url: str
    source: Source
    kind: Kind
    gzipped: bool
    #: URLs (or child sitemaps, for an index) counted while streaming; None when not counted
    url_count: int | None
    #: body bytes read (decoded Content-Encoding, still gzip for .gz files)
    size: int
    http_status: int
    #: False when counting stopped at a cap: url_count is then a lower bound
    count_complete: bool = True
    #: problems noticed while counting (truncated XML, skipped URLs, ...)
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class CandidateAttempt:
    """One URL tried and what came of it, so "no sitemap found" can be explained."""

    url: str
    source: Source
    http_status: int | None
    outcome: str


@dataclass(slots=True)
class DiscoveryResult:
    """Outcome for one domain; ``sitemaps`` is empty (not an error) when there are none."""

    domain: str
    base_url: str
    sitemaps: list[FoundSitemap] = field(default_factory=list)
    robots_status: int | None = None
    homepage_status: int | None = None
    homepage_url: str | None = None
    attempts: list[CandidateAttempt] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------------------------


def robots_sitemap_urls(robots_txt: str, base_url: str) -> list[str]:
    """``Sitemap:`` lines (any case) of a robots.txt, relative ones resolved against the site."""
    urls: list[str] = []
    for match in _SITEMAP_DIRECTIVE.finditer(robots_txt):
        url = urljoin(base_url.rstrip("/") + "/", match.group(1).strip())
        if urlsplit(url).scheme in ("http", "https") and url not in urls:
            urls.append(url)
        if len(urls) >= MAX_ROBOTS_SITEMAPS:
            break
    return urls


def homepage_sitemap_links(html: bytes, page_url: str, domain: str) -> list[str]:
    """``<link rel="sitemap">`` and ``<a href>`` containing "sitemap", same site only."""
    if not html.strip():
        return []
    try:
        doc = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    hrefs: list[str] = []
    for element in doc.iter("link", "a"):
        href = (element.get("href") or "").strip()
        if not href:
            continue
        if element.tag == "link":
            rels = (element.get("rel") or "").lower().split()
            if "sitemap" not in rels:
                continue
        elif "sitemap" not in href.lower():
            continue
        url = urljoin(page_url, href).split("#", 1)[0]
        if _same_site(url, page_url, domain) and url not in hrefs:
            hrefs.append(url)
        if len(hrefs) >= MAX_HOMEPAGE_LINKS:
            break
    return hrefs


def _site_host(host: str) -> str:
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def _same_site(url: str, page_url: str, domain: str) -> bool:
    # Without a public-suffix list, "same site" means the domain itself or one of its
    # subdomains (www. ignored), or the host the home page redirected to.
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    host = _site_host(parts.hostname)
    allowed = {_site_host(domain.split(":")[0]), _site_host(urlsplit(page_url).hostname or "")}
    return any(host == a or host.endswith("." + a) for a in allowed if a)


def _connection_level(exc: Exception) -> bool:
    # An HTTP status error means the server answered; everything else (DNS, refused, timeout,
    # TLS, SSRF refusal, invalid URL) means we never got an answer from it.
    return not hasattr(exc, "status_code")


def _base_urls(domain: str, base_url: str | None) -> list[str]:
    if base_url:
        return [base_url.rstrip("/")]
    host = domain.strip().rstrip("/")
    if "://" in host:
        # Accept "https://example.com/" too; the scheme given is then the only one tried.
        parts = urlsplit(host)
        return [f"{parts.scheme}://{parts.netloc}"]
    return [f"https://{host}", f"http://{host}"]


class _Discovery:
    def __init__(
        self,
        domain: str,
        fetcher: FetcherLike,
        *,
        count_urls: bool,
        count_max_bytes: int,
    ) -> None:
        self.domain = domain
        self.fetcher = fetcher
        self.count_urls = count_urls
        self.count_max_bytes = count_max_bytes
        self.failures: list[Exception] = []
        self.answered = False

    def run(self, base_url: str | None) -> DiscoveryResult:
        bases = _base_urls(self.domain, base_url)
        result: DiscoveryResult | None = None
        earlier_errors: list[str] = []
        for base in bases:
            result = DiscoveryResult(domain=self.domain, base_url=base)
            robots_urls = self._robots(result)
            # Sitemaps named by robots.txt are the site's own answer (see below).
            home_links = [] if robots_urls else self._homepage(result)
            if self.answered:
                break
            # Neither robots.txt nor the home page answered on this scheme: try the next one,
            # keeping what went wrong so the row can say why https was not used.
            earlier_errors += result.errors
        assert result is not None
        result.errors[:0] = earlier_errors
        if not self.answered:
            self._raise_unreachable()
        candidates: list[tuple[str, Source]] = [(u, "robots") for u in robots_urls]
        if not robots_urls:
            # robots.txt naming its sitemaps is the site's own answer: probing seven more paths
            # then costs every site seven requests and almost never finds anything new.
            candidates += [(result.base_url + path, "well_known") for path in WELL_KNOWN_PATHS]
        candidates += [(u, "homepage") for u in home_links]
        seen_urls: set[str] = set()
        seen_final: set[str] = set()
        for url, source in candidates:
            key = normalise_url(url)
            if key in seen_urls:
                continue
            seen_urls.add(key)
            found = self._probe(result, url, source)
            if found is None:
                continue
            final_key = normalise_url(found.final_url)
            if final_key in seen_final:
                # /sitemap.xml redirecting to /sitemap_index.xml is one sitemap, not two.
                result.attempts[-1].outcome = f"duplicate of {found.final_url}"
                continue
            seen_final.add(final_key)
            seen_urls.add(final_key)
            result.sitemaps.append(found)
        return result

    def _raise_unreachable(self) -> None:
        first = self.failures[0] if self.failures else None
        message = f"could not reach {self.domain}: {first}"
        if any(isinstance(e, PermanentError) for e in self.failures):
            # The last scheme tried (http after https) has the final word.
            permanent = next(e for e in reversed(self.failures) if isinstance(e, PermanentError))
            raise DomainRefusedError(f"could not reach {self.domain}: {permanent}") from permanent
        retry_after = getattr(first, "retry_after", None)
        raise DomainUnreachableError(message, retry_after=retry_after) from first

    def _robots(self, result: DiscoveryResult) -> list[str]:
        url = result.base_url + "/robots.txt"
        try:
            # robots.txt is always allowed to be read; it is what decides the rest.
            response = self.fetcher.get(
                url, max_bytes=ROBOTS_MAX_BYTES, truncate=True, check_robots=False
            )
        except ProcessingError as exc:
            self._failed(result, exc, "robots.txt")
            return []
        self.answered = True
        result.robots_status = response.status_code
        remember = getattr(self.fetcher, "remember_robots", None)
        if remember is not None:
            remember(response)  # the fetcher's own robots check need not fetch it again
        if not 200 <= response.status_code < 300:
            return []
        text = response.content.decode("utf-8", errors="replace")
        base = response.final_url.rsplit("/robots.txt", 1)[0] or result.base_url
        return robots_sitemap_urls(text, base)

    def _homepage(self, result: DiscoveryResult) -> list[str]:
        url = result.base_url + "/"
        try:
            response = self.fetcher.get(url, max_bytes=HOMEPAGE_MAX_BYTES, truncate=True)
        except ProcessingError as exc:
            self._failed(result, exc, "home page")
            return []
        self.answered = True
        result.homepage_status = response.status_code
        result.homepage_url = response.final_url
        if not 200 <= response.status_code < 300:
            return []
        return homepage_sitemap_links(response.content, response.final_url, self.domain)

    def _failed(self, result: DiscoveryResult, exc: ProcessingError, what: str) -> None:
        result.errors.append(f"{what}: {exc}")
        if _connection_level(exc):
            self.failures.append(exc)
        else:
            # An HTTP error status (after the fetcher's retries) still proves the host is up.
            self.answered = True

    def _probe(self, result: DiscoveryResult, url: str, source: Source) -> FoundSitemap | None:
        attempt = CandidateAttempt(url=url, source=source, http_status=None, outcome="")
        result.attempts.append(attempt)
        cap = self.count_max_bytes if self.count_urls else SNIFF_FETCH_BYTES
        try:
            with self.fetcher.stream(url, max_bytes=cap, truncate=True) as response:
                attempt.http_status = response.status_code
                if not 200 <= response.status_code < 300:
                    attempt.outcome = f"HTTP {response.status_code}"
                    return None
                return self._sniff_and_count(response, url, source, attempt)
        except ProcessingError as exc:
            attempt.outcome = f"failed: {exc}"
            return None

    def _sniff_and_count(
        self, response: Any, url: str, source: Source, attempt: CandidateAttempt
    ) -> FoundSitemap | None:
        # HEAD and Content-Type lie (soft 404s, text/html sitemaps), so read and sniff the body.
        chunks = iter(response.iter_bytes())
        head = bytearray()
        for chunk in chunks:
            head += chunk
            if len(head) >= SNIFF_FETCH_BYTES:
                break
        sniffed = sniff_sitemap(bytes(head[: max(SNIFF_FETCH_BYTES, SNIFF_BYTES)]))
        if not sniffed.is_sitemap:
            attempt.outcome = f"not a sitemap (body looks like {sniffed.kind})"
            return None
        found = FoundSitemap(
            url=url,
            final_url=response.final_url,
            source=source,
            kind=sniffed.kind,
            gzipped=sniffed.gzipped,
            url_count=None,
            size=len(head),
            http_status=response.status_code,
        )
        if self.count_urls:
            parser = SitemapStreamParser(
                collect=False, max_bytes=self.count_max_bytes, base_url=response.final_url
            )
            try:
                parser.feed(bytes(head))
                for chunk in chunks:
                    if parser.done:
                        break
                    found.size += len(chunk)
                    parser.feed(chunk)
                parsed = parser.close()
            except (PermanentError, TransientError) as exc:
                # UnsafeXMLError / NotASitemapError: the sniff was fooled, drop the candidate.
                attempt.outcome = f"rejected: {exc}"
                return None
            found.url_count = parsed.url_count + parsed.urls_not_read
            found.count_complete = parsed.cut_reason is None and not getattr(
                response, "truncated", False
            )
            found.notes = list(parsed.errors)
            if parsed.cut_reason:
                found.notes.append(parsed.cut_reason)
        attempt.outcome = f"sitemap ({sniffed.kind}{', gzip' if sniffed.gzipped else ''})"
        return found


def fetch_sitemap_chunks(
    fetcher: FetcherLike, *, max_bytes: int = PROTOCOL_MAX_BYTES
) -> Callable[[str], AbstractContextManager[Iterable[bytes]]]:
    """Adapter for iter_sitemap_tree: stream a sitemap with the fetcher, failing on non-2xx.

    The fetcher raises transient errors itself (timeouts, 429/5xx after retries); any other
    non-2xx status becomes SitemapGoneError (permanent). The body is cut (not refused) at
    ``max_bytes``, so the parser returns what it read and reports the truncation.
    """

    @contextmanager
    def fetch(url: str) -> Iterator[Iterable[bytes]]:
        with fetcher.stream(url, max_bytes=max_bytes, truncate=True) as response:
            if not 200 <= response.status_code < 300:
                raise SitemapGoneError(f"HTTP {response.status_code} from {response.final_url}")
            yield response.iter_bytes()

    return fetch


def discover_sitemaps(
    domain: str,
    fetcher: FetcherLike,
    *,
    base_url: str | None = None,
    count_urls: bool = True,
    count_max_bytes: int = COUNT_MAX_BYTES,
) -> DiscoveryResult:
    """Find the sitemaps of ``domain`` ("example.com"): https first, then http.

    ``base_url`` ("http://127.0.0.1:8123") replaces the scheme/host/port guess, for tests and
    for sites known to live elsewhere. Sources, in order of precedence for duplicates: robots.txt
    ``Sitemap:`` lines, WELL_KNOWN_PATHS, home-page links. Each candidate's body is sniffed; only
    real sitemaps are kept, deduplicated by final URL. No sitemap → empty list. Raises
    DomainRefusedError (permanent; e.g. the SSRF guard) or DomainUnreachableError (transient;
    DNS, refused, timeouts) when neither robots.txt nor the home page answered on any scheme.
    """
    return _Discovery(domain, fetcher, count_urls=count_urls, count_max_bytes=count_max_bytes).run(
        base_url
    )
