"""Walking a sitemap and, breadth first, the children of its indexes (cycles and caps kept)."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager

from processing.errors import ProcessingError
from processing.sitemaps.results import PROTOCOL_MAX_BYTES, PROTOCOL_MAX_URLS, SitemapParseResult
from processing.sitemaps.stream import parse_sitemap
from scrapersky.normalize import canonical_url

#: Opens a sitemap URL and gives its body as byte chunks (see fetching.fetch_sitemap_chunks).
FetchChunks = Callable[[str], AbstractContextManager[Iterable[bytes]]]


def iter_sitemap_tree(
    root_url: str,
    fetch_chunks: FetchChunks,
    *,
    max_depth: int = 3,
    max_sitemaps: int = 1000,
    max_urls: int = PROTOCOL_MAX_URLS,
    max_bytes: int = PROTOCOL_MAX_BYTES,
) -> Iterator[tuple[str, SitemapParseResult]]:
    """Walk a sitemap and (recursively) the children of indexes, breadth first.

    Yields ``(sitemap_url, result)`` per file. The root failing raises (the caller's row fails
    and retries); a child failing is recorded on its own result (``failed``) and the walk goes
    on. Children already visited (cycles, self references), deeper than ``max_depth`` (root is
    depth 0) or beyond ``max_sitemaps`` files are listed in the parent's ``skipped_children``.
    """
    visited = {canonical_url(root_url)}
    queue: deque[tuple[str, int]] = deque([(root_url, 0)])
    scheduled = 1
    while queue:
        url, depth = queue.popleft()
        try:
            with fetch_chunks(url) as chunks:
                result = parse_sitemap(chunks, max_urls=max_urls, max_bytes=max_bytes, base_url=url)
        except ProcessingError as exc:
            if depth == 0:
                raise
            yield url, SitemapParseResult(failed=str(exc), errors=[str(exc)])
            continue
        except Exception as exc:
            # A child's network/library error must not abort the whole walk.
            if depth == 0:
                raise
            message = f"{type(exc).__name__}: {exc}"
            yield url, SitemapParseResult(failed=message, errors=[message])
            continue
        for ref in result.sitemaps:
            key = canonical_url(ref.url)
            if key in visited:
                result.skipped_children.append((ref.url, "already visited (cycle or duplicate)"))
            elif depth + 1 > max_depth:
                result.skipped_children.append((ref.url, f"deeper than max_depth={max_depth}"))
            elif scheduled >= max_sitemaps:
                result.skipped_children.append(
                    (ref.url, f"more than max_sitemaps={max_sitemaps} files")
                )
            else:
                visited.add(key)
                scheduled += 1
                queue.append((ref.url, depth + 1))
        if result.skipped_children:
            result.errors.append(f"skipped {len(result.skipped_children)} child sitemaps")
        yield url, result
