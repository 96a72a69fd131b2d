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
page of domains costs a few index probes per row.

Filtering (``?lead_status=``, the Domains list's filter) does not compare the computed value:
:func:`lead_status_q` is the same rule as conditions the planner can use, the discovery status
on its index and the waiting sitemap files and pages as the ids of the few domains they belong
to (read first through their processing-status indexes), so a rare status among a million
domains is an index read, and the list's count estimate is the planner's for those conditions
(``bench/workbench.py``).
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


WAITING_IDS = 10_000  # waiting domains passed as a list; more, as a subquery


def _waiting_domains(model, field: str) -> tuple[Q, Q]:
    """The domains with a row of ``model`` waiting in a workflow (a processing status), and
    the domains without one.

    The waiting rows are few (a queue), read through the status's index. For "has one" their
    domain ids go to the domains' query as a list, which PostgreSQL probes by primary key,
    where a subquery made it walk the domains in id order hoping to meet them (0.26-0.57 s at a
    million domains, bench/workbench.py); past ``WAITING_IDS`` domains, the subquery. "Has
    none" stays ``NOT IN (subquery)``: one hashed set, cheaper than a list of thousands.
    """
    waiting = model.objects.filter(**{f"{field}__in": WAITING}).order_by().values("domain_id")
    ids = list(waiting.distinct().values_list("domain_id", flat=True)[: WAITING_IDS + 1])
    return Q(pk__in=waiting if len(ids) > WAITING_IDS else ids), ~Q(pk__in=waiting)


def lead_status_q(status: str) -> Q:
    """The domains whose ``lead_status`` is ``status``: the CASE of
    :func:`lead_status_expression`, branch by branch, as indexable conditions."""
    discovery = "sitemap_discovery_processing_status"
    if status == "new":
        return Q(**{f"{discovery}__isnull": True})
    if status == "failed":
        return Q(**{discovery: "Error"})
    if status == "discovering":
        return Q(**{f"{discovery}__in": WAITING})
    finished = Q(**{f"{discovery}__isnull": False}) & ~Q(
        **{f"{discovery}__in": [*WAITING, "Error"]}
    )
    sitemaps, no_sitemaps = _waiting_domains(SitemapFile, "sitemap_import_processing_status")
    pages, no_pages = _waiting_domains(Page, "page_curation_processing_status")
    if status == "importing":
        return finished & sitemaps
    if status == "curating_pages":
        return finished & no_sitemaps & pages
    if status == "done":
        return finished & no_sitemaps & no_pages
    raise ValueError(f"unknown lead status {status!r}")


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
