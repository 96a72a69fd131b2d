"""Imports that wrote rows, and the domains each one's file named (sql/095).

A domain records the import that created it (``Domain.import_job``); a domain the file named
but that was already known is linked by an ``ImportJobDomain`` row instead. Together they are
"the domains of this import" (``ImportJob.domains_q``), the filter of the domains list, the
API's ``?import_job=`` and the contacts' ``?domain_import_job=``.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q


class ImportJob(models.Model):
    """One import of a file (``curation.intake.import_jobs``), kept after its files are pruned."""

    token = models.TextField(unique=True)
    kind = models.TextField()
    filename = models.TextField()
    source = models.TextField(default="", blank=True)
    channel = models.TextField(default="", blank=True)
    actor = models.TextField(default="", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        managed = False
        db_table = "import_jobs"
        ordering = ["-id"]
        indexes = [models.Index(fields=["created_at"], name="import_jobs_created_at_idx")]

    def __str__(self) -> str:
        return f"{self.filename} ({self.created_at:%Y-%m-%d %H:%M})"


class ImportJobDomain(models.Model):
    """A domain an import's file named that was already known when it ran."""

    pk = models.CompositePrimaryKey("import_job_id", "domain_id")
    import_job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="+")
    domain = models.ForeignKey("curation.Domain", on_delete=models.CASCADE, related_name="+")

    class Meta:
        managed = False
        db_table = "import_job_domains"
        indexes = [models.Index(fields=["domain"], name="import_job_domains_domain_idx")]

    def __str__(self) -> str:
        return f"import {self.import_job_id} named domain {self.domain_id}"


def domains_of(import_job_id: int, prefix: str = "") -> Q:
    """The domains of an import (created by it, or named by its file and already known).

    ``prefix``: the path to the domain from the filtered model (``domain__`` for contacts).
    """
    known = ImportJobDomain.objects.filter(import_job_id=import_job_id).values("domain_id")
    return Q(**{f"{prefix}import_job_id": import_job_id}) | Q(**{f"{prefix}id__in": known})
