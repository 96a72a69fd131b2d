"""The audit trail of curation status changes."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.db import models


class Channel(models.TextChoices):
    ADMIN = "admin"
    API = "api"
    COMMAND = "command"
    SYSTEM = "system"


class StatusChange(models.Model):
    """Who changed which rows of which workflow to which status, when, and through what."""

    created_at = models.DateTimeField(auto_now_add=True)
    workflow = models.TextField()
    table_name = models.TextField()
    to_status = models.TextField()
    from_statuses = models.JSONField(default=dict)
    channel = models.TextField(choices=Channel.choices)
    actor = models.TextField()
    user_id = models.IntegerField(null=True, blank=True)
    requested = models.IntegerField(default=0)
    updated = models.IntegerField(default=0)
    queued = models.IntegerField(default=0)
    skipped = models.IntegerField(default=0)
    missing = models.IntegerField(default=0)
    row_ids = ArrayField(models.BigIntegerField(), default=list)

    class Meta:
        managed = False
        db_table = "status_changes"
        indexes = [
            models.Index(fields=["created_at"], name="status_changes_created_at_idx"),
            models.Index(fields=["workflow", "created_at"], name="status_changes_workflow_idx"),
        ]
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.workflow} -> {self.to_status} ({self.updated} rows, {self.channel})"
