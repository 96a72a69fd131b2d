"""XML sitemaps (urlset, index, RSS, Atom) read record by record, entities refused, memory flat."""

from __future__ import annotations

import re
from datetime import datetime

from lxml import etree

from processing.sitemaps.collector import Collector
from processing.sitemaps.errors import UnsafeXMLError
from processing.sitemaps.results import PageEntry, SitemapRef
from processing.sitemaps.sniff import Kind
from processing.sitemaps.values import parse_changefreq, parse_priority

# Element budget per allowed URL before the parser gives up on a file (see _events).
_ELEMENTS_PER_URL = 30

_ENTITY_DECL = re.compile(r"<!ENTITY", re.IGNORECASE)
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^>\[]*\[", re.IGNORECASE)

_RECORDS = frozenset({"url", "sitemap", "item", "entry"})

# How much of the input's end is kept to tell whether the data ended inside a record.
_TAIL_BYTES = 16 * 1024
_RECORD_OPEN = re.compile(rb"<(?:[\w.-]+:)?(?:url|sitemap|item|entry)[\s>/]", re.IGNORECASE)
_RECORD_CLOSE = re.compile(rb"</(?:[\w.-]+:)?(?:url|sitemap|item|entry)\s*>", re.IGNORECASE)

_LOCAL_NAMES: dict[str, str] = {}


def check_prolog(text: str) -> None:
    """Refuse DTD internal subsets that declare entities (billion laughs, XXE)."""
    subset = _DOCTYPE_SUBSET.search(text)
    if subset and _ENTITY_DECL.search(text, subset.end()):
        raise UnsafeXMLError(
            "refused: the sitemap's DOCTYPE declares XML entities "
            "(entity-expansion / external-entity attack); nothing was parsed"
        )


class XmlReader:
    """Feed decompressed bytes; each finished record goes to the collector and is freed.

    ``prefix`` is the decoded start of the file the sniffer saw: a DOCTYPE that declares
    entities raises :class:`UnsafeXMLError` before anything is parsed.
    """

    def __init__(self, sink: Collector, kind: Kind, prefix: str) -> None:
        check_prolog(prefix)
        self._sink = sink
        self._kind = kind
        self._url = sink.url
        self._date = sink.date
        self._emit = sink.emit
        self._elements = 0
        self._tail = b""
        # Real sitemaps use ~5 elements per URL (up to ~20 with image/video/news extensions).
        self._max_elements = max(100_000, _ELEMENTS_PER_URL * sink.max_urls)
        self._parser: etree.XMLPullParser | None = etree.XMLPullParser(
            # "end" only: start events would double the per-element Python work.
            events=("end",),
            # Defence in depth behind check_prolog: never expand, fetch or validate.
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            dtd_validation=False,
            # Comments/PIs would pile up in the tree (they get no events we clear on).
            remove_comments=True,
            remove_pis=True,
        )

    def feed(self, data: bytes) -> None:
        if self._parser is None:
            return
        self._tail = (self._tail + data)[-_TAIL_BYTES:]
        try:
            self._parser.feed(data)
        except etree.XMLSyntaxError as exc:
            self._events()
            self._failed(exc, at_end=False)
            return
        self._events()

    def close(self, *, byte_cap_hit: bool) -> None:
        """End of input; an error at the end is not the file's when a byte cap cut it.

        When the data ends inside a record, only the records closed before the end count.
        libxml2 2.14 and newer close every element still open when ``close()`` fails, so lxml
        reports end events for a ``<url>`` whose ``<loc>`` was cut (``https://ex``); older
        releases report none. Either way the events that arrive with a failing close are the
        parser's, not the file's: they are freed, never emitted, and the record they cut off
        is counted.
        """
        if self._parser is None:
            return
        try:
            self._parser.close()
        except etree.XMLSyntaxError as exc:
            self._cut_off()
            if not byte_cap_hit:
                self._failed(exc, at_end=True)
        else:
            self._events()
        self._parser = None

    def _cut_off(self) -> None:
        """Drop the elements a failing close closed; count the record the data ended in."""
        assert self._parser is not None
        closed_records = sum(
            1 for _event, element in self._parser.read_events() if _local(element.tag) in _RECORDS
        )
        self.count_cut_record(closed_records)

    def count_cut_record(self, closed_records: int = 0) -> None:
        """The data ends here (a failing close, or the byte cap): count a record it ends in."""
        tail = self._tail
        closes = list(_RECORD_CLOSE.finditer(tail))
        opened = _RECORD_OPEN.search(tail, closes[-1].end() if closes else 0)
        if closed_records or opened is not None:
            self._sink.cut_entries += 1

    def stop(self) -> None:
        self._sink.done = True
        self._parser = None  # free the libxml2 context now, not at garbage collection

    def _events(self) -> None:
        assert self._parser is not None
        for _event, element in self._parser.read_events():
            if self._sink.done:
                break
            self._elements += 1
            if self._elements > self._max_elements:
                # Each element costs Python time: 50 MB of "<x/>" would take minutes.
                self._sink.set_cut(
                    f"stopped after {self._max_elements} XML elements (far more than the URLs need)"
                )
                self.stop()
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
        kind = self._kind
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
                self._sink.bad_changefreq += 1
            priority_raw = fields.get("priority")
            priority = parse_priority(priority_raw)
            if priority_raw is not None and priority is None and priority_raw.strip():
                self._sink.bad_priority += 1
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

    def _failed(self, exc: etree.XMLSyntaxError, *, at_end: bool) -> None:
        line = exc.lineno if exc.lineno else "?"
        message = str(exc.msg if hasattr(exc, "msg") and exc.msg else exc).split(", line")[0]
        if "amplification" in message:
            message = f"{message} (entities are never expanded)"
        if "Resource limit exceeded" in message:
            # libxml2's own cap on one text node (10 MB without huge_tree): a cap, not a
            # broken file. A whitespace gzip bomb ends here.
            self._sink.set_cut(f"stopped at the XML parser's 10 MB text-node cap at line {line}")
            self.stop()
            return
        prefix = "XML ended early" if at_end else "XML error"
        self._sink.note_truncated(f"{prefix} at line {line}: {message}")
        self.stop()


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
