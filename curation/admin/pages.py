"""Admin of pages: the rows curators queue for page curation (fetch and contact extraction)."""

from __future__ import annotations

from django.contrib import admin

from curation.admin.base import (
    PipelineAdmin,
    change_link,
    changelist_link,
    truncated,
    workflow_list_display,
    workflow_list_filter,
)
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
class PageAdmin(PipelineAdmin):
    list_display = [
        "id",
        "url",
        "domain_link",
        "page_type",
        *workflow_list_display(Page),
        "http_status",
        "title_preview",
        "contacts_link",
        "created_at",
    ]
    list_display_links = ["id", "url"]
    list_select_related = ["domain"]
    list_filter = [*workflow_list_filter(Page), "page_type", "has_contact_form"]
    # Prefix matches: url and domain are LIKE 'prefix%' (C collation; domains has a unique index).
    search_fields = ["url__startswith", "domain__domain__startswith", "title__icontains"]
    search_help_text = "URL or domain (starts with, e.g. https://acme.com/ or acme.), or title."
    date_hierarchy = "created_at"
    autocomplete_fields = ["domain"]
    raw_id_fields = ["sitemap_file"]
    # Written by the fetch (page_curation processing), not by people.
    readonly_fields = [*FETCH_FIELDS, "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["domain", "url", "sitemap_file", "page_type"]}),
        ("Sitemap entry", {"fields": ["lastmod", "changefreq", "priority"]}),
        ("Last fetch", {"fields": FETCH_FIELDS}),
        ("Timestamps", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description="domain", ordering="domain__domain")
    def domain_link(self, obj):
        return change_link(obj.domain)

    @admin.display(description="title")
    def title_preview(self, obj):
        return truncated(obj.title, 50)

    @admin.display(description="contacts")
    def contacts_link(self, obj):
        return changelist_link(Contact, "contacts", pages__id__exact=obj.pk)
