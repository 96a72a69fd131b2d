"""Taking rows off a workflow's queue: the claim statement, starting claimed rows, giving them back.

A claim marks a batch ``Processing`` under one token with a lease, in one statement (SKIP LOCKED,
so concurrent workers take disjoint sets). Its rows are fenced on that token from then on
(``queue_sql.held``): finishing them is ``finish_sql``, renewing and rescuing leases ``leases``.
"""

# Identifiers come from the registry and are quoted with quote_name; values are parameters.
# ruff: noqa: S608

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import connection, connections, models
from django.db.models import signals
from django.db.models.base import ModelState

from processing.engine.queue_sql import (
    Names,
    fast_timestamps,
    held,
    int_array,
    names,
    ready,
    status,
)
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

    With ``per_domain`` (rows that have a ``domain_id``), a batch goes round the domains with
    ready rows and takes at most that many rows of each: see ``_round_robin_ids``. Parameters:
    lease seconds, token, then (only with ``per_domain``) the domain to start after, the domains
    to pass over and the per-domain cap, then the batch size.
    """
    is_ready = ready(n)
    ids = (
        _round_robin_ids(n, is_ready)
        if per_domain
        else f"""
               SELECT id FROM {n.table}
                WHERE {is_ready}
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


def has_ready_rows(workflow: Workflow) -> bool:
    """Whether a claim would find a row: one probe of the partial queue index.

    Every lane of every worker asks this four times a second while its queue is empty, so it is
    one prepared string, not a queryset compiled per call (the ORM's ``exists()`` was 4% of a
    worker's CPU at load).
    """
    n = names(workflow)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT EXISTS (SELECT FROM {n.table} WHERE {ready(n)})")
        return cursor.fetchone()[0]


def _round_robin_ids(n: Names, ready: str) -> str:
    """A batch's ids taken domain by domain (parameters: start after, domains to pass over,
    per-domain cap, batch size).

    The fetcher lets only a few requests per host run at once, so a batch must spread over many
    domains, and a domain queued late (a slow site, a big site's last sitemap) must not wait
    behind every row queued before it: first in, first out over the whole table put a slow
    host's pages behind 7,000 others in bench/pipeline.py, and the run waited for them at its
    end. So a claim walks the domains that have Queued rows in ``domain_id`` order, starting after
    the domain the run's previous claim ended on (``Rotation``), and takes each one's oldest
    ready rows, at most the cap, until the batch is full.

    The walk is a loose index scan (a recursive CTE) over the partial index on
    ``(domain_id, queued_at, id)`` of Queued rows: one index probe per domain visited, so a claim
    costs the same under a backlog of 50,000 rows as of 50. Each domain's rows are locked SKIP
    LOCKED where they are taken, so concurrent claims take disjoint rows; a domain whose ready
    rows are all locked, or all in backoff, gives none and the walk goes on; so does a domain the
    caller passes over (a run already holding enough of its rows, waiting for a free place: a
    slow site's pages would otherwise pile up in one worker while the other has none to help).
    """
    queued = f"'{Status.QUEUED}'::{n.proc_type}"
    return f"""
               WITH RECURSIVE walk(domain_id) AS (
                      (SELECT domain_id FROM {n.table}
                        WHERE {n.proc} = {queued} AND domain_id > %s
                        ORDER BY domain_id LIMIT 1)
                    UNION ALL
                      SELECT (SELECT q.domain_id FROM {n.table} AS q
                               WHERE q.{n.proc} = {queued} AND q.domain_id > walk.domain_id
                               ORDER BY q.domain_id LIMIT 1)
                        FROM walk WHERE walk.domain_id IS NOT NULL)
               SELECT taken.id
                 FROM walk CROSS JOIN LATERAL (
                      SELECT id FROM {n.table} AS r
                       WHERE r.domain_id = walk.domain_id AND {ready}
                         AND NOT (walk.domain_id = ANY(%s::bigint[]))
                       ORDER BY {n.queued_at}, id
                       LIMIT %s
                         FOR UPDATE SKIP LOCKED) AS taken
                LIMIT %s"""


@dataclass
class Rotation:
    """Where a run's next spread claim starts: after the domain its last claim ended on.

    Each run (each worker's lane) keeps its own, so concurrent runs walk the domains from
    different places; SKIP LOCKED keeps what they take disjoint either way.
    """

    after: int = 0  # before every domain: ids are positive (bigserial)


def _spread(workflow: Workflow, per_domain: int) -> int:
    """The per-domain cap for ``workflow``'s rows: 0 (first in, first out) without a domain."""
    if per_domain > 0 and any(f.attname == "domain_id" for f in workflow.model._meta.fields):
        return int(per_domain)
    return 0


def _claim_passes(
    workflow: Workflow,
    returning: str,
    *,
    token: str,
    batch_size: int,
    lease_seconds: float,
    per_domain: int,
    start: bool = False,
    rotation: Rotation | None = None,
    skip_domains: Iterable[int] = (),
    host_cap: int | None = None,
) -> list[tuple]:
    """Run the claim and return its records (``returning``, then ``domain_id`` when spread).

    A spread claim starts after ``rotation.after`` and takes nothing of ``skip_domains``; when the
    walk reaches the last domain with the batch not full, a second pass goes round from the
    first domain. ``rotation`` then moves to the domain the claim ended on.
    """
    per_domain = _spread(workflow, per_domain)
    n = names(workflow)
    head: list = [float(lease_seconds), token]
    if not per_domain:
        sql = claim_sql(n, returning, start=start)
        with connection.cursor() as cursor:
            fast_timestamps(cursor)
            cursor.execute(sql, [*head, int(batch_size)])
            return cursor.fetchall()
    rotation = rotation or Rotation()
    skip = [int(d) for d in skip_domains]
    if host_cap is not None:
        from processing.engine.politeness import claim_capped

        return claim_capped(
            n, returning, head, start, rotation, skip, per_domain, int(host_cap), int(batch_size)
        )
    sql = claim_sql(n, f"{returning}, domain_id", per_domain=per_domain, start=start)
    records: list[tuple] = []
    with connection.cursor() as cursor:
        fast_timestamps(cursor)
        for after in dict.fromkeys((rotation.after, 0)):  # the wrap-around pass, if needed
            wanted = int(batch_size) - len(records)
            cursor.execute(sql, [*head, after, skip, per_domain, wanted])
            taken = cursor.fetchall()
            records += taken
            if taken:
                rotation.after = max(record[-1] for record in taken)
            if len(records) >= batch_size:
                break
    return records


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
    rotation: Rotation | None = None,
    skip_domains: Iterable[int] = (),
    host_cap: int | None = None,
) -> list[models.Model]:
    """Claim up to ``batch_size`` queued rows; return them as model instances in queue order.

    One statement; a spread claim that reaches the last domain with the batch not full runs a
    second one from the first domain.

    Oldest first; with ``per_domain`` (and rows that have a ``domain_id``), domain by domain,
    at most that many rows of one domain (``_round_robin_ids``), starting after ``rotation``,
    none of ``skip_domains``.

    Rows in backoff (``next_attempt_at`` in the future) are skipped; rows locked by a concurrent
    claim are skipped (SKIP LOCKED), so concurrent workers claim disjoint sets.

    The claim's RETURNING carries every column, so the rows cost no second query. With
    ``start``, the claim starts the rows too (``claim_sql``): they carry their new attempts.
    """
    model = workflow.model
    fields = model._meta.concrete_fields
    q = connection.ops.quote_name
    records = _claim_passes(
        workflow,
        ", ".join(q(f.column) for f in fields),
        token=token,
        batch_size=batch_size,
        lease_seconds=lease_seconds,
        per_domain=per_domain,
        start=start,
        rotation=rotation,
        skip_domains=skip_domains,
        host_cap=host_cap,
    )
    names = [f.attname for f in fields]
    # The converters Django's compiler would apply to these columns (custom fields, backend).
    converters = []
    for i, f in enumerate(fields):
        col = f.get_col(model._meta.db_table)
        found = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
        converters.extend((i, col, convert) for convert in found)
    alias = connection.alias
    conn = connections[alias]  # the real wrapper, not the per-attribute proxy
    # Model.__init__ costs more per row than the claim itself. Without pre_init/post_init
    # receivers it only sets each attribute, which ``_instance`` does directly (as from_db would).
    direct = not (signals.pre_init.has_listeners(model) or signals.post_init.has_listeners(model))
    rows = []
    for record in records:
        values = list(record[: len(names)])
        for i, col, convert in converters:
            values[i] = convert(values[i], col, conn)
        if direct:
            rows.append(_instance(model, alias, names, values))
        else:
            rows.append(model.from_db(alias, names, values))
    queued_at = workflow.names.col("queued_at")
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
