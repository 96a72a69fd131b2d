"""Claims: SKIP LOCKED, oldest first, backoff respected, batch limit, fencing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from engine_support import WORKFLOW, queue_rows

from processing.engine import claims, finish_sql
from processing.engine.outcomes import Outcome
from scrapersky.workflows import get_workflow
from tests.locking import beside_an_open_transaction

pytestmark = pytest.mark.django_db(transaction=True)


def _claim(token: str, batch: int = 10) -> list[int]:
    return sorted(
        r.pk
        for r in claims.claim_rows(
            get_workflow(WORKFLOW), token=token, batch_size=batch, lease_seconds=60
        )
    )


def test_two_connections_claim_disjoint_sets():
    ids = queue_rows(30)
    # The first claim is uncommitted and its rows are locked.
    first, second = beside_an_open_transaction(lambda: _claim("a", 10), lambda: _claim("b", 10))
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
                f"UPDATE domains SET {wf.names.col('queued_at')} = "
                "now() - interval '1 day' + %s * interval '1 second' WHERE id = %s",
                [position, row_id],
            )
    assert _claim("t", 3) == sorted(newest_first[:3])
    assert _claim("t", 3) == sorted(newest_first[3:6])
    assert _claim("t", 3) == [newest_first[6]]
    assert _claim("t", 3) == []


def test_claim_marks_rows_processing_with_lease_and_worker_but_counts_no_attempt():
    [row_id] = queue_rows(1)
    assert _claim("host:1:abc:1") == [row_id]
    wf = get_workflow(WORKFLOW)
    row = wf.model.objects.get(pk=row_id)
    assert getattr(row, wf.names.processing_field) == "Processing"
    assert getattr(row, wf.names.curation_field) == "Processing"
    assert getattr(row, wf.names.col("attempts")) == 0  # claimed is not started
    assert getattr(row, wf.names.col("started_at")) is None
    assert getattr(row, wf.names.col("worker")) == "host:1:abc:1"
    assert getattr(row, wf.names.col("lease_expires_at")) > timezone.now()


def test_start_counts_the_attempt_once_and_only_under_the_claim():
    first, second = queue_rows(2)
    wf = get_workflow(WORKFLOW)
    _claim("t")
    assert claims.start(wf, [first], token="someone-else") == {}
    assert claims.start(wf, [first, second], token="t") == {first: 1, second: 1}
    assert claims.start(wf, [first], token="t") == {}  # already started: not counted twice
    row = wf.model.objects.get(pk=first)
    assert getattr(row, wf.names.col("attempts")) == 1
    assert getattr(row, wf.names.col("started_at")) is not None
    assert claims.release(wf, [first, second], token="t") == 0  # started rows are not released


def test_claim_rows_returns_model_instances_in_queue_order():
    ids = queue_rows(5)
    wf = get_workflow(WORKFLOW)
    rows = claims.claim_rows(wf, token="t", batch_size=3, lease_seconds=60)
    assert [row.pk for row in rows] == ids[:3]
    fresh = wf.model.objects.get(pk=ids[0])
    for f in wf.model._meta.concrete_fields:
        assert getattr(rows[0], f.attname) == getattr(fresh, f.attname), f.name
    assert not rows[0].get_deferred_fields()


def test_finish_writes_every_kind_of_outcome_in_one_statement_fenced_per_row():
    done, failed, retried, stolen = queue_rows(4)
    wf = get_workflow(WORKFLOW)
    _claim("t")
    later = timezone.now() + timedelta(minutes=5)
    written = finish_sql.finish(
        wf,
        [
            finish_sql.Outcome(done, "t", "complete"),
            finish_sql.Outcome(failed, "t", "error", "HTTP 404"),
            finish_sql.Outcome(retried, "t", "retry", "timed out", next_attempt_at=later),
            finish_sql.Outcome(stolen, "another-token", "complete"),
        ],
    )
    assert written == {done, failed, retried}
    got = {
        row.pk: (getattr(row, wf.names.processing_field), getattr(row, wf.names.error_field))
        for row in wf.model.objects.all()
    }
    assert got == {
        done: ("Complete", None),
        failed: ("Error", "HTTP 404"),
        retried: ("Queued", "timed out"),
        stolen: ("Processing", None),
    }
    row = wf.model.objects.get(pk=retried)
    assert getattr(row, wf.names.col("next_attempt_at")) == later
    assert getattr(row, wf.names.col("worker")) is None
    assert getattr(row, wf.names.curation_field) == "Queued"


def test_rows_in_backoff_are_not_claimed_before_next_attempt_at():
    later, due = queue_rows(2)
    wf = get_workflow(WORKFLOW)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE domains SET {wf.names.col('next_attempt_at')} = now() + interval '1 minute' "
            "WHERE id = %s",
            [later],
        )
        cursor.execute(
            f"UPDATE domains SET {wf.names.col('next_attempt_at')} = now() - interval '1 second' "
            "WHERE id = %s",
            [due],
        )
    assert _claim("t") == [due]
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE domains SET {wf.names.col('next_attempt_at')} = now() WHERE id = %s", [later]
        )
    assert _claim("t") == [later]


def test_finish_is_fenced_on_the_claim_token():
    [row_id] = queue_rows(1)
    wf = get_workflow(WORKFLOW)
    _claim("old")
    assert finish_sql.finish(wf, [Outcome(row_id, "someone-else", "complete")]) == set()
    assert finish_sql.finish(wf, [Outcome(row_id, "someone-else", "error", "x")]) == set()
    assert finish_sql.finish(wf, [Outcome(row_id, "old", "complete")]) == {row_id}
    late = Outcome(row_id, "old", "error", "too late: already Complete")
    assert finish_sql.finish(wf, [late]) == set()
    row = wf.model.objects.get(pk=row_id)
    assert getattr(row, wf.names.processing_field) == "Complete"
    assert getattr(row, wf.names.col("lease_expires_at")) is None


def test_release_gives_the_attempt_back():
    ids = queue_rows(3)
    wf = get_workflow(WORKFLOW)
    _claim("t")
    assert claims.release(wf, ids, token="t") == 3
    assert set(
        wf.model.objects.filter(pk__in=ids).values_list(
            wf.names.processing_field, wf.names.col("attempts")
        )
    ) == {("Queued", 0)}


def test_claim_rows_with_start_counts_the_attempt_in_the_claim_itself():
    ids = queue_rows(3)
    wf = get_workflow(WORKFLOW)
    rows = claims.claim_rows(wf, token="t", batch_size=2, lease_seconds=60, start=True)
    assert [row.pk for row in rows] == ids[:2]
    assert {getattr(row, wf.names.col("attempts")) for row in rows} == {1}
    assert all(getattr(row, wf.names.col("started_at")) is not None for row in rows)
    stored = wf.model.objects.get(pk=ids[0])
    assert getattr(stored, wf.names.col("attempts")) == 1
    assert getattr(stored, wf.names.col("worker")) == "t"
    assert claims.start(wf, ids[:2], token="t") == {}  # started once, by the claim
    assert claims.release(wf, ids[:2], token="t") == 0  # started rows are not released
    untouched = wf.model.objects.get(pk=ids[2])
    assert getattr(untouched, wf.names.col("attempts")) == 0


def test_has_ready_rows_answers_what_a_claim_would_find():
    wf = get_workflow(WORKFLOW)
    assert not claims.has_ready_rows(wf)
    [row_id] = queue_rows(1)
    assert claims.has_ready_rows(wf)
    wf.model.objects.filter(pk=row_id).update(
        **{wf.names.col("next_attempt_at"): timezone.now() + timedelta(minutes=5)}
    )
    assert not claims.has_ready_rows(wf)  # in backoff
    wf.model.objects.filter(pk=row_id).update(**{wf.names.col("next_attempt_at"): None})
    assert _claim("t") == [row_id]
    assert not claims.has_ready_rows(wf)  # held
