"""Unmanaged models of the processing side (tables in sql/)."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.db import models


class WorkerHeartbeat(models.Model):
    """A django-q2 worker process, and when it was last seen alive."""

    worker = models.TextField(primary_key=True)
    hostname = models.TextField()
    pid = models.IntegerField()
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField()
    tasks_run = models.BigIntegerField(default=0)
    # The workflows this process loaded at start (sql/060); None for a worker that did not say.
    workflows = ArrayField(models.TextField(), null=True, blank=True)
    # Lanes paused by a burst of machine faults (sql/045): {workflow: {"reason", "until"}}.
    paused_lanes = models.JSONField(null=True, blank=True)
    # Where the process runs (sql/046): the kernel's boot id and the pid namespace.
    boot_id = models.TextField(null=True, blank=True)
    pid_namespace = models.TextField(null=True, blank=True)

    class Meta:
        managed = False
        db_table = "worker_heartbeats"
        ordering = ["-seen_at"]
        indexes = [models.Index(fields=["seen_at"], name="worker_heartbeats_seen_at_idx")]

    def __str__(self) -> str:
        return self.worker
