"""Hostile and broken input: entity bombs, XXE, gzip bombs, truncation, limits, garbage."""

from __future__ import annotations

import gzip
import os
import time
import tracemalloc
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sitemaps_testutil import SM_NS, big_urlset_lines, chunked, urlset

from processing.errors import PermanentError
from processing.sitemaps import NotASitemapError, UnsafeXMLError, parse_sitemap

MB = 1024 * 1024

BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE urlset [\n <!ENTITY lol "lol">\n'
    + b"".join(
        b' <!ENTITY lol%d "%s">\n' % (i, (b"&lol%s;" % (b"" if i == 1 else b"%d" % (i - 1))) * 10)
        for i in range(1, 10)
    )
    + b']>\n<urlset xmlns="'
    + SM_NS.encode()
    + b'"><url><loc>https://example.com/&lol9;</loc></url></urlset>'
)


def test_billion_laughs_is_refused_quickly() -> None:
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(UnsafeXMLError, match="declares XML entities") as info:
            parse_sitemap(chunked(BILLION_LAUGHS, 100))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 1.0
    assert peak < 2 * MB
    assert isinstance(info.value, PermanentError)  # never retried


def test_billion_laughs_in_utf16_is_refused_too() -> None:
    with pytest.raises(UnsafeXMLError):
        parse_sitemap([BILLION_LAUGHS.decode().encode("utf-16")])


def test_xxe_external_entity_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    for target in ("file:///etc/passwd", secret.as_uri()):
        doc = (
            f'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY xxe SYSTEM "{target}">]>'
            f'<urlset xmlns="{SM_NS}"><url><loc>https://example.com/&xxe;</loc></url></urlset>'
        ).encode()
        with pytest.raises(UnsafeXMLError) as info:
            parse_sitemap([doc])
        assert "root:" not in str(info.value) and "TOP-SECRET" not in str(info.value)


def test_xxe_parameter_entity_is_refused(tmp_path: Path) -> None:
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY leak "TOP-SECRET-CONTENT">')
    doc = (
        f'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY % ext SYSTEM "{dtd.as_uri()}"> %ext;]>'
        f'<urlset xmlns="{SM_NS}"><url><loc>https://example.com/&leak;</loc></url></urlset>'
    ).encode()
    with pytest.raises(UnsafeXMLError):
        parse_sitemap([doc])


def test_external_dtd_without_internal_subset_is_not_loaded(tmp_path: Path) -> None:
    # No internal subset, so the prolog check lets it through; load_dtd=False and
    # resolve_entities=False must then keep the file (and its entity) out of the result.
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY leak "TOP-SECRET-CONTENT">')
    doc = (
        f'<?xml version="1.0"?><!DOCTYPE urlset SYSTEM "{dtd.as_uri()}">'
        f'<urlset xmlns="{SM_NS}"><url><loc>https://example.com/a&leak;</loc></url>'
        f"<url><loc>https://example.com/b</loc></url></urlset>"
    ).encode()
    result = parse_sitemap([doc])
    text = repr(result)
    assert "TOP-SECRET" not in text
    assert "https://example.com/b" in [e.url for e in result.entries]


def _gzip_stream(prefix: bytes, filler: bytes, total: int) -> Iterator[bytes]:
    """Lazily gzip ``prefix`` + ``filler`` repeated up to ``total`` bytes, as a server would."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31 = gzip container
    yield compressor.compress(prefix)
    block = filler * (MB // len(filler))
    sent = len(prefix)
    while sent < total:
        out = compressor.compress(block)
        sent += len(block)
        if out:
            yield out
    yield compressor.flush()


def test_gzip_bomb_of_markup_stops_at_the_uncompressed_cap() -> None:
    # 1 GB of comments inside <urlset> is well-formed XML (and, unlike one giant text node,
    # not stopped by libxml2's own limits), so only our byte cap can stop it.
    # The generator is lazy: if the parser read to the end, this test would take minutes.
    pulled = 0

    def stream() -> Iterator[bytes]:
        nonlocal pulled
        for chunk in _gzip_stream(
            f'<urlset xmlns="{SM_NS}">'.encode(), b"<!-- bomb -->\n", 1024 * MB
        ):
            pulled += len(chunk)
            yield chunk

    tracemalloc.start()
    started = time.monotonic()
    try:
        result = parse_sitemap(stream(), max_bytes=50 * MB)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.gzipped and result.kind == "urlset"
    assert result.cut_reason == "stopped at the 50 MB decompressed-size cap"
    assert result.uncompressed_bytes == 50 * MB
    assert result.bytes_read == pulled < 200 * 1024  # ~1000:1 ratio, stopped early
    # The inflater hands over at most 64 KB at a time; the peak is a few slices, not 50 MB.
    assert peak < 4 * MB, peak
    assert time.monotonic() - started < 20


class _CutBody:
    """A body the transport cut at its cap (as fetch_sitemap_chunks reports it)."""

    cut_reason = "stopped at the 1 MB decompressed-size cap"

    def __init__(self, data: bytes) -> None:
        self.data = data

    def __iter__(self) -> Iterator[bytes]:
        return iter(chunked(self.data, 4096))


def test_a_body_cut_by_the_transport_reads_as_its_cap() -> None:
    urls = "".join(f"<url><loc>https://a.example/{i}</loc></url>" for i in range(40_000))
    urlset_text = f'<?xml version="1.0"?><urlset xmlns="{SM_NS}">{urls}</urlset>'
    cut = urlset_text.encode()[: 1024 * 1024]
    result = parse_sitemap(_CutBody(cut))
    assert result.cut_reason == "stopped at the 1 MB decompressed-size cap"
    assert not result.truncated
    assert result.url_count > 20_000


def test_gzip_bomb_of_zeros_is_rejected_after_sniffing() -> None:
    pulled = 0

    def stream() -> Iterator[bytes]:
        nonlocal pulled
        for chunk in _gzip_stream(b"", b"\x00", 1024 * MB):
            pulled += len(chunk)
            yield chunk

    tracemalloc.start()
    try:
        with pytest.raises(NotASitemapError):
            parse_sitemap(stream())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert pulled < 100 * 1024
    assert peak < 4 * MB


def test_element_flood_is_stopped_by_the_element_budget() -> None:
    # Every element costs Python work, so "<x/>" * 13 million (50 MB) would take minutes;
    # the budget (30 elements per allowed URL, at least 100k) stops it early.
    result = parse_sitemap(
        _gzip_stream(f'<urlset xmlns="{SM_NS}">'.encode(), b"<x/>", 1024 * MB), max_urls=100
    )
    assert result.cut_reason == "stopped after 100000 XML elements (far more than the URLs need)"
    assert result.uncompressed_bytes < 2 * MB


def test_gzip_bomb_of_one_text_node_is_stopped_by_libxml2() -> None:
    # huge_tree=False: libxml2 refuses a text node over 10 MB long before 1 GB is inflated.
    result = parse_sitemap(_gzip_stream(f'<urlset xmlns="{SM_NS}">'.encode(), b" ", 1024 * MB))
    assert result.uncompressed_bytes < 50 * MB
    # A cap, worded as one (it used to read as an XML error).
    assert result.cut_reason == "stopped at the XML parser's 10 MB text-node cap at line 1"
    assert not result.truncated and result.errors == []


def test_gzip_cut_off_returns_what_was_read() -> None:
    data = gzip.compress(urlset([f"https://example.com/{i}" for i in range(5000)]))
    result = parse_sitemap(chunked(data[: len(data) // 2], 1000))
    assert result.truncated
    assert 0 < result.url_count < 5000
    assert any("gzip stream ended early" in e for e in result.errors)


def test_corrupt_gzip_is_reported() -> None:
    data = bytearray(gzip.compress(urlset([f"https://example.com/{i}" for i in range(5000)])))
    data[len(data) // 2 : len(data) // 2 + 50] = b"\xff" * 50
    result = parse_sitemap(chunked(bytes(data), 1000))
    # Depending on where the damage lands, zlib or the XML parser notices first.
    assert result.truncated and result.errors
    assert result.url_count < 5000


def test_truncated_xml_returns_what_was_read() -> None:
    doc = urlset([f"https://example.com/{i}" for i in range(100)])
    cut = doc.index(b"https://example.com/60<") + 10
    result = parse_sitemap(chunked(doc[:cut], 100))
    assert result.kind == "urlset"
    assert result.truncated
    assert result.url_count == 60
    assert result.entries[-1].url == "https://example.com/59"
    assert result.errors[0].startswith("XML ended early at line 2: ")
    assert result.errors[1:] == ["1 entry cut off by the end of the data"]


def test_syntax_error_mid_file_keeps_earlier_entries() -> None:
    doc = urlset(["https://example.com/1", "https://example.com/2"]) + b""
    doc = doc.replace(b"</urlset>", b"<url><loc>x</lo></url><url><loc>https://e.com/9</loc></url>")
    result = parse_sitemap([doc])
    assert [e.url for e in result.entries] == ["https://example.com/1", "https://example.com/2"]
    assert result.truncated
    assert result.errors[0].startswith("XML error at line 2: ")


def test_max_urls_cut_with_reason() -> None:
    result = parse_sitemap(big_urlset_lines(50_001))
    assert result.url_count == 50_000 == len(result.entries)
    assert result.entries[-1].url == "https://example.com/products/item-0049999"
    assert result.urls_not_read == 1
    assert result.cut_reason == "stopped at 50000 URLs (protocol limit); 1 more not read"
    assert not result.truncated


def test_small_custom_limits() -> None:
    doc = urlset([f"https://example.com/{i}" for i in range(30)])
    by_count = parse_sitemap([doc], max_urls=10)
    assert by_count.cut_reason == "stopped at 10 URLs (limit); 20 more not read"
    by_bytes = parse_sitemap(chunked(doc, 64), max_bytes=1024)
    assert by_bytes.cut_reason == "stopped at the 1 KB decompressed-size cap"
    assert by_bytes.uncompressed_bytes == 1024
    assert 0 < by_bytes.url_count < 30
    text = b"\n".join(f"https://example.com/{i}".encode() for i in range(30))
    text_cut = parse_sitemap([text], max_urls=5)
    assert text_cut.url_count == 5 and text_cut.urls_not_read == 25


def test_html_served_as_sitemap_is_rejected() -> None:
    page = (
        b"<!DOCTYPE html>\n<html><head><title>Page not found</title></head>"
        b"<body><a href='https://example.com/'>home</a></body></html>"
    )
    with pytest.raises(NotASitemapError, match="HTML page"):
        parse_sitemap([page])
    xhtml = b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'
    with pytest.raises(NotASitemapError, match="HTML page"):
        parse_sitemap([xhtml])


@pytest.mark.parametrize(
    "body",
    [
        os.urandom(4096),
        b"\x00\x01\x02garbage" * 100,
        b"just some words\nand more words\n",
        b'{"json": "not a sitemap"}',
        b"<?xml version='1.0'?><unknownroot><a/></unknownroot>",
        b"",
        b"   \n\n  ",
    ],
)
def test_garbage_is_not_a_sitemap(body: bytes) -> None:
    with pytest.raises(NotASitemapError):
        parse_sitemap(chunked(body, 100))


def test_unknown_encoding_declaration_is_an_error_not_a_crash() -> None:
    doc = urlset(["https://example.com/a"]).replace(b"UTF-8", b"X-NOT-A-CODEC")
    result = parse_sitemap([doc])
    assert result.truncated and result.url_count == 0
    assert result.errors[0].startswith("XML error at line 1")


def test_invalid_utf8_bytes_in_declared_utf8() -> None:
    doc = urlset(["https://example.com/ok", "https://example.com/bad-\xff"]).replace(
        "bad-\xff".encode(), b"bad-\xff"
    )
    result = parse_sitemap([doc])
    assert [e.url for e in result.entries] == ["https://example.com/ok"]
    assert result.truncated and "XML error" in result.errors[0]


def _vm_hwm_kb() -> int | None:
    """Peak resident memory of this process (Linux), None where unavailable."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _reset_vm_hwm() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")  # "5" resets the peak RSS counter (Linux >= 4.0)
        return True
    except OSError:
        return False


def test_memory_stays_flat_on_a_50k_url_file(tmp_path: Path) -> None:
    # The 50k-URL file (~5.9 MB) is written to disk and streamed back in 64 KB reads.
    path = tmp_path / "big.xml"
    with path.open("wb") as out:
        for chunk in big_urlset_lines(50_000):
            out.write(chunk)
    size = path.stat().st_size
    assert size > 5 * MB

    def read() -> Iterator[bytes]:
        with path.open("rb") as handle:
            while chunk := handle.read(64 * 1024):
                yield chunk

    # 1) Counting only (collect=False): Python-side memory must not depend on the URL count.
    # tracemalloc sees Python objects only; the bound (2 MB) is far below the file size, so
    # neither the text nor a list of entries can be held.
    count = 0

    def on_entry(_item: object) -> None:
        nonlocal count
        count += 1

    tracemalloc.start()
    try:
        result = parse_sitemap(read(), collect=False, on_entry=on_entry)
        _, peak_streaming = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == result.url_count == 50_000
    assert peak_streaming < 2 * MB, peak_streaming

    # 2) Collecting: the result itself holds 50k PageEntry objects (~80-byte slotted object +
    # ~90-byte URL string + 48-byte datetime, ~230 bytes each = ~11.5 MB). Bounded at 30 MB:
    # a leaked tree or buffered document would add the element tree on top and exceed it.
    tracemalloc.start()
    try:
        result = parse_sitemap(read())
        _, peak_collect = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(result.entries) == 50_000 and result.cut_reason is None
    assert peak_collect < 30 * MB, peak_collect
    del result

    # 3) libxml2's own memory is invisible to tracemalloc; check peak RSS where Linux lets us
    # reset it. An uncleared lxml tree of 50k <url> elements costs well over 40 MB.
    if not _reset_vm_hwm():
        pytest.skip("cannot reset VmHWM here; tracemalloc bounds above still hold")
    baseline = _vm_hwm_kb()
    assert baseline is not None
    parse_sitemap(read(), collect=False)
    grown_kb = (_vm_hwm_kb() or 0) - baseline
    assert grown_kb < 20 * 1024, f"peak RSS grew by {grown_kb} KB"
