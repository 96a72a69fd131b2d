"""Rows of a worker proven dead are rescued at once; rows of a worker that might be alive never."""

from __future__ import annotations

import secrets
import socket
import subprocess
import sys
from datetime import timedelta

import pytest
from django.utils import timezone
from engine_support import WORKFLOW, queue_rows, statuses

from processing import heartbeat
from processing.engine import claims
from processing.engine.reaper import reap_expired_leases
from scrapersky.workflows import get_workflow
from tests.factories import WorkerHeartbeatFactory

pytestmark = pytest.mark.django_db(transaction=True)

WF = get_workflow(WORKFLOW)
HOST = socket.gethostname()


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.fixture
def live_pid():
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield proc.pid
    proc.kill()
    proc.wait()


def worker(pid: int, host: str = HOST) -> str:
    return f"{host}:{pid}:{secrets.token_hex(6)}"


def beat_as(worker: str, *, seen_at, boot_id=None, pid_namespace=None):
    host, pid, _nonce = worker.split(":")
    WorkerHeartbeatFactory(
        worker=worker,
        hostname=host,
        pid=int(pid),
        seen_at=seen_at,
        boot_id=boot_id or heartbeat.boot_id(),
        pid_namespace=pid_namespace or heartbeat.pid_namespace(),
    )


def silent():
    return timezone.now() - heartbeat.dead_after() - timedelta(seconds=1)


def claim_as(worker: str, n: int = 3) -> list[int]:
    ids = sorted(
        r.pk
        for r in claims.claim_rows(WF, token=f"{worker}:run1:1", batch_size=n, lease_seconds=300)
    )
    assert len(ids) == n
    return ids


def test_rows_of_a_gone_process_without_heartbeat_wait_for_their_lease():
    # Nothing says where it ran (which kernel, which pid namespace): no proof, the lease decides.
    queue_rows(3)
    claim_as(worker(dead_pid()))
    assert reap_expired_leases()[WORKFLOW]["requeued"] == []
    assert statuses() == {"Processing": 3}


def test_rows_of_a_gone_process_whose_heartbeat_went_silent_are_requeued():
    queue_rows(3)
    gone = worker(dead_pid())
    beat_as(gone, seen_at=silent())
    ids = claim_as(gone)
    assert reap_expired_leases()[WORKFLOW]["requeued"] == ids
    assert statuses() == {"Queued": 3}


def test_a_live_process_keeps_its_rows_even_with_a_silent_heartbeat(live_pid):
    queue_rows(3)
    alive = worker(live_pid)
    beat_as(alive, seen_at=timezone.now() - timedelta(hours=1))
    claim_as(alive)
    assert reap_expired_leases()[WORKFLOW]["requeued"] == []
    assert statuses() == {"Processing": 3}


def test_a_gone_pid_whose_heartbeat_is_fresh_keeps_its_rows():
    queue_rows(3)
    gone = worker(dead_pid())
    beat_as(gone, seen_at=timezone.now())
    claim_as(gone)
    assert reap_expired_leases()[WORKFLOW]["requeued"] == []
    assert statuses() == {"Processing": 3}


@pytest.mark.parametrize(
    "where",
    [{"pid_namespace": "pid:[1]"}, {"boot_id": "00000000-0000-0000-0000-000000000000"}],
    ids=["another pid namespace", "another machine"],
)
def test_a_silent_worker_with_this_hostname_elsewhere_keeps_its_rows(where):
    # A container sharing this hostname (another pid namespace), or another machine with the
    # same hostname (another boot id): its pid being absent here proves nothing.
    queue_rows(3)
    elsewhere = worker(dead_pid())
    beat_as(elsewhere, seen_at=silent(), **where)
    claim_as(elsewhere)
    assert reap_expired_leases()[WORKFLOW]["requeued"] == []
    assert statuses() == {"Processing": 3}


def test_rows_of_another_host_wait_for_their_lease():
    queue_rows(3)
    other = worker(dead_pid(), host=f"not-{HOST}")
    beat_as(other, seen_at=silent())
    claim_as(other)
    assert reap_expired_leases()[WORKFLOW]["requeued"] == []
    assert statuses() == {"Processing": 3}


def test_only_the_dead_workers_rows_are_touched(live_pid):
    queue_rows(6)
    gone, alive = worker(dead_pid()), worker(live_pid)
    beat_as(gone, seen_at=silent())
    beat_as(alive, seen_at=silent())
    dead = claim_as(gone)
    claim_as(alive)
    assert reap_expired_leases()[WORKFLOW]["requeued"] == dead
    assert statuses() == {"Processing": 3, "Queued": 3}


def test_a_worker_identity_is_new_in_every_forked_process():
    import os

    mine = heartbeat.worker_identity()
    read, write = os.pipe()
    child = os.fork()
    if child == 0:
        os.write(write, heartbeat.worker_identity().encode())
        os._exit(0)
    os.waitpid(child, 0)
    theirs = os.read(read, 200).decode()
    assert theirs.split(":")[2] != mine.split(":")[2]
    assert theirs.split(":")[1] == str(child)


def test_identity_of_a_claim_token():
    assert heartbeat.identity_of("web-1:4242:a1b2c3d4e5f6:ab12cd34:7") == "web-1:4242:a1b2c3d4e5f6"
    assert heartbeat.identity_of("web-1:4242:ab12cd34:7") == "web-1:4242"
    assert heartbeat.identity_of("garbage") is None
    assert heartbeat.identity_of("host:notapid:x:1") is None
