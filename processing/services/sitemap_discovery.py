"""Workflow sitemap_discovery: find the sitemaps of a domain and record them as sitemap_files."""

from __future__ import annotations

from contextlib import suppress

from django.db.models import Q

from curation.models import Domain, SitemapFile
from processing.db_steps import db_step
from processing.discovery.discover import discover_sitemaps
from processing.discovery.record import DiscoveryResult
from processing.errors import ProcessingError
from processing.fetcher import get_fetcher
from processing.persist import Persist
from processing.services.follow_up import queue_follow_up
from processing.services.sitemap_import import insert_pages
from processing.services.streaming import ClaimLostError, fenced
from processing.sitemaps import PageEntry
from scrapersky.conf import conf
from scrapersky.status import Status

SUMMARY_MAX = 2000


def _record(domain: Domain, result: DiscoveryResult) -> dict[str, object]:
    return {
        "sitemap_discovery_record": result.as_record(),
        "sitemap_discovery_summary": result.summary()[:SUMMARY_MAX],
    }


def _refused_rows(domain: Domain, result: DiscoveryResult) -> list[SitemapFile]:
    # A sitemap the site names and that was refused gets its own row in Error, so nothing the
    # site points at disappears without a word.
    return [
        SitemapFile(
            domain_id=domain.pk,
            url=attempt.url,
            source=attempt.source,
            http_status=attempt.http_status,
            import_note=f"{attempt.label}: {attempt.detail}"[:2000],
            sitemap_import_processing_status=Status.ERROR,
            sitemap_import_processing_error=f"{attempt.label}: {attempt.detail}"[:2000],
        )
        for attempt in result.refused()
    ]


def _store_failed_record(domain: Domain, record: dict[str, object]) -> None:
    with suppress(ClaimLostError), fenced("sitemap_discovery", domain):
        Domain.objects.filter(pk=domain.pk).update(**record)


def process_single_domain_for_sitemap_discovery(domain: Domain) -> Persist:
    """Look for the domain's sitemaps (robots.txt, well-known paths, home page links).

    A domain without any sitemap completes with zero found, and with the pages its home page
    links to (found_via "links"); one that cannot be reached at all, or that answers only 5xx,
    raises (transient: retried; refused address: permanent). Either way the discovery record
    and its summary are stored on the domain.
    """
    try:
        result = discover_sitemaps(domain.domain, get_fetcher())
    except ProcessingError as exc:
        failed = getattr(exc, "result", None) or getattr(exc.__cause__, "result", None)
        if failed is not None:
            # The engine stores only the error text on failure; the record is what explains it.
            # Written now (the failure writes no persist()), fenced like one: a claim lost to
            # another worker leaves that worker's record alone.
            db_step(_store_failed_record, domain, _record(domain, failed))
        raise
    found = [
        SitemapFile(
            domain_id=domain.pk,
            url=sitemap.final_url,
            source=sitemap.source,
            kind=sitemap.kind,
            is_gzipped=sitemap.gzipped,
            http_status=sitemap.http_status,
            size_bytes=sitemap.size,
            url_count=sitemap.url_count,
            import_note="; ".join(sitemap.notes)[:2000],
        )
        for sitemap in sorted(result.sitemaps, key=lambda sitemap: sitemap.final_url)
    ]
    refused = _refused_rows(domain, result)
    link_pages = [PageEntry(url) for url in result.link_pages]
    record = _record(domain, result)

    def persist() -> None:
        Domain.objects.filter(pk=domain.pk).update(**record)
        # Once per domain and URL: rediscovery refreshes what we learnt about the file.
        SitemapFile.objects.bulk_create(
            found,
            update_conflicts=True,
            unique_fields=["domain", "url"],
            update_fields=[
                "source",
                "kind",
                "is_gzipped",
                "http_status",
                "size_bytes",
                "url_count",
            ],
        )
        # A refused file already known (imported before) keeps its history: only new ones.
        SitemapFile.objects.bulk_create(refused, ignore_conflicts=True)
        if link_pages:
            insert_pages(
                domain_id=domain.pk, entries=link_pages, sitemap_file_id=None, found_via="links"
            )
        if found and conf.auto_queue_sitemaps:
            fresh = SitemapFile.objects.filter(
                domain_id=domain.pk, url__in=[f.url for f in found]
            ).filter(Q(sitemap_import_processing_status__isnull=True))
            queue_follow_up("sitemap_import", fresh, actor="sitemap_discovery")

    return persist
