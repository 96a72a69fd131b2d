"""Waking the workers (issue 27.4): a row queued in an idle cluster starts within a second,
through LISTEN/NOTIFY, with no schedule and the lanes' own poll a minute away."""

from __future__ import annotations

import time

import pytest
from django.db import connection
from engine_support import WORKFLOW, queue_rows, statuses, wait_for, worker_env

from curation.services import set_curation_status
from processing.models import WorkerHeartbeat
from scrapersky.workflows import get_workflow

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.workers]

WF = get_workflow(WORKFLOW)


def listeners() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND query = 'LISTEN scrapersky_queued'"
        )
        return cursor.fetchone()[0]


def test_a_row_queued_in_an_idle_cluster_starts_within_a_second(workers, record_file):
    from django_q.models import Schedule

    Schedule.objects.all().delete()  # no schedule: only the notification can wake a lane
    env = worker_env(
        {WORKFLOW: {"service": "engine_recording.noop"}},
        record_file,
        Q_WORKERS="2",
        SCRAPERSKY_IDLE_POLL_SECONDS="60",
    )
    proc = workers.start(["qcluster"], env)
    ready = wait_for(lambda: WorkerHeartbeat.objects.count() >= 2 and listeners() >= 2, timeout=60)
    assert ready, workers.log(proc)
    time.sleep(2.0)  # every lane has looked once and now waits for its minute-long poll
    waits = []
    for _ in range(3):
        [row_id] = queue_rows(1)
        WF.model.objects.filter(pk=row_id).update(
            **{WF.names.processing_field: None, WF.names.curation_field: "New"}
        )
        set_curation_status(
            workflow=WORKFLOW, status="Queued", ids=[row_id], actor="test", channel="command"
        )
        assert wait_for(
            lambda r=row_id: WF.model.objects.filter(
                pk=r, **{WF.names.processing_field: "Complete"}
            ).exists(),
            timeout=10,
        ), workers.log(proc)
        row = WF.model.objects.get(pk=row_id)
        waits.append(
            getattr(row, WF.names.col("started_at")) - getattr(row, WF.names.col("queued_at"))
        )
        time.sleep(1.0)
    assert all(w.total_seconds() < 1.0 for w in waits), waits
    assert statuses() == {"Complete": 3}
