"""A row holding the GIL (issue 28.4): its worker's lease heartbeat is frozen with it, so the
leases are renewed by the cluster's lease keeper, in another process. Real workers: the row runs
once, and a row that had finished before (its outcome waiting for the frozen finisher) runs once
and is Complete."""

from __future__ import annotations

import os
import time

import psutil
import pytest
from django.db import connection
from engine_recording import spans
from engine_support import WORKFLOW, queue_rows, statuses, wait_for, worker_env

from processing.engine.finisher import FINISH_WRITERS
from scrapersky.workflows import get_workflow

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.workers]

N = get_workflow(WORKFLOW).names
LEASE = 3
HOLD = 2 * LEASE + 1


def row_state(row_id: int) -> tuple[str, float | None, int]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT {N.processing_field}::text,
                       extract(epoch FROM {N.col("lease_expires_at")}), {N.col("attempts")}
                  FROM domains WHERE id = %s""",
            [row_id],
        )
        status, lease, attempts = cursor.fetchone()
    return status, (float(lease) if lease is not None else None), attempts


def test_a_row_holding_the_gil_keeps_its_lease_and_a_finished_bystander_runs_once(
    workers, record_file
):
    ids = queue_rows(8)
    *slow, bystander, hog = ids[: FINISH_WRITERS + 2]
    knobs = {
        "service": "engine_recording.gil_scene",
        "batch_size": 10,  # one worker claims the whole scene
        "concurrency": 8,
        "lease_seconds": LEASE,
        "max_attempts": 3,
        "time_budget": 120,
    }
    env = worker_env(
        {WORKFLOW: knobs},
        record_file,
        Q_WORKERS="2",  # the other worker would rescue (and run again) rows whose lease ran out
        ENGINE_GIL_ROWS=",".join(map(str, [*slow, bystander, hog])),
        ENGINE_GIL_SECONDS=str(HOLD),
    )
    proc = workers.start(["qcluster"], env)
    hold_file = f"{record_file}.hold"
    assert wait_for(lambda: os.path.exists(hold_file), timeout=60), workers.log(proc)
    time.sleep(0.05)
    with open(hold_file) as fh:
        held_at = float(fh.read())
    # While the hog holds the GIL: the bystander, finished, is still Processing (its outcome
    # waits for the frozen finisher), and the hog's lease is renewed past what it had.
    bystander_status = row_state(bystander)[0]
    leases = []
    while time.time() < held_at + HOLD - 0.5:
        leases.append(row_state(hog)[1])
        time.sleep(0.2)
    assert bystander_status == "Processing"
    # Renewed by the cluster's hub (the main process), no keeper process per worker (issue 27).
    commands = [" ".join(psutil.Process(pid).cmdline()) for pid in workers.session_pids(proc)]
    assert not [c for c in commands if "lease_keeper" in c], commands
    assert None not in leases, (held_at, leases, workers.log(proc))
    assert max(leases) > held_at + LEASE + 1, (held_at, leases, workers.log(proc))
    assert wait_for(lambda: statuses().get("Complete") == len(ids), timeout=60), (
        statuses(),
        workers.log(proc),
    )
    runs = spans(record_file)
    assert {row_id: len(r) for row_id, r in runs.items()} == dict.fromkeys(ids, 1)
    assert [row_state(row_id)[2] for row_id in ids] == [1] * len(ids)
    assert "renewing its leases" in workers.log(proc)
