"""Leases of claimed rows: renewed by the run holding them, rescued when their worker is gone."""

# Identifiers come from the registry and are quoted with quote_name; values are parameters.
# ruff: noqa: S608

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import connection, transaction

from processing.engine.queue_sql import held, names, status
from scrapersky.status import Status

if TYPE_CHECKING:
    from collections.abc import Iterable

    from scrapersky.workflows import Workflow


def renew_sql(workflow: Workflow) -> str:
    """The renewal statement (parameters: lease seconds, row ids, claim token), also run by the
    lease keeper process (``lease_keeper``), which has no workflow registry.

    Rows locked right now are skipped (SKIP LOCKED): their finish (or start) is being written,
    which needs no lease, and the heartbeat never waits on (or deadlocks with) its own run.
    """
    n = names(workflow)
    return f"""
        UPDATE {n.table} SET {n.lease} = now() + make_interval(secs => %s)
         WHERE id IN (SELECT id FROM {n.table} WHERE id = ANY(%s) AND {held(n)}
                       ORDER BY id FOR UPDATE SKIP LOCKED)
        RETURNING id"""


def renew(workflow: Workflow, ids: Iterable[int], *, token: str, lease_seconds: float) -> list[int]:
    """Extend the lease of rows still held (heartbeat); return the ids renewed."""
    ids = list(ids)
    if not ids:
        return []
    with connection.cursor() as cursor:
        cursor.execute(renew_sql(workflow), [float(lease_seconds), ids, token])
        return [row[0] for row in cursor.fetchall()]


@dataclass(frozen=True)
class Reaped:
    requeued: list[int]
    errored: list[int]


def reap(workflow: Workflow, *, max_attempts: int, ids: Iterable[int] | None = None) -> Reaped:
    """Rescue Processing rows whose lease expired: requeue them, or Error after max_attempts.

    A row whose service never started (``started_at`` NULL) was not charged an attempt: it goes
    back to its old place in the queue. A row that was running when its worker died goes behind
    the queue (a fresh ``queued_at``), so the batch that killed a worker is not claimed first
    again and rows that never ran are not burnt with it; it ends Error once it has used
    ``max_attempts``. The reason is kept in the error column either way. With ``ids``, only
    those rows (still only if their lease expired: a live row is never touched, so nothing runs
    twice at once). Rows locked right now are being finished by their worker: skipped.
    """
    n = names(workflow)
    only = "AND id = ANY(%s)" if ids is not None else ""
    params_only = [list(ids)] if ids is not None else []

    def expired(condition: str) -> str:
        return f"""id IN (SELECT id FROM {n.table}
                           WHERE {n.proc} = '{Status.PROCESSING}'::{n.proc_type}
                                 AND {n.lease} < now() {only} AND {condition}
                           ORDER BY id FOR UPDATE SKIP LOCKED)"""

    when = f"to_char({n.lease} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC'"
    ran = f"{n.started_at} IS NOT NULL"
    requeue_sql = f"""
        UPDATE {n.table} SET {status(n, Status.QUEUED, Status.QUEUED)},
               {n.err} = CASE WHEN {ran}
                   THEN 'worker lost while running it (lease expired at ' || {when}
                        || '); requeued behind the queue, attempt ' || {n.attempts} || '/' || %s
                   ELSE 'worker lost before starting it (lease expired at ' || {when}
                        || '); requeued, no attempt used' END,
               {n.queued_at} = CASE WHEN {ran} THEN now() ELSE {n.queued_at} END,
               {n.lease} = NULL, {n.worker} = NULL, {n.next_at} = NULL
         WHERE {expired(f"(NOT ({ran}) OR {n.attempts} < %s)")}
        RETURNING id"""
    error_sql = f"""
        UPDATE {n.table} SET {status(n, Status.ERROR, Status.ERROR)},
               {n.err} = 'worker lost while running it (lease expired at ' || {when}
                         || ') after ' || {n.attempts} || ' attempts',
               {n.finished_at} = now(), {n.lease} = NULL, {n.next_at} = NULL
         WHERE {expired(f"{ran} AND {n.attempts} >= %s")}
        RETURNING id"""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(requeue_sql, [str(max_attempts), *params_only, max_attempts])
        requeued = sorted(row[0] for row in cursor.fetchall())
        cursor.execute(error_sql, [*params_only, max_attempts])
        errored = sorted(row[0] for row in cursor.fetchall())
    return Reaped(requeued=requeued, errored=errored)


def requeue_stuck(workflow: Workflow, ids: Iterable[int] | None = None) -> list[int]:
    """Requeue Processing rows past their lease (operator action); attempts are kept."""
    n = names(workflow)
    only = "AND id = ANY(%s)" if ids is not None else ""
    params = [list(ids)] if ids is not None else []
    sql = f"""
        UPDATE {n.table} SET {status(n, Status.QUEUED, Status.QUEUED)},
               {n.err} = 'requeued by an operator (was stuck in Processing)',
               {n.lease} = NULL, {n.worker} = NULL, {n.next_at} = NULL
         WHERE {n.proc} = '{Status.PROCESSING}'::{n.proc_type} AND {n.lease} < now() {only}
        RETURNING id"""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return sorted(row[0] for row in cursor.fetchall())


def end_leases_of(workflow: Workflow, workers: Iterable[str]) -> list[int]:
    """End now the leases of Processing rows held by dead workers (``host:pid`` prefixes of their
    claim tokens), so the next ``reap`` rescues them without waiting for the lease to run out.

    Only for workers proven dead (``processing.heartbeat.certainly_dead``).
    """
    prefixes = [f"{worker}:" for worker in workers]
    if not prefixes:
        return []
    n = names(workflow)
    sql = f"""
        UPDATE {n.table} SET {n.lease} = now() - interval '1 millisecond'
         WHERE {n.proc} = '{Status.PROCESSING}'::{n.proc_type} AND {n.lease} >= now()
           AND {n.worker} ^@ ANY(%s::text[])
        RETURNING id"""
    with connection.cursor() as cursor:
        cursor.execute(sql, [prefixes])
        return sorted(row[0] for row in cursor.fetchall())
