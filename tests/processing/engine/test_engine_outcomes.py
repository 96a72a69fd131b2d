"""Consumer runs in-process: success, errors, transient retries, max attempts, persist, fencing."""

from __future__ import annotations

import random
import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone
from engine_support import WORKFLOW, claimed_ids, queue_rows, start_thread, statuses

from curation.models import SitemapFile
from processing.engine import claims
from processing.engine.backoff import retry_delay
from processing.engine.reaper import reap_expired_leases
from processing.engine.runner import run_consumer
from processing.errors import PermanentError, TransientError
from scrapersky.workflows import get_workflow

pytestmark = pytest.mark.django_db(transaction=True)

WF = get_workflow(WORKFLOW)


def knobs(**changes):
    from dataclasses import replace

    return replace(
        WF.effective_knobs, **{"batch_size": 5, "concurrency": 3, "time_budget": 30, **changes}
    )


def run(service, **kn):
    return run_consumer(WORKFLOW, service=service, knobs=knobs(**kn), handle_signals=False)


def row(row_id):
    return WF.model.objects.get(pk=row_id)


def field(obj, suffix):
    return getattr(obj, WF.names.col(suffix))


def test_every_queued_row_is_processed_once_and_completed():
    ids = queue_rows(23)
    seen: list[int] = []
    lock = threading.Lock()

    def service(domain):
        assert not connection.in_atomic_block  # I/O runs outside any transaction
        assert getattr(domain, WF.names.processing_field) == "Processing"
        with lock:
            seen.append(domain.pk)

    result = run(service)
    assert sorted(seen) == ids
    assert result.complete == 23 and result.stopped_by == "empty"
    assert statuses() == {"Complete": 23}
    done = row(ids[0])
    assert getattr(done, WF.names.curation_field) == "Complete"
    assert field(done, "finished_at") and field(done, "lease_expires_at") is None


def test_persist_writes_destination_rows_with_the_completion():
    [row_id] = queue_rows(1)

    def service(domain):
        def persist():
            SitemapFile.objects.create(domain=domain, url=f"https://{domain.domain}/sitemap.xml")

        return persist

    assert run(service).complete == 1
    assert SitemapFile.objects.filter(domain_id=row_id).count() == 1


def test_persist_failure_rolls_back_its_writes_and_marks_error():
    [row_id] = queue_rows(1)

    def service(domain):
        def persist():
            SitemapFile.objects.create(domain=domain, url="https://x.example/sitemap.xml")
            raise ValueError("disk full")

        return persist

    result = run(service)
    assert result.errored == 1
    assert SitemapFile.objects.count() == 0
    failed = row(row_id)
    assert getattr(failed, WF.names.processing_field) == "Error"
    assert getattr(failed, WF.names.error_field) == "persist failed: ValueError: disk full"


def test_permanent_error_and_unexpected_exception_set_error_at_once():
    permanent, crash = queue_rows(2)

    def service(domain):
        if domain.pk == permanent:
            raise PermanentError("HTTP 404 for /robots.txt")
        raise KeyError("boom")

    run(service)
    assert getattr(row(permanent), WF.names.error_field) == "HTTP 404 for /robots.txt"
    assert getattr(row(crash), WF.names.error_field) == "KeyError: 'boom'"
    assert field(row(crash), "attempts") == 1
    assert statuses() == {"Error": 2}


def test_transient_error_is_retried_with_backoff_then_errors_after_max_attempts():
    [row_id] = queue_rows(1)

    def service(domain):
        raise TransientError("timed out", retry_after=5)

    now = timezone.now()
    result = run_consumer(
        WORKFLOW,
        service=service,
        knobs=knobs(max_attempts=3, backoff_base=60, backoff_max=600),
        now=lambda: now,
        handle_signals=False,
    )
    assert result.retried == 1
    first = row(row_id)
    assert getattr(first, WF.names.processing_field) == "Queued"
    assert getattr(first, WF.names.curation_field) == "Queued"
    assert field(first, "attempts") == 1
    delay = (field(first, "next_attempt_at") - now).total_seconds()
    assert 5 <= delay <= 60  # full jitter within base * 2**0, at least Retry-After
    message = getattr(first, WF.names.error_field)
    assert message.startswith("attempt 1/3 failed: timed out; retrying after ")
    assert message.endswith(f"{now + timedelta(seconds=delay):%H:%M:%S}")

    # Not claimed again before next_attempt_at.
    assert run(service).claimed == 0
    for attempt in (2, 3):
        WF.model.objects.filter(pk=row_id).update(**{WF.names.col("next_attempt_at"): None})
        run(service, max_attempts=3)
        assert field(row(row_id), "attempts") == attempt
    final = row(row_id)
    assert getattr(final, WF.names.processing_field) == "Error"
    assert getattr(final, WF.names.error_field) == "attempt 3/3 failed: timed out; giving up"


def test_backoff_is_exponential_full_jitter_capped_and_honours_retry_after():
    rng = random.Random(7)
    for attempt in range(1, 12):
        ceiling = min(3600, 30 * 2 ** (attempt - 1))
        draws = [retry_delay(attempt, base=30, cap=3600, rand=rng) for _ in range(200)]
        assert all(0 <= d <= ceiling for d in draws)
        assert max(draws) > ceiling * 0.8  # jitter spreads over the whole range
    assert retry_delay(1, base=30, cap=3600, retry_after=7200, rand=rng) == 7200
    assert retry_delay(5, base=30, cap=60, rand=rng) <= 60


def test_a_late_finisher_that_lost_its_lease_cannot_overwrite_the_new_claim():
    [row_id] = queue_rows(1)
    started = threading.Event()
    proceed = threading.Event()

    def slow_service(domain):
        started.set()
        proceed.wait(10)

        def persist():
            SitemapFile.objects.create(domain=domain, url="https://late.example/sitemap.xml")

        return persist

    results = []
    thread = start_thread(
        lambda: results.append(
            run_consumer(
                WORKFLOW,
                service=slow_service,
                knobs=knobs(concurrency=1, lease_seconds=3600),
                handle_signals=False,
            )
        )
    )
    assert started.wait(10)
    # The worker is presumed dead: its lease runs out, the reaper requeues, another claims. In
    # one transaction, so the run under test (which claims ahead of its rows in flight) cannot
    # take the requeued row itself before the other worker does (seen once in CI).
    WF.model.objects.filter(pk=row_id).update(
        **{WF.names.col("lease_expires_at"): datetime(2000, 1, 1, tzinfo=UTC)}
    )
    with transaction.atomic():
        assert reap_expired_leases()[WORKFLOW]["requeued"] == [row_id]
        claimed = claims.claim_rows(WF, token="new-owner", batch_size=1, lease_seconds=60)
        assert sorted(r.pk for r in claimed) == [row_id]
    proceed.set()
    thread.join(10)
    assert results[0].lost == 1 and results[0].complete == 0
    assert SitemapFile.objects.count() == 0  # persist() was rolled back with the fence
    current = row(row_id)
    assert getattr(current, WF.names.processing_field) == "Processing"
    assert field(current, "worker") == "new-owner"
    assert field(current, "attempts") == 1  # the new owner has not started it yet


def test_reaper_requeues_then_errors_after_max_attempts():
    fresh, exhausted, alive = queue_rows(3)
    claimed_ids(WF, token="dead", batch_size=3, lease_seconds=60)
    claims.start(WF, [fresh, exhausted, alive], token="dead")
    past = datetime(2000, 1, 1, tzinfo=UTC)
    WF.model.objects.filter(pk__in=[fresh, exhausted]).update(
        **{WF.names.col("lease_expires_at"): past}
    )
    WF.model.objects.filter(pk=exhausted).update(
        **{WF.names.col("attempts"): WF.effective_knobs.max_attempts}
    )
    report = reap_expired_leases()[WORKFLOW]
    assert report == {"requeued": [fresh], "errored": [exhausted]}
    assert getattr(row(fresh), WF.names.error_field) == (
        "worker lost while running it (lease expired at 2000-01-01 00:00:00 UTC); "
        "requeued behind the queue, attempt 1/3"
    )
    assert getattr(row(exhausted), WF.names.error_field) == (
        "worker lost while running it (lease expired at 2000-01-01 00:00:00 UTC) after 3 attempts"
    )
    assert (
        getattr(row(alive), WF.names.processing_field) == "Processing"
    )  # its lease is still valid


def test_reaped_rows_that_never_started_keep_their_attempts_and_place():
    """A killed batch: one row was running, the rest never started (issue 16.1)."""
    running, *waiting = queue_rows(4)
    [newcomer] = queue_rows(1)  # queued after the batch, never claimed
    claimed_ids(WF, token="dead", batch_size=4, lease_seconds=60)
    claims.start(WF, [running], token="dead")
    WF.model.objects.filter(pk__in=[running, *waiting]).update(
        **{
            WF.names.col("lease_expires_at"): datetime(2000, 1, 1, tzinfo=UTC),
            WF.names.col("attempts"): 2,
        }
    )  # as if twice killed before: the rows that never ran must not reach 3/3 for it
    WF.model.objects.filter(pk=running).update(**{WF.names.col("attempts"): 1})
    old_place = {r: field(row(r), "queued_at") for r in waiting}
    assert reap_expired_leases()[WORKFLOW] == {
        "requeued": sorted([running, *waiting]),
        "errored": [],
    }
    for r in waiting:
        assert field(row(r), "attempts") == 2
        assert field(row(r), "queued_at") == old_place[r]
        assert getattr(row(r), WF.names.error_field) == (
            "worker lost before starting it (lease expired at 2000-01-01 00:00:00 UTC); "
            "requeued, no attempt used"
        )
    assert field(row(running), "attempts") == 1
    # The row that was running when the worker died goes behind everything queued meanwhile.
    order = sorted(
        r.pk for r in claims.claim_rows(WF, token="next", batch_size=5, lease_seconds=60)
    )
    assert order == sorted([running, *waiting, newcomer])
    by_place = WF.model.objects.order_by(WF.names.col("queued_at"), "pk").values_list(
        "pk", flat=True
    )
    assert list(by_place) == [*waiting, newcomer, running]


def test_heartbeat_keeps_a_slow_row_alive_past_its_original_lease():
    [row_id] = queue_rows(1)
    release = threading.Event()

    def slow(domain):
        release.wait(10)

    thread = start_thread(
        lambda: run_consumer(
            WORKFLOW, service=slow, knobs=knobs(lease_seconds=1), handle_signals=False
        )
    )
    try:
        first = None
        for _ in range(60):
            first = field(row(row_id), "lease_expires_at")
            if first:
                break
            threading.Event().wait(0.05)
        threading.Event().wait(2.0)  # > the 1 s lease: only renewals keep it in the future
        assert reap_expired_leases()[WORKFLOW]["requeued"] == []
        assert field(row(row_id), "lease_expires_at") > first
    finally:
        release.set()
        thread.join(10)
    assert statuses() == {"Complete": 1}


def test_stop_event_releases_claimed_rows_that_were_not_started():
    ids = queue_rows(10)
    stop = threading.Event()
    gate = threading.Event()

    def service(domain):
        stop.set()  # a shutdown arrives while the first row is in hand
        gate.set()

    result = run_consumer(
        WORKFLOW,
        service=service,
        knobs=knobs(concurrency=1, batch_size=10),
        stop=stop,
        handle_signals=False,
    )
    assert result.complete == 1 and result.released == 9
    assert statuses() == {"Complete": 1, "Queued": 9}
    assert set(
        WF.model.objects.filter(pk__in=ids, **{WF.names.processing_field: "Queued"}).values_list(
            WF.names.col("attempts"), flat=True
        )
    ) == {0}


def test_claimed_rows_are_interleaved_by_domain():
    from types import SimpleNamespace

    from processing.engine.work import interleave_by_domain

    rows = [SimpleNamespace(pk=i, domain_id=d) for i, d in enumerate([1, 1, 1, 2, 2, 3])]
    assert [r.pk for r in interleave_by_domain(rows)] == [0, 3, 5, 1, 4, 2]
    plain = [SimpleNamespace(pk=1)]
    assert interleave_by_domain(plain) == plain


def _watch_starts(monkeypatch) -> tuple[list[bool], list[int]]:
    """Record how each claim of the run started its rows, and every separate start."""
    at_claim: list[bool] = []
    started: list[int] = []
    real_claim, real_start = claims.claim_rows, claims.start

    def claim_rows(*args, **kwargs):
        rows = real_claim(*args, **kwargs)
        if rows:
            at_claim.append(kwargs.get("start", False))
        return rows

    def start(workflow, ids, *, token):
        ids = list(ids)
        started.extend(ids)
        return real_start(workflow, ids, token=token)

    monkeypatch.setattr(claims, "claim_rows", claim_rows)
    monkeypatch.setattr(claims, "start", start)
    return at_claim, started


def test_a_fast_service_has_its_batches_started_by_the_claim(monkeypatch):
    ids = queue_rows(60)
    at_claim, started = _watch_starts(monkeypatch)
    result = run(lambda domain: None, batch_size=10, concurrency=2)
    assert result.complete == 60 and statuses() == {"Complete": 60}
    assert at_claim[0] is False  # the service's speed is not known yet
    assert True in at_claim
    assert len(started) < 60  # later batches needed no separate start
    attempts = WF.model.objects.filter(pk__in=ids).values_list(WF.names.col("attempts"), flat=True)
    assert set(attempts) == {1}


def test_a_slow_service_has_each_row_started_when_it_is_reached(monkeypatch):
    ids = queue_rows(6)
    at_claim, started = _watch_starts(monkeypatch)

    def service(domain):
        threading.Event().wait(0.01)

    result = run(service, batch_size=3, concurrency=1)
    assert result.complete == 6
    assert at_claim == [False, False]
    assert sorted(started) == ids


def test_rows_the_claim_started_are_processed_when_a_stop_comes(monkeypatch):
    from processing.engine import runner

    ids = queue_rows(10)
    monkeypatch.setattr(runner._Run, "_start_at_claim", lambda self: True)
    stop = threading.Event()

    def service(domain):
        stop.set()  # a shutdown arrives while the first row is in hand

    result = run_consumer(
        WORKFLOW,
        service=service,
        knobs=knobs(concurrency=1, batch_size=10),
        stop=stop,
        handle_signals=False,
    )
    # Started rows are charged, so they are run rather than released.
    assert result.complete == 10 and result.released == 0
    attempts = WF.model.objects.filter(pk__in=ids).values_list(WF.names.col("attempts"), flat=True)
    assert set(attempts) == {1}
