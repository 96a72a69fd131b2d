"""Admin of the audit trail: who changed which rows to which status. Read-only."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html

from curation.admin.base import badge
from curation.admin.paginator import CappedPaginator
from curation.models import StatusChange

ROW_IDS_SHOWN = 200


@admin.register(StatusChange)
class StatusChangeAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "workflow",
        "table_name",
        "status_badge",
        "channel",
        "actor_link",
        "requested",
        "updated",
        "queued",
        "skipped",
        "missing",
    ]
    list_display_links = ["created_at"]
    list_filter = ["workflow", "channel", "to_status", "table_name"]
    search_fields = ["actor__exact"]
    search_help_text = "Actor (exact user name)."
    date_hierarchy = "created_at"
    ordering = ["-created_at", "-id"]
    paginator = CappedPaginator
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    list_per_page = 100
    fields = [
        "created_at",
        "workflow",
        "table_name",
        "to_status",
        "from_statuses",
        "channel",
        "actor",
        "user_id",
        "requested",
        "updated",
        "queued",
        "skipped",
        "missing",
        "changed_rows",
    ]
    readonly_fields = fields

    def get_queryset(self, request):
        # row_ids holds every changed id: a "select all" over a million rows is a big array.
        return super().get_queryset(request).defer("row_ids")

    # An audit trail is written by the curation service only.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="to status", ordering="to_status")
    def status_badge(self, obj):
        return badge(obj.to_status)

    @admin.display(description="actor", ordering="actor")
    def actor_link(self, obj):
        if obj.user_id is None:
            return obj.actor
        opts = get_user_model()._meta
        try:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.user_id])
        except NoReverseMatch:
            return obj.actor
        return format_html('<a href="{}">{}</a>', url, obj.actor)

    @admin.display(description="changed row ids")
    def changed_rows(self, obj):
        # Sliced and measured in the database: the array may hold a million ids.
        first, total = (
            StatusChange.objects.filter(pk=obj.pk)
            .values_list(f"row_ids__0_{ROW_IDS_SHOWN}", "row_ids__len")
            .get()
        )
        if not total:
            return "-"
        more = f" … and {total - ROW_IDS_SHOWN:,} more" if total > ROW_IDS_SHOWN else ""
        return ", ".join(str(pk) for pk in first) + more
