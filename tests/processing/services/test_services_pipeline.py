"""The three workflows end to end on the fictional web: domains -> sitemaps -> pages -> contacts."""

from __future__ import annotations

import pytest

from curation.models import Contact, Domain, Page, SitemapFile
from curation.services import set_curation_status
from ops.demo.sites import DEMO_CONTACTS
from processing.engine.runner import run_consumer

pytestmark = pytest.mark.django_db(transaction=True)


def queue_all(workflow: str, model) -> None:
    set_curation_status(
        workflow=workflow,
        status="Queued",
        queryset=model.objects.all(),
        actor="test",
        channel="command",
    )


def run(workflow: str):
    return run_consumer(workflow, handle_signals=False)


def test_demo_web_end_to_end(demo_web):
    Domain.objects.bulk_create([Domain(domain=host, source="demo") for host in DEMO_CONTACTS])

    queue_all("sitemap_discovery", Domain)
    result = run("sitemap_discovery")
    assert result.complete == len(DEMO_CONTACTS) and result.errored == 0
    found = dict(SitemapFile.objects.values_list("domain__domain", "source"))
    assert found == {
        "brightwater-plumbing.demo": "robots",
        "rosemary-bakery.demo": "well_known",
        "hartley-law.demo": "robots",
        "cogwheel-bikes.demo": "homepage",
    }
    # A domain without a sitemap is Complete with zero found, not Error, and its pages come
    # from the home page's links.
    dental = Domain.objects.get(domain="smile-dental.demo")
    assert dental.sitemap_discovery_processing_status == "Complete"
    assert dental.sitemap_discovery_curation_status == "Complete"
    assert not dental.sitemaps.exists()
    assert dental.sitemap_discovery_summary == (
        "no sitemap: https failed (host not found), used http; no robots.txt (404); "
        "7 well-known paths 404; home page links none; 3 pages from the site's links"
    )
    assert set(dental.pages.values_list("url", "page_type", "found_via")) == {
        ("http://smile-dental.demo/", "home", "links"),
        ("http://smile-dental.demo/about", "about", "links"),
        ("http://smile-dental.demo/contact", "contact", "links"),
    }

    queue_all("sitemap_import", SitemapFile)
    result = run("sitemap_import")
    assert result.errored == 0, list(
        SitemapFile.objects.values_list("sitemap_import_processing_error")
    )
    plumber_pages = set(
        Page.objects.filter(domain__domain="brightwater-plumbing.demo").values_list(
            "url", flat=True
        )
    )
    assert "http://brightwater-plumbing.demo/contact" in plumber_pages
    assert "http://brightwater-plumbing.demo/blog/winter-pipes-3" in plumber_pages  # gzip child
    index = SitemapFile.objects.get(url__endswith="sitemap_index.xml")
    assert index.kind == "index"
    children = set(index.children.values_list("url", "source", "is_gzipped"))
    assert ("http://brightwater-plumbing.demo/post-sitemap.xml.gz", "index", True) in children
    assert Page.objects.get(url="http://hartley-law.demo/contact-us").page_type == "contact"
    assert Page.objects.get(url="http://rosemary-bakery.demo/our-team").page_type == "team"

    # Re-importing creates nothing new.
    pages_before = Page.objects.count()
    set_curation_status(
        workflow="sitemap_import",
        status="Queued",
        queryset=SitemapFile.objects.filter(parent__isnull=True),
        actor="test",
        channel="command",
    )
    assert run("sitemap_import").complete == 4
    assert Page.objects.count() == pages_before

    queue_all("page_curation", Page)
    result = run("page_curation")
    assert result.errored == 0, list(
        Page.objects.exclude(page_curation_processing_error=None).values_list(
            "url", "page_curation_processing_error"
        )
    )
    for host, expected in DEMO_CONTACTS.items():
        got = set(Contact.objects.filter(domain__domain=host).values_list("kind", "value"))
        assert got == expected, host

    contact_page = Page.objects.get(url="http://brightwater-plumbing.demo/contact")
    assert contact_page.http_status == 200
    assert contact_page.title == "Contact | Brightwater Plumbing"
    assert contact_page.has_contact_form is True
    assert contact_page.content_hash
    email = Contact.objects.get(value="service@brightwater-plumbing.demo")
    assert email.classification == "role"
    assert list(email.pages.values_list("url", flat=True)) == [contact_page.url]
    assert email.sightings.get().source == "mailto"

    # Re-processing a page adds nothing twice.
    contacts_before = Contact.objects.count()
    sightings_before = email.sightings.count()
    queue_all("page_curation", Page)
    run("page_curation")
    assert Contact.objects.count() == contacts_before
    assert email.sightings.count() == sightings_before
