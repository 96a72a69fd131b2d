"""Worker liveness: heartbeats written by worker processes, read by health checks."""

from __future__ import annotations

import logging
import os
import socket
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError
from django.db.models import F
from django.utils import timezone

from processing.models import WorkerHeartbeat

logger = logging.getLogger(__name__)


def _identity() -> tuple[str, str, int]:
    hostname = socket.gethostname()
    pid = os.getpid()
    return f"{hostname}:{pid}", hostname, pid


def beat(*, task_run: bool = False) -> None:
    """Record that this process is alive (an upsert; never raises into the caller's task)."""
    worker, hostname, pid = _identity()
    now = timezone.now()
    try:
        updated = WorkerHeartbeat.objects.filter(worker=worker).update(
            seen_at=now, tasks_run=F("tasks_run") + (1 if task_run else 0)
        )
        if not updated:
            WorkerHeartbeat.objects.bulk_create(
                [
                    WorkerHeartbeat(
                        worker=worker,
                        hostname=hostname,
                        pid=pid,
                        started_at=now,
                        seen_at=now,
                        tasks_run=1 if task_run else 0,
                    )
                ],
                ignore_conflicts=True,
            )
    except DatabaseError:
        logger.warning("could not record the worker heartbeat", exc_info=True)


def max_age() -> timedelta:
    """How old a heartbeat may be for its worker to count as alive."""
    return timedelta(seconds=getattr(settings, "SCRAPERSKY_HEARTBEAT_MAX_AGE", 150))


def alive_workers(now=None) -> list[WorkerHeartbeat]:
    now = now or timezone.now()
    return list(WorkerHeartbeat.objects.filter(seen_at__gte=now - max_age()))


def prune(older_than: timedelta = timedelta(days=1)) -> int:
    """Forget workers not seen for a day (restarts leave one row per old pid)."""
    deleted, _ = WorkerHeartbeat.objects.filter(seen_at__lt=timezone.now() - older_than).delete()
    return deleted


def on_spawn(sender, proc_name=None, **kwargs) -> None:
    beat()


def on_execute(sender, func=None, task=None, **kwargs) -> None:
    beat(task_run=True)
