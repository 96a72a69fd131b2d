"""The deployment-wide request gate: one request at a time, each ``interval`` after the
previous answer, also when a caller is slow between its turn and its send."""

from __future__ import annotations

import itertools
import threading
import time

import pytest
from django.db import connection

from processing.places import gate

pytestmark = pytest.mark.django_db(transaction=True)

INTERVAL = 0.3


def test_the_next_request_waits_an_interval_after_the_previous_answer():
    spans: list[tuple[float, float]] = []
    lock = threading.Lock()

    def request(slow_send: float) -> None:
        try:
            with gate.request_slot("test-gate", INTERVAL):
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
    with pytest.raises(OSError), gate.request_slot("test-gate", INTERVAL):
        raise OSError("connection refused")
    started = time.monotonic()
    with gate.request_slot("test-gate", INTERVAL) as waited:
        assert 0 < waited <= INTERVAL
    assert time.monotonic() - started < 5
