"""A connection shortage with real workers (issue 28.1): while a django-q2 cluster works a queue,
the workers' connection slots are taken for a few seconds (their role may open none, its open
connections are ended: every start, claim, finish and heartbeat needs a connection the server
refuses as "too many connections"), then given back. The workers slow down and do not wedge: no
row stays Processing beyond the shortage plus a claim interval, every row ends Complete, none is
charged an Error and none runs twice."""

from __future__ import annotations

import os
import time

import psycopg
import pytest
from django.db import connection
from engine_recording import recorded
from engine_support import (
    WORKFLOW,
    queue_rows,
    statuses,
    test_database_url,
    wait_for,
    worker_env,
)

from scrapersky.workflows import get_workflow

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.workers]

WF = get_workflow(WORKFLOW)
ROWS = 1200
SHORTAGE_SECONDS = 5.0
CLAIM_INTERVAL = 2.0  # SCRAPERSKY_IDLE_POLL_SECONDS: a lane that found nothing looks again
SLACK = 10.0  # a batch in flight (0.2 s a row) and backoffs on a shared 2-core machine


def ids_in(status: str) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id FROM domains WHERE {WF.names.processing_field}::text = %s", [status]
        )
        return [row[0] for row in cursor.fetchall()]


@pytest.fixture
def worker_role():
    """A login role of the workers' own (not a superuser: PostgreSQL applies a role's
    connection limit to it), with the rights the application needs; dropped afterwards."""
    role = f"shortage_worker_{os.getpid()}"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {role} LOGIN")
        for kind in ("TABLES", "SEQUENCES", "FUNCTIONS"):
            cursor.execute(f"GRANT ALL ON ALL {kind} IN SCHEMA public TO {role}")
    yield role
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", [role]
        )
        cursor.execute(f"DROP OWNED BY {role}")
        cursor.execute(f"DROP ROLE {role}")


def shortage(role: str, on: bool) -> None:
    """On: the role may open no connection and its open ones are ended, so each query of a
    worker needs a new connection and is refused ("too many connections for role", SQLSTATE
    53300, what "too many clients already" is): the slots taken, for the workers only, not for
    a test beside this one on the same server. Off: the slots are back."""
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER ROLE {role} CONNECTION LIMIT {0 if on else -1}")
        if on:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
                [role],
            )


def test_a_connection_shortage_slows_the_workers_and_sticks_no_row(
    workers, record_file, worker_role
):
    queue_rows(ROWS)
    knobs = {
        "service": "engine_recording.record",
        "batch_size": 20,
        "concurrency": 8,
        "time_budget": 60,
    }
    env = worker_env(
        {WORKFLOW: knobs},
        record_file,
        Q_WORKERS="2",
        ENGINE_RECORD_SLEEP="0.2",
        SCRAPERSKY_IDLE_POLL_SECONDS=str(CLAIM_INTERVAL),
        DATABASE_URL=test_database_url().replace("://postgres", f"://{worker_role}", 1),
    )
    proc = workers.start(["qcluster"], env)
    assert wait_for(lambda: statuses().get("Complete", 0) >= 50, timeout=90), workers.log(proc)

    shortage(worker_role, on=True)
    try:
        taken_at = time.monotonic()
        url = env["DATABASE_URL"]
        with pytest.raises(psycopg.OperationalError, match="too many"):
            psycopg.connect(url, connect_timeout=5).close()  # the shortage is real
        during = statuses()
        time.sleep(max(0.0, SHORTAGE_SECONDS - (time.monotonic() - taken_at)))
    finally:
        shortage(worker_role, on=False)
    released_at = time.monotonic()
    assert during.get("Queued", 0) > 0, ("the shortage came after the queue was done", during)

    # Back to work: the rows the shortage caught Processing (their starts, services' steps or
    # finishes failing) are done within a claim interval and a batch, and the queue drains.
    caught = ids_in("Processing")
    assert caught, "the shortage caught no row in flight"
    assert wait_for(
        lambda: not (set(ids_in("Processing")) & set(caught)), timeout=CLAIM_INTERVAL + SLACK
    ), ("rows stuck after the shortage", statuses(), workers.log(proc))
    cleared = time.monotonic() - released_at
    assert wait_for(lambda: statuses().get("Complete") == ROWS, timeout=120), (
        statuses(),
        workers.log(proc),
    )
    drained = time.monotonic() - released_at
    calls = recorded(record_file)
    assert len(calls) == len(set(calls)) == ROWS, "a row ran twice or never"
    assert "Error" not in statuses()
    print(
        f"shortage: no connection for {SHORTAGE_SECONDS:.0f} s while {during}; "
        f"{len(caught)} rows caught Processing, done {cleared:.1f} s after the slots came back; "
        f"the queue drained {drained:.1f} s after"
    )
