"""Sitemap sniffing, streaming parsing, index walking and discovery (library code, no models).

One concept per module: ``sniff`` (what a body is), ``results`` (what reading yields),
``values`` (lastmod, priority, changefreq, loc), ``collector`` (entries under the caps, problems
counted), ``xml_reader`` / ``text_reader`` (the formats), ``stream`` (gzip, byte cap, the push
parser), ``tree`` (walking indexes), ``fetching`` (the fetcher's side), ``discovery`` with
``probe``, ``links``, ``link_pages``, ``outcomes`` and ``record`` (finding a domain's sitemaps).
Page types come from :mod:`scrapersky.page_types`, URL keys from :mod:`curation.normalize`.
"""

from processing.sitemaps.discovery import DiscoveryResult, FoundSitemap, discover_sitemaps
from processing.sitemaps.errors import NotASitemapError, UnsafeXMLError
from processing.sitemaps.fetching import fetch_sitemap_chunks
from processing.sitemaps.record import CandidateAttempt
from processing.sitemaps.results import PageEntry, SitemapParseResult, SitemapRef
from processing.sitemaps.sniff import SitemapKind, sniff_sitemap
from processing.sitemaps.stream import SitemapStreamParser, parse_sitemap
from processing.sitemaps.tree import iter_sitemap_tree

__all__ = [
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
    "discover_sitemaps",
    "fetch_sitemap_chunks",
    "iter_sitemap_tree",
    "parse_sitemap",
    "sniff_sitemap",
]
