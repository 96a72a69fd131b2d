"""The one module that owns the claim/finish SQL of every workflow's queue.

Statements are built from the Workflow's derived names (identifiers quoted), so a new workflow
needs nothing here. Every state change of a claimed row is fenced on still holding it: processing
status ``Processing`` and ``{workflow}_worker`` equal to the claim's token. A worker whose lease
was lost (the reaper requeued the row, another worker re-claimed it) changes nothing.
"""

# Identifiers come from the registry and are quoted with quote_name; values are parameters.
# ruff: noqa: S608

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.db import connection, transaction

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from django.db import models

    from scrapersky.workflows import Workflow


@dataclass(frozen=True)
class _Names:
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


def _names(workflow: Workflow) -> _Names:
    q = connection.ops.quote_name
    return _Names(
        table=q(workflow.table),
        cur=q(workflow.curation_field),
        proc=q(workflow.processing_field),
        err=q(workflow.error_field),
        cur_type=q(workflow.curation_db_type),
        proc_type=q(workflow.processing_db_type),
        queued_at=q(workflow.col("queued_at")),
        started_at=q(workflow.col("started_at")),
        finished_at=q(workflow.col("finished_at")),
        attempts=q(workflow.col("attempts")),
        next_at=q(workflow.col("next_attempt_at")),
        lease=q(workflow.col("lease_expires_at")),
        worker=q(workflow.col("worker")),
    )


def _status(n: _Names, curation: str, processing: str) -> str:
    return f"{n.cur} = '{curation}'::{n.cur_type}, {n.proc} = '{processing}'::{n.proc_type}"


def _held(n: _Names) -> str:
    """The fence: the row is still Processing under this claim's token (parameter: token)."""
    return f"{n.proc} = 'Processing'::{n.proc_type} AND {n.worker} = %s"


def claim(workflow: Workflow, *, token: str, batch_size: int, lease_seconds: float) -> list[int]:
    """Claim up to ``batch_size`` queued rows, oldest first, in one statement; return their ids.

    Rows in backoff (``next_attempt_at`` in the future) are skipped; rows locked by a concurrent
    claim are skipped (SKIP LOCKED), so concurrent workers claim disjoint sets.
    """
    n = _names(workflow)
    sql = f"""
        UPDATE {n.table} SET {_status(n, "Processing", "Processing")},
               {n.started_at} = now(), {n.finished_at} = NULL,
               {n.attempts} = {n.attempts} + 1,
               {n.lease} = now() + make_interval(secs => %s), {n.worker} = %s
         WHERE id IN (
               SELECT id FROM {n.table}
                WHERE {n.proc} = 'Queued'::{n.proc_type}
                  AND ({n.next_at} IS NULL OR {n.next_at} <= now())
                ORDER BY {n.queued_at}, id
                LIMIT %s
                  FOR UPDATE SKIP LOCKED)
        RETURNING id"""
    with connection.cursor() as cursor:
        cursor.execute(sql, [float(lease_seconds), token, int(batch_size)])
        return sorted(row[0] for row in cursor.fetchall())


def load(workflow: Workflow, ids: Iterable[int]) -> list[models.Model]:
    """The claimed rows as model instances, in queue order."""
    return list(
        workflow.model.objects.filter(pk__in=list(ids)).order_by(workflow.col("queued_at"), "pk")
    )


def complete(
    workflow: Workflow, row_id: int, *, token: str, persist: Callable[[], object] | None = None
) -> bool:
    """Run ``persist()`` and mark the row Complete in one transaction, fenced on the claim.

    The fence statement runs first and locks the row, so the reaper cannot requeue it while
    ``persist()`` writes. Returns False (and writes nothing) when the claim was lost. An exception
    from ``persist()`` rolls everything back and propagates.
    """
    n = _names(workflow)
    sql = f"""
        UPDATE {n.table} SET {_status(n, "Complete", "Complete")},
               {n.finished_at} = now(), {n.err} = NULL, {n.lease} = NULL, {n.next_at} = NULL
         WHERE id = %s AND {_held(n)}
        RETURNING id"""
    if persist is None:
        # Nothing to write but the status: one autocommit statement, no transaction round trips.
        with connection.cursor() as cursor:
            cursor.execute(sql, [row_id, token])
            return cursor.fetchone() is not None
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(sql, [row_id, token])
            if cursor.fetchone() is None:
                return False
        persist()
    return True


def complete_many(workflow: Workflow, held: Iterable[tuple[int, str]]) -> set[int]:
    """Mark many rows Complete in one statement, each fenced on its own claim token.

    For rows whose service had nothing to write: their outcome is the status alone, so grouping
    them loses no atomicity. Returns the ids completed (a row missing lost its claim).
    """
    pairs = list(held)
    if not pairs:
        return set()
    n = _names(workflow)
    sql = f"""
        UPDATE {n.table} AS t SET {_status(n, "Complete", "Complete")},
               {n.finished_at} = now(), {n.err} = NULL, {n.lease} = NULL, {n.next_at} = NULL
          FROM unnest(%s::bigint[], %s::text[]) AS held(id, token)
         WHERE t.id = held.id AND t.{n.proc} = 'Processing'::{n.proc_type}
           AND t.{n.worker} = held.token
        RETURNING t.id"""
    with connection.cursor() as cursor:
        cursor.execute(sql, [[i for i, _ in pairs], [t for _, t in pairs]])
        return {row[0] for row in cursor.fetchall()}


def fail(workflow: Workflow, row_id: int, *, token: str, message: str) -> bool:
    """Mark a held row Error with ``message``; False when the claim was lost."""
    n = _names(workflow)
    sql = f"""
        UPDATE {n.table} SET {_status(n, "Error", "Error")},
               {n.err} = %s, {n.finished_at} = now(), {n.lease} = NULL, {n.next_at} = NULL
         WHERE id = %s AND {_held(n)}"""
    with connection.cursor() as cursor:
        cursor.execute(sql, [message, row_id, token])
        return cursor.rowcount == 1


def retry(
    workflow: Workflow, row_id: int, *, token: str, message: str, next_attempt_at: datetime
) -> bool:
    """Put a held row back in the queue (attempts kept) not to be claimed before a time."""
    n = _names(workflow)
    sql = f"""
        UPDATE {n.table} SET {_status(n, "Queued", "Queued")},
               {n.err} = %s, {n.finished_at} = now(), {n.lease} = NULL, {n.worker} = NULL,
               {n.next_at} = %s
         WHERE id = %s AND {_held(n)}"""
    with connection.cursor() as cursor:
        cursor.execute(sql, [message, next_attempt_at, row_id, token])
        return cursor.rowcount == 1


def release(workflow: Workflow, ids: Iterable[int], *, token: str) -> int:
    """Give back claimed rows that were never started: Queued again, the attempt not consumed."""
    ids = list(ids)
    if not ids:
        return 0
    n = _names(workflow)
    sql = f"""
        UPDATE {n.table} SET {_status(n, "Queued", "Queued")},
               {n.attempts} = GREATEST({n.attempts} - 1, 0), {n.started_at} = NULL,
               {n.lease} = NULL, {n.worker} = NULL
         WHERE id = ANY(%s) AND {_held(n)}"""
    with connection.cursor() as cursor:
        cursor.execute(sql, [ids, token])
        return cursor.rowcount


def renew(workflow: Workflow, ids: Iterable[int], *, token: str, lease_seconds: float) -> list[int]:
    """Extend the lease of rows still held (heartbeat); return the ids still held."""
    ids = list(ids)
    if not ids:
        return []
    n = _names(workflow)
    sql = f"""
        UPDATE {n.table} SET {n.lease} = now() + make_interval(secs => %s)
         WHERE id = ANY(%s) AND {_held(n)}
        RETURNING id"""
    with connection.cursor() as cursor:
        cursor.execute(sql, [float(lease_seconds), ids, token])
        return [row[0] for row in cursor.fetchall()]


@dataclass(frozen=True)
class Reaped:
    requeued: list[int]
    errored: list[int]


def reap(workflow: Workflow, *, max_attempts: int, ids: Iterable[int] | None = None) -> Reaped:
    """Rescue Processing rows whose lease expired: requeue them, or Error after max_attempts.

    With ``ids``, only those rows (still only if their lease expired: a live row is never
    touched, so nothing runs twice at once).
    """
    n = _names(workflow)
    only = "AND id = ANY(%s)" if ids is not None else ""
    params_only = [list(ids)] if ids is not None else []
    expired = f"{n.proc} = 'Processing'::{n.proc_type} AND {n.lease} < now() {only}"
    when = f"to_char({n.lease} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC'"
    requeue_sql = f"""
        UPDATE {n.table} SET {_status(n, "Queued", "Queued")},
               {n.err} = 'worker lost (lease expired at ' || {when} || '); requeued, attempt '
                         || {n.attempts} || '/' || %s,
               {n.lease} = NULL, {n.worker} = NULL, {n.next_at} = NULL
         WHERE {expired} AND {n.attempts} < %s
        RETURNING id"""
    error_sql = f"""
        UPDATE {n.table} SET {_status(n, "Error", "Error")},
               {n.err} = 'worker lost (lease expired at ' || {when} || ') after '
                         || {n.attempts} || ' attempts',
               {n.finished_at} = now(), {n.lease} = NULL, {n.next_at} = NULL
         WHERE {expired} AND {n.attempts} >= %s
        RETURNING id"""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(requeue_sql, [str(max_attempts), *params_only, max_attempts])
        requeued = sorted(row[0] for row in cursor.fetchall())
        cursor.execute(error_sql, [*params_only, max_attempts])
        errored = sorted(row[0] for row in cursor.fetchall())
    return Reaped(requeued=requeued, errored=errored)


def requeue_stuck(workflow: Workflow, ids: Iterable[int] | None = None) -> list[int]:
    """Requeue Processing rows past their lease (operator action); attempts are kept."""
    n = _names(workflow)
    only = "AND id = ANY(%s)" if ids is not None else ""
    params = [list(ids)] if ids is not None else []
    sql = f"""
        UPDATE {n.table} SET {_status(n, "Queued", "Queued")},
               {n.err} = 'requeued by an operator (was stuck in Processing)',
               {n.lease} = NULL, {n.worker} = NULL, {n.next_at} = NULL
         WHERE {n.proc} = 'Processing'::{n.proc_type} AND {n.lease} < now() {only}
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
    n = _names(workflow)
    sql = f"""
        UPDATE {n.table} SET {n.lease} = now() - interval '1 millisecond'
         WHERE {n.proc} = 'Processing'::{n.proc_type} AND {n.lease} >= now()
           AND {n.worker} ^@ ANY(%s::text[])
        RETURNING id"""
    with connection.cursor() as cursor:
        cursor.execute(sql, [prefixes])
        return sorted(row[0] for row in cursor.fetchall())
