"""Worker identity across pid namespaces (issue 28.3): two clusters with one hostname, each in its
own pid namespace (as two containers), one frozen longer than the heartbeat's dead-after time:
the other never declares it dead, so no row runs twice at once."""

from __future__ import annotations

import itertools
import shutil
import signal
import time

import pytest
from engine_recording import spans
from engine_support import WORKFLOW, queue_rows, statuses, wait_for, worker_env

from processing import heartbeat
from processing.models import WorkerHeartbeat

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.workers]

ROWS = 200


def test_a_frozen_cluster_in_another_pid_namespace_is_not_reaped_while_its_lease_runs(
    workers, record_file
):
    assert shutil.which("unshare"), "util-linux unshare is needed (Debian: util-linux)"
    queue_rows(ROWS)
    knobs = {
        "service": "engine_recording.record_span_any_namespace",
        "batch_size": 10,
        "concurrency": 2,
        "lease_seconds": 60,
        "time_budget": 60,
    }
    env = worker_env({WORKFLOW: knobs}, record_file, Q_WORKERS="1", ENGINE_RECORD_SLEEP="0.1")
    unshare = ("unshare", "--pid", "--fork", "--mount-proc")
    # The frozen cluster's pids are made unlike the other's (300 short processes first): seen
    # from the other namespace they are gone, which used to pass for proof of death.
    burn = (
        "sh",
        "-c",
        'i=0; while [ $i -lt 300 ]; do /bin/true; i=$((i+1)); done; exec "$@"',
        "sh",
    )
    clusters = [
        workers.start(["qcluster"], env, prefix=(*unshare, *burn)),
        workers.start(["qcluster"], env, prefix=unshare),
    ]
    # Both beat from their own namespace, under this one hostname.
    assert wait_for(
        lambda: len({w.pid_namespace for w in WorkerHeartbeat.objects.all()}) >= 2, timeout=60
    ), workers.log(clusters[0])
    assert len({w.hostname for w in WorkerHeartbeat.objects.all()}) == 1
    assert wait_for(lambda: statuses().get("Complete", 0) >= 20, timeout=60)
    # Freeze the first cluster while it holds rows, for twice the dead-after time.
    frozen = clusters[0]
    workers.signal_group(frozen, signal.SIGSTOP)
    held = statuses().get("Processing", 0)
    assert held > 0
    time.sleep(2 * heartbeat.dead_after().total_seconds() + 1)
    workers.signal_group(frozen, signal.SIGCONT)
    assert wait_for(lambda: statuses().get("Complete") == ROWS, timeout=120), statuses()
    executions = spans(record_file)
    assert len(executions) == ROWS  # every row ran
    for row_id, runs in executions.items():
        for before, after in itertools.pairwise(runs):
            assert before[1] is not None and after[0] >= before[1], (
                f"row {row_id} ran twice at once: {before} and {after}"
            )
