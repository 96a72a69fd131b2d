"""Rows of a worker proven dead are rescued at once; rows of a worker that might be alive never."""

from __future__ import annotations

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


def claim_as(worker: str, n: int = 3) -> list[int]:
    ids = claims.claim(WF, token=f"{worker}:run1:1", batch_size=n, lease_seconds=300)
    assert len(ids) == n
    return ids


def test_rows_of_a_gone_process_without_heartbeat_are_requeued_before_their_lease_ends():
    queue_rows(3)
    ids = claim_as(f"{HOST}:{dead_pid()}")
    assert reap_expired_leases()[WORKFLOW]["requeued"] == ids
    assert statuses() == {"Queued": 3}


def test_rows_of_a_gone_process_whose_heartbeat_went_silent_are_requeued():
    queue_rows(3)
    pid = dead_pid()
    silent = timezone.now() - heartbeat.dead_after() - timedelta(seconds=1)
    WorkerHeartbeatFactory(worker=f"{HOST}:{pid}", hostname=HOST, pid=pid, seen_at=silent)
    ids = claim_as(f"{HOST}:{pid}")
    assert reap_expired_leases()[WORKFLOW]["requeued"] == ids


def test_a_live_process_keeps_its_rows_even_with_a_silent_heartbeat(live_pid):
    queue_rows(3)
    silent = timezone.now() - timedelta(hours=1)
    WorkerHeartbeatFactory(worker=f"{HOST}:{live_pid}", hostname=HOST, pid=live_pid, seen_at=silent)
    claim_as(f"{HOST}:{live_pid}")
    assert reap_expired_leases()[WORKFLOW]["requeued"] == []
    assert statuses() == {"Processing": 3}


def test_a_gone_pid_whose_heartbeat_is_fresh_keeps_its_rows():
    # Another pid namespace with this hostname would look like this: never reap it early.
    queue_rows(3)
    pid = dead_pid()
    WorkerHeartbeatFactory(worker=f"{HOST}:{pid}", hostname=HOST, pid=pid, seen_at=timezone.now())
    claim_as(f"{HOST}:{pid}")
    assert reap_expired_leases()[WORKFLOW]["requeued"] == []
    assert statuses() == {"Processing": 3}


def test_rows_of_another_host_wait_for_their_lease():
    queue_rows(3)
    claim_as(f"not-{HOST}:{dead_pid()}")
    assert reap_expired_leases()[WORKFLOW]["requeued"] == []
    assert statuses() == {"Processing": 3}


def test_only_the_dead_workers_rows_are_touched(live_pid):
    queue_rows(6)
    dead = claim_as(f"{HOST}:{dead_pid()}")
    claim_as(f"{HOST}:{live_pid}")
    assert reap_expired_leases()[WORKFLOW]["requeued"] == dead
    assert statuses() == {"Processing": 3, "Queued": 3}


def test_identity_of_a_claim_token():
    assert heartbeat.identity_of("web-1:4242:ab12cd34:7") == "web-1:4242"
    assert heartbeat.identity_of("garbage") is None
    assert heartbeat.identity_of("host:notapid:x:1") is None
