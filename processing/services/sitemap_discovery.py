"""Workflow sitemap_discovery: find the sitemaps of a domain and record them as sitemap_files."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.db.models import Q

from curation.models import Domain, SitemapFile
from processing.fetcher import get_fetcher
from processing.services.follow_up import queue_follow_up
from processing.sitemaps import discover_sitemaps


def process_single_domain_for_sitemap_discovery(domain: Domain) -> Callable[[], None]:
    """Look for the domain's sitemaps (robots.txt, well-known paths, home page links).

    A domain without any sitemap completes with zero found; one that cannot be reached at all
    raises (transient: retried; refused address: permanent).
    """
    result = discover_sitemaps(domain.domain, get_fetcher())
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
        for sitemap in result.sitemaps
    ]

    def persist() -> None:
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
        if found and getattr(settings, "SCRAPERSKY_AUTO_QUEUE_SITEMAPS", False):
            fresh = SitemapFile.objects.filter(
                domain_id=domain.pk, url__in=[f.url for f in found]
            ).filter(Q(sitemap_import_processing_status__isnull=True))
            queue_follow_up("sitemap_import", fresh, actor="sitemap_discovery")

    return persist
