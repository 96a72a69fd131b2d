"""Politeness across machines: a spread claim that keeps every domain under a deployment-wide cap.

The fetcher's gate (``PER_HOST_CONCURRENCY``) counts the requests of one process; ten worker
processes on five machines would each send that many to one small site. The claim is where every
worker meets, so the cap is kept there, in the database (issue 27.3).

The per-host delay and ``Retry-After`` go through the database too, as the host's gate (the
``request_gates`` row ``host:<host>``, sql/020): a worker process installs :class:`DatabaseHosts`
as the fetcher's shared gate, so a request to a host with ``PER_HOST_DELAY`` reserves its slot
across the deployment (``host_gate_reserve``), and a pause asked by a 429/503 is written there
(``host_gate_pause``) and told to every listening worker (``NOTIFY scrapersky_host_pause``;
``pause_heard``). A spread claim passes over a domain whose host's gate is closed, so rows of a
paused site are not claimed (and held) by any worker meanwhile.
"""

# Identifiers come from the registry and are quoted with quote_name; values are parameters.
# ruff: noqa: S608

from __future__ import annotations

import logging
import time

from django.db import connection, transaction

from processing.db_steps import db_step
from processing.engine.queue_sql import fast_timestamps, ready, status
from processing.fetcher.hosts import HOST_GATE
from scrapersky.status import Status

logger = logging.getLogger(__name__)

PAUSE_CHANNEL = "scrapersky_host_pause"


def _reserve(host: str, delay: float) -> float:
    with connection.cursor() as cursor:
        cursor.execute("SELECT host_gate_reserve(%s, %s)", [host, delay])
        return float(cursor.fetchone()[0])


def _pause(host: str, seconds: float) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT host_gate_pause(%s, %s)", [host, seconds])


class DatabaseHosts:
    """The fetcher's shared gate (``processing.fetcher.hosts.SharedHosts``) in the database.

    Its statements are database steps: from a row thread they run on the process's database
    threads (``processing.db_steps``), so a row waiting for its slot holds no connection.
    """

    def reserve(self, host: str, delay: float) -> float:
        return db_step(_reserve, host, delay)

    def pause(self, host: str, seconds: float) -> None:
        db_step(_pause, host, seconds)


def install_shared_hosts() -> None:
    """Make this process's fetchers keep the per-host delay and pauses deployment-wide."""
    HOST_GATE.shared = DatabaseHosts()


def pause_heard(payload: str) -> None:
    """A worker (maybe this one) paused a host: hold this process's threads off it too."""
    host, _, until = payload.rpartition(" ")
    try:
        seconds = float(until) - time.time()
    except ValueError:
        logger.warning("host pause: unreadable notification %r", payload)
        return
    if host:
        HOST_GATE.pause(host, seconds, share=False)


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
    domain never has more requests in flight than ``host_cap``, whatever the workers. A domain
    whose host's gate is closed (``request_gates``: paused, or its slots booked ahead by the
    per-host delay) is passed over too.
    """
    queued = f"'{Status.QUEUED}'::{n.proc_type}"
    processing = f"'{Status.PROCESSING}'::{n.proc_type}"
    # The gate's probe and the lock are a CASE in the walk's select list, in that order, so each
    # runs once per domain visited, only until LIMIT has its domains (as quals, the planner made
    # the gate an anti join against the whole walk: every domain with Queued rows was locked,
    # and a concurrent claim found none free).
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
        SELECT domain_id FROM (
               SELECT domain_id, CASE
                      WHEN domain_id = ANY(%(skip)s::bigint[]) THEN false
                      WHEN EXISTS (  -- the site's gate is closed (a pause, slots booked ahead)
                           SELECT FROM domains AS d JOIN request_gates AS g
                               ON g.name IN ('host:' || d.domain, 'host:www.' || d.domain)
                            WHERE d.id = walk.domain_id AND g.next_at > now()) THEN false
                      ELSE pg_try_advisory_xact_lock(
                           hashtext(%(table)s), (domain_id %% 2147483647)::int)
                      END AS free
                 FROM walk WHERE domain_id IS NOT NULL
               OFFSET 0) AS visited
         WHERE free
         LIMIT %(domains)s"""
    started = f"now(), {n.attempts} = {n.attempts} + 1" if start else "NULL"
    # The rows each domain has Processing are counted in one pass over the Processing rows
    # (``held``), not by a count per domain (each one a scan of every Processing row).
    claim = f"""
        WITH held AS MATERIALIZED (
               SELECT domain_id, count(*) AS n FROM {n.table}
                WHERE {n.proc} = {processing} AND domain_id = ANY(%(domain_ids)s::bigint[])
                GROUP BY domain_id)
        UPDATE {n.table} SET {status(n, Status.PROCESSING, Status.PROCESSING)},
               {n.started_at} = {started}, {n.finished_at} = NULL,
               {n.lease} = now() + make_interval(secs => %(lease)s), {n.worker} = %(token)s
         WHERE id = ANY(ARRAY(
               SELECT taken.id
                 FROM unnest(%(domain_ids)s::bigint[]) AS d(domain_id)
                 LEFT JOIN held ON held.domain_id = d.domain_id
                 CROSS JOIN LATERAL (
                      SELECT id FROM {n.table} AS r
                       WHERE r.domain_id = d.domain_id AND {ready(n)}
                       ORDER BY {n.queued_at}, id
                       LIMIT GREATEST(0, LEAST(%(per_domain)s,
                                               %(host_cap)s - coalesce(held.n, 0)))
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
