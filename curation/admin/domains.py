"""Admin of domains: the companies' websites, with links to their sitemaps, pages and contacts."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count

from curation.admin.base import (
    PipelineAdmin,
    changelist_link,
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
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["domain", "company_name", "source", "notes"]}),
        ("Timestamps", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

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
