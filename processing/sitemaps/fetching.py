"""How discovery and the import read through the fetcher: interface, size caps, sitemap bodies."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol

from processing.sitemaps.errors import SitemapGoneError
from processing.sitemaps.results import PROTOCOL_MAX_BYTES
from processing.sitemaps.tree import FetchChunks

# Enough to sniff through a gzip header and any XML prolog; the body is otherwise streamed.
SNIFF_FETCH_BYTES = 64 * 1024
# robots.txt and home pages are read whole but capped: a 512 KB home page is already huge.
ROBOTS_MAX_BYTES = 512 * 1024
HOMEPAGE_MAX_BYTES = 1024 * 1024
# Counting URLs costs one streamed read; above this the count is a lower bound.
COUNT_MAX_BYTES = 10 * 1024 * 1024


class FetcherLike(Protocol):
    """The part of :class:`processing.fetcher.Fetcher` discovery uses."""

    def get(self, url: str, **kwargs: Any) -> Any: ...

    def stream(self, url: str, **kwargs: Any) -> Any: ...


class _CappedBody:
    """A response body that says, once read, whether the fetcher cut it at its size cap."""

    def __init__(self, response: Any, max_bytes: int) -> None:
        self.response = response
        self.max_bytes = max_bytes

    def __iter__(self) -> Iterator[bytes]:
        return iter(self.response.iter_bytes())

    @property
    def cut_reason(self) -> str | None:
        if not getattr(self.response, "truncated", False):
            return None
        size = (
            f"{self.max_bytes // (1024 * 1024)} MB"
            if self.max_bytes >= 1 << 20
            else (f"{self.max_bytes} bytes")
        )
        # Content-Encoding is inflated by the fetcher (its cap is then on decompressed bytes);
        # a .gz file is counted as downloaded and inflated by the parser under its own cap.
        encoded = (self.response.headers.get("content-encoding") or "identity") != "identity"
        return f"stopped at the {size} {'decompressed' if encoded else 'download'}-size cap"


def fetch_sitemap_chunks(
    fetcher: FetcherLike, *, max_bytes: int = PROTOCOL_MAX_BYTES
) -> FetchChunks:
    """Adapter for iter_sitemap_tree: stream a sitemap with the fetcher, failing on non-2xx.

    The fetcher raises transient errors itself (timeouts, 429/5xx after retries); any other
    non-2xx status becomes SitemapGoneError (permanent). The body is cut (not refused) at
    ``max_bytes``, so the parser returns what it read and reports the truncation.
    """

    @contextmanager
    def fetch(url: str) -> Iterator[Iterable[bytes]]:
        with fetcher.stream(url, max_bytes=max_bytes, truncate=True) as response:
            if not 200 <= response.status_code < 300:
                raise SitemapGoneError(f"HTTP {response.status_code} from {response.final_url}")
            yield _CappedBody(response, max_bytes)

    return fetch
