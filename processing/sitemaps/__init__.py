"""Sitemap sniffing, streaming parsing and index walking: plain Python over bytes, no Django.

One concept per module: ``sniff`` (what a body is), ``results`` (what reading yields),
``values`` (lastmod, priority, changefreq, loc), ``collector`` (entries under the caps, problems
counted), ``xml_reader`` / ``text_reader`` (the formats), ``stream`` (gzip, byte cap, the push
parser), ``tree`` (walking indexes), ``fetching`` (what is read through the fetcher),
``links`` (the links of an HTML page).

Finding a domain's sitemaps (the network, and the record of what was tried) is the package
:mod:`processing.discovery`, which uses these parsers; nothing here imports it, nor the
fetcher (which reads Django's settings). Page types come from :mod:`scrapersky.page_types`, URL
keys from :mod:`scrapersky.normalize`.
"""

from processing.sitemaps.errors import NotASitemapError, UnsafeXMLError
from processing.sitemaps.fetching import fetch_sitemap_chunks
from processing.sitemaps.results import PageEntry, SitemapParseResult, SitemapRef
from processing.sitemaps.sniff import SniffResult, sniff_sitemap
from processing.sitemaps.stream import SitemapStreamParser, parse_sitemap
from processing.sitemaps.tree import iter_sitemap_tree

__all__ = [
    "NotASitemapError",
    "PageEntry",
    "SitemapParseResult",
    "SitemapRef",
    "SitemapStreamParser",
    "SniffResult",
    "UnsafeXMLError",
    "fetch_sitemap_chunks",
    "iter_sitemap_tree",
    "parse_sitemap",
    "sniff_sitemap",
]
