"""Admin of sitemap files: what was found for a domain and what its import did."""

from __future__ import annotations

from django.contrib import admin
from django.utils.html import format_html, format_html_join

from curation import search
from curation.admin.base import PipelineAdmin
from curation.admin.columns import workflow_list_display, workflow_list_filter
from curation.admin.display import (
    RELATED_SHOWN,
    change_link,
    changelist_link,
    counted,
    display_url,
    page_cells,
    related_table,
    truncated,
)
from curation.admin.importing import CsvImportMixin
from curation.models import Page, SitemapFile

# Written by the import: what the file was and what reading it did.
IMPORT_FIELDS = [
    "is_gzipped",
    "http_status",
    "size_bytes",
    "url_count",
    "lastmod",
    "pages_created",
    "import_note",
    "import_files",
]


@admin.register(SitemapFile)
class SitemapFileAdmin(CsvImportMixin, PipelineAdmin):
    import_kind = "sitemap_files"
    # Fits 1,280 px: source, HTTP status, URL count and creation time are on the change page.
    list_display = [
        "id",
        "url_preview",
        "domain_link",
        "kind",
        *workflow_list_display(SitemapFile),
        "pages_link",
    ]
    list_display_links = ["id", "url_preview"]
    list_select_related = ["domain"]
    list_filter = [*workflow_list_filter(SitemapFile), "kind", "source", "is_gzipped"]
    search_fields = ["url"]  # shows the box; get_search_results is curation.search's
    search_help_text = search.HELP_TEXT[SitemapFile]
    date_hierarchy = "created_at"

    def get_search_results(self, request, queryset, search_term):
        """The API's search (``?search=``), word for word (curation/search.py)."""
        return search.search(queryset, search_term), False

    autocomplete_fields = ["domain"]
    raw_id_fields = ["parent"]
    readonly_fields = [*IMPORT_FIELDS, "created_at", "updated_at", "sitemap_pages"]
    fieldsets = [
        (None, {"fields": ["domain", "url", "parent", "source", "kind"]}),
        ("Last import", {"fields": IMPORT_FIELDS}),
        ("Pages from this sitemap", {"fields": ["sitemap_pages"]}),
        ("Timestamps", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description="domain", ordering="domain__domain")
    def domain_link(self, obj):
        return change_link(obj.domain)

    @admin.display(description="url", ordering="url")
    def url_preview(self, obj):
        return truncated(display_url(obj.url), 50)

    @admin.display(description="pages", ordering="pages_created")
    def pages_link(self, obj):
        label = "pages" if obj.pages_created is None else counted(obj.pages_created, "page")
        return changelist_link(Page, label, sitemap_file__id__exact=obj.pk)

    @admin.display(description="pages")
    def sitemap_pages(self, obj):
        """The latest pages this sitemap listed (capped), and a link to all of them."""
        if obj is None or obj.pk is None:
            return "-"
        latest = list(Page.objects.filter(sitemap_file_id=obj.pk).order_by("-id")[:RELATED_SHOWN])
        if not latest:
            return "-"
        more = changelist_link(Page, "all pages of this sitemap", sitemap_file__id__exact=obj.pk)
        return format_html(
            "{}<p>{}</p>", related_table("pages", (page_cells(p) for p in latest)), more
        )

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
