"""The domains list's filters: where a lead is, a verified e-mail, when it was queued."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import admin
from django.db.models import Exists, OuterRef
from django.utils import timezone

from curation.lead_status import LEAD_STATUS_LABELS, lead_status_expression
from curation.models import Contact


class LeadStatusFilter(admin.SimpleListFilter):
    """Where each domain's lead is across its workflows (curation.lead_status)."""

    title = "lead status"
    parameter_name = "lead_status"

    def lookups(self, request, model_admin):
        return list(LEAD_STATUS_LABELS.items())

    def queryset(self, request, queryset):
        if self.value() in LEAD_STATUS_LABELS:
            return queryset.alias(lead_status=lead_status_expression()).filter(
                lead_status=self.value()
            )
        return queryset


class VerifiedEmailFilter(admin.SimpleListFilter):
    """Domains with an e-mail address contact validation judged valid: worth exporting."""

    title = "verified e-mail"
    parameter_name = "verified_email"

    def lookups(self, request, model_admin):
        return [("yes", "With a valid e-mail"), ("no", "Without one")]

    def queryset(self, request, queryset):
        if self.value() not in ("yes", "no"):
            return queryset
        valid = Exists(
            Contact.objects.filter(domain_id=OuterRef("pk"), kind="email", verdict="valid")
        )
        return queryset.filter(valid if self.value() == "yes" else ~valid)


class QueuedFilter(admin.SimpleListFilter):
    """When the domain was last queued for sitemap discovery ("queued today", to export)."""

    title = "queued for discovery"
    parameter_name = "queued"
    DAYS = {"today": 0, "7d": 7, "30d": 30}

    def lookups(self, request, model_admin):
        return [("today", "Today"), ("7d", "In the last 7 days"), ("30d", "In the last 30 days")]

    def queryset(self, request, queryset):
        days = self.DAYS.get(self.value() or "")
        if days is None:
            return queryset
        today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
        return queryset.filter(sitemap_discovery_queued_at__gte=today - timedelta(days=days))
