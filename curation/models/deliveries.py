"""What lead_sync delivered to each destination, per domain (sql/051)."""

from __future__ import annotations

from django.db import models


class LeadDelivery(models.Model):
    """The last delivery of one domain's lead to one destination (``webhook:<name>``, ``hubspot``).

    ``lead_hash`` is the SHA-256 of the lead document the destination last accepted: a lead whose
    document hashes the same is not sent again. Written by the lead_sync service only.
    """

    domain = models.ForeignKey(
        "curation.Domain", on_delete=models.CASCADE, related_name="lead_deliveries"
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
