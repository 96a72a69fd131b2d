"""Rows in flight per domain: a run never gives more than ``claim_per_domain`` rows of one
domain to its threads at once, so a slow host does not gather every thread at its gate."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from types import SimpleNamespace

import pytest
from django.db import connection

from processing.engine.runner import run_consumer
from processing.engine.work import DomainQueue
from scrapersky.workflows import get_workflow

WF = get_workflow("page_curation")


def _row(pk: int, domain: int) -> tuple:
    return (SimpleNamespace(pk=pk, domain_id=domain), "t", False)


def test_domain_queue_skips_rows_of_a_domain_at_its_limit():
    work = DomainQueue(2)
    for pk, domain in [(1, 7), (2, 7), (3, 7), (4, 8)]:
        work.put(_row(pk, domain))
    first, _ = work.take(1)
    second, _ = work.take(1)
    third, _ = work.take(1)
    assert [item[0].pk for item in first + second + third] == [1, 2, 4]  # 3 waits for domain 7
    assert work.in_flight() == {7: 2, 8: 1}
    work.done(first[0][0])
    fourth, _ = work.take(5)
    assert [item[0].pk for item in fourth] == [3]
    assert work.qsize() == 0


def test_domain_queue_hands_out_a_stop_only_once_no_row_is_left():
    work = DomainQueue(1)
    work.put(_row(1, 7))
    work.put(_row(2, 7))
    work.put(None)
    [first], last = work.take(1)
    assert not last
    taken: list = []
    waiter = threading.Thread(target=lambda: taken.append(work.take(1)))
    waiter.start()
    waiter.join(0.2)
    assert waiter.is_alive()  # row 2 waits for domain 7; the stop is not handed out before it
    work.done(first[0])
    waiter.join(5)
    assert [item[0].pk for item in taken[0][0]] == [2]
    assert work.take(1) == ([], True)


@pytest.mark.django_db(transaction=True)
def test_a_slow_domain_holds_no_more_threads_than_its_limit():
    with connection.cursor() as cursor:
        ids = {}
        for site in ("slow", "fast"):
            cursor.execute("INSERT INTO domains (domain) VALUES (%s) RETURNING id", [site])
            [domain_id] = cursor.fetchone()
            cursor.execute(
                f"""
                INSERT INTO pages (domain_id, url, {WF.curation_field}, {WF.processing_field},
                                   {WF.col("queued_at")})
                SELECT %s, 'http://' || %s || '.example/p' || g, 'Queued', 'Queued',
                       clock_timestamp()
                  FROM generate_series(1, 6) g""",
                [domain_id, site],
            )
            ids[site] = domain_id
    lock = threading.Lock()
    running = {ids["slow"]: 0, ids["fast"]: 0}
    peak = dict.fromkeys(running, 0)
    slow_starts: list[float] = []
    fast_done: list[float] = []

    def service(page):
        with lock:
            running[page.domain_id] += 1
            peak[page.domain_id] = max(peak[page.domain_id], running[page.domain_id])
            if page.domain_id == ids["slow"]:
                slow_starts.append(time.monotonic())
        time.sleep(0.15 if page.domain_id == ids["slow"] else 0.01)
        with lock:
            running[page.domain_id] -= 1
            if page.domain_id == ids["fast"]:
                fast_done.append(time.monotonic())

    knobs = replace(WF.settings, concurrency=4, batch_size=4, claim_per_domain=2, time_budget=30)
    result = run_consumer(WF.name, service=service, knobs=knobs, handle_signals=False)
    assert result.complete == 12
    assert peak[ids["slow"]] == 2  # never more than the limit of one domain in flight
    assert max(fast_done) < max(slow_starts)  # the fast site was not held behind the slow one
