"""Discovery runs against the sitemap tests' loopback site and fetcher (tests must not import
"conftest": several test folders have one)."""

from tests.processing.sitemaps.sitemaps_server import fetcher, site

__all__ = ["fetcher", "site"]
