"""Admin of pages: the rows curators queue for page curation (fetch and contact extraction)."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.contrib import admin
from django.utils.html import format_html
from django.utils.text import Truncator

from curation import search
from curation.admin.base import PipelineAdmin
from curation.admin.columns import workflow_list_display, workflow_list_filter
from curation.admin.display import (
    RELATED_SHOWN,
    change_link,
    changelist_link,
    related_table,
    truncated,
)
from curation.admin.importing import CsvImportMixin
from curation.models import Contact, Page

FETCH_FIELDS = [
    "http_status",
    "final_url",
    "title",
    "meta_description",
    "language",
    "content_type",
    "content_length",
    "content_hash",
    "has_contact_form",
    "schema_types",
    "fetched_at",
]


@admin.register(Page)
class PageAdmin(CsvImportMixin, PipelineAdmin):
    import_kind = "pages"
    # Fits 1,280 px: the title and the fetch details are on the change page.
    list_display = [
        "id",
        "url_path",
        "domain_link",
        "page_type",
        *workflow_list_display(Page),
        "http",
        "contacts_link",
    ]
    list_display_links = ["id", "url_path"]
    list_select_related = ["domain"]
    list_filter = [*workflow_list_filter(Page), "page_type", "has_contact_form"]
    search_fields = ["url"]  # shows the box; get_search_results is curation.search's
    search_help_text = search.HELP_TEXT[Page]
    date_hierarchy = "created_at"

    def get_search_results(self, request, queryset, search_term):
        """The API's search (``?search=``), word for word (curation/search.py)."""
        return search.search(queryset, search_term), False

    autocomplete_fields = ["domain"]
    raw_id_fields = ["sitemap_file"]
    # Written by the fetch (page_curation processing), not by people.
    readonly_fields = [*FETCH_FIELDS, "created_at", "updated_at", "page_contacts"]
    fieldsets = [
        (None, {"fields": ["domain", "url", "sitemap_file", "page_type"]}),
        ("Sitemap entry", {"fields": ["lastmod", "changefreq", "priority"]}),
        ("Last fetch", {"fields": FETCH_FIELDS}),
        ("Contacts seen on this page", {"fields": ["page_contacts"]}),
        ("Timestamps", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description="url", ordering="url")
    def url_path(self, obj):
        """The URL without scheme and host (the domain has its own column); all of it on hover."""
        parts = urlsplit(obj.url)
        path = parts.path or "/"
        if parts.query:
            path = f"{path}?{parts.query}"
        return format_html(
            '<span class="ss-truncated" title="{}">{}</span>', obj.url, Truncator(path).chars(50)
        )

    @admin.display(description="domain", ordering="domain__domain")
    def domain_link(self, obj):
        return change_link(obj.domain)

    @admin.display(description="HTTP", ordering="http_status")
    def http(self, obj):
        return obj.http_status

    @admin.display(description="title")
    def title_preview(self, obj):
        return truncated(obj.title, 50)

    @admin.display(description="contacts")
    def contacts_link(self, obj):
        return changelist_link(Contact, "contacts", pages__id__exact=obj.pk)

    @admin.display(description="contacts")
    def page_contacts(self, obj):
        """The contacts this page showed (capped), and a link to all of them."""
        from curation.admin.contacts import classification_label

        if obj is None or obj.pk is None:
            return "-"
        qs = Contact.objects.filter(sightings__page_id=obj.pk).order_by("kind", "value")
        shown = list(qs[: RELATED_SHOWN + 1])
        if not shown:
            return "-"
        rows = (
            (
                change_link(c, truncated(c.value, 70)),
                c.kind,
                classification_label(c.classification),
            )
            for c in shown[:RELATED_SHOWN]
        )
        more = changelist_link(Contact, "all contacts of this page", pages__id__exact=obj.pk)
        return format_html("{}<p>{}</p>", related_table("contacts", rows), more)
