"""Streaming, bounded sitemap parser (XML urlset/index, text, RSS, Atom; gzip) and index walker."""

from __future__ import annotations

import re
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit, urlunsplit

from lxml import etree

from processing.errors import ProcessingError
from processing.sitemaps.errors import NotASitemapError, UnsafeXMLError
from processing.sitemaps.sniff import (
    GZIP_MAGIC,
    SNIFF_BYTES,
    Kind,
    decode_prefix,
    is_binary,
    sniff_text,
)

#: sitemaps.org protocol limits for a single file.
PROTOCOL_MAX_URLS = 50_000
PROTOCOL_MAX_BYTES = 50 * 1024 * 1024

CHANGEFREQS = frozenset({"always", "hourly", "daily", "weekly", "monthly", "yearly", "never"})

# Decompress in slices this big so a gzip bomb never materialises more than this at once.
_INFLATE_SLICE = 64 * 1024
# A text-sitemap line longer than this is junk; we drop it instead of buffering it forever.
_MAX_TEXT_LINE = 8 * 1024
# Locs longer than this are not URLs anybody will fetch (browsers cap around 2-8 KB as well).
_MAX_URL_LEN = 4096
# Element budget per allowed URL before the parser gives up on a file (see _xml_events).
_ELEMENTS_PER_URL = 30
# Keep error messages short: report how many were skipped plus a few examples.
_MAX_EXAMPLES = 3

_WHITESPACE = re.compile(r"\s")
# Absolute http(s) URL with a plain host[:port] (no userinfo, no IPv6 brackets).
_PLAIN_HTTP_URL = re.compile(
    r"https?://[A-Za-z0-9\-._~%!$&'()*+,;=]+(?::\d{1,5})?(?:[/?#]\S*)?", re.I
)
_ENTITY_DECL = re.compile(r"<!ENTITY", re.IGNORECASE)
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^>\[]*\[", re.IGNORECASE)

_W3C_DATETIME = re.compile(
    r"""(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})
        (?:[T\s](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.(?P<f>\d+))?)?
        (?P<tz>Z|[+-]\d{2}:?\d{2})?)?)?)?""",
    re.VERBOSE,
)


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


# --------------------------------------------------------------------------------------------
# value parsing


def parse_lastmod(raw: str | None) -> datetime | None:
    """W3C datetime (sitemaps) or RFC 822 (RSS pubDate) to an aware datetime; None if invalid."""
    if not raw:
        return None
    text = raw.strip()
    match = _W3C_DATETIME.fullmatch(text)
    if match:
        try:
            return _w3c_to_datetime(match)
        except ValueError:
            return None
    try:
        value = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    # RFC 822 "-0000" means "unknown zone": treat as UTC rather than drop the date.
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _w3c_to_datetime(match: re.Match[str]) -> datetime:
    g = match.groupdict()
    fraction = (g["f"] or "0")[:6].ljust(6, "0")
    # Zone applied below; naive values default to UTC.
    value = datetime(
        int(g["y"]),
        int(g["m"] or 1),
        int(g["d"] or 1),
        int(g["H"] or 0),
        int(g["M"] or 0),
        int(g["S"] or 0),
        int(fraction),
    )
    tz = g["tz"]
    if tz and tz != "Z":
        # fromisoformat understands "+hh:mm"; normalise "+hhmm" first.
        tz = tz if ":" in tz else f"{tz[:3]}:{tz[3:]}"
        return datetime.fromisoformat(value.isoformat() + tz)
    # Date-only and zone-less values: the protocol implies UTC for comparison purposes.
    return value.replace(tzinfo=UTC)


def parse_priority(raw: str | None) -> float | None:
    """Priority as a float in [0.0, 1.0]; anything else (including NaN) is None."""
    if raw is None:
        return None
    try:
        value = float(raw.strip())
    except ValueError:
        return None
    return value if 0.0 <= value <= 1.0 else None


def parse_changefreq(raw: str | None) -> str | None:
    """Changefreq from the protocol vocabulary (case-insensitive), else None."""
    if raw is None:
        return None
    value = raw.strip().lower()
    return value if value in CHANGEFREQS else None


def clean_url(raw: str | None, base_url: str | None) -> str | None:
    """Trim a loc, resolve it against ``base_url`` if relative; None unless absolute http(s)."""
    if raw is None:
        return None
    text = raw.strip()
    if not text or len(text) > _MAX_URL_LEN or _WHITESPACE.search(text):
        return None
    if _PLAIN_HTTP_URL.fullmatch(text):
        return text  # fast path for the common case; urlsplit costs more than the rest
    if base_url and not re.match(r"[A-Za-z][A-Za-z0-9+.\-]*:", text):
        # The protocol wants absolute locs, but "/page" under a known sitemap URL is unambiguous.
        text = urljoin(base_url, text)
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return text


def normalise_url(url: str) -> str:
    """Key for visited sets: scheme/host lower-cased, fragment dropped."""
    parts = urlsplit(url)
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, "")
    )


def _format_bytes(n: int) -> str:
    if n % (1024 * 1024) == 0:
        return f"{n // (1024 * 1024)} MB"
    if n % 1024 == 0:
        return f"{n // 1024} KB"
    return f"{n} bytes"


_LOCAL_NAMES: dict[str, str] = {}


def _local(tag: object) -> str | None:
    # Comments, PIs and entity references have non-string tags; namespaces are ignored on
    # purpose so standard, missing and odd sitemap namespaces all work.
    if not isinstance(tag, str):
        return None
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        name = tag.rpartition("}")[2].lower()
        if len(_LOCAL_NAMES) < 1000:  # a hostile file cannot grow the cache without bound
            _LOCAL_NAMES[tag] = name
    return name


def _child_texts(element: etree._Element) -> dict[str, str]:
    """Local name -> text of a record's children, in one pass (this is the hot loop)."""
    fields: dict[str, str] = {}
    for child in element:
        name = _local(child.tag)
        if name is None:
            continue
        text = "".join(child.itertext()) if len(child) else (child.text or "")
        # First non-empty value wins: an RSS item may carry an empty <atom:link/> before <link>.
        if name not in fields or (text.strip() and not fields[name].strip()):
            fields[name] = text
    return fields


# --------------------------------------------------------------------------------------------
# streaming parser

_RECORDS = frozenset({"url", "sitemap", "item", "entry"})


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
        self.result = SitemapParseResult()
        self.done = False  # no more input wanted (limit hit or fatal error)
        self._started = False
        self._sniff_buffer = bytearray()
        self._inflater: zlib._Decompress | None = None
        self._xml: etree.XMLPullParser | None = None
        self._text_tail = b""
        self._text_skipping_long_line = False
        self._out: list[PageEntry | SitemapRef] = []
        self._invalid_urls = 0
        self._invalid_examples: list[str] = []
        self._bad_dates = 0
        self._bad_changefreq = 0
        self._bad_priority = 0
        self._byte_cap_hit = False
        self._trailing_noted = False
        self._finished = False
        self._elements = 0
        # Real sitemaps use ~5 elements per URL (up to ~20 with image/video/news extensions).
        self._max_elements = max(100_000, _ELEMENTS_PER_URL * max_urls)

    # -- input side ------------------------------------------------------------------------

    def feed(self, chunk: bytes) -> list[PageEntry | SitemapRef]:
        """Feed raw (possibly gzip) bytes; returns the entries completed by this chunk."""
        if self.done or not chunk:
            return self._drain()
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
        return self._drain()

    def finish(self) -> list[PageEntry | SitemapRef]:
        """End of input: parse what is buffered; returns the entries completed by that."""
        if self._finished:
            return self._drain()
        self._finished = True
        if not self._started and self._sniff_buffer:
            # Fewer than two bytes in total: still worth a (failing) sniff.
            self._started = True
            buffered = bytes(self._sniff_buffer)
            self._sniff_buffer = bytearray()
            self._decoded(buffered)
        if self._inflater is not None and not self.done:
            if not self._inflater.eof and not self._byte_cap_hit:
                self._note_truncated("gzip stream ended early (file cut off)")
            self._inflater = None
        if not self.done and not self._is_dispatched():
            if not self._sniff_buffer:
                self.done = True
                raise NotASitemapError("not a sitemap: the body is empty")
            self._dispatch_sniff()
        self._finish()
        return self._drain()

    def close(self) -> SitemapParseResult:
        """Finish parsing (see :meth:`finish`) and return the result."""
        self.finish()
        return self.result

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
                self._note_truncated(f"gzip data is corrupt: {exc}")
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
        """Take uncompressed bytes, enforce the byte cap, sniff, and hand to the format parser."""
        if self.done:
            return
        room = self.max_bytes - self.result.uncompressed_bytes
        if len(data) > room:
            data = data[:room]
            self._byte_cap_hit = True
        self.result.uncompressed_bytes += len(data)
        if not self._is_dispatched():
            self._sniff_buffer += data
            if len(self._sniff_buffer) >= SNIFF_BYTES or self._byte_cap_hit:
                self._dispatch_sniff()
        else:
            self._route(data)
        if self._byte_cap_hit and not self.done:
            self._set_cut(f"stopped at the {_format_bytes(self.max_bytes)} decompressed-size cap")
            self._stop()

    def cut_by_transport(self, reason: str) -> None:
        """The body was cut at a download cap before the parser's own: say so, not "XML ended
        early" (a gzip bomb served with Content-Encoding is inflated, and cut, by the fetcher)."""
        self._byte_cap_hit = True
        self._set_cut(reason)

    def _is_dispatched(self) -> bool:
        return self._xml is not None or self.result.kind == "text"

    def _dispatch_sniff(self) -> None:
        data = bytes(self._sniff_buffer)
        self._sniff_buffer = bytearray()
        text = decode_prefix(data)
        kind = sniff_text(text) if not is_binary(data) else "unknown"
        self.result.kind = kind
        if kind in ("html", "unknown"):
            what = "an HTML page" if kind == "html" else "not a recognisable sitemap format"
            self.done = True
            raise NotASitemapError(f"not a sitemap: the body is {what}")
        if kind != "text":
            self._check_prolog(text)
            self._xml = etree.XMLPullParser(
                # "end" only: start events would double the per-element Python work.
                events=("end",),
                # Defence in depth behind _check_prolog: never expand, fetch or validate.
                resolve_entities=False,
                no_network=True,
                load_dtd=False,
                huge_tree=False,
                dtd_validation=False,
                # Comments/PIs would pile up in the tree (they get no events we clear on).
                remove_comments=True,
                remove_pis=True,
            )
        self._route(data)

    def _check_prolog(self, text: str) -> None:
        """Refuse DTD internal subsets that declare entities (billion laughs, XXE)."""
        subset = _DOCTYPE_SUBSET.search(text)
        if subset and _ENTITY_DECL.search(text, subset.end()):
            self.done = True
            raise UnsafeXMLError(
                "refused: the sitemap's DOCTYPE declares XML entities "
                "(entity-expansion / external-entity attack); nothing was parsed"
            )

    def _route(self, data: bytes) -> None:
        if not data or self.done:
            return
        if self._xml is not None:
            self._feed_xml(data)
        else:
            self._feed_text(data)

    # -- XML -------------------------------------------------------------------------------

    def _feed_xml(self, data: bytes) -> None:
        assert self._xml is not None
        try:
            self._xml.feed(data)
        except etree.XMLSyntaxError as exc:
            self._xml_events()
            self._xml_failed(exc, at_end=False)
            return
        self._xml_events()

    def _xml_events(self) -> None:
        assert self._xml is not None
        for _event, element in self._xml.read_events():
            if self.done:
                break
            self._elements += 1
            if self._elements > self._max_elements:
                # Each element costs Python time: 50 MB of "<x/>" would take minutes.
                self._set_cut(
                    f"stopped after {self._max_elements} XML elements (far more than the URLs need)"
                )
                self._stop()
                break
            name = _local(element.tag)
            parent = element.getparent()
            if name in _RECORDS:
                self._record(name, element)
            elif parent is not None and _local(parent.tag) in _RECORDS:
                continue  # a field of the record still being read; freed with the record
            if parent is not None:
                # Memory stays flat: drop the finished element and every sibling before it,
                # so the tree never holds more than the record being read.
                element.clear(keep_tail=False)
                while element.getprevious() is not None:
                    del parent[0]

    def _record(self, name: str, element: etree._Element) -> None:
        kind = self.result.kind
        if name == "url" and kind == "urlset":
            fields = _child_texts(element)
            url = self._url(fields.get("loc"))
            if url is None:
                return
            raw_date = fields.get("lastmod")
            lastmod = self._date(raw_date)
            changefreq_raw = fields.get("changefreq")
            changefreq = parse_changefreq(changefreq_raw)
            if changefreq_raw is not None and changefreq is None and changefreq_raw.strip():
                self._bad_changefreq += 1
            priority_raw = fields.get("priority")
            priority = parse_priority(priority_raw)
            if priority_raw is not None and priority is None and priority_raw.strip():
                self._bad_priority += 1
            self._emit(
                PageEntry(url, lastmod, changefreq, priority, _raw_if_unparsed(raw_date, lastmod))
            )
        elif name == "sitemap" and kind == "index":
            fields = _child_texts(element)
            url = self._url(fields.get("loc"))
            if url is not None:
                self._emit(SitemapRef(url, self._date(fields.get("lastmod"))))
        elif name == "item" and kind == "rss":
            fields = _child_texts(element)
            url = self._url(fields.get("link") or fields.get("guid"))
            if url is not None:
                raw_date = fields.get("pubdate") or fields.get("date")
                lastmod = self._date(raw_date)
                self._emit(PageEntry(url, lastmod, lastmod_raw=_raw_if_unparsed(raw_date, lastmod)))
        elif name == "entry" and kind == "atom":
            url = self._url(_atom_link(element))
            if url is not None:
                fields = _child_texts(element)
                raw_date = fields.get("updated") or fields.get("published")
                lastmod = self._date(raw_date)
                self._emit(PageEntry(url, lastmod, lastmod_raw=_raw_if_unparsed(raw_date, lastmod)))

    def _xml_failed(self, exc: etree.XMLSyntaxError, *, at_end: bool) -> None:
        line = exc.lineno if exc.lineno else "?"
        message = str(exc.msg if hasattr(exc, "msg") and exc.msg else exc).split(", line")[0]
        if "amplification" in message:
            message = f"{message} (entities are never expanded)"
        if "Resource limit exceeded" in message:
            # libxml2's own cap on one text node (10 MB without huge_tree): a cap, not a
            # broken file. A whitespace gzip bomb ends here.
            self._set_cut(f"stopped at the XML parser's 10 MB text-node cap at line {line}")
            self._stop()
            return
        prefix = "XML ended early" if at_end else "XML error"
        self._note_truncated(f"{prefix} at line {line}: {message}")
        self._stop()

    # -- plain text ------------------------------------------------------------------------

    def _feed_text(self, data: bytes) -> None:
        buffer = self._text_tail + data
        lines = buffer.split(b"\n")
        self._text_tail = lines.pop()
        for line in lines:
            if self._text_skipping_long_line:
                # The rest of a line we already gave up on.
                self._text_skipping_long_line = False
                continue
            self._text_line(line)
        if len(self._text_tail) > _MAX_TEXT_LINE:
            self._text_tail = b""
            self._text_skipping_long_line = True
            self._note_invalid("<line longer than 8 KB>")

    def _text_line(self, line: bytes) -> None:
        text = line.decode("utf-8", errors="replace").strip().lstrip("\ufeff")
        if not text or text.startswith("#"):
            return
        url = self._url(text)
        if url is not None:
            self._emit(PageEntry(url))

    # -- shared ----------------------------------------------------------------------------

    def _url(self, raw: str | None) -> str | None:
        if raw is None or not raw.strip():
            if raw is not None:
                self._note_invalid("<empty loc>")
            return None
        url = clean_url(raw, self.base_url)
        if url is None:
            self._note_invalid(raw.strip()[:80])
        return url

    def _note_invalid(self, example: str) -> None:
        self._invalid_urls += 1
        if len(self._invalid_examples) < _MAX_EXAMPLES:
            self._invalid_examples.append(example)

    def _date(self, raw: str | None) -> datetime | None:
        value = parse_lastmod(raw)
        if value is None and raw is not None and raw.strip():
            self._bad_dates += 1
        return value

    def _emit(self, item: PageEntry | SitemapRef) -> None:
        if self.result.url_count >= self.max_urls:
            # Keep reading (counting only, within max_bytes) so the cut reason can say how
            # much was left out; nothing is stored, so memory does not grow.
            self.result.urls_not_read += 1
            return
        self.result.url_count += 1
        self._out.append(item)
        if self.collect:
            if isinstance(item, SitemapRef):
                self.result.sitemaps.append(item)
            else:
                self.result.entries.append(item)

    def _drain(self) -> list[PageEntry | SitemapRef]:
        out, self._out = self._out, []
        return out

    def _note_truncated(self, message: str) -> None:
        self.result.truncated = True
        self.result.errors.append(message)

    def _set_cut(self, reason: str) -> None:
        if self.result.cut_reason is None:
            self.result.cut_reason = reason

    def _stop(self) -> None:
        self.done = True
        self._xml = None  # free the libxml2 context now, not at garbage collection

    def _finish(self) -> None:
        result = self.result
        if self._xml is not None:
            # Once max_urls is reached we still parse (counting only) up to max_bytes.
            try:
                self._xml.close()
            except etree.XMLSyntaxError as exc:
                self._xml_events()
                if not self._byte_cap_hit:
                    self._xml_failed(exc, at_end=True)
            else:
                self._xml_events()
            self._xml = None
        elif result.kind == "text" and self._text_tail and not self._byte_cap_hit:
            tail, self._text_tail = self._text_tail, b""
            if not self._text_skipping_long_line:
                self._text_line(tail)
        if result.urls_not_read:
            label = "protocol limit" if self.max_urls == PROTOCOL_MAX_URLS else "limit"
            more = "at least " if self._byte_cap_hit or result.truncated else ""
            # The URL cut explains the result better than a byte cap hit while counting.
            result.cut_reason = (
                f"stopped at {self.max_urls} URLs ({label}); "
                f"{more}{result.urls_not_read} more not read"
            )
        if self._invalid_urls:
            examples = ", ".join(repr(e) for e in self._invalid_examples)
            result.errors.append(
                f"skipped {self._invalid_urls} invalid or non-http(s) URLs (e.g. {examples})"
            )
        if self._bad_dates:
            result.errors.append(f"{self._bad_dates} dates could not be parsed (kept raw)")
        if self._bad_changefreq:
            result.errors.append(f"{self._bad_changefreq} invalid changefreq values ignored")
        if self._bad_priority:
            result.errors.append(f"{self._bad_priority} priorities outside 0.0-1.0 ignored")
        self.done = True


def _raw_if_unparsed(raw: str | None, parsed: datetime | None) -> str | None:
    # Keep the source text only when it did not parse, so the common case costs nothing.
    if parsed is not None or raw is None or not raw.strip():
        return None
    return raw.strip()


def _atom_link(entry: etree._Element) -> str | None:
    # Prefer rel="alternate" (or no rel, which means alternate); fall back to any href.
    fallback = None
    for child in entry:
        if _local(child.tag) != "link":
            continue
        href = child.get("href")
        if not href:
            continue
        rel = (child.get("rel") or "alternate").lower()
        if rel == "alternate":
            return href
        fallback = fallback or href
    return fallback


def parse_sitemap(
    chunks: Iterable[bytes],
    *,
    max_urls: int = PROTOCOL_MAX_URLS,
    max_bytes: int = PROTOCOL_MAX_BYTES,
    base_url: str | None = None,
    collect: bool = True,
    on_entry: Callable[[PageEntry | SitemapRef], None] | None = None,
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


# --------------------------------------------------------------------------------------------
# index walking

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
    visited = {normalise_url(root_url)}
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
            key = normalise_url(ref.url)
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
