"""Politeness across machines: a spread claim that keeps every domain under a deployment-wide cap.

The fetcher's gate (``PER_HOST_CONCURRENCY``) counts the requests of one process; ten worker
processes on five machines would each send that many to one small site. The claim is where every
worker meets, so the cap is kept there, in the database (issue 27.3).
"""

# Identifiers come from the registry and are quoted with quote_name; values are parameters.
# ruff: noqa: S608

from __future__ import annotations

from django.db import connection, transaction

from processing.engine.queue_sql import fast_timestamps, ready, status
from scrapersky.status import Status


def claim_capped(n, returning, head, start, rotation, skip, per_domain, host_cap, batch_size):
    """A spread claim that keeps every domain at ``host_cap`` rows Processing at most, across
    every worker of the deployment (issue 27.3: politeness through the database).

    Two statements in one transaction. The first walks the domains with Queued rows (as
    ``_round_robin_ids`` does) and takes a transaction-level advisory lock on each it will claim
    from (``pg_try_advisory_xact_lock``: a domain another claim is working on right now is
    passed over, not waited for). The second, with a snapshot taken after those locks (READ
    COMMITTED: one per statement), sees every claim of those domains that committed before, and
    takes of each domain at most ``host_cap`` minus its rows already Processing. A row is
    Processing from its claim to its finish, and one row makes one request at a time, so a
    domain never has more requests in flight than ``host_cap``, whatever the workers.
    """
    queued = f"'{Status.QUEUED}'::{n.proc_type}"
    processing = f"'{Status.PROCESSING}'::{n.proc_type}"
    lock_sql = f"""
        WITH RECURSIVE walk(domain_id) AS (
               (SELECT domain_id FROM {n.table}
                 WHERE {n.proc} = {queued} AND domain_id > %(after)s
                 ORDER BY domain_id LIMIT 1)
             UNION ALL
               SELECT (SELECT q.domain_id FROM {n.table} AS q
                        WHERE q.{n.proc} = {queued} AND q.domain_id > walk.domain_id
                        ORDER BY q.domain_id LIMIT 1)
                 FROM walk WHERE walk.domain_id IS NOT NULL)
        SELECT domain_id FROM walk
         WHERE domain_id IS NOT NULL AND NOT (domain_id = ANY(%(skip)s::bigint[]))
           AND pg_try_advisory_xact_lock(hashtext(%(table)s), (domain_id %% 2147483647)::int)
         LIMIT %(domains)s"""
    started = f"now(), {n.attempts} = {n.attempts} + 1" if start else "NULL"
    claim = f"""
        UPDATE {n.table} SET {status(n, Status.PROCESSING, Status.PROCESSING)},
               {n.started_at} = {started}, {n.finished_at} = NULL,
               {n.lease} = now() + make_interval(secs => %(lease)s), {n.worker} = %(token)s
         WHERE id = ANY(ARRAY(
               SELECT taken.id
                 FROM unnest(%(domain_ids)s::bigint[]) AS d(domain_id) CROSS JOIN LATERAL (
                      SELECT id FROM {n.table} AS r
                       WHERE r.domain_id = d.domain_id AND {ready(n)}
                       ORDER BY {n.queued_at}, id
                       LIMIT GREATEST(0, LEAST(%(per_domain)s, %(host_cap)s - (
                             SELECT count(*) FROM {n.table} AS p
                              WHERE p.domain_id = d.domain_id AND p.{n.proc} = {processing})))
                         FOR UPDATE SKIP LOCKED) AS taken
                LIMIT %(batch)s))
        RETURNING {returning}, domain_id"""
    records: list[tuple] = []
    with transaction.atomic(), connection.cursor() as cursor:
        fast_timestamps(cursor)
        for after in dict.fromkeys((rotation.after, 0)):  # the wrap-around pass, if needed
            wanted = batch_size - len(records)
            cursor.execute(
                lock_sql, {"after": after, "skip": skip, "table": n.table, "domains": wanted}
            )
            domains = [row[0] for row in cursor.fetchall()]
            if not domains:
                continue
            cursor.execute(
                claim,
                {
                    "lease": head[0],
                    "token": head[1],
                    "domain_ids": domains,
                    "per_domain": per_domain,
                    "host_cap": host_cap,
                    "batch": wanted,
                },
            )
            records += cursor.fetchall()
            rotation.after = max(domains)
            if len(records) >= batch_size:
                break
    return records
