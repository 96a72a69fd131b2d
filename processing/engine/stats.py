"""Queue statistics per workflow, for the workflow_stats command, a dashboard and health checks."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import timedelta

from django.db.models import Count, Min, Q
from django.utils import timezone

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


def ready_filter(workflow: Workflow, *, now) -> Q:
    """Queued rows not in backoff: what a claim would take."""
    return Q(**{workflow.processing_field: "Queued"}) & (
        Q(**{f"{workflow.col('next_attempt_at')}__isnull": True})
        | Q(**{f"{workflow.col('next_attempt_at')}__lte": now})
    )


def has_ready_rows(workflow: Workflow, *, now=None) -> bool:
    """Whether a claim would find a row: one probe of the partial queue index."""
    return workflow.model.objects.filter(ready_filter(workflow, now=now or timezone.now())).exists()


def oldest_queued_seconds(workflow: Workflow, *, now) -> float | None:
    """Age of the oldest queued row: the first entry of the partial queue index."""
    oldest = workflow.model.objects.filter(**{workflow.processing_field: "Queued"}).aggregate(
        oldest=Min(workflow.col("queued_at"))
    )["oldest"]
    return round((now - oldest).total_seconds(), 1) if oldest else None


def stuck_count(workflow: Workflow, *, now) -> int:
    """Rows Processing past their lease (a dead worker the reaper has not yet seen): read
    through the partial lease index."""
    return workflow.model.objects.filter(
        **{workflow.processing_field: "Processing", f"{workflow.col('lease_expires_at')}__lt": now}
    ).count()


def workflow_stats(workflow: Workflow, *, minutes: int = 60, now=None) -> WorkflowStats:
    """Counts by curation and processing status, queue age, recent throughput, stuck rows."""
    now = now or timezone.now()
    model = workflow.model
    cur, proc = workflow.curation_field, workflow.processing_field
    stats = WorkflowStats(workflow=workflow.name, table=workflow.table, recent_minutes=minutes)
    stats.curation = {
        row[cur]: row["n"] for row in model.objects.values(cur).annotate(n=Count("pk")).order_by()
    }
    stats.processing = {
        (row[proc] or "None"): row["n"]
        for row in model.objects.values(proc).annotate(n=Count("pk")).order_by()
    }
    ready = ready_filter(workflow, now=now)
    recent = Q(**{f"{workflow.col('finished_at')}__gte": now - timedelta(minutes=minutes)})
    agg = model.objects.aggregate(
        ready=Count("pk", filter=ready),
        recent=Count("pk", filter=recent),
    )
    stats.queued_ready = agg["ready"]
    stats.oldest_queued_seconds = oldest_queued_seconds(workflow, now=now)
    stats.finished_recently = agg["recent"]
    stats.stuck = stuck_count(workflow, now=now)
    return stats


def all_stats(*, minutes: int = 60, now=None) -> list[WorkflowStats]:
    """``workflow_stats`` for every registered workflow."""
    now = now or timezone.now()
    return [workflow_stats(w, minutes=minutes, now=now) for w in all_workflows()]
