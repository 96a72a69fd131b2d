"""Asking one candidate URL whether it is a sitemap: stream it, sniff the body, count its URLs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from processing.discovery.outcomes import failure_outcome, status_outcome
from processing.discovery.record import CandidateAttempt, FoundSitemap, Source
from processing.errors import PermanentError, ProcessingError, TransientError
from processing.sitemaps.fetching import HOMEPAGE_MAX_BYTES, SNIFF_FETCH_BYTES, FetcherLike
from processing.sitemaps.links import page_links, parse_html
from processing.sitemaps.sniff import SNIFF_BYTES, sniff_sitemap
from processing.sitemaps.stream import SitemapStreamParser


@dataclass(slots=True)
class Probe:
    """What asking one candidate showed: the attempt recorded, the sitemap if it is one."""

    attempt: CandidateAttempt
    found: FoundSitemap | None = None
    #: some HTTP answer came (the site answered, whatever the status)
    answered: bool = False
    #: an HTTP status came, possibly as an error after the fetcher's retries (the host is up)
    reached: bool = False


def probe_candidate(
    fetcher: FetcherLike,
    url: str,
    source: Source,
    *,
    domain: str,
    count_urls: bool,
    count_max_bytes: int,
    html_links: list[str],
) -> Probe:
    """Stream ``url`` and sniff its body; a sitemap's URLs are counted when ``count_urls``.

    An HTML page a home page links to as its site map is not a sitemap, but its same-site
    links are added to ``html_links`` (the site's pages, if it has no XML sitemap).
    """
    probe = Probe(CandidateAttempt(url=url, source=source, http_status=None, outcome=""))
    attempt = probe.attempt
    cap = count_max_bytes if count_urls else SNIFF_FETCH_BYTES
    try:
        with fetcher.stream(url, max_bytes=cap, truncate=True) as response:
            attempt.http_status = response.status_code
            probe.reached = probe.answered = True
            if not 200 <= response.status_code < 300:
                attempt.outcome = status_outcome(response.status_code)
                attempt.detail = f"HTTP {response.status_code}"
                return probe
            reader = _Body(response, attempt, domain=domain, html_links=html_links)
            probe.found = reader.sniff_and_count(
                url, source, count_urls=count_urls, count_max_bytes=count_max_bytes
            )
    except ProcessingError as exc:
        attempt.outcome = failure_outcome(exc)
        attempt.detail = str(exc)
        attempt.http_status = getattr(exc, "status_code", None)
        if attempt.http_status is not None:
            probe.reached = True
    return probe


class _Body:
    """The streamed body of a 2xx candidate."""

    def __init__(
        self, response: Any, attempt: CandidateAttempt, *, domain: str, html_links: list[str]
    ) -> None:
        self.response = response
        self.attempt = attempt
        self.domain = domain
        self.html_links = html_links

    def sniff_and_count(
        self, url: str, source: Source, *, count_urls: bool, count_max_bytes: int
    ) -> FoundSitemap | None:
        response, attempt = self.response, self.attempt
        # HEAD and Content-Type lie (soft 404s, text/html sitemaps), so read and sniff the body.
        chunks = iter(response.iter_bytes())
        head = bytearray()
        for chunk in chunks:
            head += chunk
            if len(head) >= SNIFF_FETCH_BYTES:
                break
        sniffed = sniff_sitemap(bytes(head[: max(SNIFF_FETCH_BYTES, SNIFF_BYTES)]))
        if not sniffed.is_sitemap:
            if sniffed.kind == "html" and source == "homepage":
                # A page the home page calls its site map, written for people: its links are
                # the site's pages (used when the site has no XML sitemap).
                self._read_html_sitemap(head, chunks)
                attempt.outcome = "html_sitemap"
                attempt.detail = f"an HTML site map page with {len(self.html_links)} links"
                return None
            attempt.outcome = "not_sitemap"
            attempt.detail = f"not a sitemap (body looks like {sniffed.kind})"
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
        if count_urls and not self._count(found, head, chunks, count_max_bytes):
            return None
        attempt.outcome = "sitemap"
        attempt.detail = f"{sniffed.kind}{', gzip' if sniffed.gzipped else ''}"
        if found.notes:
            attempt.detail += f" ({'; '.join(found.notes)})"
        return found

    def _count(
        self, found: FoundSitemap, head: bytearray, chunks: Iterator[bytes], max_bytes: int
    ) -> bool:
        """Count the sitemap's URLs while streaming it; False when parsing refutes the sniff."""
        response = self.response
        parser = SitemapStreamParser(
            collect=False, max_bytes=max_bytes, base_url=response.final_url
        )
        try:
            parser.feed(bytes(head))
            for chunk in chunks:
                if parser.done:
                    break
                found.size += len(chunk)
                parser.feed(chunk)
            if getattr(response, "truncated", False) and not parser.done:
                parser.cut_by_transport(
                    f"counted up to the {max_bytes // (1024 * 1024)} MB counting cap"
                )
            parsed = parser.close()
        except (PermanentError, TransientError) as exc:
            # UnsafeXMLError / NotASitemapError: the sniff was fooled, drop the candidate.
            self.attempt.outcome = failure_outcome(exc)
            self.attempt.detail = f"rejected: {exc}"
            return False
        found.url_count = parsed.url_count + parsed.urls_not_read
        found.count_complete = parsed.cut_reason is None and not getattr(
            response, "truncated", False
        )
        found.notes = list(parsed.errors)
        if parsed.cut_reason:
            found.notes.append(parsed.cut_reason)
        return True

    def _read_html_sitemap(self, head: bytearray, chunks: Iterator[bytes]) -> None:
        body = bytearray(head)
        for chunk in chunks:
            body += chunk
            if len(body) >= HOMEPAGE_MAX_BYTES:
                break
        response = self.response
        doc = parse_html(bytes(body), response.headers.get("content-type"))
        for url in page_links(doc, response.final_url, self.domain):
            if url not in self.html_links:
                self.html_links.append(url)
