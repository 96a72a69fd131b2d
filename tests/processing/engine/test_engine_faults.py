"""Faults without loss (issue 16): random SIGKILLs, a database restart and an outage mid-run."""

from __future__ import annotations

import contextlib
import itertools
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from engine_recording import spans
from engine_support import WORKFLOW, queue_rows, statuses, wait_for, worker_env

from processing.engine import wake
from processing.engine.reaper import reap_expired_leases
from scrapersky.embedded_pg import ensure_server, stop_server
from scrapersky.workflows import get_workflow

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.workers]

WF = get_workflow(WORKFLOW)


def overrides(**knobs) -> dict:
    return {WORKFLOW: {"service": "engine_recording.record_span", "time_budget": 60, **knobs}}


def _group_members(pgid: int) -> list[int]:
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == pgid and fields[0] != "Z":
                members.append(int(entry.name))
    return members


def _assert_no_overlap(executions: dict, deaths: dict[int, float]) -> None:
    """No row ran twice at once; an execution cut by a kill ends when its process died."""
    for row_id, runs in executions.items():
        for before, after in itertools.pairwise(runs):
            _start, end, pgid, pid = before
            if end is None:
                end = deaths.get(pid, deaths.get(pgid))
                assert end is not None, f"row {row_id}: execution in {pid} never ended"
            assert after[0] >= end, f"row {row_id} ran twice at once: {before} and {after}"


def test_random_sigkills_lose_no_row_and_charge_only_rows_that_ran(workers, record_file):
    total = 3000
    ids = queue_rows(total)
    knobs = {"batch_size": 20, "concurrency": 4, "lease_seconds": 3}
    env = worker_env(overrides(**knobs), record_file, Q_WORKERS="2", ENGINE_RECORD_SLEEP="0.02")
    rng = random.Random(1616)
    deaths: dict[int, float] = {}  # pid or process group -> when it was killed
    kills = 0
    cluster = workers.start(["qcluster"], env)
    next_kill = time.monotonic() + rng.uniform(1, 2)
    next_wake = 0.0
    deadline = time.monotonic() + 300
    while statuses().get("Complete", 0) < total:
        assert time.monotonic() < deadline, (statuses(), workers.log(cluster))
        reap_expired_leases()  # the scheduled reaper's job, on the test's clock
        now = time.monotonic()
        if kills < 10 and now >= next_kill:
            if kills % 3 == 2:  # the whole cluster, then a fresh one
                workers.signal_group(cluster, signal.SIGKILL)
                deaths[cluster.pid] = time.time()
                cluster.wait(timeout=10)
                cluster = workers.start(["qcluster"], env)
            else:  # one worker process that is running rows
                running = {p for runs in spans(record_file).values() for *_, p in runs}
                victims = sorted(set(_group_members(cluster.pid)) & running)
                if victims:
                    victim = rng.choice(victims)
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(victim, signal.SIGKILL)
                    deaths[victim] = time.time()
            kills += 1
            next_kill = now + rng.uniform(0.7, 1.5)
        if now >= next_wake:
            wake.notify(WORKFLOW)  # what queueing rows sends (the lanes' poll is the fallback)
            next_wake = now + 2
        time.sleep(0.25)
    assert kills >= 4
    assert statuses() == {"Complete": total}  # no Error, none left Processing or Queued
    executions = spans(record_file)
    assert sorted(executions) == ids
    _assert_no_overlap(executions, deaths)
    # An attempt is counted when a row starts: rows that never ran in a killed batch kept theirs.
    extra = 0
    for row in WF.model.objects.all():
        used, ran = getattr(row, WF.names.col("attempts")), len(executions[row.pk])
        assert ran <= used <= ran + 1, (row.pk, used, executions[row.pk])
        extra += used - ran  # started, killed before the service's first line
    assert extra <= kills


# --- a database of our own, to restart and stop ------------------------------------------------


@pytest.fixture(scope="module")
def own_database():
    """A PostgreSQL server started by the test, with the project's schema, to stop at will."""
    # Not under pytest's tmp_path: that is private to root, and the server runs as nobody.
    parent = Path(tempfile.mkdtemp(prefix="scrapersky-outage-"))
    parent.chmod(0o755)
    data_dir = parent / "pgdata"
    server = ensure_server(data_dir, dbname="outage")
    url = server.url("outage")
    env = dict(os.environ, DATABASE_URL=url, SECRET_KEY=settings.SECRET_KEY)
    manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
    for command in (["migrate", "-v0"], ["apply_sql"]):
        subprocess.run([*manage, *command], env=env, check=True, capture_output=True)
    yield data_dir, url
    stop_server(data_dir)
    shutil.rmtree(parent, ignore_errors=True)


CONSUMER_LOOP = f"""
import threading, time
from django.db import connection
from processing.engine.reaper import reap_expired_leases
from processing.engine.runner import run_consumer
while True:
    try:
        reap_expired_leases()
    except Exception:
        connection.close_if_unusable_or_obsolete()
    result = run_consumer({WORKFLOW!r})
    others = [t.name for t in threading.enumerate() if t is not threading.main_thread()]
    if others:
        print("LEAKED THREADS", others, flush=True)
    time.sleep(0.2)
"""


def _own_statuses(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            f"SELECT {WF.names.processing_field}::text, count(*) FROM domains GROUP BY 1"
        ).fetchall()
    return {str(k): v for k, v in rows}


OUTAGE_SECONDS = 30  # the operator's test in issue 16: PostgreSQL stopped for 30 s mid-run


def test_database_restart_and_outage_mid_run_complete_every_row(own_database, workers, record_file):
    data_dir, url = own_database
    total = 600
    with psycopg.connect(url) as conn:
        conn.execute("TRUNCATE domains RESTART IDENTITY CASCADE")
        conn.execute(
            f"""INSERT INTO domains (domain, {WF.names.curation_field}, {WF.names.processing_field},
                   {WF.names.col("queued_at")})
                SELECT 'o' || g || '.example', 'Queued', 'Queued', now()
                  FROM generate_series(1, %s) g""",
            [total],
        )
    knobs = {"batch_size": 20, "concurrency": 4, "lease_seconds": 3}
    env = worker_env(overrides(**knobs), record_file, ENGINE_RECORD_SLEEP="0.03")
    env["DATABASE_URL"] = url
    procs = [workers.python(CONSUMER_LOOP, env) for _ in range(2)]

    def done() -> int:
        with contextlib.suppress(psycopg.OperationalError):
            return _own_statuses(url).get("Complete", 0)
        return 0

    assert wait_for(lambda: done() >= total // 4, timeout=120), workers.log(procs[0])
    stop_server(data_dir)  # a restart, with the workers mid-batch
    ensure_server(data_dir, dbname="outage")
    assert wait_for(lambda: done() >= total // 2, timeout=120), workers.log(procs[0])
    stop_server(data_dir)  # an outage: rows in flight, claims and renewals all fail
    time.sleep(OUTAGE_SECONDS)  # ten leases long: every row in flight outlives its lease
    ensure_server(data_dir, dbname="outage")
    assert wait_for(lambda: done() == total, timeout=180), workers.log(procs[0])
    assert _own_statuses(url) == {"Complete": total}
    _assert_no_overlap(spans(record_file), {})
    for proc in procs:  # the runner gave the process its own SIGTERM handling back
        proc.send_signal(signal.SIGTERM)
    for proc in procs:
        assert proc.wait(timeout=20) == -signal.SIGTERM, workers.log(proc)
        log = workers.log(proc)
        assert "LEAKED THREADS" not in log
        assert "teardown:" not in log  # every teardown step succeeded or was handled
