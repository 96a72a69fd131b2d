"""The domains list's filters on where a lead is and whether it has a verified e-mail."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Exists, OuterRef

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
