"""What reading a sitemap yields: page entries, child sitemap references and the file's result."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from processing.sitemaps.sniff import Kind

#: sitemaps.org protocol limits for a single file.
PROTOCOL_MAX_URLS = 50_000
PROTOCOL_MAX_BYTES = 50 * 1024 * 1024


@dataclass(slots=True)
class PageEntry:
    """One page URL from a urlset / text / feed sitemap.

    ``lastmod`` is an aware datetime when the source value parsed, else None; in that case the
    unparseable source text is kept in ``lastmod_raw`` (None when valid or absent, which keeps a
    50k-entry list small).
    """

    url: str
    lastmod: datetime | None = None
    changefreq: str | None = None
    priority: float | None = None
    lastmod_raw: str | None = None


@dataclass(slots=True)
class SitemapRef:
    """One child sitemap listed by a sitemap index."""

    url: str
    lastmod: datetime | None = None


#: What a parser emits as it reads: a page of a urlset (text, feed) or a child of an index.
Item = PageEntry | SitemapRef


@dataclass(slots=True)
class SitemapParseResult:
    """Everything read from one sitemap file, plus why reading stopped early (if it did)."""

    kind: Kind = "unknown"
    gzipped: bool = False
    entries: list[PageEntry] = field(default_factory=list)
    sitemaps: list[SitemapRef] = field(default_factory=list)
    #: locs kept (entries for urlset/text/rss/atom, child sitemaps for an index)
    url_count: int = 0
    #: valid locs seen after ``max_urls`` was reached and therefore dropped
    urls_not_read: int = 0
    #: bytes taken from the input iterator (compressed size for gzip)
    bytes_read: int = 0
    #: bytes after gunzip, i.e. what the parser saw (equals bytes_read when not gzipped)
    uncompressed_bytes: int = 0
    #: the file was malformed or ended early; what was read before that point is kept
    truncated: bool = False
    #: a limit stopped reading: "stopped at 50000 URLs (protocol limit); 3 more not read"
    cut_reason: str | None = None
    #: human-readable problems (skipped URLs, bad dates, XML errors)
    errors: list[str] = field(default_factory=list)
    #: set by iter_sitemap_tree when this file could not be fetched or parsed at all
    failed: str | None = None
    #: set by iter_sitemap_tree: children of an index that were not followed, with why
    skipped_children: list[tuple[str, str]] = field(default_factory=list)
