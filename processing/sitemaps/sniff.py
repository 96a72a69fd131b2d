"""Decide what a sitemap URL really served by looking at its first bytes, not its Content-Type."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from typing import Literal

Kind = Literal["urlset", "index", "text", "rss", "atom", "html", "unknown"]

#: Kinds whose URLs we can read; everything else is rejected by discovery and the parser.
SITEMAP_KINDS: frozenset[str] = frozenset({"urlset", "index", "text", "rss", "atom"})

GZIP_MAGIC = b"\x1f\x8b"

#: How much (decompressed) text the sniffer looks at. Enough to get past an XML declaration,
#: a stylesheet PI and a licence comment; a prolog longer than this is not a sitemap we want.
SNIFF_BYTES = 16 * 1024

_ROOT_KINDS: dict[str, Kind] = {
    "urlset": "urlset",
    "sitemapindex": "index",
    "rss": "rss",
    "rdf": "rss",  # RSS 1.0 is <rdf:RDF>
    "feed": "atom",
    "html": "html",
}

# Prolog items that may precede the root element: whitespace, XML declaration, PIs, comments
# and a DOCTYPE (with an optional internal subset in [...]).
_PROLOG_ITEM = re.compile(
    r"""\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>""",
    re.DOTALL | re.IGNORECASE,
)
_ROOT_TAG = re.compile(r"<([A-Za-z_][\w.\-]*(?::[\w.\-]+)?)")
_HTML_HINT = re.compile(r"<!DOCTYPE\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_URL_LINE = re.compile(r"https?://[^\s/]+\S*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SniffResult:
    """What the body is (``kind``) and whether it arrived gzip-compressed."""

    kind: Kind
    gzipped: bool = False

    @property
    def is_sitemap(self) -> bool:
        return self.kind in SITEMAP_KINDS


def gunzip_prefix(data: bytes, limit: int = SNIFF_BYTES) -> bytes:
    """Decompress as much of a (possibly cut) gzip prefix as possible, at most ``limit`` bytes."""
    # wbits=47 (32 + 15) auto-detects gzip or zlib headers; max_length bounds a bomb.
    decomp = zlib.decompressobj(wbits=47)
    try:
        return decomp.decompress(data, limit)
    except zlib.error:
        return b""


def decode_prefix(data: bytes) -> str:
    """Decode the start of a document well enough to find its root element."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16"
    elif data.startswith(b"<\x00") or data.startswith(b"\x00<"):
        # UTF-16 without a BOM: the XML declaration still gives it away by its NUL bytes.
        codec = "utf-16-le" if data[0] == 0x3C else "utf-16-be"
    else:
        # Every ASCII-compatible encoding (UTF-8, ISO-8859-x, cp1252) agrees on the markup
        # characters we look for, so latin-1 (which never fails) is good enough here.
        codec = "latin-1"
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data.decode(codec, errors="replace").lstrip("\ufeff")


def root_element_name(text: str) -> str | None:
    """Local name (lower-case, prefix stripped) of the first element after the prolog."""
    pos = 0
    while True:
        match = _PROLOG_ITEM.match(text, pos)
        if not match or match.end() == pos:
            break
        pos = match.end()
    match = _ROOT_TAG.match(text, pos)
    if not match:
        return None
    return match.group(1).rpartition(":")[2].lower()


def sniff_text(text: str) -> Kind:
    """Classify already-decoded text (the first few KB of a body)."""
    stripped = text.lstrip()
    if not stripped:
        return "unknown"
    if stripped.startswith("<"):
        name = root_element_name(stripped)
        if name is not None:
            kind = _ROOT_KINDS.get(name)
            if kind is not None:
                return kind
        # <!DOCTYPE html>, <head> without <html>, or an XML root we do not know.
        if _HTML_HINT.search(stripped[:4096]):
            return "html"
        return "unknown"
    # Plain-text sitemap: the first non-blank line must be an absolute http(s) URL.
    first_line = stripped.split("\n", 1)[0].strip()
    if _URL_LINE.fullmatch(first_line):
        return "text"
    if _HTML_HINT.search(stripped[:4096]):
        return "html"
    return "unknown"


def sniff_sitemap(first_bytes: bytes) -> SniffResult:
    """Sniff the first bytes of a body: gzip magic, then the root element or first line."""
    gzipped = first_bytes.startswith(GZIP_MAGIC)
    data = gunzip_prefix(first_bytes) if gzipped else first_bytes[:SNIFF_BYTES]
    if not data or is_binary(data):
        # Binary junk (or a gzip we cannot open) is never a sitemap.
        return SniffResult("unknown", gzipped)
    return SniffResult(sniff_text(decode_prefix(data)), gzipped)


def is_binary(data: bytes) -> bool:
    """NUL bytes near the start mean binary junk, unless the text is UTF-16."""
    head = data[:64]
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")):
        return False
    return b"\x00" in head
