"""Builders for sitemap test documents (imported by the test modules next to it)."""

from __future__ import annotations

from collections.abc import Iterator

SM_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def chunked(data: bytes, size: int = 64 * 1024) -> Iterator[bytes]:
    """Split bytes the way a network stream would deliver them."""
    for start in range(0, len(data), size):
        yield data[start : start + size]


def urlset(urls: list[str], *, ns: str | None = SM_NS, extra: str = "") -> bytes:
    xmlns = f' xmlns="{ns}"' if ns else ""
    body = "".join(f"<url><loc>{u}</loc>{extra}</url>" for u in urls)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset{xmlns}>{body}</urlset>'.encode()


def sitemapindex(urls: list[str]) -> bytes:
    body = "".join(f"<sitemap><loc>{u}</loc></sitemap>" for u in urls)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="{SM_NS}">{body}'
        "</sitemapindex>"
    ).encode()


def big_urlset_lines(count: int) -> Iterator[bytes]:
    """A urlset with ``count`` URLs, generated lazily in ~64 KB chunks (~100 bytes per URL)."""
    yield f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{SM_NS}">\n'.encode()
    batch: list[str] = []
    for i in range(count):
        batch.append(
            f"<url><loc>https://example.com/products/item-{i:07d}</loc>"
            f"<lastmod>2024-05-01</lastmod><priority>0.5</priority></url>\n"
        )
        if len(batch) == 500:
            yield "".join(batch).encode()
            batch = []
    if batch:
        yield "".join(batch).encode()
    yield b"</urlset>\n"
