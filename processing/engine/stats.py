"""The engine's one read of a queue: whether a claim would find a row (the read side's figures
are in ``insights``)."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from scrapersky.status import Status
from scrapersky.workflows import Workflow


def ready_filter(workflow: Workflow, *, now) -> Q:
    """Queued rows not in backoff: what a claim would take."""
    return Q(**{workflow.processing_field: Status.QUEUED}) & (
        Q(**{f"{workflow.col('next_attempt_at')}__isnull": True})
        | Q(**{f"{workflow.col('next_attempt_at')}__lte": now})
    )


def has_ready_rows(workflow: Workflow, *, now=None) -> bool:
    """Whether a claim would find a row: one probe of the partial queue index."""
    return workflow.model.objects.filter(ready_filter(workflow, now=now or timezone.now())).exists()
