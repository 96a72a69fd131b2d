"""Admin of domains: the companies' websites, with their sitemaps, pages and contacts."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from curation import search
from curation.admin import domain_filters as filters
from curation.admin.base import PipelineAdmin
from curation.admin.columns import workflow_list_display, workflow_list_filter
from curation.admin.display import (
    RELATED_COUNT_CAP,
    RELATED_SHOWN,
    badge,
    change_link,
    changelist_link,
    counted,
    display_domain,
    display_url,
    page_cells,
    related_table,
    truncated,
)
from curation.admin.importing import CsvImportMixin
from curation.admin.lead import LeadViewMixin
from curation.intake import exporting
from curation.models import (
    Channel,
    Contact,
    Domain,
    LeadDelivery,
    Page,
    Person,
    SitemapFile,
)

# name: (model, singular label)
RELATED = {
    "sitemaps": (SitemapFile, "sitemap"),
    "pages": (Page, "page"),
    "contacts": (Contact, "contact"),
    "people": (Person, "person"),
}


@admin.action(
    permissions=["change"],
    description="Sync again: send to every destination, even if unchanged",
)
def lead_sync_again(modeladmin, request, queryset):
    """*Sync again* (``curation.lead_sync.sync_again``): one service call."""
    from curation.admin.actions import log_bulk_change
    from curation.lead_sync import sync_again
    from curation.services import CurationError

    try:
        result = sync_again(queryset=queryset, actor=request.user, channel=Channel.ADMIN)
    except CurationError as exc:
        modeladmin.message_user(request, str(exc), messages.ERROR)
        return
    level = messages.SUCCESS if result.updated_ids else messages.WARNING
    modeladmin.message_user(request, result.message, level)
    log_bulk_change(request, result)


@admin.register(Domain)
class DomainAdmin(LeadViewMixin, CsvImportMixin, PipelineAdmin):
    import_kind = "domains"
    # Fits 1,280 px: source and creation time are on the change page; the related counts
    # share one column.
    list_display = [
        "id",
        "domain_display",
        "company",
        *workflow_list_display(Domain),
        "discovery_summary",
        "related_links",
    ]
    list_display_links = ["id", "domain_display"]
    list_filter = [
        filters.LeadStatusFilter,
        filters.VerifiedEmailFilter,
        filters.QueuedFilter,
        *workflow_list_filter(Domain),
        filters.SourceFilter,
        filters.ImportFilter,
    ]
    search_fields = ["domain"]  # shows the box; get_search_results is curation.search's
    search_help_text = search.HELP_TEXT[Domain]
    date_hierarchy = "created_at"
    readonly_fields = [
        "discovery_record",
        "created_at",
        "updated_at",
        "unicode_domain",
        "related_rows",
        "deliveries",
    ]
    fieldsets = [
        (None, {"fields": ["domain", "unicode_domain", "company_name", "source", "notes"]}),
        ("Last discovery", {"fields": ["discovery_record"]}),
        ("Sitemaps, pages, contacts and people", {"fields": ["related_rows"]}),
        ("Lead deliveries", {"fields": ["deliveries"]}),
        ("Timestamps", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        self.actions = [*self.actions, lead_sync_again]

    actions = ["export_contacts_csv", "export_contacts_xlsx"]

    def has_export_contacts_permission(self, request) -> bool:
        """Exporting the contacts of domains needs the view permission of both."""
        return self.has_view_permission(request) and request.user.has_perm("curation.view_contact")

    @staticmethod
    def _contacts_of(queryset):
        """The contacts of the selected domains ("select all N matching" included): one
        subquery, however many domains."""
        return Contact.objects.filter(domain_id__in=queryset.order_by().values("pk"))

    @admin.action(
        permissions=["export_contacts"], description="Export contacts of selected domains (CSV)"
    )
    def export_contacts_csv(self, request, queryset):
        return exporting.response(self._contacts_of(queryset), file_format="csv")

    @admin.action(
        permissions=["export_contacts"], description="Export contacts of selected domains (.xlsx)"
    )
    def export_contacts_xlsx(self, request, queryset):
        return exporting.response(self._contacts_of(queryset), file_format="xlsx")

    def get_queryset(self, request):
        # The record is read on the change page only; lists show its one-line summary.
        return super().get_queryset(request).defer("sitemap_discovery_record")

    @admin.display(description="discovery", ordering="sitemap_discovery_summary")
    def discovery_summary(self, obj):
        return truncated(obj.sitemap_discovery_summary, 32)

    @admin.display(description="what discovery tried")
    def discovery_record(self, obj):
        return discovery_record_html(obj.sitemap_discovery_record)

    def get_search_results(self, request, queryset, search_term):
        """The API's search (``?search=``), word for word; a Unicode name finds its punycode."""
        return search.search(queryset, search_term), False

    def decorate_results(self, rows):
        """Count sitemaps, pages and contacts of the shown domains only: one grouped query each."""
        ids = [row.pk for row in rows]
        counts = {}
        for name, (model, _singular) in RELATED.items():
            counts[name] = dict(
                model.objects.filter(domain_id__in=ids)
                .order_by()
                .values_list("domain_id")
                .annotate(n=Count("pk"))
            )
        for row in rows:
            row.related_counts = {name: counts[name].get(row.pk, 0) for name in RELATED}

    @admin.display(description="domain", ordering="domain")
    def domain_display(self, obj):
        return display_domain(obj.domain)

    @admin.display(description="company", ordering="company_name")
    def company(self, obj):
        return truncated(obj.company_name, 24)

    @admin.display(description="international form")
    def unicode_domain(self, obj):
        shown = display_domain(obj.domain)
        return shown if shown != obj.domain else "-"

    def _related_link(self, obj, name):
        model, singular = RELATED[name]
        count = getattr(obj, "related_counts", {}).get(name)
        label = counted(count, singular, name) if count is not None else name
        return changelist_link(model, label, domain__id__exact=obj.pk)

    @admin.display(description="related")
    def related_links(self, obj):
        lead = reverse("admin:curation_domain_lead", args=[obj.pk])
        return format_html(
            '<span class="ss-lines">{}<br>{}<br>{}<br>{}<br><a href="{}" class="ss-lead-link">lead'
            " sheet</a></span>",
            self._related_link(obj, "sitemaps"),
            self._related_link(obj, "pages"),
            self._related_link(obj, "contacts"),
            self._related_link(obj, "people"),
            lead,
        )

    @admin.display(description="related rows")
    def related_rows(self, obj):
        """The latest few sitemaps, pages and contacts; links to all of them (may be millions)."""
        if obj is None or obj.pk is None:
            return "-"
        sections = []
        for name, (model, singular) in RELATED.items():
            qs = model.objects.filter(domain_id=obj.pk)
            total = qs[: RELATED_COUNT_CAP + 1].count()
            shown = "10,000+" if total > RELATED_COUNT_CAP else f"{total:,}"
            latest = list(qs.order_by("-id")[:RELATED_SHOWN])
            label = f"{shown} {singular if total == 1 else name}"
            sections.append(
                format_html(
                    '<h4 class="ss-related-title">{}</h4>{}<p class="ss-related-more">{}</p>',
                    label,
                    related_table(name, (_related_cells(name, r) for r in latest))
                    if latest
                    else "",
                    changelist_link(model, f"all {name} of this domain", domain__id__exact=obj.pk)
                    if total
                    else "",
                )
            )
        lead = reverse("admin:curation_domain_lead", args=[obj.pk])
        sections.append(
            format_html(
                '<p><a href="{}" class="ss-lead-link">Lead sheet with every contact</a></p>', lead
            )
        )
        return format_html_join("", "{}", ((s,) for s in sections))

    @admin.display(description="what was sent where")
    def deliveries(self, obj):
        """Per destination: when it last accepted the lead, what, in how many calls, its ids,
        and the last error (from ``lead_deliveries``)."""
        if obj is None or obj.pk is None:
            return "-"
        rows = list(LeadDelivery.objects.filter(domain_id=obj.pk).order_by("destination"))
        if not rows:
            return "Never sent. Queue it for lead sync to send it to the configured destinations."
        labels = ("destination", "last accepted", "what", "remote ids", "last error")
        head = format_html_join("", "<th>{}</th>", ((label,) for label in labels))
        body = format_html_join(
            "",
            "<tr>{}</tr>",
            (
                (
                    format_html_join(
                        "",
                        '<td data-label="{}">{}</td>',
                        zip(labels, _delivery_cells(r), strict=True),
                    ),
                )
                for r in rows
            ),
        )
        return format_html(
            '<table class="ss-related" data-related="deliveries"><tr>{}</tr>{}</table>',
            head,
            body,
        )


def _delivery_cells(row: LeadDelivery) -> tuple:
    from django.utils import timezone

    sent = (
        format_html(
            '<time datetime="{}">{}</time>',
            row.sent_at.isoformat(),
            timezone.localtime(row.sent_at).strftime("%Y-%m-%d %H:%M:%S"),
        )
        if row.sent_at
        else "never"
    )
    what = (
        f"{row.summary}, {counted(row.calls, 'call')}; sent {counted(row.sends, 'time')}"
        if row.sent_at
        else "-"
    )
    remote = row.remote_ids or {}
    if "company" in remote:
        ids = f"company {remote['company']}, {counted(len(remote.get('contacts', {})), 'contact')}"
    else:
        ids = ", ".join(f"{k} {v}" for k, v in remote.items()) or "-"
    error = "-"
    if row.last_error and not (
        row.sent_at and row.last_error_at and row.sent_at > row.last_error_at
    ):
        when = (
            timezone.localtime(row.last_error_at).strftime("%Y-%m-%d %H:%M")
            if row.last_error_at
            else ""
        )
        error = format_html(
            '<span class="ss-error" title="{}">{} {}</span>',
            row.last_error,
            when,
            truncated(row.last_error, 80),
        )
    return (row.destination, sent, what, truncated(ids, 60), error)


def _related_cells(name: str, row) -> tuple[str, str, str]:
    from curation.admin.contacts import classification_label

    if name == "sitemaps":
        return (
            change_link(row, truncated(display_url(row.url), 70)),
            row.kind or "-",
            badge(row.sitemap_import_processing_status),
        )
    if name == "pages":
        return page_cells(row)
    if name == "people":
        return (
            change_link(row, truncated(row.name, 70)),
            row.role or "-",
            badge(row.seniority or None),
        )
    return (
        change_link(row, truncated(display_url(row.value), 70)),
        row.kind,
        classification_label(row.classification),
    )


#: How discovery found a candidate, in a curator's words (the record stores short codes).
_FOUND_BY = {
    "robots": "robots.txt",
    "well_known": "well-known path",
    "homepage": "home page link",
    "html_sitemap": "HTML site map",
}


def _pages_from_links(count: int) -> str:
    if not count:
        return "no pages created from the site's links"
    return f"{count:,} page{'s' if count != 1 else ''} created from the site's links"


def _detail_beyond_status(candidate: dict) -> str:
    """The candidate's details, unless they only repeat its status or outcome ("HTTP 404")."""
    detail = candidate.get("detail") or ""
    status = candidate.get("http_status")
    if detail in {candidate.get("label"), f"HTTP {status}" if status else None}:
        return ""
    return detail


def discovery_record_html(record: dict | None):
    """The discovery record as a curator reads it: summary, robots.txt, home page, candidates."""
    if not record:
        return "not discovered yet"
    steps = format_html_join(
        "",
        "<tr><th>{}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
        (
            (what, step["url"], step.get("http_status") or "-", step.get("detail") or step["label"])
            for what, step in (
                ("robots.txt", record.get("robots")),
                ("home page", record.get("homepage")),
            )
            if step
        ),
    )
    candidates = format_html_join(
        "",
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        (
            (
                c["url"],
                _FOUND_BY.get(c["source"], c["source"]),
                c.get("http_status") or "-",
                c["label"],
                _detail_beyond_status(c),
            )
            for c in record.get("candidates", [])
        ),
    )
    notes = [*record.get("scheme_notes", []), *record.get("link_notes", [])]
    if record.get("skipped_probes"):
        notes.append(record["skipped_probes"])
    return format_html(
        '<div class="ss-discovery"><p><strong>{}</strong></p>'
        "<table><tr><th></th><th>URL</th><th>status</th><th>outcome</th></tr>{}</table>"
        "<h4>Candidates tried</h4>"
        "<table><tr><th>URL</th><th>found by</th><th>status</th><th>outcome</th>"
        "<th>details</th></tr>{}</table><p>{}</p><p>{}</p></div>",
        record.get("summary", ""),
        steps,
        candidates or format_html("<tr><td colspan=5>none</td></tr>"),
        _pages_from_links(record.get("link_pages", 0)),
        "; ".join(notes),
    )
