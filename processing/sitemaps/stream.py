"""The streaming, bounded sitemap parser: gzip, the byte cap and the sniff, then a format reader."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable

from processing.sitemaps.collector import Collector
from processing.sitemaps.errors import NotASitemapError, UnsafeXMLError
from processing.sitemaps.results import (
    PROTOCOL_MAX_BYTES,
    PROTOCOL_MAX_URLS,
    Item,
    SitemapParseResult,
)
from processing.sitemaps.sniff import GZIP_MAGIC, SNIFF_BYTES, decode_prefix, is_binary, sniff_text
from processing.sitemaps.text_reader import TextReader
from processing.sitemaps.xml_reader import XmlReader

# Decompress in slices this big so a gzip bomb never materialises more than this at once.
_INFLATE_SLICE = 64 * 1024


class SitemapStreamParser:
    """Push parser: ``feed(chunk)`` and ``finish()`` return entries as they complete.

    ``close()`` finishes and returns the :class:`SitemapParseResult`; ``done`` tells the caller
    to stop feeding (a limit was hit or the input is unusable).

    With ``collect=False`` entries are only counted/returned, never stored on the result, so
    memory stays flat however many URLs the file has (discovery uses this to count).
    """

    def __init__(
        self,
        *,
        max_urls: int = PROTOCOL_MAX_URLS,
        max_bytes: int = PROTOCOL_MAX_BYTES,
        base_url: str | None = None,
        collect: bool = True,
    ) -> None:
        self.max_urls = max_urls
        self.max_bytes = max_bytes
        self.base_url = base_url
        self.collect = collect
        self._sink = Collector(max_urls=max_urls, base_url=base_url, collect=collect)
        self.result = self._sink.result
        self._started = False
        self._sniff_buffer = bytearray()
        self._inflater: zlib._Decompress | None = None
        self._reader: XmlReader | TextReader | None = None
        self._byte_cap_hit = False
        self._trailing_noted = False
        self._finished = False

    @property
    def done(self) -> bool:
        """No more input wanted (a limit was hit or the input is unusable)."""
        return self._sink.done

    # -- input side ------------------------------------------------------------------------

    def feed(self, chunk: bytes) -> list[Item]:
        """Feed raw (possibly gzip) bytes; returns the entries completed by this chunk."""
        if self.done or not chunk:
            return self._sink.drain()
        self.result.bytes_read += len(chunk)
        if not self._started:
            # Gzip is detected by magic, not by URL suffix or Content-Type.
            self._sniff_buffer += chunk
            if len(self._sniff_buffer) < 2:
                return []
            self._started = True
            self.result.gzipped = bytes(self._sniff_buffer[:2]) == GZIP_MAGIC
            if self.result.gzipped:
                self._inflater = zlib.decompressobj(wbits=47)
            chunk = bytes(self._sniff_buffer)
            self._sniff_buffer = bytearray()
        if self._inflater is not None:
            self._inflate(chunk)
        else:
            self._decoded(chunk)
        return self._sink.drain()

    def finish(self) -> list[Item]:
        """End of input: parse what is buffered; returns the entries completed by that."""
        if self._finished:
            return self._sink.drain()
        self._finished = True
        if not self._started and self._sniff_buffer:
            # Fewer than two bytes in total: still worth a (failing) sniff.
            self._started = True
            buffered = bytes(self._sniff_buffer)
            self._sniff_buffer = bytearray()
            self._decoded(buffered)
        cut_short = False
        if self._inflater is not None and not self.done:
            if not self._inflater.eof and not self._byte_cap_hit:
                self._sink.note_truncated("gzip stream ended early (file cut off)")
                cut_short = True
            self._inflater = None
        if not self.done and self._reader is None:
            if not self._sniff_buffer:
                self._sink.done = True
                raise NotASitemapError("not a sitemap: the body is empty")
            self._dispatch_sniff()
        if isinstance(self._reader, TextReader):
            self._reader.close(byte_cap_hit=self._byte_cap_hit, cut_short=cut_short)
        elif self._reader is not None:
            self._reader.close(byte_cap_hit=self._byte_cap_hit)
        self._sink.summarise(byte_cap_hit=self._byte_cap_hit)
        return self._sink.drain()

    def close(self) -> SitemapParseResult:
        """Finish parsing (see :meth:`finish`) and return the result."""
        self.finish()
        return self.result

    def cut_by_transport(self, reason: str) -> None:
        """The body was cut at a download cap before the parser's own: say so, not "XML ended
        early" (a gzip bomb served with Content-Encoding is inflated, and cut, by the fetcher)."""
        self._byte_cap_hit = True
        self._sink.set_cut(reason)

    def _inflate(self, data: bytes) -> None:
        inflater = self._inflater
        assert inflater is not None
        while data and not self.done:
            # Ask for at most one slice and at most one byte past the cap, so a bomb stops
            # as soon as it crosses max_bytes without ever being fully inflated.
            room = self.max_bytes - self.result.uncompressed_bytes + 1
            try:
                out = inflater.decompress(data, max(1, min(_INFLATE_SLICE, room)))
            except zlib.error as exc:
                self._sink.note_truncated(f"gzip data is corrupt: {exc}")
                self._stop()
                return
            if out:
                self._decoded(out)
            if inflater.eof:
                rest = inflater.unused_data
                if rest.startswith(GZIP_MAGIC):
                    # Concatenated gzip members are legal; start a new inflater on the rest.
                    inflater = self._inflater = zlib.decompressobj(wbits=47)
                    data = rest
                    continue
                if rest.strip(b"\x00\r\n\t ") and not self._trailing_noted:
                    self._trailing_noted = True
                    self.result.errors.append("ignored non-gzip bytes after the gzip stream")
                return
            data = inflater.unconsumed_tail

    def _decoded(self, data: bytes) -> None:
        """Take uncompressed bytes, enforce the byte cap, sniff, and hand to the format reader."""
        if self.done:
            return
        room = self.max_bytes - self.result.uncompressed_bytes
        if len(data) > room:
            data = data[:room]
            self._byte_cap_hit = True
        self.result.uncompressed_bytes += len(data)
        if self._reader is None:
            self._sniff_buffer += data
            if len(self._sniff_buffer) >= SNIFF_BYTES or self._byte_cap_hit:
                self._dispatch_sniff()
        elif data:
            self._reader.feed(data)
        if self._byte_cap_hit and not self.done:
            if isinstance(self._reader, XmlReader):
                self._reader.count_cut_record()
            self._sink.set_cut(
                f"stopped at the {_format_bytes(self.max_bytes)} decompressed-size cap"
            )
            self._stop()

    def _dispatch_sniff(self) -> None:
        data = bytes(self._sniff_buffer)
        self._sniff_buffer = bytearray()
        text = decode_prefix(data)
        kind = sniff_text(text) if not is_binary(data) else "unknown"
        self.result.kind = kind
        if kind in ("html", "unknown"):
            what = "an HTML page" if kind == "html" else "not a recognisable sitemap format"
            self._sink.done = True
            raise NotASitemapError(f"not a sitemap: the body is {what}")
        if kind == "text":
            self._reader = TextReader(self._sink)
        else:
            try:
                self._reader = XmlReader(self._sink, kind, text)
            except UnsafeXMLError:
                self._sink.done = True
                raise
        if data:
            self._reader.feed(data)

    def _stop(self) -> None:
        if isinstance(self._reader, XmlReader):
            self._reader.stop()
        self._sink.done = True


def _format_bytes(n: int) -> str:
    if n % (1024 * 1024) == 0:
        return f"{n // (1024 * 1024)} MB"
    if n % 1024 == 0:
        return f"{n // 1024} KB"
    return f"{n} bytes"


def parse_sitemap(
    chunks: Iterable[bytes],
    *,
    max_urls: int = PROTOCOL_MAX_URLS,
    max_bytes: int = PROTOCOL_MAX_BYTES,
    base_url: str | None = None,
    collect: bool = True,
    on_entry: Callable[[Item], None] | None = None,
) -> SitemapParseResult:
    """Parse a sitemap from byte chunks, bounded by ``max_urls`` and ``max_bytes`` (uncompressed).

    Raises NotASitemapError (HTML, garbage) or UnsafeXMLError (entity declarations); malformed
    or truncated files return what was read with ``truncated=True``. Stops pulling chunks as
    soon as a limit is reached (so a streamed bomb is not downloaded to the end).
    """
    parser = SitemapStreamParser(
        max_urls=max_urls, max_bytes=max_bytes, base_url=base_url, collect=collect
    )
    for chunk in chunks:
        items = parser.feed(chunk)
        if on_entry is not None:
            for item in items:
                on_entry(item)
        if parser.done:
            break
    transport_cut = getattr(chunks, "cut_reason", None)
    if transport_cut and not parser.done:
        parser.cut_by_transport(transport_cut)
    items = parser.finish()
    if on_entry is not None:
        for item in items:
            on_entry(item)
    return parser.result
