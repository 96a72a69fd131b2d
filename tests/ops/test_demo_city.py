"""The offline demo's Demo City: every business website on a ``.demo`` host is served, answered
in DNS and gives contacts, so "plumbers in Demo City" reaches contacts with no internet."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from curation.models import Contact, Domain, Page
from curation.models.places import Business
from curation.place_searches import create_place_search
from curation.services import set_curation_status
from ops.demo import SiteServer, demo_environment
from ops.demo.city import city_sites, offline_sites
from ops.demo.dns import DemoDns
from ops.demo.places import PlacesServer, demo_businesses
from processing.engine.runner import run_consumer
from processing.fetcher import get_fetcher
from scrapersky.status import Status


def _host(website: str) -> str:
    return website.split("//")[-1].split("/")[0].removeprefix("www.")


def test_every_demo_city_website_is_served_once():
    served = {site.host: site for site in offline_sites()}
    assert len(served) == len(offline_sites())  # no host twice
    hosts = {_host(b.website) for b in demo_businesses() if b.website}
    assert {h for h in hosts if h.endswith(".demo")} <= set(served)
    assert "facebook.com" not in served  # a Facebook page is no company website
    assert served["quickfix-plumbing.demo"].name == "QuickFix Plumbing"  # the chain's one site
    assert served["ivan-santehnik.demo"].name == "Сантехник Иван"
    for site in city_sites():
        assert site.entry and "/contact" in site.resources, site.host
        assert any(kind == "email" for kind, _ in site.expected), site.host
        assert site.people, site.host


def test_the_demo_environment_and_dns_cover_every_served_site():
    env = demo_environment(8499)
    pairs = dict(p.split("=") for p in env["SCRAPERSKY_FETCH_CONNECT_TO"].split(","))
    assert set(pairs) == {f"{site.host}:80" for site in offline_sites()}
    dns = DemoDns()
    try:
        assert dns.hosts == {site.host for site in offline_sites()}
        assert "demo-plumbing-1.demo" in dns.hosts
    finally:
        dns.sock.close()


def _drain(*workflows: str) -> None:
    for workflow in workflows:
        run_consumer(workflow, handle_signals=False)


@pytest.mark.django_db(transaction=True)
def test_plumbers_in_demo_city_reach_contacts_offline(settings):
    """The path a new user takes in `up --demo`, with the demo's settings, in process."""
    with SiteServer(offline_sites()) as web, PlacesServer() as places:
        for name, value in places.settings().items():
            setattr(settings, name, value)
        settings.SCRAPERSKY_KICK_ON_QUEUE = False
        settings.SCRAPERSKY_FETCHER = {
            **settings.SCRAPERSKY_FETCHER,
            "ALLOWED_NETWORKS": ["127.0.0.0/8"],
            "CONNECT_TO": web.connect_to,
            "RETRIES": 0,
        }
        settings.SCRAPERSKY_AUTO_QUEUE_BUSINESS_DOMAINS = True
        settings.SCRAPERSKY_AUTO_QUEUE_SITEMAPS = True
        settings.SCRAPERSKY_AUTO_QUEUE_PAGES = "contact"
        # as `up --demo` starts: the five demo domains imported, not queued (Brightwater
        # Plumbing is one of them and a Demo City plumber)
        call_command("demo", stdout=io.StringIO())
        search = create_place_search(
            values={"category": "plumber", "place": "Demo City", "provider": "osm"},
            actor="demo",
            channel="command",
            queue=True,
        )
        _drain("place_search")
        search.refresh_from_db()
        assert search.place_search_processing_status == "Complete"
        businesses = list(Business.objects.all())
        assert len(businesses) == 11
        set_curation_status(
            workflow="domain_extraction",
            status=Status.QUEUED,
            ids=[b.pk for b in businesses],
            actor="demo",
            channel="command",
        )
        _drain("domain_extraction", "sitemap_discovery", "sitemap_import", "page_curation")
        get_fetcher().close()
    domains = Domain.objects.exclude(source="demo") | Domain.objects.filter(
        domain="brightwater-plumbing.demo"
    )
    # 11 plumbers: one without a website, one on Facebook, a chain of three on one site.
    assert sorted(d.domain for d in domains) == sorted(
        ["brightwater-plumbing.demo", "quickfix-plumbing.demo", "ivan-santehnik.demo"]
        + [f"demo-plumbing-{i}.demo" for i in range(1, 5)]
    )
    for domain in domains:
        assert domain.sitemap_discovery_processing_status == "Complete", (
            domain.domain,
            domain.sitemap_discovery_processing_error,
        )
        assert Page.objects.filter(domain=domain, page_curation_processing_status="Complete")
        emails = Contact.objects.filter(domain=domain, kind="email")
        assert emails.exclude(business__isnull=False).exists(), domain.domain  # from the site
    assert not Page.objects.filter(page_curation_processing_status="Error").exists()
