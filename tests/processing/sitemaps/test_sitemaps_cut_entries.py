"""A sitemap cut off inside its last entry yields only the complete entries, in every format.

Each test cuts the document at every byte offset inside the last entry (not a sample: every
position), so it holds whatever lxml/libxml2 the project is installed with: libxml2 2.14 closes
the elements still open when the data ends, older releases do not.
"""

from __future__ import annotations

import gzip

import pytest
from sitemaps_testutil import SM_NS, chunked, sitemapindex, urlset

from processing.sitemaps import parse_sitemap

URLS = [f"https://example.com/page-{i}" for i in range(5)]
CUT_MESSAGE = "1 entry cut off by the end of the data"


def _rss(urls: list[str]) -> bytes:
    items = "".join(f"<item><title>Post</title><link>{u}</link></item>" for u in urls)
    return (
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Blog</title>'
        f"{items}</channel></rss>"
    ).encode()


def _atom(urls: list[str]) -> bytes:
    entries = "".join(
        f'<entry><title>Post</title><link href="{u}"/><updated>2024-05-01</updated></entry>'
        for u in urls
    )
    return (
        f'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>B</title>'
        f"{entries}</feed>"
    ).encode()


def _prefixed(urls: list[str]) -> bytes:
    body = "".join(f"<s:url><s:loc>{u}</s:loc></s:url>" for u in urls)
    return f'<?xml version="1.0"?>\n<s:urlset xmlns:s="{SM_NS}">{body}</s:urlset>'.encode()


XML_FORMATS = {
    "urlset": (urlset, "<url>", "</url>"),
    "index": (sitemapindex, "<sitemap>", "</sitemap>"),
    "rss": (_rss, "<item>", "</item>"),
    "atom": (_atom, "<entry>", "</entry>"),
    "prefixed urlset": (_prefixed, "<s:url>", "</s:url>"),
}


def _urls(result) -> list[str]:
    return [item.url for item in (result.sitemaps or result.entries)]


def _last_entry_span(doc: bytes, opening: str, closing: str) -> range:
    """Every cut position from the end of the last entry's opening tag to just before its end."""
    start = doc.rindex(opening.encode())
    end = doc.rindex(closing.encode()) + len(closing)
    return range(start + len(opening), end)


@pytest.mark.parametrize("name", list(XML_FORMATS))
@pytest.mark.parametrize("chunk", [7, 64 * 1024])
def test_xml_cut_inside_the_last_entry_drops_it_and_says_so(name: str, chunk: int) -> None:
    build, opening, closing = XML_FORMATS[name]
    doc = build(URLS)
    for cut in _last_entry_span(doc, opening, closing):
        result = parse_sitemap(chunked(doc[:cut], chunk))
        assert _urls(result) == URLS[:-1], (name, cut, doc[:cut][-40:])
        assert result.truncated, (name, cut)
        assert CUT_MESSAGE in result.errors, (name, cut, result.errors)


@pytest.mark.parametrize("name", list(XML_FORMATS))
def test_xml_cut_by_the_byte_cap_inside_the_last_entry_drops_it(name: str) -> None:
    build, opening, closing = XML_FORMATS[name]
    doc = build(URLS)
    for cut in _last_entry_span(doc, opening, closing):
        result = parse_sitemap(chunked(doc, 64), max_bytes=cut)
        assert _urls(result) == URLS[:-1], (name, cut)
        assert result.cut_reason and "decompressed-size cap" in result.cut_reason
        assert CUT_MESSAGE in result.errors, (name, cut, result.errors)


@pytest.mark.parametrize("name", list(XML_FORMATS))
def test_xml_cut_between_entries_loses_nothing_and_counts_nothing(name: str) -> None:
    build, _opening, closing = XML_FORMATS[name]
    doc = build(URLS)
    cut = doc.rindex(closing.encode()) + len(closing)
    result = parse_sitemap([doc[:cut]])
    assert _urls(result) == URLS
    assert result.truncated  # the document itself is unfinished
    assert not any("cut off" in line for line in result.errors)


@pytest.mark.parametrize("name", list(XML_FORMATS))
def test_gzip_cut_mid_member_inside_the_last_entry_drops_it(name: str) -> None:
    build, opening, closing = XML_FORMATS[name]
    doc = build(URLS)
    for cut in _last_entry_span(doc, opening, closing):
        # A gzip member cut right after the bytes of the cut document: the inflater sees
        # the compressed stream end early, the XML parser sees the document end early.
        compressed = gzip.compress(doc)
        flushed = _gzip_prefix_ending_at(doc, cut)
        assert len(flushed) < len(compressed)
        result = parse_sitemap(chunked(flushed, 50))
        assert result.gzipped
        assert _urls(result) == URLS[:-1], (name, cut)
        assert "gzip stream ended early (file cut off)" in result.errors
        assert CUT_MESSAGE in result.errors, (name, cut, result.errors)


def _gzip_prefix_ending_at(doc: bytes, cut: int) -> bytes:
    """The bytes of a gzip stream of ``doc`` that decompress to exactly ``doc[:cut]``."""
    import zlib

    compressor = zlib.compressobj(wbits=31)
    head = compressor.compress(doc[:cut]) + compressor.flush(zlib.Z_SYNC_FLUSH)
    return head  # no final block, no trailer: the member is cut


def _text(urls: list[str]) -> bytes:
    return "".join(f"{u}\n" for u in urls).encode()


def test_text_cut_by_the_byte_cap_inside_the_last_line_drops_it() -> None:
    doc = _text(URLS)
    start = doc.rindex(URLS[-1].encode())
    for cut in range(start + 1, len(doc) - 1):
        result = parse_sitemap(chunked(doc, 16), max_bytes=cut)
        assert _urls(result) == URLS[:-1], cut
        assert CUT_MESSAGE in result.errors, (cut, result.errors)


def test_text_gzip_cut_mid_member_inside_the_last_line_drops_it() -> None:
    doc = _text(URLS)
    start = doc.rindex(URLS[-1].encode())
    for cut in range(start + 1, len(doc) - 1):
        result = parse_sitemap([_gzip_prefix_ending_at(doc, cut)])
        assert result.gzipped and result.kind == "text"
        assert _urls(result) == URLS[:-1], cut
        assert CUT_MESSAGE in result.errors, (cut, result.errors)


def test_text_without_a_final_newline_keeps_its_last_line() -> None:
    doc = _text(URLS).rstrip(b"\n")
    assert _urls(parse_sitemap([doc])) == URLS
    assert _urls(parse_sitemap([gzip.compress(doc)])) == URLS
