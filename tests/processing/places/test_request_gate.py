"""The deployment-wide request gate: one request at a time, each ``interval`` after the
previous answer, also when a caller is slow between its turn and its send; no connection held
while the request is out; a dead holder frees the gate when its lease ends."""

from __future__ import annotations

import itertools
import threading
import time

import pytest
from django.db import connection

from processing.db_steps import row_thread
from processing.places import gate

pytestmark = pytest.mark.django_db(transaction=True)

INTERVAL = 0.3
HOLD = 30.0


def test_the_next_request_waits_an_interval_after_the_previous_answer():
    spans: list[tuple[float, float]] = []
    lock = threading.Lock()

    def request(slow_send: float) -> None:
        try:
            with gate.request_slot("test-gate", INTERVAL, hold=HOLD):
                time.sleep(slow_send)  # a process slow to send after its turn came
                sent = time.monotonic()
                time.sleep(0.05)  # the provider answers
                with lock:
                    spans.append((sent, time.monotonic()))
        finally:
            connection.close()

    threads = [threading.Thread(target=request, args=(0.2 if i == 0 else 0,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    spans.sort()
    assert len(spans) == 4
    for (_sent, answered), (next_sent, _answered) in itertools.pairwise(spans):
        assert next_sent - answered >= INTERVAL - 0.01, spans


def test_a_failed_request_lets_the_gate_go():
    with pytest.raises(OSError), gate.request_slot("test-gate", INTERVAL, hold=HOLD):
        raise OSError("connection refused")
    started = time.monotonic()
    with gate.request_slot("test-gate", INTERVAL, hold=HOLD) as waited:
        assert 0 < waited <= INTERVAL
    assert time.monotonic() - started < 5


def test_a_row_thread_holds_no_connection_while_its_request_is_out_or_waits_its_turn():
    seen = []

    def request() -> None:
        with row_thread(), gate.request_slot("test-gate", INTERVAL, hold=HOLD):
            seen.append(connection.connection)  # this thread's own connection: never opened
            time.sleep(0.05)

    threads = [threading.Thread(target=request) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert seen == [None, None, None]
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")
        assert cursor.fetchone()[0] == 0


def test_a_holder_that_never_answers_frees_the_gate_when_its_lease_ends():
    wait, lease = gate._take("test-gate", 0.5)  # taken, then the holder dies: never given back
    assert wait == 0 and lease is not None
    started = time.monotonic()
    with gate.request_slot("test-gate", INTERVAL, hold=HOLD) as waited:
        assert 0.3 <= waited <= 2.0
    assert time.monotonic() - started < 5
    gate._give("test-gate", 60.0, lease)  # the dead holder's late answer changes nothing
    wait, _lease = gate._take("test-gate", HOLD)
    assert 0 < wait <= INTERVAL  # spaced from the last live answer, not 60 s from the late one
