"""Admin of lead retractions: what destinations were told of deleted leads, and retrying it.

Rows are written by the database when a delivered domain, contact or person is deleted
(sql/093): nothing is added or edited here, only queued again (the workflow's actions).
"""

from __future__ import annotations

import json

from django.contrib import admin
from django.utils.html import format_html

from curation.admin.base import PipelineAdmin
from curation.admin.columns import workflow_list_display, workflow_list_filter
from curation.models import LeadRetraction


@admin.register(LeadRetraction)
class LeadRetractionAdmin(PipelineAdmin):
    list_display = [
        "id",
        "domain_display",
        "kind",
        "destination_display",
        *workflow_list_display(LeadRetraction),
        "created_at",
        "sent_at",
    ]
    list_display_links = ["id", "domain_display"]
    list_filter = [*workflow_list_filter(LeadRetraction), "kind", "destination"]
    search_fields = ["domain__icontains"]
    search_help_text = "Domain (contains)."
    fieldsets = [
        (None, {"fields": ["domain_display", "kind", "destination_display", "created_at"]}),
        ("Sent", {"fields": ["sent_at", "calls", "lead_hash", "remote_ids_display"]}),
    ]
    readonly_fields = [
        "domain_display",
        "kind",
        "destination_display",
        "created_at",
        "sent_at",
        "calls",
        "lead_hash",
        "remote_ids_display",
    ]

    def has_add_permission(self, request):
        return False  # written by the database when a delivered lead is deleted

    def has_change_permission(self, request, obj=None):
        # the list's actions (queue again) need it; the form has nothing to edit
        return obj is None and super().has_change_permission(request, obj)

    @admin.display(description="domain", ordering="domain")
    def domain_display(self, obj):
        return obj.domain or f"#{obj.domain_id}"

    @admin.display(description="destination", ordering="destination")
    def destination_display(self, obj):
        return obj.destination or "(every destination, by a new sync)"

    @admin.display(description="ids at the destination")
    def remote_ids_display(self, obj):
        if not obj.remote_ids:
            return "-"
        return format_html("<code>{}</code>", json.dumps(obj.remote_ids, sort_keys=True))
