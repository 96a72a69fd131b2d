"""Sitemap-specific failures, classified as retryable or not for the engine."""

from __future__ import annotations

from processing.errors import PermanentError, TransientError


class NotASitemapError(PermanentError):
    """The body is not a sitemap (an HTML page, garbage bytes): retrying will not change it."""


class UnsafeXMLError(PermanentError):
    """The XML declares entities (billion laughs / XXE); it is refused, never expanded."""


class SitemapGoneError(PermanentError):
    """A sitemap URL answered with a status that will not change soon (404, 410, 403)."""


class DomainUnreachableError(TransientError):
    """Neither the home page, robots.txt nor any candidate answered (DNS, refused, timeout)."""


class DomainRefusedError(PermanentError):
    """The fetcher refused the domain outright (SSRF guard, invalid host): never retry."""
