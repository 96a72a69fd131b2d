"""What every statement on a workflow's queue is built from: quoted names, status, the fence.

Identifiers come from the Workflow's derived names (quoted), so a new workflow needs nothing
here. Every state change of a claimed row is fenced on still holding it (``held``): processing
status ``Processing`` and ``{workflow}_worker`` equal to the claim's token.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import connection
from psycopg.types.datetime import TimestamptzLoader

from scrapersky.status import Status

if TYPE_CHECKING:
    from scrapersky.workflows import Workflow


@dataclass(frozen=True)
class Names:
    """A workflow's queue identifiers, each quoted for SQL."""

    table: str
    cur: str
    proc: str
    err: str
    cur_type: str
    proc_type: str
    queued_at: str
    started_at: str
    finished_at: str
    attempts: str
    next_at: str
    lease: str
    worker: str


_NAMES: dict[tuple[str, str], Names] = {}


def names(workflow: Workflow) -> Names:
    """The quoted table, type and column names of ``workflow``'s queue.

    Built once per workflow: every claim, start and finish statement asks (thirteen quoted
    names, 1% of a worker's CPU when built per call). They derive from the name and the table
    alone, so a workflow re-declared with other knobs (a test's settings) shares them.
    """
    key = (workflow.name, workflow.table)
    found = _NAMES.get(key)
    if found is None:
        found = _NAMES[key] = _build_names(workflow)
    return found


def _build_names(workflow: Workflow) -> Names:
    q = connection.ops.quote_name
    return Names(
        table=q(workflow.table),
        cur=q(workflow.names.curation_field),
        proc=q(workflow.names.processing_field),
        err=q(workflow.names.error_field),
        cur_type=q(workflow.names.curation_db_type),
        proc_type=q(workflow.names.processing_db_type),
        queued_at=q(workflow.names.col("queued_at")),
        started_at=q(workflow.names.col("started_at")),
        finished_at=q(workflow.names.col("finished_at")),
        attempts=q(workflow.names.col("attempts")),
        next_at=q(workflow.names.col("next_attempt_at")),
        lease=q(workflow.names.col("lease_expires_at")),
        worker=q(workflow.names.col("worker")),
    )


def status(n: Names, curation: str, processing: str) -> str:
    """``SET`` both status columns (values from ``Status``)."""
    return f"{n.cur} = '{curation}'::{n.cur_type}, {n.proc} = '{processing}'::{n.proc_type}"


def held(n: Names) -> str:
    """The fence: the row is still Processing under this claim's token (parameter: token)."""
    return f"{n.proc} = '{Status.PROCESSING}'::{n.proc_type} AND {n.worker} = %s"


def int_array(values: Iterable[int]) -> str:
    """An int[] literal: psycopg dumps Python lists element by element in Python; this is C."""
    return "{" + ",".join(map(str, values)) + "}"


def ready(n: Names) -> str:
    """Queued and not in backoff: what a claim takes."""
    return f"""{n.proc} = '{Status.QUEUED}'::{n.proc_type}
                  AND ({n.next_at} IS NULL OR {n.next_at} <= now())"""


def fast_timestamps(cursor) -> None:
    if settings.USE_TZ:
        # Django's timestamptz loader is Python called per value (most of a claim's cost with
        # several timestamp columns); psycopg's C loader returns the same aware datetimes, in
        # the session's time zone, which Django keeps at the connection's.
        cursor.cursor.adapters.register_loader("timestamptz", TimestamptzLoader)
