"""Queue statistics per workflow, for the ``workflow_stats`` command."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from insights.counts import grouped_counts, oldest_queued_seconds, stuck_count
from processing.engine.stats import ready_filter
from scrapersky.workflows import Workflow, all_workflows


@dataclass
class WorkflowStats:
    workflow: str
    table: str
    curation: dict[str, int] = field(default_factory=dict)
    processing: dict[str, int] = field(default_factory=dict)
    queued_ready: int = 0  # Queued and not in backoff
    oldest_queued_seconds: float | None = None
    finished_recently: int = 0
    recent_minutes: int = 60
    stuck: int = 0  # Processing past their lease: a dead worker the reaper has not yet seen

    def as_dict(self) -> dict:
        return asdict(self)


def workflow_stats(workflow: Workflow, *, minutes: int = 60, now=None) -> WorkflowStats:
    """Counts by curation and processing status, queue age, recent throughput, stuck rows."""
    now = now or timezone.now()
    rows = workflow.model.objects
    recent = Q(**{f"{workflow.names.col('finished_at')}__gte": now - timedelta(minutes=minutes)})
    agg = rows.aggregate(
        ready=Count("pk", filter=ready_filter(workflow, now=now)),
        recent=Count("pk", filter=recent),
    )
    return WorkflowStats(
        workflow=workflow.name,
        table=workflow.table,
        curation=grouped_counts(rows, workflow.names.curation_field),
        processing=grouped_counts(rows, workflow.names.processing_field),
        queued_ready=agg["ready"],
        oldest_queued_seconds=oldest_queued_seconds(workflow, now=now),
        finished_recently=agg["recent"],
        recent_minutes=minutes,
        stuck=stuck_count(workflow, now=now),
    )


def all_stats(*, minutes: int = 60, now=None) -> list[WorkflowStats]:
    """``workflow_stats`` for every registered workflow."""
    now = now or timezone.now()
    return [workflow_stats(w, minutes=minutes, now=now) for w in all_workflows()]
