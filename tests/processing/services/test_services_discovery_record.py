"""Each hostile site ends in a state whose status and text say what happened (issue 12)."""

from __future__ import annotations

import gzip

import pytest
from hostile_web import Answer, HostileWeb

from curation.models import Domain, Page, SitemapFile
from curation.services import set_curation_status
from processing.engine.runner import run_consumer
from processing.fetcher import get_fetcher
from scrapersky.workflows import Knobs

pytestmark = pytest.mark.django_db(transaction=True)

ONE_ATTEMPT = Knobs(max_attempts=1)
HTML = "text/html; charset=utf-8"
NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def urlset(urls: list[str]) -> str:
    items = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    return f'<?xml version="1.0"?><urlset {NS}>{items}</urlset>'


def page(body: str) -> Answer:
    return Answer(f"<!doctype html><html><body>{body}</body></html>", content_type=HTML)


CONTACT = page("<h1>Contact</h1><p>Call (541) 555-0188 or mail desk@footer-map.demo</p>")
ENTITIES = (
    '<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY a "aaaaaaaaaa">'
    '<!ENTITY b "&a;&a;&a;&a;">]>'
    f"<urlset {NS}><url><loc>http://entities.demo/&b;</loc></url></urlset>"
)
# 60 MB of XML whitespace in 60 KB of gzip, served with Content-Encoding: the fetcher inflates
# it and stops at the 50 MB cap.
BOMB = gzip.compress(
    f'<?xml version="1.0"?><urlset {NS}><url><loc>http://bomb.demo/a</loc></url>'.encode()
    + (b" " * (1024 * 1024) + b"<x/>") * 60,
    compresslevel=9,
)

WEB = {
    "allfail.demo": {"*": Answer("oops", status=500, content_type="text/plain")},
    "loop.demo": {
        "/robots.txt": Answer("Sitemap: http://loop.demo/sitemap.xml\n", content_type="text/plain"),
        "/": page("<h1>Loop</h1>"),
        "/sitemap.xml": Answer(status=302, headers={"Location": "/sitemap-a.xml"}),
        "/sitemap-a.xml": Answer(status=302, headers={"Location": "/sitemap.xml"}),
    },
    "entities.demo": {
        "/robots.txt": Answer(
            "Sitemap: http://entities.demo/sitemap.xml\n", content_type="text/plain"
        ),
        "/": page("<h1>Entities</h1>"),
        "/sitemap.xml": Answer(ENTITIES),
    },
    "private.demo": {
        "/robots.txt": Answer(
            "Sitemap: http://10.0.0.5/sitemap.xml\nSitemap: http://169.254.169.254/latest\n",
            content_type="text/plain",
        ),
        "/": page("<h1>Private</h1>"),
    },
    "slow.demo": {
        "/robots.txt": Answer("Sitemap: http://slow.demo/sitemap.xml\n", content_type="text/plain"),
        "/": page("<h1>Slow</h1>"),
        "/sitemap.xml": Answer(urlset(["http://slow.demo/a"]), delay=30),
    },
    "footer-map.demo": {
        "/": page(
            '<h1>Footer</h1><a href="/services">Services</a>'
            '<footer><a href="/plan/map.xml">Site map</a></footer>'
        ),
        "/plan/map.xml": Answer(
            urlset(["http://footer-map.demo/", "http://footer-map.demo/contact"])
        ),
        "/contact": CONTACT,
    },
    "nositemap.demo": {
        "/robots.txt": Answer("User-agent: *\nDisallow: /private/\n", content_type="text/plain"),
        "/": page(
            '<nav><a href="/kontakt">Kontakt</a> <a href="/about-us">About</a>'
            ' <a href="/private/team">Team</a> <a href="/brochure.pdf">PDF</a>'
            ' <a href="https://elsewhere.example/contact">Partner</a></nav>'
        ),
        "/kontakt": page("<p>Telefon: +49 30 23456789</p>"),
        "/about-us": page("<p>About us</p>"),
    },
    "bomb.demo": {
        "/sitemap.xml": Answer(BOMB, headers={"Content-Encoding": "gzip"}),
    },
}


@pytest.fixture
def hostile(settings):
    with HostileWeb(WEB) as web:
        settings.SCRAPERSKY_FETCHER = {
            "ALLOWED_NETWORKS": ["127.0.0.0/8"],
            "CONNECT_TO": web.connect_to,
            "RETRIES": 0,
            "READ_TIMEOUT": 1,
            "MAX_BODY_BYTES": 60 * 1024 * 1024,
        }
        settings.SCRAPERSKY_KICK_ON_QUEUE = False
        yield web
        get_fetcher().close()


def discover(host: str) -> Domain:
    domain = Domain.objects.create(domain=host)
    set_curation_status(
        workflow="sitemap_discovery",
        status="Queued",
        ids=[domain.pk],
        actor="test",
        channel="command",
    )
    run_consumer("sitemap_discovery", handle_signals=False, knobs=ONE_ATTEMPT)
    domain.refresh_from_db()
    return domain


def refused(host: str) -> tuple[Domain, SitemapFile]:
    """Discover ``host``, whose robots.txt names one sitemap that is refused."""
    domain = discover(host)
    assert domain.sitemap_discovery_processing_status == "Complete"
    row = SitemapFile.objects.get(domain=domain)
    assert row.source == "robots" and row.sitemap_import_processing_status == "Error"
    return domain, row


def candidates(domain: Domain) -> dict[str, tuple[str, str]]:
    return {
        c["url"].split("/", 3)[-1]: (c["source"], c["outcome"])
        for c in domain.sitemap_discovery_record["candidates"]
    }


def test_every_path_500_is_error_with_the_reason(hostile):
    domain = discover("allfail.demo")
    assert domain.sitemap_discovery_processing_status == "Error"
    error = domain.sitemap_discovery_processing_error
    assert "answered only HTTP 5xx" in error
    assert domain.sitemap_discovery_summary == (
        "no sitemap: https failed (host not found), used http; robots.txt HTTP 500; "
        "well-known paths not tried (robots.txt and the home page answer HTTP 5xx); "
        "home page HTTP 500"
    )
    assert domain.sitemap_discovery_record["robots"]["http_status"] == 500
    assert not SitemapFile.objects.exists()


def test_refused_connection_everywhere_is_error_and_recorded(settings, hostile):
    fetcher = settings.SCRAPERSKY_FETCHER
    connect_to = {"closed.demo:80": "127.0.0.1:9", "closed.demo:443": "127.0.0.1:9"}
    settings.SCRAPERSKY_FETCHER = {**fetcher, "CONNECT_TO": {**fetcher["CONNECT_TO"], **connect_to}}
    domain = discover("closed.demo")
    assert domain.sitemap_discovery_processing_status == "Error"
    assert "could not reach closed.demo" in domain.sitemap_discovery_processing_error
    record = domain.sitemap_discovery_record
    # One refusal on https decides the scheme: its home page is not asked for.
    assert record["scheme_notes"] == ["https failed (connection refused)"]
    assert record["robots"]["outcome"] == "refused"
    assert record["homepage"]["outcome"] == "refused"


def test_named_sitemap_redirecting_forever_is_an_error_row(hostile):
    domain, row = refused("loop.demo")
    assert row.url == "http://loop.demo/sitemap.xml"
    assert row.sitemap_import_processing_error.startswith("redirect loop: redirect loop fetching")
    assert "robots.txt names 1: 1 redirect loop" in domain.sitemap_discovery_summary


def test_named_sitemap_with_entities_is_an_error_row(hostile):
    domain, row = refused("entities.demo")
    assert row.sitemap_import_processing_error.startswith("entity declarations refused")
    assert candidates(domain)["sitemap.xml"] == ("robots", "entities_refused")
    assert domain.sitemap_discovery_summary.startswith(
        "no sitemap: https failed (host not found), used http; "
        "robots.txt names 1: 1 entity declarations refused"
    )


def test_named_sitemaps_at_private_addresses_are_refused_rows(hostile):
    domain = discover("private.demo")
    assert domain.sitemap_discovery_processing_status == "Complete"
    rows = dict(
        SitemapFile.objects.filter(domain=domain).values_list(
            "url", "sitemap_import_processing_error"
        )
    )
    assert set(rows) == {"http://10.0.0.5/sitemap.xml", "http://169.254.169.254/latest"}
    for error in rows.values():
        assert error.startswith("refused by the address guard: refused to fetch")
    assert "robots.txt names 2: 2 refused by the address guard" in domain.sitemap_discovery_summary


def test_named_sitemap_that_never_answers_is_a_timeout_row(hostile):
    domain, row = refused("slow.demo")
    assert row.sitemap_import_processing_error.startswith("timeout: read timeout")
    assert "robots.txt names 1: 1 timeout" in domain.sitemap_discovery_summary


def test_site_map_footer_link_yields_the_contact_page(hostile):
    domain = discover("footer-map.demo")
    assert domain.sitemap_discovery_processing_status == "Complete"
    sitemap = SitemapFile.objects.get(domain=domain)
    assert (sitemap.url, sitemap.source, sitemap.kind) == (
        "http://footer-map.demo/plan/map.xml",
        "homepage",
        "urlset",
    )
    set_curation_status(
        workflow="sitemap_import", status="Queued", ids=[sitemap.pk], actor="t", channel="command"
    )
    run_consumer("sitemap_import", handle_signals=False)
    contact = Page.objects.get(domain=domain, url="http://footer-map.demo/contact")
    assert (contact.page_type, contact.found_via) == ("contact", "sitemap")


def test_site_without_sitemap_yields_its_linked_pages(hostile):
    domain = discover("nositemap.demo")
    assert domain.sitemap_discovery_processing_status == "Complete"
    assert not SitemapFile.objects.filter(domain=domain).exists()
    pages = set(Page.objects.filter(domain=domain).values_list("url", "page_type", "found_via"))
    # robots.txt disallows /private/; files and other sites are not pages of this site.
    assert pages == {
        ("http://nositemap.demo/", "home", "links"),
        ("http://nositemap.demo/kontakt", "contact", "links"),
        ("http://nositemap.demo/about-us", "about", "links"),
    }
    assert domain.sitemap_discovery_summary.endswith(
        "home page links none; 3 pages from the site's links (1 disallowed by robots.txt)"
    )


def test_gzip_bomb_is_cut_at_the_decompressed_size_cap(hostile):
    domain = Domain.objects.create(domain="bomb.demo")
    sitemap = SitemapFile.objects.create(domain=domain, url="http://bomb.demo/sitemap.xml")
    set_curation_status(
        workflow="sitemap_import", status="Queued", ids=[sitemap.pk], actor="t", channel="command"
    )
    run_consumer("sitemap_import", handle_signals=False)
    sitemap.refresh_from_db()
    assert sitemap.sitemap_import_processing_status == "Complete"
    assert sitemap.import_note == "stopped at the 50 MB decompressed-size cap"
    (read,) = sitemap.import_record["files"]
    assert read["cut"] == "stopped at the 50 MB decompressed-size cap"
    assert read["problems"] == []
    assert sitemap.import_record["pages_created"] == 1
