"""Starting rows (counting their attempt) goes through the run's starter thread, never the row
threads' own connections; a start that fails for a machine fault holds nothing up for long."""

from __future__ import annotations

import threading
import time
from dataclasses import replace

import pytest
from django.db import connection
from django.db.utils import OperationalError
from engine_support import WORKFLOW, queue_rows, statuses

from processing.engine import claims
from processing.engine.runner import run_consumer
from scrapersky.workflows import get_workflow

pytestmark = pytest.mark.django_db(transaction=True)

WF = get_workflow(WORKFLOW)


def knobs(**changes):
    return replace(
        WF.effective_knobs, **{"batch_size": 10, "concurrency": 8, "time_budget": 60, **changes}
    )


def attempts_of(ids):
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, {WF.names.col('attempts')} FROM domains WHERE id = ANY(%s)", [ids]
        )
        return dict(cursor.fetchall())


def test_row_threads_never_open_a_connection_for_their_starts():
    ids = queue_rows(40)
    opened = []

    def service(row):
        # The row thread's own connection: never opened by the engine for this row.
        opened.append(connection.connection is not None)
        time.sleep(0.01)

    result = run_consumer(WORKFLOW, service=service, knobs=knobs(), handle_signals=False)
    assert result.complete == 40
    assert opened and not any(opened)
    assert set(attempts_of(ids).values()) == {1}


def test_a_start_failing_for_a_while_delays_rows_and_sticks_none(monkeypatch):
    """Issue 28.1: rows whose start failed were held by the living run until it ended."""
    ids = queue_rows(30)
    real_start = claims.start
    failing_until = time.monotonic() + 1.5
    failures = []

    def flaky_start(workflow, row_ids, *, token):
        if time.monotonic() < failing_until:
            failures.append(len(list(row_ids)))
            raise OperationalError("FATAL: sorry, too many clients already")
        return real_start(workflow, row_ids, token=token)

    monkeypatch.setattr(claims, "start", flaky_start)
    ran = []
    result = run_consumer(
        WORKFLOW, service=lambda row: ran.append(row.pk), knobs=knobs(), handle_signals=False
    )
    assert failures, "the shortage happened"
    assert result.complete == 30 and result.released == 0
    assert sorted(ran) == ids  # every row ran once, after the shortage
    assert statuses() == {"Complete": 30}
    assert set(attempts_of(ids).values()) == {1}


def test_a_run_stopped_while_starts_fail_gives_its_rows_back_uncharged(monkeypatch):
    ids = queue_rows(10)  # one batch: the stop comes at its first start
    stop = threading.Event()

    def failing_start(workflow, row_ids, *, token):
        stop.set()
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(claims, "start", failing_start)
    result = run_consumer(
        WORKFLOW, service=lambda row: None, knobs=knobs(), handle_signals=False, stop=stop
    )
    assert result.complete == 0 and result.released == 10
    assert statuses() == {"Queued": 10}
    assert set(attempts_of(ids).values()) == {0}
