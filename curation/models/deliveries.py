"""What lead_sync delivered to each destination, per domain (sql/051)."""

from __future__ import annotations

from django.db import models

from curation.fields import workflow_columns


class LeadDelivery(models.Model):
    """The last delivery of one domain's lead to one destination (``webhook:<name>``, ``hubspot``).

    ``lead_hash`` is the SHA-256 of the lead document the destination last accepted: a lead whose
    document hashes the same is not sent again. Written by the lead_sync service only.
    """

    # The database deletes a domain's deliveries (ON DELETE CASCADE, sql/051), after the domain's
    # delete trigger kept what the destinations hold (sql/093): Django must not delete them first.
    domain = models.ForeignKey(
        "curation.Domain", on_delete=models.DO_NOTHING, related_name="lead_deliveries"
    )
    destination = models.TextField()
    lead_hash = models.TextField(default="", blank=True)
    schema_version = models.TextField(default="", blank=True)
    remote_ids = models.JSONField(default=dict, blank=True)
    summary = models.TextField(default="", blank=True)
    calls = models.IntegerField(default=0)
    sends = models.IntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(default="", blank=True)
    last_error_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        managed = False
        db_table = "lead_deliveries"
        verbose_name = "lead delivery"
        verbose_name_plural = "lead deliveries"
        constraints = [
            models.UniqueConstraint(
                fields=["domain", "destination"], name="lead_deliveries_domain_destination_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.destination} <- domain {self.domain_id}"


class LeadRetractionKind(models.TextChoices):
    LEAD = "lead", "lead deleted"
    RESYNC = "resync", "contact or person deleted"


# --- LeadRetraction Workflow Enums (workflow `lead_retraction`) ---
class LeadRetractionCurationStatus(models.TextChoices):
    New = "New"
    Queued = "Queued"
    Processing = "Processing"
    Complete = "Complete"
    Error = "Error"
    Skipped = "Skipped"


class LeadRetractionProcessingStatus(models.TextChoices):
    Queued = "Queued"
    Processing = "Processing"
    Complete = "Complete"
    Error = "Error"


class LeadRetraction(
    workflow_columns(
        "lead_retraction",
        LeadRetractionCurationStatus,
        LeadRetractionProcessingStatus,
        module=__name__,
    ),
):
    """A delivered lead (kind ``lead``) or part of one (``resync``) that was deleted, for the
    destinations to hear of it (sql/091). Written by triggers in the deleting transaction."""

    kind = models.TextField(choices=LeadRetractionKind.choices)
    domain_id = models.BigIntegerField()
    domain = models.TextField(default="", blank=True)
    destination = models.TextField(default="", blank=True)
    lead_hash = models.TextField(default="", blank=True)
    remote_ids = models.JSONField(default=dict, blank=True)
    calls = models.IntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        managed = False
        db_table = "lead_retractions"
        verbose_name = "lead retraction"
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["domain_id"], name="lead_retractions_domain_idx"),
            models.Index(fields=["created_at"], name="lead_retractions_created_idx"),
        ]

    def __str__(self) -> str:
        what = "deleted" if self.kind == LeadRetractionKind.LEAD else "changed by a delete"
        return f"{self.domain or self.domain_id} {what}" + (
            f" -> {self.destination}" if self.destination else ""
        )
