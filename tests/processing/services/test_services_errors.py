"""Every failure of a workflow service ends with each row in a truthful state."""

from __future__ import annotations

import pytest

from curation.models import Domain, Page, SitemapFile
from curation.services import set_curation_status
from ops.demo import Site
from processing.engine.runner import run_consumer
from scrapersky.workflows import Knobs

pytestmark = pytest.mark.django_db(transaction=True)

ONE_ATTEMPT = Knobs(max_attempts=1)


def odd_site() -> Site:
    site = Site("odd-shop.demo", "Odd Shop")
    site.add("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n")
    site.add("/", "text/html", "<html><body><h1>Odd</h1></body></html>")
    site.add("/html-sitemap.xml", "application/xml", "<!doctype html><html><body>Hi</body></html>")
    site.add("/broken.xml", "application/xml", '<?xml version="1.0"?><urlset><url><loc>http')
    site.add("/brochure.pdf", "application/pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>>")
    site.add("/private/team", "text/html", "<p>secret@odd-shop.demo</p>")
    return site


@pytest.fixture
def odd_web(serve):
    return serve([odd_site()])


def queue(workflow: str, rows) -> None:
    set_curation_status(
        workflow=workflow,
        status="Queued",
        ids=[r.pk for r in rows],
        actor="test",
        channel="command",
    )


def run_one(workflow: str, model, path: str):
    """A row of ``model`` at ``path`` of odd-shop.demo, queued for ``workflow`` and run."""
    domain = Domain.objects.create(domain="odd-shop.demo")
    row = model.objects.create(domain=domain, url=f"http://odd-shop.demo{path}")
    queue(workflow, [row])
    result = run_consumer(workflow, handle_signals=False)
    row.refresh_from_db()
    return domain, row, result


def closed_port_web(settings) -> None:
    """closed.demo resolves (through CONNECT_TO) to a loopback port nobody listens on."""
    connect_to = {**settings.SCRAPERSKY_FETCHER["CONNECT_TO"]}
    connect_to.update({"closed.demo:80": "127.0.0.1:9", "closed.demo:443": "127.0.0.1:9"})
    settings.SCRAPERSKY_FETCHER = {**settings.SCRAPERSKY_FETCHER, "CONNECT_TO": connect_to}


def test_unreachable_domain_is_retried_then_error(settings, odd_web):
    closed_port_web(settings)
    domain = Domain.objects.create(domain="closed.demo")
    queue("sitemap_discovery", [domain])
    result = run_consumer("sitemap_discovery", handle_signals=False)
    assert result.retried == 1
    domain.refresh_from_db()
    assert domain.sitemap_discovery_processing_status == "Queued"
    assert domain.sitemap_discovery_next_attempt_at is not None
    assert "closed.demo" in domain.sitemap_discovery_processing_error

    result = run_consumer("sitemap_discovery", handle_signals=False, knobs=ONE_ATTEMPT)
    domain.refresh_from_db()
    # Backoff holds the row until its next attempt is due: nothing is claimed early.
    assert result.claimed == 0
    assert domain.sitemap_discovery_processing_status == "Queued"


def test_unreachable_domain_with_one_attempt_ends_error(settings, odd_web):
    closed_port_web(settings)
    domain = Domain.objects.create(domain="closed.demo")
    queue("sitemap_discovery", [domain])
    run_consumer("sitemap_discovery", handle_signals=False, knobs=ONE_ATTEMPT)
    domain.refresh_from_db()
    assert domain.sitemap_discovery_processing_status == "Error"
    assert domain.sitemap_discovery_curation_status == "Error"
    assert "could not reach" in domain.sitemap_discovery_processing_error
    assert not SitemapFile.objects.exists()


def test_domain_that_does_not_exist_fails_at_once(odd_web):
    domain = Domain.objects.create(domain="nowhere-at-all.demo")
    queue("sitemap_discovery", [domain])
    result = run_consumer("sitemap_discovery", handle_signals=False)
    assert (result.errored, result.retried) == (1, 0)
    domain.refresh_from_db()
    assert domain.sitemap_discovery_processing_status == "Error"
    assert "does not exist" in domain.sitemap_discovery_processing_error


def test_private_address_is_refused_without_retry(settings, odd_web):
    settings.SCRAPERSKY_FETCHER = {**settings.SCRAPERSKY_FETCHER, "ALLOWED_NETWORKS": []}
    domain = Domain.objects.create(domain="odd-shop.demo")
    queue("sitemap_discovery", [domain])
    result = run_consumer("sitemap_discovery", handle_signals=False)
    assert result.errored == 1 and result.retried == 0
    domain.refresh_from_db()
    assert domain.sitemap_discovery_processing_status == "Error"
    assert "127.0.0.1" in domain.sitemap_discovery_processing_error


@pytest.mark.parametrize(
    ("path", "fragment"),
    [
        ("/missing-sitemap.xml", "404"),
        ("/html-sitemap.xml", "HTML"),
    ],
)
def test_bad_sitemaps_end_in_error(odd_web, path, fragment):
    _, sitemap, result = run_one("sitemap_import", SitemapFile, path)
    assert result.errored == 1
    assert sitemap.sitemap_import_processing_status == "Error"
    assert fragment.lower() in sitemap.sitemap_import_processing_error.lower()
    assert not Page.objects.exists()


def test_truncated_sitemap_completes_with_what_could_be_read(odd_web):
    _, sitemap, _ = run_one("sitemap_import", SitemapFile, "/broken.xml")
    assert sitemap.sitemap_import_processing_status == "Complete"
    assert "ended early" in sitemap.import_note


def test_gone_page_is_error_without_retry(odd_web):
    _, page, result = run_one("page_curation", Page, "/no-such-page")
    assert (result.errored, result.retried) == (1, 0)
    assert page.page_curation_processing_status == "Error"
    assert "HTTP 404" in page.page_curation_processing_error


def test_page_disallowed_by_robots_is_error(odd_web):
    domain, page, _ = run_one("page_curation", Page, "/private/team")
    assert page.page_curation_processing_status == "Error"
    assert "robots.txt" in page.page_curation_processing_error
    assert not domain.contacts.exists()


def test_non_html_page_is_recorded_and_skipped(odd_web):
    domain, page, _ = run_one("page_curation", Page, "/brochure.pdf")
    assert page.page_curation_processing_status == "Complete"
    assert page.content_type == "application/pdf"
    assert page.http_status == 200
    assert not domain.contacts.exists()


def test_a_40_mb_page_is_read_up_to_the_cap(serve):
    """The fetcher stops at its cap while streaming; extraction reads what fits."""
    head = b"<html><body><p>Write to sales@huge-page.demo or call +1 212 555 0147</p>"
    filler = b"<p>" + b"lorem ipsum dolor sit amet " * 40 + b"</p>\n"
    body = head + filler * (40 * 1024 * 1024 // len(filler)) + b"</body></html>"
    site = Site("huge-page.demo", "Huge")
    site.add("/", "text/html; charset=utf-8", body)
    site.add("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n")
    serve([site])
    domain = Domain.objects.create(domain="huge-page.demo")
    page = Page.objects.create(domain=domain, url="http://huge-page.demo/")
    queue("page_curation", [page])
    run_consumer("page_curation", handle_signals=False)
    page.refresh_from_db()
    assert page.page_curation_processing_status == "Complete"
    assert len(body) > 40_000_000  # 40 MB
    assert page.content_length <= 10 * 1024 * 1024 + 64 * 1024  # the fetcher's cap
    values = set(domain.contacts.values_list("value", flat=True))
    assert values == {"sales@huge-page.demo", "+12125550147"}
