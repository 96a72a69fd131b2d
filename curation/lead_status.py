"""Where a domain's lead is across its workflows: the integrator's "is it done yet?".

One value per domain, computed in the query (no column to keep in step), from the statuses of
the domain's own row and of its sitemap files and pages, first match wins:

- ``new``: sitemap discovery never queued (or skipped before it was);
- ``failed``: sitemap discovery ended in Error (its error says why);
- ``discovering``: sitemap discovery queued or processing;
- ``importing``: a sitemap file of the domain is queued or processing for sitemap import;
- ``curating_pages``: a page of the domain is queued or processing for page curation;
- ``done``: discovery finished (Complete or Skipped) and nothing of the domain waits.

The tests are ``EXISTS`` probes on the domain's sitemap files and pages restricted to the
queued and processing statuses, which the workflows' partial queue and lease indexes hold, so a
page of domains costs a few index probes per row. Filtering a million domains by it reads them
all: filter by it together with something narrower (a source, an import's dates) at that scale.
"""

from __future__ import annotations

from django.db.models import Case, Count, Exists, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce

from curation.models import Contact, Page, SitemapFile

LEAD_STATUSES = ("new", "failed", "discovering", "importing", "curating_pages", "done")
LEAD_STATUS_LABELS = {
    "new": "new (not queued for discovery)",
    "failed": "failed (sitemap discovery ended in error)",
    "discovering": "discovering sitemaps",
    "importing": "importing sitemaps",
    "curating_pages": "curating pages",
    "done": "done",
}
WAITING = ("Queued", "Processing")


def lead_status_expression() -> Case:
    sitemaps_waiting = Exists(
        SitemapFile.objects.filter(
            domain_id=OuterRef("pk"), sitemap_import_processing_status__in=WAITING
        )
    )
    pages_waiting = Exists(
        Page.objects.filter(domain_id=OuterRef("pk"), page_curation_processing_status__in=WAITING)
    )
    discovery = "sitemap_discovery_processing_status"
    return Case(
        When(Q(**{f"{discovery}__isnull": True}), then=Value("new")),
        When(**{discovery: "Error"}, then=Value("failed")),
        When(**{f"{discovery}__in": WAITING}, then=Value("discovering")),
        When(sitemaps_waiting, then=Value("importing")),
        When(pages_waiting, then=Value("curating_pages")),
        default=Value("done"),
    )


def contact_count() -> Coalesce:
    counted = (
        Contact.objects.filter(domain_id=OuterRef("pk"))
        .order_by()
        .values("domain_id")
        .annotate(n=Count("*"))
        .values("n")
    )
    return Coalesce(Subquery(counted), 0)


def with_lead_status(queryset: QuerySet) -> QuerySet:
    """Domains annotated with ``lead_status`` and ``contact_count``."""
    return queryset.annotate(lead_status=lead_status_expression(), contact_count=contact_count())
