"""The one module that owns the claim/finish SQL of every workflow's queue.

Statements are built from the Workflow's derived names (identifiers quoted), so a new workflow
needs nothing here. Every state change of a claimed row is fenced on still holding it: processing
status ``Processing`` and ``{workflow}_worker`` equal to the claim's token. A worker whose lease
was lost (the reaper requeued the row, another worker re-claimed it) changes nothing.
"""

# Identifiers come from the registry and are quoted with quote_name; values are parameters.
# ruff: noqa: S608

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import connection, connections, models, transaction
from django.db.models import signals
from django.db.models.base import ModelState
from psycopg.types.datetime import TimestamptzLoader

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

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


def _claim_sql(n: _Names, returning: str, *, per_domain: int = 0, start: bool = False) -> str:
    """The claim statement (also the bench's bare baseline, so both claim the same way).

    Claimed is not started: ``started_at`` stays NULL and no attempt is counted until the
    service starts on the row (``start``), so rows of a batch that never ran keep their attempts.
    With ``start``, the claim also starts every row it takes (one statement instead of two), for
    a runner whose service is so fast that the whole batch runs within the start window anyway.
    ``= ANY(ARRAY(...))`` makes the outer update look the ids up in the primary key; ``IN
    (SELECT ...)`` lets the planner hash-join against a scan of the whole table.

    With ``per_domain`` (rows that have a ``domain_id``), a batch takes at most that many rows
    of one domain: see ``_spread_ids``. Parameters: lease seconds, token, batch size, then (only
    with ``per_domain``) the window size and the per-domain cap.
    """
    ready = f"""{n.proc} = 'Queued'::{n.proc_type}
                  AND ({n.next_at} IS NULL OR {n.next_at} <= now())"""
    ids = (
        _spread_ids(n, ready)
        if per_domain
        else f"""
               SELECT id FROM {n.table}
                WHERE {ready}
                ORDER BY {n.queued_at}, id
                LIMIT %s
                  FOR UPDATE SKIP LOCKED"""
    )
    started = f"now(), {n.attempts} = {n.attempts} + 1" if start else "NULL"
    return f"""
        UPDATE {n.table} SET {_status(n, "Processing", "Processing")},
               {n.started_at} = {started}, {n.finished_at} = NULL,
               {n.lease} = now() + make_interval(secs => %s), {n.worker} = %s
         WHERE id = ANY(ARRAY({ids}))
        RETURNING {returning}"""


def _spread_ids(n: _Names, ready: str) -> str:
    """The ids of a batch spread over domains (parameters: window, per-domain cap, batch size).

    Pages are queued a sitemap at a time, so the oldest rows are mostly one site's, and the
    fetcher lets only a few requests per host run at once: a batch of one domain leaves most
    threads waiting on that host. The window (the oldest ready rows, through the partial queue
    index) is locked SKIP LOCKED like a plain claim's batch, so concurrent claims see disjoint
    windows; it is cut to at most the cap per domain, oldest first. The rows of the window not
    taken stay Queued (their locks end with the statement).
    """
    return f"""
               SELECT id FROM (
                      SELECT id, queued_at, row_number() OVER (
                             PARTITION BY domain_id ORDER BY queued_at, id) AS nth
                        FROM (SELECT id, domain_id, {n.queued_at} AS queued_at FROM {n.table}
                               WHERE {ready}
                               ORDER BY {n.queued_at}, id
                               LIMIT %s
                                 FOR UPDATE SKIP LOCKED) AS oldest) AS ranked
                WHERE nth <= %s
                ORDER BY queued_at, id
                LIMIT %s"""


def _claim_statement(
    workflow: Workflow,
    returning: str,
    *,
    token: str,
    batch_size: int,
    lease_seconds: float,
    per_domain: int,
    start: bool = False,
) -> tuple[str, list]:
    """The claim statement and its parameters; the per-domain cap only for rows with a domain."""
    params: list = [float(lease_seconds), token]
    if per_domain > 0 and any(f.attname == "domain_id" for f in workflow.model._meta.fields):
        params += [int(batch_size) * CLAIM_WINDOW_BATCHES, int(per_domain)]
    else:
        per_domain = 0
    sql = _claim_sql(_names(workflow), returning, per_domain=per_domain, start=start)
    return sql, [*params, int(batch_size)]


# The spread claim looks at this many batches' worth of the oldest queued rows.
CLAIM_WINDOW_BATCHES = 8


def claim(
    workflow: Workflow, *, token: str, batch_size: int, lease_seconds: float, per_domain: int = 0
) -> list[int]:
    """Claim up to ``batch_size`` queued rows, oldest first, in one statement; return their ids.

    With ``per_domain`` (and rows that have a ``domain_id``), at most that many rows of one
    domain (``_spread_ids``).

    Rows in backoff (``next_attempt_at`` in the future) are skipped; rows locked by a concurrent
    claim are skipped (SKIP LOCKED), so concurrent workers claim disjoint sets.
    """
    sql, params = _claim_statement(
        workflow,
        "id",
        token=token,
        batch_size=batch_size,
        lease_seconds=lease_seconds,
        per_domain=per_domain,
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return sorted(row[0] for row in cursor.fetchall())


def _instance(model: type[models.Model], alias: str, names: list[str], values: list):
    obj = model.__new__(model)
    obj.__dict__.update(zip(names, values, strict=True))
    state = obj._state = ModelState()
    state.adding = False
    state.db = alias
    return obj


def claim_rows(
    workflow: Workflow,
    *,
    token: str,
    batch_size: int,
    lease_seconds: float,
    per_domain: int = 0,
    start: bool = False,
) -> list[models.Model]:
    """``claim``, returning the claimed rows as model instances in queue order.

    The claim's RETURNING carries every column, so the rows cost no second query. With
    ``start``, the claim starts the rows too (``_claim_sql``): they carry their new attempts.
    """
    model = workflow.model
    fields = model._meta.concrete_fields
    q = connection.ops.quote_name
    returning = ", ".join(q(f.column) for f in fields)
    sql, params = _claim_statement(
        workflow,
        returning,
        token=token,
        batch_size=batch_size,
        lease_seconds=lease_seconds,
        per_domain=per_domain,
        start=start,
    )
    names = [f.attname for f in fields]
    # The converters Django's compiler would apply to these columns (custom fields, backend).
    converters = []
    for i, f in enumerate(fields):
        col = f.get_col(model._meta.db_table)
        found = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
        converters.extend((i, col, convert) for convert in found)
    with connection.cursor() as cursor:
        if settings.USE_TZ:
            # Django's timestamptz loader is Python called per value (most of a claim's cost
            # with several timestamp columns); psycopg's C loader returns the same aware
            # datetimes, in the session's time zone, which Django keeps at the connection's.
            cursor.cursor.adapters.register_loader("timestamptz", TimestamptzLoader)
        cursor.execute(sql, params)
        records = cursor.fetchall()
    alias = connection.alias
    conn = connections[alias]  # the real wrapper, not the per-attribute proxy
    # Model.__init__ costs more per row than the claim itself. Without pre_init/post_init
    # receivers it only sets each attribute, which ``_instance`` does directly (as from_db would).
    direct = not (signals.pre_init.has_listeners(model) or signals.post_init.has_listeners(model))
    rows = []
    for record in records:
        values = list(record)
        for i, col, convert in converters:
            values[i] = convert(values[i], col, conn)
        if direct:
            rows.append(_instance(model, alias, names, values))
        else:
            rows.append(model.from_db(alias, names, values))
    queued_at = workflow.col("queued_at")
    rows.sort(key=lambda r: (getattr(r, queued_at) is None, getattr(r, queued_at), r.pk))
    return rows


def start(workflow: Workflow, ids: Iterable[int], *, token: str) -> dict[int, int]:
    """Record that the service starts on held rows: the attempt is counted now, not at claim.

    Returns ``{id: attempts}`` for the rows still held (a row missing lost its claim). Only
    this claim's worker writes these rows (the heartbeat and the reaper skip locked rows), so the
    statement needs no explicit lock order.
    """
    ids = sorted(ids)
    if not ids:
        return {}
    n = _names(workflow)
    sql = f"""
        UPDATE {n.table} SET {n.started_at} = now(), {n.attempts} = {n.attempts} + 1
         WHERE id = ANY(%s::bigint[]) AND {_held(n)} AND {n.started_at} IS NULL
        RETURNING id, {n.attempts}"""
    with connection.cursor() as cursor:
        cursor.execute(sql, [_int_array(ids), token])
        return dict(cursor.fetchall())


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


@dataclass(slots=True)  # not frozen: one is made per row, and frozen __init__ is slower
class Outcome:
    """How one held row ends: ``kind`` is "complete", "error" or "retry" (Queued again)."""

    row_id: int
    token: str
    kind: str
    message: str | None = None
    next_attempt_at: datetime | None = None
    persist: Callable[[], object] | None = field(default=None, compare=False)


_KINDS = {"complete": 0, "error": 1, "retry": 2}  # 0-based index into the statement's ARRAY


def _int_array(values: Iterable[int]) -> str:
    """An int[] literal: psycopg dumps Python lists element by element in Python; this is C."""
    return "{" + ",".join(map(str, values)) + "}"


def finish(workflow: Workflow, outcomes: Iterable[Outcome]) -> set[int]:
    """Write the outcomes of many rows in one transaction, each fenced on its own claim token.

    One statement sets every row's status (Complete, Error, or Queued for a retry); then the
    ``persist()`` of each row still held runs, in the given order, in
    the same transaction. Returns the ids written (a row missing lost its claim and had nothing
    written). An exception from any ``persist()`` rolls the whole group back and propagates:
    the caller tries the rows one by one to find the culprit.
    """
    outcomes = list(outcomes)
    if not outcomes:
        return set()
    persisting = [o for o in outcomes if o.persist is not None]  # in the caller's order
    # In id order, the rows are looked up (and locked) in id order: the statement joins the
    # primary key in a nested loop over this list.
    outcomes.sort(key=lambda o: o.row_id)
    n = _names(workflow)
    cur_t, proc_t = n.cur_type, n.proc_type
    # Per row: its id, the index of its token and of its message (0: none) in short arrays of
    # the distinct values, and its kind. Most groups are all "complete" under one or two tokens.
    sql = f"""
        UPDATE {n.table} AS t
           SET {n.cur} = h.status::{cur_t}, {n.proc} = h.status::{proc_t},
               {n.err} = h.message, {n.finished_at} = now(), {n.lease} = NULL,
               {n.next_at} = h.next_at,
               {n.worker} = CASE WHEN h.status = 'Queued' THEN NULL ELSE t.{n.worker} END
          FROM (SELECT k.id, (%s::text[])[k.tok] AS token,
                       (ARRAY['Complete', 'Error', 'Queued'])[k.kind + 1] AS status,
                       (%s::text[])[NULLIF(k.msg, 0)] AS message,
                       (%s::timestamptz[])[NULLIF(k.msg, 0)] AS next_at
                  FROM unnest(%s::bigint[], %s::int[], %s::int[], %s::int[])
                       AS k(id, tok, kind, msg)) AS h
         WHERE t.id = h.id AND t.{n.worker} = h.token AND t.{n.proc} = 'Processing'::{proc_t}
        RETURNING t.id"""
    tokens: dict[str, int] = {}
    messages: list[str] = []
    next_ats: list[datetime | None] = []
    tok_idx, msg_idx = [], []
    for o in outcomes:
        tok_idx.append(tokens.setdefault(o.token, len(tokens) + 1))
        if o.message is None and o.next_attempt_at is None:
            msg_idx.append(0)
        else:
            messages.append(o.message)
            next_ats.append(o.next_attempt_at)
            msg_idx.append(len(messages))
    ids = _int_array(o.row_id for o in outcomes)
    toks = _int_array(tok_idx)
    token_list = list(tokens)
    params = [
        token_list,
        messages,
        next_ats,
        ids,
        toks,
        _int_array(_KINDS[o.kind] for o in outcomes),
        _int_array(msg_idx),
    ]
    if not persisting:
        # Statuses only: one autocommit statement, no transaction round trips.
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return {row[0] for row in cursor.fetchall()}
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            held = {row[0] for row in cursor.fetchall()}
        for outcome in persisting:
            if outcome.row_id in held:
                outcome.persist()
    return held


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
    """Give back claimed rows that were never started: Queued again, in their old place.

    No attempt was counted for them (``start`` counts), so none is given back.
    """
    ids = list(ids)
    if not ids:
        return 0
    n = _names(workflow)
    sql = f"""
        UPDATE {n.table} SET {_status(n, "Queued", "Queued")},
               {n.lease} = NULL, {n.worker} = NULL
         WHERE id IN (SELECT id FROM {n.table}
                       WHERE id = ANY(%s) AND {_held(n)} AND {n.started_at} IS NULL
                       ORDER BY id FOR UPDATE)"""
    with connection.cursor() as cursor:
        cursor.execute(sql, [ids, token])
        return cursor.rowcount


def renew(workflow: Workflow, ids: Iterable[int], *, token: str, lease_seconds: float) -> list[int]:
    """Extend the lease of rows still held (heartbeat); return the ids renewed.

    Rows locked right now are skipped (SKIP LOCKED): their finish (or start) is being written,
    which needs no lease, and the heartbeat never waits on (or deadlocks with) its own run.
    """
    ids = list(ids)
    if not ids:
        return []
    n = _names(workflow)
    sql = f"""
        UPDATE {n.table} SET {n.lease} = now() + make_interval(secs => %s)
         WHERE id IN (SELECT id FROM {n.table} WHERE id = ANY(%s) AND {_held(n)}
                       ORDER BY id FOR UPDATE SKIP LOCKED)
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

    A row whose service never started (``started_at`` NULL) was not charged an attempt: it goes
    back to its old place in the queue. A row that was running when its worker died goes behind
    the queue (a fresh ``queued_at``), so the batch that killed a worker is not claimed first
    again and rows that never ran are not burnt with it; it ends Error once it has used
    ``max_attempts``. The reason is kept in the error column either way. With ``ids``, only
    those rows (still only if their lease expired: a live row is never touched, so nothing runs
    twice at once). Rows locked right now are being finished by their worker: skipped.
    """
    n = _names(workflow)
    only = "AND id = ANY(%s)" if ids is not None else ""
    params_only = [list(ids)] if ids is not None else []

    def expired(condition: str) -> str:
        return f"""id IN (SELECT id FROM {n.table}
                           WHERE {n.proc} = 'Processing'::{n.proc_type} AND {n.lease} < now()
                                 {only} AND {condition}
                           ORDER BY id FOR UPDATE SKIP LOCKED)"""

    when = f"to_char({n.lease} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC'"
    ran = f"{n.started_at} IS NOT NULL"
    requeue_sql = f"""
        UPDATE {n.table} SET {_status(n, "Queued", "Queued")},
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
        UPDATE {n.table} SET {_status(n, "Error", "Error")},
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
