"""Every sitemap format the streaming parser reads, and the values it normalises."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sitemaps_testutil import SM_NS, chunked, sitemapindex, urlset

from processing.sitemaps import PageEntry, SitemapRef, SitemapStreamParser, parse_sitemap
from processing.sitemaps.values import parse_lastmod


def parse(data: bytes, size: int = 7, **kwargs):
    # Tiny chunks prove nothing depends on a tag arriving in one piece.
    return parse_sitemap(chunked(data, size), **kwargs)


def test_urlset_with_namespace_and_all_fields() -> None:
    doc = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="{SM_NS}" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url>
    <loc>
      https://example.com/a
    </loc>
    <lastmod>2024-03-05T10:20:30+02:00</lastmod>
    <changefreq> Weekly </changefreq>
    <priority>0.8</priority>
    <image:image><image:loc>https://example.com/a.png</image:loc></image:image>
  </url>
  <url><loc>https://example.com/b</loc><lastmod>2024-03-05</lastmod></url>
  <url><loc>https://example.com/c</loc><lastmod>yesterday</lastmod>
       <changefreq>sometimes</changefreq><priority>1.5</priority></url>
</urlset>""".encode()
    result = parse(doc)
    assert result.kind == "urlset"
    assert not result.gzipped and not result.truncated and result.cut_reason is None
    assert result.url_count == 3
    a, b, c = result.entries
    assert a == PageEntry(
        "https://example.com/a",
        datetime(2024, 3, 5, 10, 20, 30, tzinfo=timezone(timedelta(hours=2))),
        "weekly",
        0.8,
    )
    assert b.lastmod == datetime(2024, 3, 5, tzinfo=UTC) and b.changefreq is None
    # Invalid values are dropped, the unparseable date is kept raw, and all are reported.
    assert c.lastmod is None and c.lastmod_raw == "yesterday"
    assert c.changefreq is None and c.priority is None
    assert any("dates could not be parsed" in e for e in result.errors)
    assert any("changefreq" in e for e in result.errors)
    assert any("priorities" in e for e in result.errors)
    assert result.bytes_read == len(doc) == result.uncompressed_bytes


def test_urlset_without_namespace_and_with_odd_namespace() -> None:
    plain = parse(urlset(["https://example.com/x"], ns=None))
    odd = parse(urlset(["https://example.com/y"], ns="http://www.google.com/schemas/sitemap/0.84"))
    prefixed = parse(
        b'<?xml version="1.0"?><sm:urlset xmlns:sm="urn:whatever"><sm:url>'
        b"<sm:loc>https://example.com/z</sm:loc></sm:url></sm:urlset>"
    )
    assert [e.url for e in plain.entries] == ["https://example.com/x"]
    assert [e.url for e in odd.entries] == ["https://example.com/y"]
    assert prefixed.kind == "urlset" and [e.url for e in prefixed.entries] == [
        "https://example.com/z"
    ]


def test_sitemap_index() -> None:
    doc = sitemapindex(["https://example.com/s1.xml", "https://example.com/s2.xml.gz"])
    doc = doc.replace(
        b"<loc>https://example.com/s1.xml</loc>",
        b"<loc>https://example.com/s1.xml</loc><lastmod>2023-12-31T23:59Z</lastmod>",
    )
    result = parse(doc)
    assert result.kind == "index"
    assert result.entries == []
    assert result.sitemaps == [
        SitemapRef("https://example.com/s1.xml", datetime(2023, 12, 31, 23, 59, tzinfo=UTC)),
        SitemapRef("https://example.com/s2.xml.gz", None),
    ]
    assert result.url_count == 2


@pytest.mark.parametrize("chunk_size", [1, 3, 1000, 1 << 20])
def test_gzip_detected_by_magic_and_inflated_incrementally(chunk_size: int) -> None:
    urls = [f"https://example.com/p{i}" for i in range(2000)]
    data = gzip.compress(urlset(urls))
    result = parse_sitemap(chunked(data, chunk_size))
    assert result.gzipped and result.kind == "urlset"
    assert [e.url for e in result.entries] == urls
    assert result.bytes_read == len(data)
    assert result.uncompressed_bytes == len(urlset(urls))


def test_concatenated_gzip_members_are_read() -> None:
    doc = urlset(["https://example.com/1", "https://example.com/2"])
    data = gzip.compress(doc[:100]) + gzip.compress(doc[100:])
    result = parse(data, 50)
    assert [e.url for e in result.entries] == ["https://example.com/1", "https://example.com/2"]


def test_plain_text_sitemap_skips_junk_lines() -> None:
    doc = (
        b"\xef\xbb\xbfhttps://example.com/a\r\n"
        b"  https://example.com/b  \n"
        b"\n# comment\n"
        b"not a url\n"
        b"ftp://example.com/file\n"
        b"javascript:alert(1)\n"
        b"https://example.com/caf\xc3\xa9\n"
        b"https://example.com/last-without-newline"
    )
    result = parse(doc, 5)
    assert result.kind == "text"
    assert [e.url for e in result.entries] == [
        "https://example.com/a",
        "https://example.com/b",
        "https://example.com/café",
        "https://example.com/last-without-newline",
    ]
    assert any("skipped 3 invalid" in e for e in result.errors)


def test_rss_feed() -> None:
    doc = b"""<?xml version="1.0"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>News</title><link>https://example.com/</link>
<atom:link href="https://example.com/feed" rel="self"/>
<item><title>One</title><atom:link href="https://example.com/x" rel="self"/>
<link>https://example.com/news/one</link><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate></item>
<item><title>Two</title><link> https://example.com/news/two </link><pubDate>soon</pubDate></item>
</channel></rss>"""
    result = parse(doc)
    assert result.kind == "rss"
    one, two = result.entries
    assert one.url == "https://example.com/news/one"
    assert one.lastmod == datetime(2003, 6, 10, 4, tzinfo=UTC)
    assert two.url == "https://example.com/news/two" and two.lastmod_raw == "soon"


def test_rss_1_rdf_feed() -> None:
    doc = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://example.com/"><title>t</title><link>https://example.com/</link></channel>
<item rdf:about="https://example.com/a"><link>https://example.com/a</link>
<dc:date>2024-01-01T00:00:00Z</dc:date></item>
</rdf:RDF>"""
    result = parse(doc)
    assert result.kind == "rss"
    assert [(e.url, e.lastmod) for e in result.entries] == [
        ("https://example.com/a", datetime(2024, 1, 1, tzinfo=UTC))
    ]


def test_atom_feed() -> None:
    doc = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<link href="https://example.com/"/>
<entry><title>A</title><link rel="edit" href="https://example.com/edit/a"/>
<link rel="alternate" type="text/html" href="https://example.com/a"/>
<updated>2024-02-03T04:05:06.789Z</updated></entry>
<entry><title>B</title><link href="/b"/><published>2024-02-01T00:00:00-05:00</published></entry>
</feed>"""
    result = parse(doc, base_url="https://example.com/feed.atom")
    assert result.kind == "atom"
    a, b = result.entries
    assert a.url == "https://example.com/a"
    assert a.lastmod == datetime(2024, 2, 3, 4, 5, 6, 789000, tzinfo=UTC)
    assert b.url == "https://example.com/b"
    assert b.lastmod == datetime(2024, 2, 1, 5, tzinfo=UTC)


def test_iso_8859_1_declared_encoding() -> None:
    doc = (
        '<?xml version="1.0" encoding="ISO-8859-1"?>'
        f'<urlset xmlns="{SM_NS}"><url><loc>https://example.com/caf\xe9-m\xfcller</loc></url>'
        "</urlset>"
    ).encode("latin-1")
    assert b"\xe9" in doc  # really not UTF-8
    result = parse(doc)
    assert [e.url for e in result.entries] == ["https://example.com/café-müller"]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    text = (
        '<?xml version="1.0" encoding="UTF-16"?>'
        f'<urlset xmlns="{SM_NS}"><url><loc>https://example.com/\u00fcber</loc></url>'
        "<url><loc>https://example.com/\u65e5\u672c</loc></url></urlset>"
    )
    data = text.encode(codec)
    if codec != "utf-16":
        data = ("\ufeff" + text).encode(codec)  # explicit BOM in the chosen byte order
    result = parse(data, 3)
    assert result.kind == "urlset"
    assert [e.url for e in result.entries] == [
        "https://example.com/über",
        "https://example.com/日本",
    ]


def test_relative_and_non_http_locs() -> None:
    doc = urlset(
        [
            "/relative/page",
            "mailto:someone@example.com",
            "javascript:void(0)",
            "https://example.com/ok",
            "http://",
            "",
            "https://exa mple.com/space",
        ]
    )
    resolved = parse(doc, base_url="https://example.com/sitemap.xml")
    assert [e.url for e in resolved.entries] == [
        "https://example.com/relative/page",
        "https://example.com/ok",
    ]
    assert any("skipped 5 invalid" in e for e in resolved.errors)
    unresolved = parse(doc)  # no base URL: relative locs cannot be placed, so they are skipped
    assert [e.url for e in unresolved.entries] == ["https://example.com/ok"]


def test_push_parser_yields_entries_as_they_complete() -> None:
    parser = SitemapStreamParser(collect=False)
    doc = urlset([f"https://example.com/{i}" for i in range(100)])
    seen: list[str] = []
    for chunk in chunked(doc, 512):
        seen += [item.url for item in parser.feed(chunk)]
    seen += [item.url for item in parser.finish()]
    result = parser.close()
    assert len(seen) == 100 and result.url_count == 100
    assert result.entries == []  # collect=False keeps nothing


def test_on_entry_callback_streams_without_collecting() -> None:
    got: list[str] = []
    doc = urlset([f"https://example.com/{i}" for i in range(10)])
    result = parse_sitemap([doc], collect=False, on_entry=lambda item: got.append(item.url))
    assert len(got) == 10 and result.entries == [] and result.url_count == 10


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024", datetime(2024, 1, 1, tzinfo=UTC)),
        ("2024-07", datetime(2024, 7, 1, tzinfo=UTC)),
        ("2024-07-16T19:20+01:00", datetime(2024, 7, 16, 18, 20, tzinfo=UTC)),
        ("2024-07-16T19:20:30.45+0100", datetime(2024, 7, 16, 18, 20, 30, 450000, tzinfo=UTC)),
        ("2024-07-16 19:20:30", datetime(2024, 7, 16, 19, 20, 30, tzinfo=UTC)),
        ("Mon, 01 Jan 2024 10:00:00 +0000", datetime(2024, 1, 1, 10, tzinfo=UTC)),
        ("2024-13-45", None),
        ("0000-00-00", None),
        ("", None),
        ("next tuesday", None),
    ],
)
def test_lastmod_parsing(raw: str, expected: datetime | None) -> None:
    value = parse_lastmod(raw)
    assert value == expected
    if value is not None:
        assert value.tzinfo is not None
