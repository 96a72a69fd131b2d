"""Find a domain's sitemaps (robots.txt, well-known paths, home-page links), or its pages.

Every request is recorded with how its URL was found and what came of it
(:mod:`processing.discovery.record`), so "no sitemap" can be told from "nothing answered".
A domain without a sitemap still yields pages: its home page's same-site links (and those of
an HTML site map page it links to), depth and count capped, robots.txt obeyed.
"""

from __future__ import annotations

import re
from dataclasses import KW_ONLY, dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from processing.discovery.link_pages import LINK_MAX_DEPTH, LINK_MAX_PAGES, pages_from_links
from processing.discovery.outcomes import (
    CONNECTION_LEVEL,
    SCHEME_DECIDING,
    failure_outcome,
    label,
    status_outcome,
)
from processing.discovery.probe import probe_candidate
from processing.discovery.record import DiscoveryResult, FoundSitemap, Source, Step
from processing.errors import PermanentError, ProcessingError
from processing.sitemaps.errors import DomainRefusedError, DomainUnreachableError
from processing.sitemaps.fetching import (
    COUNT_MAX_BYTES,
    HOMEPAGE_MAX_BYTES,
    ROBOTS_MAX_BYTES,
    FetcherLike,
)
from processing.sitemaps.links import homepage_sitemap_links, parse_html
from scrapersky.normalize import canonical_url

__all__ = ["WELL_KNOWN_PATHS", "discover_sitemaps", "robots_sitemap_urls"]

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

# A robots.txt listing hundreds of sitemaps is a spam trap, not a site map.
MAX_ROBOTS_SITEMAPS = 50

_SITEMAP_DIRECTIVE = re.compile(r"^\s*sitemap\s*:\s*(\S+)", re.IGNORECASE | re.MULTILINE)


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


def _base_urls(domain: str, base_url: str | None) -> list[str]:
    if base_url:
        return [base_url.rstrip("/")]
    host = domain.strip().rstrip("/")
    if "://" in host:
        # Accept "https://example.com/" too; the scheme given is then the only one tried.
        parts = urlsplit(host)
        return [f"{parts.scheme}://{parts.netloc}"]
    return [f"https://{host}", f"http://{host}"]


@dataclass
class _Discovery:
    """One domain's discovery: how far to go, and what the requests found out on the way."""

    domain: str
    fetcher: FetcherLike
    _: KW_ONLY
    count_urls: bool
    count_max_bytes: int
    follow_links: bool
    link_max_depth: int
    link_max_pages: int
    failures: list[Exception] = field(default_factory=list, init=False)
    #: some request got an HTTP answer (5xx included): the host is up
    reached: bool = field(default=False, init=False)
    #: some request got an answer below 500: the site itself answered
    answered: bool = field(default=False, init=False)
    home_doc: Any = field(default=None, init=False)
    html_sitemap_links: list[str] = field(default_factory=list, init=False)

    def run(self, base_url: str | None) -> DiscoveryResult:
        bases = _base_urls(self.domain, base_url)
        result: DiscoveryResult | None = None
        earlier_errors: list[str] = []
        scheme_notes: list[str] = []
        robots_urls: list[str] = []
        for index, base in enumerate(bases):
            result = DiscoveryResult(domain=self.domain, base_url=base)
            robots_urls = self._robots(result)
            scheme = base.split("://", 1)[0]
            assert result.robots is not None
            if result.robots.outcome in SCHEME_DECIDING and index + 1 < len(bases):
                # One refusal, TLS failure or connect timeout decides the scheme: asking the
                # same host again for its home page would only cost another round of waiting.
                scheme_notes.append(f"{scheme} failed ({label(result.robots.outcome)})")
                earlier_errors += result.errors
                continue
            if not robots_urls and result.robots.outcome != "dns":
                # Sitemaps named by robots.txt are the site's own answer (see below); a host
                # the DNS does not know has no home page on this scheme either.
                self._homepage(result)
            if self.reached:
                break
            # Neither robots.txt nor the home page answered on this scheme: try the next one,
            # keeping what went wrong so the row can say why https was not used.
            if index + 1 < len(bases):
                scheme_notes.append(f"{scheme} failed ({label(result.robots.outcome)})")
            earlier_errors += result.errors
        assert result is not None
        result.errors[:0] = earlier_errors
        result.scheme_notes = scheme_notes
        if not self.reached:
            self._raise_unreachable(result)
        candidates: list[tuple[str, Source]] = [(u, "robots") for u in robots_urls]
        if not robots_urls:
            if self.answered:
                # robots.txt naming its sitemaps is the site's own answer: probing seven more
                # paths then costs every site seven requests and almost never finds anything.
                candidates += [(result.base_url + path, "well_known") for path in WELL_KNOWN_PATHS]
            else:
                result.skipped_probes = (
                    "well-known paths not tried (robots.txt and the home page answer HTTP 5xx)"
                )
        candidates += [(u, "homepage") for u in self._home_sitemap_links(result)]
        seen: tuple[set[str], set[str]] = (set(), set())
        self._probe_all(result, candidates, seen)
        if not result.sitemaps and result.homepage is None:
            # Every sitemap robots.txt named failed: the home page may still link one.
            self._homepage(result)
            self._probe_all(
                result, [(u, "homepage") for u in self._home_sitemap_links(result)], seen
            )
        if not result.sitemaps and self.follow_links and self.answered:
            self._follow_links(result)
        if not self.answered:
            error = DomainUnreachableError(
                f"{self.domain} answered only HTTP 5xx: {result.summary()}", retry_after=None
            )
            error.result = result  # type: ignore[attr-defined]  # the record, for the caller
            raise error
        return result

    def _home_sitemap_links(self, result: DiscoveryResult) -> list[str]:
        if self.home_doc is None or result.homepage_url is None:
            return []
        return homepage_sitemap_links(self.home_doc, result.homepage_url, self.domain)

    def _probe_all(
        self,
        result: DiscoveryResult,
        candidates: list[tuple[str, Source]],
        seen: tuple[set[str], set[str]],
    ) -> None:
        seen_urls, seen_final = seen
        for url, source in candidates:
            key = canonical_url(url)
            if key in seen_urls:
                continue
            seen_urls.add(key)
            found = self._probe(result, url, source)
            if found is None:
                continue
            final_key = canonical_url(found.final_url)
            if final_key in seen_final:
                # /sitemap.xml redirecting to /sitemap_index.xml is one sitemap, not two.
                result.attempts[-1].outcome = "duplicate"
                result.attempts[-1].detail = f"duplicate of {found.final_url}"
                continue
            seen_final.add(final_key)
            seen_urls.add(final_key)
            result.sitemaps.append(found)

    def _raise_unreachable(self, result: DiscoveryResult) -> None:
        first = self.failures[0] if self.failures else None
        message = f"could not reach {self.domain}: {first}"
        if any(isinstance(e, PermanentError) for e in self.failures):
            # The last scheme tried (http after https) has the final word.
            permanent = next(e for e in reversed(self.failures) if isinstance(e, PermanentError))
            error: ProcessingError = DomainRefusedError(
                f"could not reach {self.domain}: {permanent}"
            )
            cause: Exception | None = permanent
        else:
            error = DomainUnreachableError(message, retry_after=getattr(first, "retry_after", None))
            cause = first
        error.result = result  # type: ignore[attr-defined]  # the record, for the caller
        raise error from cause

    def _get(self, result: DiscoveryResult, step: Step, what: str, **kwargs: Any) -> Any:
        """One GET of robots.txt or the home page, its outcome written on ``step``."""
        try:
            response = self.fetcher.get(step.url, truncate=True, **kwargs)
        except ProcessingError as exc:
            step.outcome = failure_outcome(exc)
            step.detail = str(exc)
            step.http_status = getattr(exc, "status_code", None)
            result.errors.append(f"{what}: {exc}")
            if step.outcome in CONNECTION_LEVEL or step.http_status is None:
                self.failures.append(exc)
            else:
                # An HTTP error status (after the fetcher's retries) still proves the host is up.
                self.reached = True
            return None
        self.reached = self.answered = True
        step.http_status = response.status_code
        step.outcome = "ok" if response.is_success else status_outcome(response.status_code)
        step.detail = f"HTTP {response.status_code}"
        return response

    def _robots(self, result: DiscoveryResult) -> list[str]:
        result.robots = step = Step(url=result.base_url + "/robots.txt")
        # robots.txt is always allowed to be read; it is what decides the rest.
        response = self._get(
            result, step, "robots.txt", max_bytes=ROBOTS_MAX_BYTES, check_robots=False
        )
        if response is None:
            return []
        remember = getattr(self.fetcher, "remember_robots", None)
        if remember is not None:
            remember(response)  # the fetcher's own robots check need not fetch it again
        if not response.is_success:
            return []
        text = response.content.decode("utf-8", errors="replace")
        base = response.final_url.rsplit("/robots.txt", 1)[0] or result.base_url
        return robots_sitemap_urls(text, base)

    def _homepage(self, result: DiscoveryResult) -> None:
        result.homepage = step = Step(url=result.base_url + "/")
        response = self._get(result, step, "home page", max_bytes=HOMEPAGE_MAX_BYTES)
        if response is None:
            return
        result.homepage_url = response.final_url
        if response.is_success:
            self.home_doc = parse_html(response.content, response.headers.get("content-type"))

    def _probe(self, result: DiscoveryResult, url: str, source: Source) -> FoundSitemap | None:
        probe = probe_candidate(
            self.fetcher,
            url,
            source,
            domain=self.domain,
            count_urls=self.count_urls,
            count_max_bytes=self.count_max_bytes,
            html_links=self.html_sitemap_links,
        )
        result.attempts.append(probe.attempt)
        self.reached |= probe.reached
        self.answered |= probe.answered
        return probe.found

    # ------------------------------------------------------------------ no sitemap: links

    def _follow_links(self, result: DiscoveryResult) -> None:
        """The site's pages from its own links: home page, HTML site map, then deeper."""
        if result.homepage is None:
            self._homepage(result)
        if self.home_doc is None or result.homepage_url is None:
            return
        found = pages_from_links(
            self.fetcher,
            self.domain,
            homepage_url=result.homepage_url,
            home_doc=self.home_doc,
            html_sitemap_links=self.html_sitemap_links,
            max_depth=self.link_max_depth,
            max_pages=self.link_max_pages,
        )
        result.link_pages = found.pages
        result.link_notes += found.notes


def discover_sitemaps(
    domain: str,
    fetcher: FetcherLike,
    *,
    base_url: str | None = None,
    count_urls: bool = True,
    count_max_bytes: int = COUNT_MAX_BYTES,
    follow_links: bool = True,
    link_max_depth: int = LINK_MAX_DEPTH,
    link_max_pages: int = LINK_MAX_PAGES,
) -> DiscoveryResult:
    """Find the sitemaps of ``domain`` ("example.com"): https first, then http.

    ``base_url`` ("http://127.0.0.1:8123") replaces the scheme/host/port guess, for tests and
    for sites known to live elsewhere. Sources, in order of precedence for duplicates: robots.txt
    ``Sitemap:`` lines, WELL_KNOWN_PATHS, home-page links. Each candidate's body is sniffed; only
    real sitemaps are kept, deduplicated by final URL. No sitemap → empty list. Raises
    DomainRefusedError (permanent; e.g. the SSRF guard) or DomainUnreachableError (transient;
    DNS, refused, timeouts) when neither robots.txt nor the home page answered on any scheme,
    and DomainUnreachableError too when every answer was an HTTP 5xx; the exception carries the
    record as ``exc.result``. With no sitemap and ``follow_links``, ``link_pages`` lists the
    pages the home page links to (``link_max_depth``/``link_max_pages``; robots.txt obeyed).
    """
    discovery = _Discovery(
        domain,
        fetcher,
        count_urls=count_urls,
        count_max_bytes=count_max_bytes,
        follow_links=follow_links,
        link_max_depth=link_max_depth,
        link_max_pages=link_max_pages,
    )
    return discovery.run(base_url)
