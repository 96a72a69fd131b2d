"""Rows per status, counted in one place for the dashboard, the health endpoint and statistics.

Each figure is read through an index: a status column's index for the counts, the partial queue
index for the oldest queued row, the partial lease index for stuck rows. On a table bigger than
``SCRAPERSKY_DASHBOARD_EXACT_ROWS`` (by the planner's estimate) the callers may read the
planner's per-value estimates instead of counting millions of index entries.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import Count, Min, QuerySet

from insights.models import ColumnValueEstimate, TableEstimate
from scrapersky.conf import conf
from scrapersky.status import Status
from scrapersky.workflows import Workflow

NEVER_QUEUED = "None"  # the processing status of a row never queued (NULL)


def estimated_rows(table: str) -> int:
    """The planner's row count of ``table`` (-1: never analyzed)."""
    rows = TableEstimate.objects.filter(table_name=table).values_list("estimated_rows", flat=True)
    return next(iter(rows), -1)


def is_big(table: str) -> bool:
    """Whether ``table`` is past the size up to which every value is counted exactly."""
    return estimated_rows(table) >= int(conf.dashboard_exact_rows)


def grouped_counts(rows: QuerySet, column: str) -> dict[str, int]:
    """Rows per value of ``column`` (``NEVER_QUEUED`` for NULL): one ``GROUP BY``.

    ``count(*)``, never ``count(id)``: the id is not in the status index.
    """
    counted = rows.order_by().values_list(column).annotate(n=Count("*"))
    return {(value if value is not None else NEVER_QUEUED): n for value, n in counted}


def estimated_counts(table: str, column: str) -> dict[str, int]:
    """The planner's rows per common value of ``column`` (``NEVER_QUEUED`` for NULL)."""
    return {
        (NEVER_QUEUED if is_null else value): n
        for value, is_null, n in ColumnValueEstimate.objects.filter(
            table_name=table, column_name=column
        ).values_list("value", "is_null", "estimated_rows")
    }


def count_of(rows: QuerySet, column: str, value: str) -> int:
    """Rows whose ``column`` is ``value``, counted exactly through the column's index."""
    return rows.filter(**{column: value}).count()


def queued_count(workflow: Workflow) -> int:
    """Rows queued for ``workflow`` (backoff included): the partial queue index."""
    return count_of(workflow.model.objects, workflow.names.processing_field, Status.QUEUED)


def oldest_queued_seconds(workflow: Workflow, *, now: datetime) -> float | None:
    """Age of the oldest queued row: the first entry of the partial queue index."""
    queued = workflow.model.objects.filter(**{workflow.names.processing_field: Status.QUEUED})
    oldest = queued.aggregate(oldest=Min(workflow.names.col("queued_at")))["oldest"]
    return round((now - oldest).total_seconds(), 1) if oldest else None


def stuck_count(workflow: Workflow, *, now: datetime) -> int:
    """Rows Processing past their lease (a dead worker the reaper has not yet seen): read
    through the partial lease index."""
    return workflow.model.objects.filter(
        **{
            workflow.names.processing_field: Status.PROCESSING,
            f"{workflow.names.col('lease_expires_at')}__lt": now,
        }
    ).count()
