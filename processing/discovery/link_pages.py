"""A site without a sitemap: its pages from its own links (home page, HTML site map, deeper)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from processing.errors import ProcessingError
from processing.sitemaps.fetching import HOMEPAGE_MAX_BYTES, FetcherLike
from processing.sitemaps.links import page_links, parse_html
from scrapersky.normalize import canonical_url

#: How deep to follow (1: the home page's links) and how many pages at most; pages fetched
#: only to read their links at depth > 1.
LINK_MAX_DEPTH = 1
LINK_MAX_PAGES = 100
LINK_MAX_FETCHES = 10


@dataclass(slots=True)
class LinkPages:
    """The pages found, and what capped or filtered them ("stopped at the 100-page cap")."""

    pages: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def pages_from_links(
    fetcher: FetcherLike,
    domain: str,
    *,
    homepage_url: str,
    home_doc: Any,
    html_sitemap_links: list[str],
    max_depth: int = LINK_MAX_DEPTH,
    max_pages: int = LINK_MAX_PAGES,
) -> LinkPages:
    """The home page, then its same-site links and those of its HTML site map, level by level.

    robots.txt is obeyed when the fetcher can tell (``robots_allows``); a level deeper than the
    first costs one fetch per page read for its links, a few and contact-like pages first.
    """
    allowed = getattr(fetcher, "robots_allows", None)
    found = LinkPages()
    pages = found.pages
    seen: set[str] = set()
    disallowed = 0

    def add(url: str) -> bool:
        nonlocal disallowed
        key = canonical_url(url)
        if key in seen:
            return True
        seen.add(key)
        if allowed is not None and not allowed(url):
            disallowed += 1
            return True
        if len(pages) >= max_pages:
            return False
        pages.append(url)
        return True

    add(homepage_url)
    level = [*html_sitemap_links, *page_links(home_doc, homepage_url, domain)]
    capped = False
    for depth in range(1, max_depth + 1):
        next_level: list[str] = []
        for url in level:
            if not add(url):
                capped = True
                break
        if capped or depth == max_depth:
            break
        for url in [u for u in level if u in pages][:LINK_MAX_FETCHES]:
            next_level += _links_of(fetcher, url, domain)
        level = next_level
    if capped:
        found.notes.append(f"stopped at the {max_pages}-page cap")
    if disallowed:
        found.notes.append(f"{disallowed} disallowed by robots.txt")
    return found


def _links_of(fetcher: FetcherLike, url: str, domain: str) -> list[str]:
    try:
        response = fetcher.get(url, max_bytes=HOMEPAGE_MAX_BYTES, truncate=True)
    except ProcessingError:
        return []
    if not response.is_success:
        return []
    doc = parse_html(response.content, response.headers.get("content-type"))
    return page_links(doc, response.final_url, domain)
