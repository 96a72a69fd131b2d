"""Admin of domains: the companies' websites, with links to their sitemaps, pages and contacts."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count
from django.utils.html import format_html, format_html_join

from curation.admin.base import (
    PipelineAdmin,
    changelist_link,
    truncated,
    workflow_list_display,
    workflow_list_filter,
)
from curation.admin.importing import CsvImportMixin
from curation.models import Contact, Domain, Page, SitemapFile

RELATED = {"sitemaps": SitemapFile, "pages": Page, "contacts": Contact}


@admin.register(Domain)
class DomainAdmin(CsvImportMixin, PipelineAdmin):
    import_kind = "domains"
    list_display = [
        "id",
        "domain",
        "company_name",
        "source",
        *workflow_list_display(Domain),
        "discovery_summary",
        "sitemaps_link",
        "pages_link",
        "contacts_link",
        "created_at",
    ]
    list_display_links = ["id", "domain"]
    list_filter = [*workflow_list_filter(Domain), "source"]
    # domain__startswith is a LIKE 'prefix%' on the unique index (the database collation is C).
    search_fields = ["domain__startswith", "company_name__icontains"]
    search_help_text = "Domain (starts with, e.g. acme.) or company name (contains)."
    date_hierarchy = "created_at"
    readonly_fields = ["discovery_record", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["domain", "company_name", "source", "notes"]}),
        ("Last discovery", {"fields": ["discovery_record"]}),
        ("Timestamps", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        # The record is read on the change page only; lists show its one-line summary.
        return super().get_queryset(request).defer("sitemap_discovery_record")

    @admin.display(description="discovery", ordering="sitemap_discovery_summary")
    def discovery_summary(self, obj):
        return truncated(obj.sitemap_discovery_summary, 32)

    @admin.display(description="what discovery tried")
    def discovery_record(self, obj):
        return discovery_record_html(obj.sitemap_discovery_record)

    def decorate_results(self, rows):
        """Count sitemaps, pages and contacts of the shown domains only: one grouped query each."""
        ids = [row.pk for row in rows]
        counts = {}
        for name, model in RELATED.items():
            counts[name] = dict(
                model.objects.filter(domain_id__in=ids)
                .order_by()
                .values_list("domain_id")
                .annotate(n=Count("pk"))
            )
        for row in rows:
            row.related_counts = {name: counts[name].get(row.pk, 0) for name in RELATED}

    def _related_link(self, obj, name):
        count = getattr(obj, "related_counts", {}).get(name)
        label = f"{count:,} {name}" if count is not None else name
        return changelist_link(RELATED[name], label, domain__id__exact=obj.pk)

    @admin.display(description="sitemaps")
    def sitemaps_link(self, obj):
        return self._related_link(obj, "sitemaps")

    @admin.display(description="pages")
    def pages_link(self, obj):
        return self._related_link(obj, "pages")

    @admin.display(description="contacts")
    def contacts_link(self, obj):
        return self._related_link(obj, "contacts")


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
            (c["url"], c["source"], c.get("http_status") or "-", c["label"], c.get("detail", ""))
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
        f"{record.get('link_pages', 0)} page(s) created from the site's links",
        "; ".join(notes),
    )
