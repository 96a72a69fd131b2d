"""Sitemap fixtures; the helpers live in sitemaps_server (tests must not import "conftest":
several test folders have one)."""

from sitemaps_server import fetcher, site

__all__ = ["fetcher", "site"]
