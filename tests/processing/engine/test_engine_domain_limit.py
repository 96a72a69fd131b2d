"""Rows in flight per domain: a run never gives more than ``claim_per_domain`` rows of one
domain to its threads at once, so a slow host does not gather every thread at its gate."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from types import SimpleNamespace

import pytest
from django.db import connection
from engine_support import queue_pages_by_site

from processing.engine.runner import run_consumer
from processing.engine.work import DomainQueue
from scrapersky.status import Status
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
    assert work.ready() == 0 and work.qsize() == 1
    work.done(first[0][0])
    assert work.ready() == 1
    fourth, _ = work.take(5)
    assert [item[0].pk for item in fourth] == [3]
    assert work.qsize() == 0


def test_domain_queue_names_the_domains_it_holds_enough_rows_of():
    work = DomainQueue(2)
    for pk, domain in [(1, 7), (2, 7), (3, 7), (4, 8), (5, 8)]:
        work.put(_row(pk, domain))
    assert work.crowded() == []  # rows waiting for idle threads are not too many
    work.put(_row(6, 7))
    assert work.crowded() == [7]  # four of 7: its two places, twice over
    taken, _ = work.take(4)  # two of domain 7 (its limit) and both of 8
    assert [item[0].pk for item in taken] == [1, 2, 4, 5]
    assert work.crowded() == [7]  # two in flight, two waiting: a claim takes no more of 7
    work.done(taken[0][0])
    assert work.crowded() == []
    work.put(_row(7, 7))
    assert work.crowded() == [7]


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


def _queue_pages(per_site: dict[str, int]) -> dict[str, int]:
    """Pages queued site after site; the domain id of each site."""
    return {site: domain for site, (domain, _pages) in queue_pages_by_site(per_site).items()}


def _run(ids: dict[str, int], *, slow_seconds: float, **knobs):
    """Run page_curation with a service slow on the "slow" site; what it saw."""
    lock = threading.Lock()
    seen = SimpleNamespace(
        running=dict.fromkeys(ids.values(), 0),
        peak=dict.fromkeys(ids.values(), 0),
        slow_starts=[],
        fast_done=[],
    )

    def service(page):
        slow = page.domain_id == ids["slow"]
        with lock:
            seen.running[page.domain_id] += 1
            seen.peak[page.domain_id] = max(seen.peak[page.domain_id], seen.running[page.domain_id])
            if slow:
                seen.slow_starts.append(time.monotonic())
        time.sleep(slow_seconds if slow else 0.01)
        with lock:
            seen.running[page.domain_id] -= 1
            if not slow:
                seen.fast_done.append(time.monotonic())

    knobs = replace(WF.effective_knobs, time_budget=60, **knobs)
    seen.result = run_consumer(WF.name, service=service, knobs=knobs, handle_signals=False)
    return seen


@pytest.mark.django_db(transaction=True)
def test_a_slow_domain_holds_no_more_threads_than_its_limit():
    ids = _queue_pages({"slow": 6, "fast": 6})
    seen = _run(ids, slow_seconds=0.15, concurrency=4, batch_size=4, claim_per_domain=2)
    assert seen.result.complete == 12
    assert seen.peak[ids["slow"]] == 2  # never more than the limit of one domain in flight
    assert max(seen.fast_done) < max(seen.slow_starts)  # the fast site was not held behind


@pytest.mark.django_db(transaction=True)
def test_rows_waiting_for_a_slow_domain_do_not_stop_the_claims():
    # Every batch brings one more row of the slow site, which waits for its place: counted as
    # work in hand, those rows would stop the claims and leave the threads idle.
    ids = _queue_pages({"slow": 12, "fast": 60})
    seen = _run(ids, slow_seconds=0.2, concurrency=4, batch_size=4, claim_per_domain=1)
    assert seen.result.complete == 72
    assert seen.peak[ids["slow"]] == 1
    assert max(seen.fast_done) < max(seen.slow_starts)


@pytest.mark.django_db(transaction=True)
def test_no_more_rows_are_claimed_while_the_finisher_is_behind(monkeypatch):
    # Threads that outrun the writes would hold every queued row claimed but unwritten.
    from processing.engine import runner

    monkeypatch.setattr(runner, "FINISH_BACKLOG_MAX", 10)
    _queue_pages({f"site{n}": 20 for n in range(10)})
    held_peak = 0

    def service(page):
        def persist():
            nonlocal held_peak
            time.sleep(0.005)  # the write is the slow part: each row's service returns at once
            with connection.cursor() as cursor:  # the one finisher thread: no lock needed
                cursor.execute(
                    f"SELECT count(*) FROM pages WHERE {WF.names.processing_field} = %s",
                    [Status.PROCESSING],
                )
                held_peak = max(held_peak, cursor.fetchone()[0])

        return persist

    knobs = replace(
        WF.effective_knobs, time_budget=60, concurrency=4, batch_size=10, claim_per_domain=2
    )
    result = run_consumer(WF.name, service=service, knobs=knobs, handle_signals=False)
    assert result.complete == 200
    # Backlog cap + rows waiting for a thread (4 batches) + threads + the batch being claimed:
    # without the cap the run claims all 200 while the first writes are still running.
    assert held_peak <= 10 + 4 * 10 + 4 + 10 + 10
