"""What a claim would take, as a filter, for the read side's figures (``insights``); the engine
itself asks ``claims.has_ready_rows``."""

from __future__ import annotations

from django.db.models import Q

from scrapersky.status import Status
from scrapersky.workflows import Workflow


def ready_filter(workflow: Workflow, *, now) -> Q:
    """Queued rows not in backoff: what a claim would take."""
    return Q(**{workflow.names.processing_field: Status.QUEUED}) & (
        Q(**{f"{workflow.names.col('next_attempt_at')}__isnull": True})
        | Q(**{f"{workflow.names.col('next_attempt_at')}__lte": now})
    )
