"""Machine faults (issue 28.2): MemoryError, a full disk, no file descriptors are the machine's,
not the row's. Real workers: rows are retried uncharged, and a burst pauses the lane, on the
dashboard."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.db import connection
from django.utils import timezone
from engine_recording import recorded
from engine_support import WORKFLOW, queue_rows, statuses, wait_for, worker_env

from insights import dashboard
from processing.models import WorkerHeartbeat
from scrapersky.workflows import get_workflow

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.workers]

WF = get_workflow(WORKFLOW)
ROWS = 300
FAULT_SECONDS = 4.0


def attempts_histogram() -> dict[int, int]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {WF.names.col('attempts')}, count(*) FROM domains GROUP BY 1")
        return dict(cursor.fetchall())


@pytest.mark.parametrize("kind", ["memory", "enospc"])
def test_a_burst_of_machine_faults_charges_no_row_and_pauses_the_lane(workers, record_file, kind):
    queue_rows(ROWS)
    knobs = {
        "service": "engine_recording.machine_fault",
        "batch_size": 20,
        "concurrency": 4,
        "backoff_base": 0.2,
        "backoff_max": 1.0,
        "max_attempts": 2,  # before: one or two faults and the row was Error
        "time_budget": 60,
    }
    env = worker_env(
        {WORKFLOW: knobs},
        record_file,
        Q_WORKERS="2",
        ENGINE_FAULT_SECONDS=str(FAULT_SECONDS),
        ENGINE_FAULT_KIND=kind,
    )
    proc = workers.start(["qcluster"], env)
    # The burst pauses the lanes, and the dashboard says so while they are paused.
    warning = wait_for(
        lambda: dashboard.paused_lanes_warning(dashboard.compute()), timeout=30, every=0.1
    )
    assert warning, workers.log(proc)
    assert WORKFLOW in warning and ("MemoryError" in warning or "No space left" in warning)
    paused = [w for w in WorkerHeartbeat.objects.all() if w.paused_lanes]
    assert paused and WORKFLOW in paused[0].paused_lanes
    # Then the machine recovers: every row completes, none was charged for the faults.
    assert wait_for(lambda: statuses().get("Complete") == ROWS, timeout=90), (
        statuses(),
        workers.log(proc),
    )
    assert attempts_histogram() == {1: ROWS}
    assert sorted(recorded(record_file)) == sorted(set(recorded(record_file)))
    # The lanes resume: the dashboard's warning is gone once the last pause ends (a process
    # whose lane paused again in the burst pauses longer: 5 s, then 10, 20, ...).
    ends = [
        datetime.fromisoformat(pause["until"])
        for w in WorkerHeartbeat.objects.all()
        for pause in (w.paused_lanes or {}).values()
    ]
    wait = max([(end - timezone.now()).total_seconds() for end in ends], default=0)
    assert wait_for(
        lambda: not dashboard.paused_lanes_warning(dashboard.compute()), timeout=wait + 15
    ), WorkerHeartbeat.objects.values_list("worker", "paused_lanes")
