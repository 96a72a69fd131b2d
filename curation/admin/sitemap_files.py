"""Admin of sitemap files: what was found for a domain and what its import did."""

from __future__ import annotations

from django.contrib import admin
from django.utils.html import format_html, format_html_join

from curation.admin.base import (
    PipelineAdmin,
    change_link,
    changelist_link,
    workflow_list_display,
    workflow_list_filter,
)
from curation.admin.importing import CsvImportMixin
from curation.models import Page, SitemapFile


@admin.register(SitemapFile)
class SitemapFileAdmin(CsvImportMixin, PipelineAdmin):
    import_kind = "sitemap_files"
    list_display = [
        "id",
        "url",
        "domain_link",
        "kind",
        "source",
        *workflow_list_display(SitemapFile),
        "url_count",
        "pages_created",
        "pages_link",
        "http_status",
        "created_at",
    ]
    list_display_links = ["id", "url"]
    list_select_related = ["domain"]
    list_filter = [*workflow_list_filter(SitemapFile), "kind", "source", "is_gzipped"]
    search_fields = ["url__startswith", "domain__domain__startswith"]
    search_help_text = "Sitemap URL or domain (starts with)."
    date_hierarchy = "created_at"
    autocomplete_fields = ["domain"]
    raw_id_fields = ["parent"]
    # Written by the import: what the file was and what reading it did.
    readonly_fields = [
        "is_gzipped",
        "http_status",
        "size_bytes",
        "url_count",
        "lastmod",
        "pages_created",
        "import_note",
        "import_files",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["domain", "url", "parent", "source", "kind"]}),
        (
            "Last import",
            {
                "fields": [
                    "is_gzipped",
                    "http_status",
                    "size_bytes",
                    "url_count",
                    "lastmod",
                    "pages_created",
                    "import_note",
                    "import_files",
                ]
            },
        ),
        ("Timestamps", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description="domain", ordering="domain__domain")
    def domain_link(self, obj):
        return change_link(obj.domain)

    @admin.display(description="pages")
    def pages_link(self, obj):
        return changelist_link(Page, "pages", sitemap_file__id__exact=obj.pk)

    def get_queryset(self, request):
        # The record is read on the change page only.
        return super().get_queryset(request).defer("import_record")

    @admin.display(description="files read")
    def import_files(self, obj):
        record = obj.import_record or {}
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    f["url"],
                    f.get("kind") or "-",
                    f.get("urls", 0),
                    f.get("cut") or f.get("failed") or "read to the end",
                    "; ".join(f.get("problems") or []),
                )
                for f in record.get("files", [])
            ),
        )
        if not rows:
            return "-"
        more = record.get("files_not_listed") or 0
        return format_html(
            "<table><tr><th>file</th><th>kind</th><th>URLs</th><th>stopped</th>"
            "<th>problems</th></tr>{}</table>{}",
            rows,
            format_html("<p>and {} more files</p>", more) if more else "",
        )
