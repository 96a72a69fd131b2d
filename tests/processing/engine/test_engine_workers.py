"""Real worker processes: four consumers exactly-once, a woken cluster, SIGKILL (stops: see
test_engine_worker_loop)."""

from __future__ import annotations

import signal
import time
from collections import Counter

import pytest
from engine_recording import recorded
from engine_support import WORKFLOW, queue_rows, statuses, wait_for, worker_env

from processing.engine.reaper import reap_expired_leases
from processing.engine.runner import run_consumer
from scrapersky.workflows import get_workflow

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.workers]

WF = get_workflow(WORKFLOW)
SERVICE = "engine_recording.record"


def overrides(**knobs) -> dict:
    return {WORKFLOW: {"service": SERVICE, "time_budget": 60, **knobs}}


def test_four_consumer_processes_process_2000_rows_exactly_once(workers, record_file):
    ids = queue_rows(2000)
    env = worker_env(overrides(batch_size=25, concurrency=4), record_file)
    code = (
        "from processing.engine.runner import run_consumer\n"
        f"r = run_consumer({WORKFLOW!r})\n"
        "assert r.stopped_by == 'empty', r\n"
    )
    procs = [workers.python(code, env) for _ in range(4)]
    for proc in procs:
        assert proc.wait(timeout=120) == 0, workers.log(proc)
    calls = Counter(recorded(record_file))
    assert sorted(calls) == ids
    assert set(calls.values()) == {1}  # every row exactly once
    assert statuses() == {"Complete": 2000}


def _start_cluster(workers, env):
    return workers.start(["qcluster"], env)


def test_a_kicked_django_q2_cluster_processes_queued_rows_within_two_seconds(workers, record_file):
    from curation.services import set_curation_status

    env = worker_env(overrides(), record_file, Q_WORKERS="2")
    _start_cluster(workers, env)
    # Warm up: the cluster is ready once a woken lane completed a row.
    [probe] = queue_rows(1)
    WF.model.objects.filter(pk=probe).update(**{WF.names.processing_field: None})
    set_curation_status(
        workflow=WORKFLOW, status="Queued", ids=[probe], actor="test", channel="command"
    )
    if not wait_for(lambda: statuses().get("Complete") == 1, timeout=30):
        workers.stop_all()
        pytest.fail(workers.log(workers.procs[0]))
    [row_id] = queue_rows(1)
    WF.model.objects.filter(pk=row_id).update(
        **{WF.names.processing_field: None, WF.names.curation_field: "New"}
    )
    time.sleep(0.6)
    started = time.monotonic()
    set_curation_status(
        workflow=WORKFLOW, status="Queued", ids=[row_id], actor="test", channel="command"
    )
    assert wait_for(lambda: statuses().get("Complete") == 2, timeout=10)
    assert time.monotonic() - started < 2.0


def test_sigkilled_cluster_rows_are_reaped_and_finished_by_a_fresh_consumer(
    workers, record_file, settings
):
    ids = queue_rows(120)
    knobs = {"batch_size": 10, "concurrency": 4, "lease_seconds": 2}
    env = worker_env(overrides(**knobs), record_file, Q_WORKERS="2", ENGINE_RECORD_SLEEP="0.1")
    cluster = _start_cluster(workers, env)
    from processing.engine import wake

    wake.notify(WORKFLOW)
    assert wait_for(lambda: statuses().get("Complete", 0) >= 10, timeout=30)
    workers.signal_group(cluster, signal.SIGKILL)
    cluster.wait(timeout=10)
    assert statuses().get("Processing", 0) > 0  # the dead worker's rows
    time.sleep(2.5)  # the 2 s lease runs out
    report = reap_expired_leases()[WORKFLOW]
    assert report["requeued"] and not report["errored"]
    settings.SCRAPERSKY_WORKFLOWS = overrides(**knobs)
    result = run_consumer(WORKFLOW, handle_signals=False)
    assert result.stopped_by == "empty"
    assert statuses() == {"Complete": len(ids)}
    assert set(recorded(record_file)) == set(ids)  # none lost (some ran twice: they died mid-way)
