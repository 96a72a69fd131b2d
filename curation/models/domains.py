"""Domains: the companies' websites, and the sitemap_discovery workflow that runs on them."""

from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models.functions import Upper

from curation.fields import workflow_columns


# --- SitemapDiscovery Workflow Enums ---
class SitemapDiscoveryCurationStatus(models.TextChoices):
    New = "New"
    Queued = "Queued"
    Processing = "Processing"
    Complete = "Complete"
    Error = "Error"
    Skipped = "Skipped"


class SitemapDiscoveryProcessingStatus(models.TextChoices):
    Queued = "Queued"
    Processing = "Processing"
    Complete = "Complete"
    Error = "Error"


# --- LeadSync Workflow Enums (workflow `lead_sync`) ---
class LeadSyncCurationStatus(models.TextChoices):
    New = "New"
    Queued = "Queued"
    Processing = "Processing"
    Complete = "Complete"
    Error = "Error"
    Skipped = "Skipped"


class LeadSyncProcessingStatus(models.TextChoices):
    Queued = "Queued"
    Processing = "Processing"
    Complete = "Complete"
    Error = "Error"


#: The sources the application writes into ``domains.source`` (a label an import or an API
#: submission is given is free text beside these), as the admin's source filter lists them.
DOMAIN_SOURCES = {
    "api": "API submission",
    "csv": "CSV import",
    "demo": "Demo",
    "manual": "Added by hand",
    "places": "Place search",
    "xlsx": "Excel import",
}


class Domain(
    workflow_columns(
        "sitemap_discovery",
        SitemapDiscoveryCurationStatus,
        SitemapDiscoveryProcessingStatus,
        module=__name__,
    ),
    workflow_columns(
        "lead_sync",
        LeadSyncCurationStatus,
        LeadSyncProcessingStatus,
        module=__name__,
    ),
):
    """A company website; ``domain`` is the normalised host (see scrapersky.normalize)."""

    domain = models.TextField(unique=True)
    company_name = models.TextField(null=True, blank=True)
    source = models.TextField(default="manual")
    #: the import that created it (sql/095; curation/models/imports.py)
    import_job = models.ForeignKey(
        "curation.ImportJob",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    notes = models.TextField(default="", blank=True)
    #: what the last discovery tried and what came of each candidate (sql/008)
    sitemap_discovery_record = models.JSONField(null=True, blank=True, editable=False)
    #: its one-line summary: "no sitemap: robots.txt names none; 7 well-known paths 404; ..."
    sitemap_discovery_summary = models.TextField(default="", blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        managed = False
        db_table = "domains"
        indexes = [
            models.Index(fields=["created_at"], name="domains_created_at_idx"),
            # "queued for discovery" (sql/097)
            models.Index(
                fields=["sitemap_discovery_queued_at"],
                name="domains_discovery_queued_idx",
            ),
            models.Index(
                fields=["import_job"],
                name="domains_import_job_idx",
                condition=models.Q(import_job__isnull=False),
            ),
            # The search (curation/search.py, sql/061): icontains on UPPER(column).
            GinIndex(OpClass(Upper("domain"), name="gin_trgm_ops"), name="domains_domain_trgm_idx"),
            GinIndex(
                OpClass(Upper("company_name"), name="gin_trgm_ops"),
                name="domains_company_name_trgm_idx",
            ),
        ]
        ordering = ["-id"]

    def __str__(self) -> str:
        return self.domain
