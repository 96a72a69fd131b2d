"""Unmanaged models of the processing side (tables in sql/)."""

from __future__ import annotations

from django.db import models


class WorkerHeartbeat(models.Model):
    """A django-q2 worker process, and when it was last seen alive."""

    worker = models.TextField(primary_key=True)
    hostname = models.TextField()
    pid = models.IntegerField()
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField()
    tasks_run = models.BigIntegerField(default=0)

    class Meta:
        managed = False
        db_table = "worker_heartbeats"
        ordering = ["-seen_at"]
        indexes = [models.Index(fields=["seen_at"], name="worker_heartbeats_seen_at_idx")]

    def __str__(self) -> str:
        return self.worker


class PageInsert(models.Model):
    """A slim mapping of ``pages`` for the bulk inserts of sitemap_import.

    An import knows eight columns of a page; every other column (statuses, fetch results,
    timestamps) takes its default in the database. Inserting through ``curation.Page`` would
    bind all thirty columns for every row, which makes a 50,000-URL sitemap several times
    slower to import. Reads and every other write go through ``curation.Page``.
    """

    domain_id = models.BigIntegerField()
    sitemap_file_id = models.BigIntegerField(null=True)
    url = models.TextField()
    page_type = models.TextField()
    lastmod = models.DateTimeField(null=True)
    changefreq = models.TextField(null=True)
    priority = models.FloatField(null=True)
    found_via = models.TextField(null=True)

    class Meta:
        managed = False
        db_table = "pages"
        default_permissions = ()  # not an admin model

    def __str__(self) -> str:
        return self.url
