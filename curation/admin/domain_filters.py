"""The domains list's filters: where a lead is, a verified e-mail, when it was queued, which
import's file named it, and where it came from."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.db.models import Exists, OuterRef
from django.utils import timezone

from curation.lead_status import LEAD_STATUS_LABELS, lead_status_q
from curation.models import Contact, Domain, ImportJob, domains_of
from curation.models.domains import DOMAIN_SOURCES

IMPORTS_LISTED = 15  # the latest imports in the sidebar; any import id works in the URL


class LeadStatusFilter(admin.SimpleListFilter):
    """Where each domain's lead is across its workflows (curation.lead_status)."""

    title = "lead status"
    parameter_name = "lead_status"

    def lookups(self, request, model_admin):
        return list(LEAD_STATUS_LABELS.items())

    def queryset(self, request, queryset):
        if self.value() in LEAD_STATUS_LABELS:
            return queryset.filter(lead_status_q(self.value()))  # the rule, on indexes
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


class ImportFilter(admin.SimpleListFilter):
    """*All domains imported from this file*: created by the import or named by its file
    and already known (``curation.models.imports``). The import's result page links here."""

    title = "imported from"
    parameter_name = "import_job"
    prefix = ""  # the path to the domain: "domain__" on contacts

    def lookups(self, request, model_admin):
        jobs = list(ImportJob.objects.order_by("-id")[:IMPORTS_LISTED])
        chosen = self._job_id()
        if chosen is not None and chosen not in {job.pk for job in jobs}:
            jobs += list(ImportJob.objects.filter(pk=chosen))
        return [(str(job.pk), f"{job.filename} ({job.created_at:%d %b %H:%M})") for job in jobs]

    def _job_id(self) -> int | None:
        if self.value() is None:
            return None
        try:
            return int(self.value())
        except ValueError:
            raise IncorrectLookupParameters(f"import: {self.value()!r} is not an id") from None

    def queryset(self, request, queryset):
        job = self._job_id()
        if job is None:
            return queryset
        if self.prefix:
            return queryset.filter(
                domain_id__in=Domain.objects.filter(domains_of(job)).values("pk")
            )
        return queryset.filter(domains_of(job))


class ContactImportFilter(ImportFilter):
    """The contacts of the domains an import's file named (``?domain_import_job=``)."""

    title = "domain imported from"
    parameter_name = "domain_import_job"
    prefix = "domain__"


class SourceFilter(admin.SimpleListFilter):
    """Where the domain came from. Django's ``list_filter = ["source"]`` runs ``SELECT DISTINCT
    source FROM domains`` on every view (0.1 s at a million rows): the choices here are the
    sources the application writes (``DOMAIN_SOURCES``) and the labels imports were given
    (``import_jobs``, one row per import); any other label (an API submission's ``source``)
    filters by URL, ``?source=label``."""

    title = "source"
    parameter_name = "source"

    def lookups(self, request, model_admin):
        labels = dict(DOMAIN_SOURCES)
        imported = ImportJob.objects.exclude(source="").order_by().values_list("source", flat=True)
        for label in [*imported.distinct(), self.value()]:
            if label and label not in labels:
                labels[label] = label
        return sorted(labels.items(), key=lambda item: item[1].lower())

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        return queryset.filter(source=self.value())
