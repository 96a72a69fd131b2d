"""discover_sitemaps against a real HTTP server on loopback, with the real fetcher."""

from __future__ import annotations

import gzip
import socket

import pytest

from processing.discovery.discover import WELL_KNOWN_PATHS, discover_sitemaps
from processing.errors import PermanentError, TransientError
from processing.fetcher import Fetcher, FetcherConfig, RobotsDisallowedError
from processing.sitemaps.links import homepage_sitemap_links
from tests.processing.sitemaps.sitemaps_server import Route
from tests.processing.sitemaps.sitemaps_testutil import sitemapindex, urlset

HOME = b"<!DOCTYPE html><html><head><title>Home</title></head><body>Hello</body></html>"


def found_urls(result) -> list[tuple[str, str]]:
    return [(f.final_url.split(":", 2)[2].split("/", 1)[1], f.source) for f in result.sitemaps]


def test_robots_absolute_and_relative_sitemap_lines(site, fetcher: Fetcher) -> None:
    base = site.base_url
    site.routes.update(
        {
            "/": HOME,
            "/robots.txt": Route(
                f"User-agent: *\nDisallow: /private\nSitemap: {base}/maps/main.xml\n"
                "sitemap:/maps/news.xml\nSITEMAP :  maps/feed.rss  \n".encode(),
                content_type="text/plain",
            ),
            "/maps/main.xml": urlset([f"{base}/a", f"{base}/b"]),
            "/maps/news.xml": Route(urlset([f"{base}/n"]), content_type="text/html"),
            "/maps/feed.rss": (
                "<rss><channel><item><link>" + base + "/post</link></item></channel></rss>"
            ),
        }
    )
    result = discover_sitemaps("example.com", fetcher, base_url=base)
    assert found_urls(result) == [
        ("maps/main.xml", "robots"),
        ("maps/news.xml", "robots"),
        ("maps/feed.rss", "robots"),
    ]
    main, news, feed = result.sitemaps
    assert (main.kind, main.url_count, main.http_status, main.gzipped) == ("urlset", 2, 200, False)
    assert main.url == f"{base}/maps/main.xml" and main.size == len(site.routes["/maps/main.xml"])
    assert news.kind == "urlset"  # served as text/html, sniffed as a sitemap anyway
    assert (feed.kind, feed.url_count) == ("rss", 1)
    assert result.robots_status == 200
    assert result.homepage_status is None  # robots.txt named the sitemaps: no home page fetch


@pytest.mark.parametrize("path", WELL_KNOWN_PATHS)
def test_each_well_known_path(site, fetcher: Fetcher, path: str) -> None:
    base = site.base_url
    if path.endswith(".txt"):
        body = f"{base}/one\n{base}/two\n".encode()
        kind = "text"
    elif "index" in path or path == "/wp-sitemap.xml":
        body = sitemapindex([f"{base}/post-sitemap.xml", f"{base}/page-sitemap.xml"])
        kind = "index"
    else:
        body = urlset([f"{base}/one", f"{base}/two"])
        kind = "urlset"
    if path.endswith(".gz"):
        body = gzip.compress(body)
    site.routes.update({"/": HOME, path: Route(body, content_type="application/octet-stream")})
    result = discover_sitemaps("example.com", fetcher, base_url=base)
    assert len(result.sitemaps) == 1
    found = result.sitemaps[0]
    assert (found.source, found.kind, found.url_count) == ("well_known", kind, 2)
    assert found.gzipped is path.endswith(".gz")
    assert found.final_url == base + path


def test_homepage_links(site, fetcher: Fetcher) -> None:
    base = site.base_url
    site.routes.update(
        {
            "/": (
                '<html><head><link rel="sitemap" type="application/xml" href="/a-map.xml">'
                "</head><body>"
                '<a href="/pages/SiteMap-pages.xml">Sitemap</a>'
                '<a href="/sitemap.html">Human sitemap</a>'
                '<a href="https://other.example.org/sitemap.xml">elsewhere</a>'
                '<a href="/about">About</a></body></html>'
            ),
            "/a-map.xml": urlset([f"{base}/x"]),
            "/pages/SiteMap-pages.xml": urlset([f"{base}/y", f"{base}/z"]),
            "/sitemap.html": Route(HOME, content_type="text/html"),
        }
    )
    result = discover_sitemaps("127.0.0.1", fetcher, base_url=base)
    assert found_urls(result) == [
        ("a-map.xml", "homepage"),
        ("pages/SiteMap-pages.xml", "homepage"),
    ]
    html_attempt = next(a for a in result.attempts if a.url.endswith("/sitemap.html"))
    # "Human sitemap" is a page for people: its links are the site's pages, not a sitemap.
    assert html_attempt.outcome == "html_sitemap"
    assert not any("other.example.org" in a.url for a in result.attempts)


def test_homepage_links_same_site_only() -> None:
    html = (
        b'<a href="https://www.example.com/sitemap.xml">www</a>'
        b'<a href="https://blog.example.com/sitemap.xml">sub</a>'
        b'<a href="https://example.com.evil.net/sitemap.xml">lookalike</a>'
        b'<a href="https://evil.net/sitemap.xml">other</a>'
        b'<link rel="alternate sitemap" href="/s.xml">'
    )
    links = homepage_sitemap_links(html, "https://example.com/", "example.com")
    assert links == [
        "https://www.example.com/sitemap.xml",
        "https://blog.example.com/sitemap.xml",
        "https://example.com/s.xml",
    ]


def test_soft_404_html_is_not_a_sitemap(site, fetcher: Fetcher) -> None:
    # A CMS answering 200 with its HTML "not found" page for every path.
    page = Route(HOME, content_type="application/xml")
    site.routes.update({"/": HOME, **{p: page for p in WELL_KNOWN_PATHS}})
    result = discover_sitemaps("example.com", fetcher, base_url=site.base_url)
    assert result.sitemaps == []
    outcomes = {a.url.rsplit("/", 1)[1]: (a.outcome, a.detail) for a in result.attempts}
    assert outcomes["sitemap.xml"] == ("not_sitemap", "not a sitemap (body looks like html)")


def test_no_sitemap_anywhere_is_an_empty_result(site, fetcher: Fetcher) -> None:
    site.routes["/"] = HOME
    result = discover_sitemaps("example.com", fetcher, base_url=site.base_url)
    assert result.sitemaps == []
    assert result.robots_status == 404
    assert {a.source for a in result.attempts} == {"well_known"}
    assert all((a.outcome, a.detail) == ("not_found", "HTTP 404") for a in result.attempts)
    assert result.summary() == (
        "no sitemap: no robots.txt (404); 7 well-known paths 404; home page links none; "
        "1 page from the site's links"
    )


def test_duplicates_are_merged_by_final_url(site, fetcher: Fetcher) -> None:
    base = site.base_url
    site.routes.update(
        {
            "/": HOME,
            "/robots.txt": "User-agent: *\nDisallow:\n",
            "/sitemap_index.xml": sitemapindex([f"{base}/post-sitemap.xml"]),
            # /sitemap.xml redirects to the index, which is also a well-known path
            "/sitemap.xml": Route(b"", status=301, headers={"Location": "/sitemap_index.xml"}),
            "/wp-sitemap.xml": Route(b"", status=302, headers={"Location": f"{base}/sitemap.xml"}),
        }
    )
    result = discover_sitemaps("example.com", fetcher, base_url=base)
    assert [(s.final_url.rsplit("/", 1)[1], s.source) for s in result.sitemaps] == [
        ("sitemap_index.xml", "well_known")
    ]
    wp = next(a for a in result.attempts if a.url.endswith("/wp-sitemap.xml"))
    assert wp.outcome == "duplicate" and wp.detail.startswith("duplicate of")


def test_sitemaps_named_by_robots_spare_the_well_known_probes(site, fetcher: Fetcher) -> None:
    base = site.base_url
    site.routes.update(
        {
            "/": HOME,
            "/robots.txt": f"Sitemap: {base}/sitemap_index.xml\n",
            "/sitemap_index.xml": sitemapindex([f"{base}/post-sitemap.xml"]),
        }
    )
    result = discover_sitemaps("example.com", fetcher, base_url=base)
    assert found_urls(result) == [("sitemap_index.xml", "robots")]
    assert not [a for a in result.attempts if a.source == "well_known"]


def test_hostile_candidate_is_dropped(site, fetcher: Fetcher) -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY a "aaaaaaaaaa">]>'
        b"<urlset><url><loc>https://x/&a;</loc></url></urlset>"
    )
    site.routes.update({"/": HOME, "/sitemap.xml": bomb})
    result = discover_sitemaps("example.com", fetcher, base_url=site.base_url)
    assert result.sitemaps == []
    attempt = next(a for a in result.attempts if a.url.endswith("/sitemap.xml"))
    assert attempt.outcome == "entities_refused"
    assert attempt.detail.startswith("rejected: refused: the sitemap's DOCTYPE declares")


def test_https_falls_back_to_http(site, fetcher: Fetcher) -> None:
    # No base_url: https:// is tried first (the plain-HTTP server fails the TLS handshake),
    # then http://.
    site.routes.update({"/": HOME, "/sitemap.xml": urlset([f"{site.base_url}/a"])})
    result = discover_sitemaps(site.host, fetcher)
    assert result.base_url == site.base_url
    assert [f.final_url for f in result.sitemaps] == [f"{site.base_url}/sitemap.xml"]
    assert any(e.startswith("robots.txt: ") for e in result.errors)


def test_unreachable_domain_raises_transient(fetcher: Fetcher) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again below: nothing listens there
    with pytest.raises(TransientError, match=r"could not reach example\.com: "):
        discover_sitemaps("example.com", fetcher, base_url=f"http://127.0.0.1:{port}")


def test_refused_address_raises_permanent(site) -> None:
    strict = Fetcher(FetcherConfig.from_mapping({"RETRIES": 0}))  # loopback not allowed
    try:
        with pytest.raises(PermanentError, match="could not reach example.com: ") as info:
            discover_sitemaps("example.com", strict, base_url=site.base_url)
    finally:
        strict.close()
    assert "loopback" in str(info.value)
    assert site.hits == []  # refused before any request was sent


def test_discovery_reads_robots_once_for_itself_and_the_fetcher(site, fetcher: Fetcher) -> None:
    base = site.base_url
    site.routes.update(
        {
            "/": HOME,
            "/robots.txt": "User-agent: *\nDisallow: /private\n",
            "/sitemap.xml": urlset([f"{base}/a"]),
        }
    )
    discover_sitemaps("example.com", fetcher, base_url=base)
    assert site.hits.count("/robots.txt") == 1
    # The fetcher obeys the robots.txt that discovery handed it.
    with pytest.raises(RobotsDisallowedError):
        fetcher.get(f"{base}/private/page")


class CountingFetcher:
    """The real fetcher, recording every URL asked for."""

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher
        self.urls: list[str] = []

    def get(self, url, **kwargs):
        self.urls.append(url)
        return self.fetcher.get(url, **kwargs)

    def stream(self, url, **kwargs):
        self.urls.append(url)
        return self.fetcher.stream(url, **kwargs)


def test_one_tls_failure_on_https_decides_http_for_the_whole_discovery(site, fetcher) -> None:
    site.routes.update({"/": HOME, "/sitemap.xml": urlset([f"{site.base_url}/a"])})
    counting = CountingFetcher(fetcher)
    result = discover_sitemaps(site.host, counting)
    https = [u for u in counting.urls if u.startswith("https://")]
    # robots.txt once on https; the home page is not asked there again.
    assert https == [f"https://{site.host}/robots.txt"]
    assert result.scheme_notes == ["https failed (TLS failure)"]
    assert result.summary().startswith("1 sitemap found (1 from well-known paths): https failed")


def test_homepage_links_that_say_site_map_in_any_common_language() -> None:
    html = (
        '<footer><a href="/plan/map.xml">Site map</a>'
        '<a href="/fr/plan.xml">Plan du site</a>'
        '<a href="/de/verzeichnis">Seitenübersicht</a>'
        '<a href="/es/mapa">Mapa del sitio</a>'
        '<a href="/it/mappa">Mappa del sito</a>'
        '<a href="/x" title="Sitemap">&#9776;</a>'
        '<a href="/help/site_map">Help</a><a href="/site-map/">Index</a>'
        '<a href="/about">About us</a><a href="/maps">Our map of stores</a></footer>'
    ).encode()
    links = homepage_sitemap_links(html, "https://example.com/", "example.com")
    assert [link.removeprefix("https://example.com") for link in links] == [
        "/plan/map.xml",
        "/fr/plan.xml",
        "/de/verzeichnis",
        "/es/mapa",
        "/it/mappa",
        "/x",
        "/help/site_map",
        "/site-map/",
    ]
