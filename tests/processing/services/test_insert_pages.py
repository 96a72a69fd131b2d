"""insert_pages: an import's chunk of pages in one statement (sql/013), new pages only, and the
new ones queued for page_curation by id when SCRAPERSKY_AUTO_QUEUE_PAGES asks for it."""

from __future__ import annotations

import pytest

from curation.models import Page, StatusChange
from processing.services.sitemap_import import insert_pages
from processing.sitemaps import PageEntry
from tests.factories import DomainFactory

pytestmark = pytest.mark.django_db

URLS = ["https://acme.demo/contact", "https://acme.demo/blog/1", "https://acme.demo/about-us"]


def _insert(domain, urls, found_via="sitemap") -> int:
    return insert_pages(
        domain_id=domain.pk,
        entries=[PageEntry(url=url) for url in urls],
        sitemap_file_id=None,
        found_via=found_via,
    )


def _statuses(domain) -> dict[str, str | None]:
    return dict(
        Page.objects.filter(domain=domain).values_list("url", "page_curation_processing_status")
    )


def test_only_new_pages_are_inserted_and_counted(settings):
    settings.SCRAPERSKY_AUTO_QUEUE_PAGES = "none"
    domain = DomainFactory(domain="acme.demo")
    assert _insert(domain, URLS[:2]) == 2
    assert _insert(domain, [*URLS, URLS[2]]) == 1  # one new; a URL listed twice counts once
    assert _statuses(domain) == dict.fromkeys(URLS)
    assert set(Page.objects.values_list("found_via", flat=True)) == {"sitemap"}


def test_contact_mode_queues_the_new_contact_like_pages(settings):
    settings.SCRAPERSKY_AUTO_QUEUE_PAGES = "contact"
    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    domain = DomainFactory(domain="acme.demo")
    assert _insert(domain, URLS) == 3
    assert _statuses(domain) == {URLS[0]: "Queued", URLS[1]: None, URLS[2]: "Queued"}
    audit = StatusChange.objects.get(workflow="page_curation")
    assert (audit.channel, audit.actor, audit.queued) == ("system", "sitemap_import", 2)
    assert sorted(audit.row_ids) == sorted(
        Page.objects.filter(url__in=[URLS[0], URLS[2]]).values_list("pk", flat=True)
    )


def test_all_mode_queues_every_new_page_and_never_a_known_one_again(settings):
    settings.SCRAPERSKY_AUTO_QUEUE_PAGES = "all"
    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    domain = DomainFactory(domain="acme.demo")
    _insert(domain, URLS[:1], found_via="links")
    Page.objects.update(
        page_curation_curation_status="Complete", page_curation_processing_status="Complete"
    )
    assert _insert(domain, URLS) == 2
    assert _statuses(domain) == {URLS[0]: "Complete", URLS[1]: "Queued", URLS[2]: "Queued"}


def test_a_chunk_of_new_pages_fits_one_queueing_call():
    from curation.services import MAX_IDS
    from processing.services.sitemap_import import CHUNK

    assert CHUNK <= MAX_IDS  # an auto-queueing import queues a chunk's new pages by id
