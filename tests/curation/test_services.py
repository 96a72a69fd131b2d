"""The dual-status update service: set_curation_status."""

from __future__ import annotations

import pytest
from django.db import DatabaseError

from curation import services
from curation.models import Page, StatusChange
from curation.services import MAX_IDS, CurationError, set_curation_status
from tests.factories import PageFactory, SitemapFileFactory, UserFactory

pytestmark = pytest.mark.django_db

WF = "page_curation"


def _queue(ids, **kwargs):
    kwargs.setdefault("actor", "tester")
    kwargs.setdefault("channel", "command")
    return set_curation_status(workflow=WF, status="Queued", ids=ids, **kwargs)


def test_queue_sets_both_statuses_stamps_and_clears_error():
    pages = PageFactory.create_batch(
        3,
        page_curation_curation_status="Error",
        page_curation_processing_status="Error",
        page_curation_processing_error="boom",
        page_curation_attempts=3,
    )
    result = _queue([p.pk for p in pages])
    assert sorted(result.updated_ids) == sorted(p.pk for p in pages)
    assert result.queued_ids == result.updated_ids
    assert result.skipped == {} and result.missing_ids == []
    for page in Page.objects.filter(pk__in=result.updated_ids):
        assert page.page_curation_curation_status == "Queued"
        assert page.page_curation_processing_status == "Queued"
        assert page.page_curation_processing_error is None
        assert page.page_curation_queued_at is not None
        assert page.page_curation_attempts == 0
        assert page.page_curation_next_attempt_at is None
    assert result.message == "Queued 3 pages for page curation."


def test_processing_rows_are_skipped_and_missing_ids_reported():
    busy = PageFactory(
        page_curation_curation_status="Queued",
        page_curation_processing_status="Processing",
        page_curation_worker="w1",
    )
    free = PageFactory()
    result = _queue([free.pk, busy.pk, 999_999, 999_998])
    assert result.updated_ids == [free.pk]
    assert result.skipped == {"processing": [busy.pk]}
    assert result.missing_ids == [999_999, 999_998]
    assert result.requested == 4
    busy.refresh_from_db()
    assert busy.page_curation_processing_status == "Processing"
    assert busy.page_curation_worker == "w1"
    assert result.message == (
        "Queued 1 page for page curation; 1 left unchanged (being processed); 2 not found."
    )


@pytest.mark.parametrize("target", ["New", "Complete", "Error", "Skipped"])
def test_other_targets_leave_processing_columns_alone(target):
    page = PageFactory(
        page_curation_processing_status="Error",
        page_curation_processing_error="boom",
        page_curation_attempts=2,
    )
    result = set_curation_status(
        workflow=WF, status=target, ids=[page.pk], actor="tester", channel="command"
    )
    assert result.updated_ids == [page.pk] and result.queued_ids == []
    page.refresh_from_db()
    assert page.page_curation_curation_status == target
    assert page.page_curation_processing_status == "Error"
    assert page.page_curation_processing_error == "boom"
    assert page.page_curation_attempts == 2
    assert page.page_curation_queued_at is None


def test_failure_inside_the_transaction_leaves_every_row_unchanged(monkeypatch):
    pages = PageFactory.create_batch(4, page_curation_processing_error="old")

    def broken_audit(*args, **kwargs):
        raise DatabaseError("audit write failed")

    monkeypatch.setattr(services, "_write_audit", broken_audit)
    with pytest.raises(DatabaseError):
        _queue([p.pk for p in pages])
    rows = Page.objects.filter(pk__in=[p.pk for p in pages])
    assert {r.page_curation_curation_status for r in rows} == {"New"}
    assert {r.page_curation_processing_status for r in rows} == {None}
    assert {r.page_curation_processing_error for r in rows} == {"old"}
    assert not StatusChange.objects.exists()


def test_queryset_variant_applies_to_every_matching_row():
    PageFactory.create_batch(3, page_type="contact")
    other = PageFactory(page_type="about")
    result = set_curation_status(
        workflow=WF,
        status="Queued",
        queryset=Page.objects.filter(page_type="contact").select_related("domain")[:10],
        actor="tester",
        channel="command",
    )
    assert result.requested == 3 and len(result.queued_ids) == 3
    other.refresh_from_db()
    assert other.page_curation_curation_status == "New"


def test_other_workflows_use_their_own_columns():
    sitemap = SitemapFileFactory()
    result = set_curation_status(
        workflow="sitemap_import", status="Queued", ids=[sitemap.pk], actor="t", channel="api"
    )
    assert result.queued_ids == [sitemap.pk]
    sitemap.refresh_from_db()
    assert sitemap.sitemap_import_processing_status == "Queued"
    assert result.message.startswith("Queued 1 sitemap file for sitemap import")


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"status": "Processing"}, "workers only"),
        ({"status": "Bogus"}, "unknown status"),
        ({"status": "queued"}, "unknown status"),
        ({"workflow": "nope"}, "unknown workflow"),
        ({"ids": []}, "no ids"),
        ({"ids": [1, "2"]}, "invalid id"),
        ({"ids": [1, -3]}, "invalid id"),
        ({"ids": [True]}, "invalid id"),
        ({"ids": list(range(1, MAX_IDS + 2))}, "too many ids"),
        ({"ids": None}, "exactly one"),
        ({"channel": "email"}, "unknown channel"),
    ],
)
def test_bad_requests_raise_curation_error_and_change_nothing(kwargs, problem):
    page = PageFactory()
    call = {"workflow": WF, "status": "Queued", "ids": [page.pk], "actor": "t", "channel": "api"}
    call.update(kwargs)
    with pytest.raises(CurationError, match=problem):
        set_curation_status(**call)
    page.refresh_from_db()
    assert page.page_curation_curation_status == "New"
    assert not StatusChange.objects.exists()


def test_queryset_of_another_model_is_refused():
    with pytest.raises(CurationError, match="works on curation.Page"):
        set_curation_status(
            workflow=WF,
            status="Queued",
            queryset=StatusChange.objects.all(),
            actor="t",
            channel="api",
        )


def test_both_ids_and_queryset_is_refused():
    with pytest.raises(CurationError, match="exactly one"):
        set_curation_status(
            workflow=WF,
            status="Queued",
            ids=[1],
            queryset=Page.objects.all(),
            actor="t",
            channel="api",
        )


def test_kick_after_commit_only_when_rows_were_queued(
    settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.SCRAPERSKY_KICK_ON_QUEUE = True
    kicked = []
    monkeypatch.setattr("processing.engine.wake.notify", kicked.append)
    page = PageFactory()
    with django_capture_on_commit_callbacks(execute=True):
        set_curation_status(workflow=WF, status="Skipped", ids=[page.pk], actor="t", channel="api")
    assert kicked == []
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _queue([page.pk])
    assert len(callbacks) == 1 and kicked == [WF]


def test_no_kick_when_disabled(settings, django_capture_on_commit_callbacks):
    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    page = PageFactory()
    with django_capture_on_commit_callbacks() as callbacks:
        _queue([page.pk])
    assert callbacks == []


def test_a_failing_kick_does_not_raise(settings, monkeypatch, django_capture_on_commit_callbacks):
    settings.SCRAPERSKY_KICK_ON_QUEUE = True

    def broken(name):
        raise RuntimeError("broker down")

    monkeypatch.setattr("processing.engine.wake.notify", broken)
    page = PageFactory()
    with django_capture_on_commit_callbacks(execute=True):
        result = _queue([page.pk])
    assert result.queued_ids == [page.pk]


def test_user_actor_is_recorded():
    user = UserFactory(perms=["curation.change_page"])
    page = PageFactory()
    result = _queue([page.pk], actor=user, channel="api")
    audit = StatusChange.objects.get(pk=result.audit_id)
    assert audit.actor == user.username and audit.user_id == user.pk


@pytest.mark.parametrize("target", ["New", "Skipped"])
def test_other_targets_withdraw_rows_still_queued(target):
    page = PageFactory(
        page_curation_curation_status="Queued",
        page_curation_processing_status="Queued",
    )
    set_curation_status(workflow=WF, status=target, ids=[page.pk], actor="t", channel="command")
    page.refresh_from_db()
    assert page.page_curation_curation_status == target
    assert page.page_curation_processing_status is None


def test_dry_run_validates_and_counts_without_writing():
    free = PageFactory()
    busy = PageFactory(page_curation_processing_status="Processing")
    preview = _queue([free.pk, busy.pk, 999_999], dry_run=True)
    assert (preview.requested, preview.update_count, preview.skip_count) == (3, 1, 1)
    assert preview.missing_count == 1
    assert (
        preview.message
        == "Dry run: would update 1 pages to Queued; skip 1 (processing); 1 not found."
    )
    free.refresh_from_db()
    assert free.page_curation_curation_status == "New"
    assert not StatusChange.objects.exists()
    counted = set_curation_status(
        workflow=WF,
        status="Skipped",
        queryset=Page.objects.all(),
        actor="tester",
        channel="command",
        dry_run=True,
    )
    assert (counted.requested, counted.update_count, counted.missing_count) == (2, 1, 0)


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"status": "Processing", "ids": [1]}, "workers only"),
        ({"status": "Queued", "ids": ["x"]}, "invalid id"),
        ({"status": "Queued", "ids": [1], "channel": "mail"}, "unknown channel"),
        ({"status": "Queued"}, "exactly one"),
    ],
)
def test_dry_run_refuses_what_the_real_call_refuses(kwargs, problem):
    kwargs = {"actor": "tester", "channel": "command", **kwargs}
    with pytest.raises(CurationError, match=problem):
        set_curation_status(workflow=WF, dry_run=True, **kwargs)
