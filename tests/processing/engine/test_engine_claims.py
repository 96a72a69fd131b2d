"""Claims: SKIP LOCKED, oldest first, backoff respected, batch limit, fencing."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction
from engine_support import WORKFLOW, queue_rows

from processing.engine import claims
from scrapersky.workflows import get_workflow

pytestmark = pytest.mark.django_db(transaction=True)


def _claim(token: str, batch: int = 10) -> list[int]:
    return claims.claim(get_workflow(WORKFLOW), token=token, batch_size=batch, lease_seconds=60)


def test_two_connections_claim_disjoint_sets():
    ids = queue_rows(30)
    first: list[int] = []
    holding = threading.Event()
    release = threading.Event()

    def hold_a_claim():
        try:
            with transaction.atomic():
                first.extend(_claim("a", 10))
                holding.set()
                release.wait(10)
        finally:
            connection.close()

    thread = threading.Thread(target=hold_a_claim)
    thread.start()
    assert holding.wait(10)
    second = _claim("b", 10)  # the first claim is uncommitted and its rows are locked
    release.set()
    thread.join()
    assert len(first) == len(second) == 10
    assert not set(first) & set(second)
    assert first == ids[:10]  # oldest first
    assert second == ids[10:20]  # skipped the locked rows instead of waiting for them


def test_claim_is_oldest_first_and_limited_to_the_batch():
    ids = queue_rows(7)
    wf = get_workflow(WORKFLOW)
    newest_first = list(reversed(ids))
    with connection.cursor() as cursor:  # make the highest ids the oldest
        for position, row_id in enumerate(newest_first):
            cursor.execute(
                f"UPDATE domains SET {wf.col('queued_at')} = "
                "now() - interval '1 day' + %s * interval '1 second' WHERE id = %s",
                [position, row_id],
            )
    assert _claim("t", 3) == sorted(newest_first[:3])
    assert _claim("t", 3) == sorted(newest_first[3:6])
    assert _claim("t", 3) == [newest_first[6]]
    assert _claim("t", 3) == []


def test_claim_marks_rows_processing_with_lease_and_worker():
    [row_id] = queue_rows(1)
    assert _claim("host:1:abc:1") == [row_id]
    wf = get_workflow(WORKFLOW)
    row = wf.model.objects.get(pk=row_id)
    assert getattr(row, wf.processing_field) == "Processing"
    assert getattr(row, wf.curation_field) == "Processing"
    assert getattr(row, wf.col("attempts")) == 1
    assert getattr(row, wf.col("worker")) == "host:1:abc:1"
    assert getattr(row, wf.col("lease_expires_at")) > getattr(row, wf.col("started_at"))


def test_rows_in_backoff_are_not_claimed_before_next_attempt_at():
    later, due = queue_rows(2)
    wf = get_workflow(WORKFLOW)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE domains SET {wf.col('next_attempt_at')} = now() + interval '1 minute' "
            "WHERE id = %s",
            [later],
        )
        cursor.execute(
            f"UPDATE domains SET {wf.col('next_attempt_at')} = now() - interval '1 second' "
            "WHERE id = %s",
            [due],
        )
    assert _claim("t") == [due]
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE domains SET {wf.col('next_attempt_at')} = now() WHERE id = %s", [later]
        )
    assert _claim("t") == [later]


def test_finish_is_fenced_on_the_claim_token():
    [row_id] = queue_rows(1)
    wf = get_workflow(WORKFLOW)
    _claim("old")
    assert not claims.complete(wf, row_id, token="someone-else")
    assert not claims.fail(wf, row_id, token="someone-else", message="x")
    assert claims.complete(wf, row_id, token="old")
    assert not claims.fail(wf, row_id, token="old", message="too late: already Complete")
    row = wf.model.objects.get(pk=row_id)
    assert getattr(row, wf.processing_field) == "Complete"
    assert getattr(row, wf.col("lease_expires_at")) is None


def test_release_gives_the_attempt_back():
    ids = queue_rows(3)
    wf = get_workflow(WORKFLOW)
    _claim("t")
    assert claims.release(wf, ids, token="t") == 3
    assert set(
        wf.model.objects.filter(pk__in=ids).values_list(wf.processing_field, wf.col("attempts"))
    ) == {("Queued", 0)}
