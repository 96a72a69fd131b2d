"""Machine faults while writing a row's results are retried, never charged to the row (11.2)."""

from __future__ import annotations

import threading
import time
from dataclasses import replace

import psycopg
import pytest
from django.db import connection
from engine_support import WORKFLOW, queue_rows, statuses, test_database_url

from curation.models import Domain, SitemapFile
from processing.engine.faults import is_transient_db_error
from processing.engine.runner import run_consumer
from scrapersky.workflows import get_workflow

pytestmark = pytest.mark.django_db(transaction=True)

WF = get_workflow(WORKFLOW)


def run(service, **knobs):
    settings = replace(
        WF.effective_knobs, **{"batch_size": 10, "concurrency": 3, "time_budget": 60, **knobs}
    )
    return run_consumer(WORKFLOW, service=service, knobs=settings, handle_signals=False)


def attempts(row_id: int) -> int:
    return getattr(WF.model.objects.get(pk=row_id), WF.names.col("attempts"))


def _backend_pid() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def _terminate(pid: int) -> None:
    """Kill a server backend from outside, as an operator or a failover would, and wait."""
    with psycopg.connect(test_database_url(), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])
        deadline = time.monotonic() + 10
        while admin.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid]).fetchone():
            assert time.monotonic() < deadline, "backend did not exit"
            time.sleep(0.02)


def test_a_connection_dropped_during_persist_is_retried_not_error():
    [row_id] = queue_rows(1)
    calls = []

    def service(domain):
        def persist():
            calls.append(1)
            SitemapFile.objects.create(domain=domain, url=f"https://{domain.domain}/sitemap.xml")
            if len(calls) == 1:
                _terminate(_backend_pid())  # the finisher's own connection, mid-transaction
                SitemapFile.objects.count()  # the server is gone for this connection

        return persist

    result = run(service)
    assert len(calls) == 2  # tried again on a new connection
    assert result.complete == 1 and result.errored == 0 and result.retried == 0
    assert statuses() == {"Complete": 1}
    assert SitemapFile.objects.filter(domain_id=row_id).count() == 1  # the first try rolled back
    assert attempts(row_id) == 1  # the machine's fault used no attempt


def test_a_real_deadlock_in_persist_is_retried_not_error():
    [row_id] = queue_rows(1)
    first = Domain.objects.create(domain="lock-a.example")
    second = Domain.objects.create(domain="lock-b.example")
    persist_holds_first = threading.Event()
    other_holds_second = threading.Event()
    calls = []
    other_error = []

    def other():
        # Another transaction taking the same two rows in the opposite order. Its own
        # deadlock_timeout is long, so PostgreSQL picks the persist as the victim.
        try:
            with psycopg.connect(test_database_url()) as conn:
                conn.execute("SET deadlock_timeout = '30s'")
                conn.execute("UPDATE domains SET notes = 'other' WHERE id = %s", [second.pk])
                other_holds_second.set()
                assert persist_holds_first.wait(10)
                conn.execute("UPDATE domains SET notes = 'other' WHERE id = %s", [first.pk])
                conn.commit()
        except Exception as exc:  # reported below, not swallowed
            other_error.append(exc)

    thread = threading.Thread(target=other)
    thread.start()

    def service(domain):
        assert other_holds_second.wait(10)

        def persist():
            calls.append(1)
            Domain.objects.filter(pk=first.pk).update(notes="persist")
            persist_holds_first.set()
            Domain.objects.filter(pk=second.pk).update(notes="persist")

        return persist

    try:
        result = run(service, concurrency=1)
    finally:
        thread.join(30)
    assert not other_error
    assert len(calls) >= 2
    assert result.complete == 1 and result.errored == 0
    assert getattr(WF.model.objects.get(pk=row_id), WF.names.processing_field) == "Complete"
    assert attempts(row_id) == 1
    # The retry ran after the other transaction committed: the persist's writes are last.
    assert set(
        Domain.objects.filter(pk__in=[first.pk, second.pk]).values_list("notes", flat=True)
    ) == {"persist"}


def test_one_bad_persist_in_a_group_errors_alone_and_the_others_complete():
    ids = queue_rows(12)
    bad = ids[5]

    def service(domain):
        # Finish at about the same moment, so the finisher writes several rows in one group.
        time.sleep(0.3)

        def persist():
            SitemapFile.objects.create(domain=domain, url=f"https://{domain.domain}/s.xml")
            if domain.pk == bad:
                raise ValueError("value rejected")

        return persist

    result = run(service, batch_size=12, concurrency=12)
    assert result.complete == 11 and result.errored == 1
    failed = WF.model.objects.get(pk=bad)
    assert getattr(failed, WF.names.error_field) == "persist failed: ValueError: value rejected"
    assert set(SitemapFile.objects.values_list("domain_id", flat=True)) == set(ids) - {bad}


@pytest.mark.parametrize(
    ("exc", "transient"),
    [
        (psycopg.errors.DeadlockDetected("deadlock detected"), True),
        (psycopg.errors.SerializationFailure("could not serialize"), True),
        (psycopg.errors.LockNotAvailable("lock timeout"), True),
        (psycopg.errors.AdminShutdown("terminating connection"), True),
        (psycopg.errors.CannotConnectNow("the database system is starting up"), True),
        (psycopg.errors.ConnectionFailure("connection failure"), True),
        (psycopg.OperationalError("the connection is closed"), True),
        (psycopg.errors.StringDataRightTruncation("value too long"), False),
        (psycopg.errors.UniqueViolation("duplicate key"), False),
        (ValueError("not a database error"), False),
    ],
)
def test_transient_database_errors_are_told_from_the_rows_own(exc, transient):
    from django.db import utils

    wrapped = utils.OperationalError(str(exc))
    wrapped.__cause__ = exc
    assert is_transient_db_error(exc) is transient
    if isinstance(exc, psycopg.Error):
        assert is_transient_db_error(wrapped) is transient  # as Django raises it
