"""Sitemap sniffing, streaming parsing, discovery and page typing (library code, no models)."""

from processing.sitemaps.discovery import DiscoveryResult, FoundSitemap, discover_sitemaps
from processing.sitemaps.errors import NotASitemapError, UnsafeXMLError
from processing.sitemaps.parse import (
    PageEntry,
    SitemapParseResult,
    SitemapRef,
    SitemapStreamParser,
    iter_sitemap_tree,
    parse_sitemap,
)
from processing.sitemaps.record import CandidateAttempt
from processing.sitemaps.sniff import SitemapKind, sniff_sitemap
from scrapersky.page_types import CONTACT_LIKE, classify_url

__all__ = [
    "CONTACT_LIKE",
    "CandidateAttempt",
    "DiscoveryResult",
    "FoundSitemap",
    "NotASitemapError",
    "PageEntry",
    "SitemapKind",
    "SitemapParseResult",
    "SitemapRef",
    "SitemapStreamParser",
    "UnsafeXMLError",
    "classify_url",
    "discover_sitemaps",
    "iter_sitemap_tree",
    "parse_sitemap",
    "sniff_sitemap",
]
