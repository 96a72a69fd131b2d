"""Taking rows off a workflow's queue: the claim statement, starting claimed rows, giving them back.

A claim marks a batch ``Processing`` under one token with a lease, in one statement (SKIP LOCKED,
so concurrent workers take disjoint sets). Its rows are fenced on that token from then on
(``queue_sql.held``): finishing them is ``finishing``, renewing and rescuing leases ``leases``.
"""

# Identifiers come from the registry and are quoted with quote_name; values are parameters.
# ruff: noqa: S608

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import connection, connections, models
from django.db.models import signals
from django.db.models.base import ModelState
from psycopg.types.datetime import TimestamptzLoader

from processing.engine.queue_sql import Names, held, int_array, names, status
from scrapersky.status import Status

if TYPE_CHECKING:
    from collections.abc import Iterable

    from scrapersky.workflows import Workflow


def claim_sql(n: Names, returning: str, *, per_domain: int = 0, start: bool = False) -> str:
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
    ready = f"""{n.proc} = '{Status.QUEUED}'::{n.proc_type}
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
        UPDATE {n.table} SET {status(n, Status.PROCESSING, Status.PROCESSING)},
               {n.started_at} = {started}, {n.finished_at} = NULL,
               {n.lease} = now() + make_interval(secs => %s), {n.worker} = %s
         WHERE id = ANY(ARRAY({ids}))
        RETURNING {returning}"""


def _spread_ids(n: Names, ready: str) -> str:
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
    sql = claim_sql(names(workflow), returning, per_domain=per_domain, start=start)
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
    n = names(workflow)
    sql = f"""
        UPDATE {n.table} SET {n.started_at} = now(), {n.attempts} = {n.attempts} + 1
         WHERE id = ANY(%s::bigint[]) AND {held(n)} AND {n.started_at} IS NULL
        RETURNING id, {n.attempts}"""
    with connection.cursor() as cursor:
        cursor.execute(sql, [int_array(ids), token])
        return dict(cursor.fetchall())


def release(workflow: Workflow, ids: Iterable[int], *, token: str) -> int:
    """Give back claimed rows that were never started: Queued again, in their old place.

    No attempt was counted for them (``start`` counts), so none is given back.
    """
    ids = list(ids)
    if not ids:
        return 0
    n = names(workflow)
    sql = f"""
        UPDATE {n.table} SET {status(n, Status.QUEUED, Status.QUEUED)},
               {n.lease} = NULL, {n.worker} = NULL
         WHERE id IN (SELECT id FROM {n.table}
                       WHERE id = ANY(%s) AND {held(n)} AND {n.started_at} IS NULL
                       ORDER BY id FOR UPDATE)"""
    with connection.cursor() as cursor:
        cursor.execute(sql, [ids, token])
        return cursor.rowcount
