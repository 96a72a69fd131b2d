"""The lease keeper (issue 28.4): what it renews, when it judges its worker may keep its rows,
that it ends with its worker; the cluster's hub (issue 27: one keeper for every worker, in the
cluster's main process) hears its workers on a socket and forgets those that go."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import types

import pytest
from django.db import connection
from engine_support import WORKFLOW, queue_rows, test_database_url, wait_for

from processing.engine import holdings, lease_keeper, leases
from scrapersky.workflows import get_workflow

pytestmark = pytest.mark.django_db(transaction=True)

WF = get_workflow(WORKFLOW)
N = WF.names


def hold(ids: list[int], token: str, lease: float = 5) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"""UPDATE domains SET {N.processing_field} = 'Processing', {N.col("worker")} = %s,
                       {N.col("lease_expires_at")} = now() + make_interval(secs => %s)
                 WHERE id = ANY(%s)""",
            [token, lease, ids],
        )


def lease_left(row_id: int) -> float:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT extract(epoch FROM {N.col('lease_expires_at')} - now()) FROM domains"
            " WHERE id = %s",
            [row_id],
        )
        return float(cursor.fetchone()[0])


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def parent():
    """A process standing in for the worker (the keeper judges it by its state)."""
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield proc
    proc.kill()
    proc.wait()


def snapshot(ids: list[int], token: str, lease: float = 600) -> bytes:
    run = {"sql": leases.renew_sql(WF), "lease": lease, "tokens": {token: ids}}
    return json.dumps({"runs": [run]}).encode()


def test_the_keeper_renews_the_rows_held_under_its_workers_tokens_only(parent):
    ids = queue_rows(3)
    hold(ids[:2], "me:1:a:run:1")
    hold(ids[2:], "other:2:b:run:1")
    clock = Clock()
    keeper = lease_keeper.Keeper(test_database_url(), parent.pid, clock=clock)
    keeper.hear(b'{"runs": []}')  # a worker tells its keeper before it claims anything
    keeper.hear(snapshot(ids, "me:1:a:run:1"))
    assert keeper.due() == []  # just claimed: due after a third of the lease
    clock.now += 201
    keeper.tick()
    keeper.close()
    assert [lease_left(i) > 500 for i in ids] == [True, True, False]


def test_a_keeper_renews_at_once_the_rows_its_worker_held_before_it_heard_it(parent):
    # A keeper replacing one that died (or a worker connecting to its hub again) cannot know
    # when the rows it is first told of were last renewed: up to a third of the lease ago.
    clock = Clock()
    keeper = lease_keeper.Keeper(test_database_url(), parent.pid, clock=clock)
    keeper.hear(snapshot([1], "me:1:a:run:1", lease=600))
    assert len(keeper.due()) == 1  # at once
    assert keeper.due() == []  # then every third of the lease
    clock.now += 201
    assert len(keeper.due()) == 1
    keeper.hear(snapshot([1, 2], "me:1:a:run:1", lease=300))  # a run claimed since
    assert [run["lease"] for run in keeper.due()] == []  # fresh: a third of its lease on
    clock.now += 101
    assert [run["lease"] for run in keeper.due()] == [300.0]


def test_a_silent_worker_keeps_its_rows_while_it_runs_not_once_stopped_or_wedged(parent):
    clock = Clock()
    keeper = lease_keeper.Keeper(test_database_url(), parent.pid, clock=clock)
    keeper.hear(snapshot([1], "me:1:a:run:1"))
    assert keeper.may_renew()  # it writes
    clock.now += 30  # silent (a call holds its GIL), but running
    assert keeper.may_renew()
    parent.send_signal(signal.SIGSTOP)
    try:
        assert wait_for(lambda: not keeper.may_renew(), timeout=5)  # stopped: no renewal
    finally:
        parent.send_signal(signal.SIGCONT)
    assert wait_for(keeper.may_renew, timeout=5)
    clock.now += lease_keeper.STALL_MAX_SECONDS  # silent for good: wedged
    assert not keeper.may_renew()
    keeper.hear(snapshot([1], "me:1:a:run:1"))  # heard from again
    assert keeper.may_renew()


def test_the_keeper_process_renews_and_ends_with_its_worker():
    """A worker process with a keeper: the keeper renews its rows and exits when it dies."""
    ids = queue_rows(1)
    token = "me:1:a:run:1"
    hold(ids, token, lease=2)
    keeper = subprocess.Popen(
        [sys.executable, "-P", lease_keeper.__file__], stdin=subprocess.PIPE, close_fds=True
    )
    try:
        first = {"conninfo": test_database_url(), "parent": holdings.os.getpid()}
        keeper.stdin.write(json.dumps(first).encode() + b"\n")
        keeper.stdin.write(snapshot(ids, token, lease=3) + b"\n")
        keeper.stdin.flush()

        def tell() -> None:
            keeper.stdin.write(snapshot(ids, token, lease=3) + b"\n")
            keeper.stdin.flush()

        # Renewed every second (a third of the lease), the 2 s lease becomes 3 s.
        assert wait_for(lambda: (tell(), lease_left(ids[0]) > 2.2)[1], timeout=10, every=0.5)
        keeper.send_signal(signal.SIGTERM)  # a group's stop signal is for the worker
        for _ in range(8):
            time.sleep(0.5)
            tell()
        assert keeper.poll() is None
        assert lease_left(ids[0]) > 1
        keeper.stdin.close()  # the worker is gone
        assert keeper.wait(timeout=5) == 0
    finally:
        keeper.kill()
        keeper.wait()


def test_a_keeper_that_dies_is_replaced_and_the_leases_go_on(monkeypatch):
    # The replacement renews the rows at once (it cannot know when they were last renewed):
    # of the lease, at least two thirds are left when the keeper dies, 4 s for its successor to
    # start on a loaded machine (it waited a third of the lease more, and missed by 0.1 s).
    lease = 6
    ids = queue_rows(1)
    token = "me:1:a:run:1"
    hold(ids, token, lease=lease)
    monkeypatch.setattr(holdings._Keeper, "RESPAWN_SECONDS", 1.0)
    run = holdings.Holdings(WF, lease_seconds=lease)
    holdings.keep_leases_in_a_process()
    keeper = holdings._renewer.keeper
    try:
        run.start_heartbeat()
        run.hold([types.SimpleNamespace(pk=ids[0])], token)
        first = keeper._proc.pid
        os.kill(first, signal.SIGKILL)
        assert wait_for(lambda: keeper._proc is not None and keeper._proc.pid != first, timeout=10)
        # Still renewed a lease and more on.
        deadline = time.monotonic() + lease + 1.5
        while time.monotonic() < deadline:
            assert lease_left(ids[0]) > 0
            time.sleep(0.5)
    finally:
        run.stop_heartbeat()
        if keeper._channel is not None:
            keeper._stop(keeper._channel)
        holdings._renewer.keeper = None


# A worker of the hub: forwards the test's snapshots (its standard input) to the hub's socket.
FORWARDER = """
import socket, sys
sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
sock.connect("\\0" + sys.argv[1])
for line in sys.stdin.buffer:
    sock.sendall(line)
"""


TOKENS = ["w1:1:a:run:1", "w2:2:b:run:1"]


@pytest.fixture
def hub():
    hub = lease_keeper.Hub(test_database_url())
    hub.bind()
    hub.start()
    yield hub
    hub.stop()


def test_the_hub_renews_each_workers_rows_and_forgets_a_worker_that_goes(hub):
    ids = queue_rows(2)
    hold(ids[:1], TOKENS[0], lease=2)
    hold(ids[1:], TOKENS[1], lease=2)
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", FORWARDER, hub.address], stdin=subprocess.PIPE, close_fds=True
        )
        for _ in range(2)
    ]
    try:

        def tell() -> None:
            for worker, row_id, token in zip(workers, ids, TOKENS, strict=True):
                if worker.poll() is None:
                    worker.stdin.write(snapshot([row_id], token, lease=3) + b"\n")
                    worker.stdin.flush()

        assert wait_for(lambda: len(hub.keepers) == 2, timeout=5)
        assert set(hub.keepers) == {w.pid for w in workers}  # known by its peer credentials
        # Renewed every second (a third of the lease), each 2 s lease becomes 3 s.
        assert wait_for(
            lambda: (tell(), min(lease_left(i) for i in ids) > 2.2)[1], timeout=10, every=0.5
        )
        workers[0].stdin.close()  # the first worker is gone: its rows are no longer renewed
        workers[0].wait(timeout=5)
        assert wait_for(lambda: set(hub.keepers) == {workers[1].pid}, timeout=5)
        for _ in range(8):
            time.sleep(0.5)
            tell()
        assert lease_left(ids[0]) < 0 < lease_left(ids[1])
    finally:
        for worker in workers:
            worker.kill()
            worker.wait()
            worker.stdin.close()


def test_the_hub_hears_only_processes_of_its_own_cluster(hub):
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        assert hub._is_descendant(child.pid)
        assert not hub._is_descendant(os.getppid())
        assert not hub._is_descendant(1)
    finally:
        child.kill()
        child.wait()
