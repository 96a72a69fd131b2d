"""Admin of the audit trail: who changed which rows to which status. Read-only."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join

from curation.admin.changelist import ValidatingChangeList
from curation.admin.display import badge, when
from curation.admin.paginator import CappedPaginator
from curation.models import StatusChange
from scrapersky.naming import WorkflowNames
from scrapersky.workflows import get_workflow

ROW_IDS_SHOWN = 200


@admin.register(StatusChange)
class StatusChangeAdmin(admin.ModelAdmin):
    # Fits 1,280 px: the per-outcome counts share one column.
    list_display = [
        "when_display",
        "workflow_display",
        "status_badge",
        "channel",
        "actor_link",
        "outcome",
    ]
    list_display_links = ["when_display"]
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
        "when_display",
        "workflow_display",
        "table_name",
        "status_badge",
        "from_display",
        "channel",
        "actor",
        "user_id",
        "requested",
        "updated",
        "queued",
        "left_unchanged",
        "missing",
        "changed_rows",
    ]
    readonly_fields = fields
    change_form_template = "admin/curation/change_form.html"

    def get_changelist(self, request, **kwargs):
        return ValidatingChangeList

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

    @admin.display(description="when", ordering="created_at")
    def when_display(self, obj):
        return when(obj.created_at)

    @admin.display(description="workflow", ordering="workflow")
    def workflow_display(self, obj):
        return WorkflowNames(obj.workflow).verbose_name

    @admin.display(description="rows")
    def outcome(self, obj):
        parts = [f"{obj.updated:,} changed"]
        for n, what in ((obj.skipped, "left unchanged"), (obj.missing, "not found")):
            if n:
                parts.append(f"{n:,} {what}")
        if obj.queued and obj.queued != obj.updated:
            parts.append(f"{obj.queued:,} queued")
        return ", ".join(parts)

    @admin.display(description="left unchanged (being processed)")
    def left_unchanged(self, obj):
        return obj.skipped

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            rows = f"{obj.updated:,} row{'' if obj.updated == 1 else 's'}"
            context["ss_title"] = context["subtitle"] = (
                f"{WorkflowNames(obj.workflow).verbose_name} → {obj.to_status}: {rows}, "
                f"{obj.get_channel_display().lower()}, {when(obj.created_at)}"
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.display(description="from statuses")
    def from_display(self, obj):
        """``New: 3, Error: 2`` instead of the stored JSON."""
        if not obj.from_statuses:
            return "-"
        return ", ".join(f"{status}: {n:,}" for status, n in sorted(obj.from_statuses.items()))

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
        try:
            model = get_workflow(obj.workflow).model
        except LookupError:
            return ", ".join(str(pk) for pk in first)
        opts = model._meta
        change = f"admin:{opts.app_label}_{opts.model_name}_change"
        links = format_html_join(
            ", ", '<a href="{}">{}</a>', ((reverse(change, args=[pk]), pk) for pk in first)
        )
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        if total > ROW_IDS_SHOWN:
            return format_html("{} … and {} more", links, f"{total - ROW_IDS_SHOWN:,}")
        listed = f"{changelist}?id__in={','.join(str(pk) for pk in first)}"
        return format_html(
            '{} <br><a href="{}">open these {} in the list</a>', links, listed, total
        )
