"""The audit trail: one status_changes row per call, whatever the channel."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from curation.models import StatusChange
from curation.services import set_curation_status
from tests.factories import PageFactory, UserFactory

pytestmark = [
    pytest.mark.django_db,
]


def test_api_channel_audit():
    user = UserFactory(perms=["curation.change_page"])
    new = PageFactory.create_batch(2)
    error = PageFactory(page_curation_curation_status="Error")
    busy = PageFactory(page_curation_processing_status="Processing")
    client = APIClient()
    client.force_authenticate(user)
    ids = [p.pk for p in [*new, error, busy]] + [424242]
    response = client.put("/api/v3/pages/status", {"ids": ids, "status": "Queued"}, format="json")
    audit = StatusChange.objects.get(pk=response.json()["audit_id"])
    assert audit.workflow == "page_curation" and audit.table_name == "pages"
    assert audit.to_status == "Queued" and audit.channel == "api"
    assert audit.actor == user.username and audit.user_id == user.pk
    assert audit.from_statuses == {"New": 2, "Error": 1}
    assert (audit.requested, audit.updated, audit.queued, audit.skipped, audit.missing) == (
        5,
        3,
        3,
        1,
        1,
    )
    assert sorted(audit.row_ids) == sorted(p.pk for p in [*new, error])


def test_command_channel_audit(monkeypatch):
    monkeypatch.setattr("getpass.getuser", lambda: "opsuser")
    page = PageFactory()
    call_command("set_status", "page_curation", "Skipped", "--ids", str(page.pk))
    audit = StatusChange.objects.get()
    assert audit.channel == "command" and audit.actor == "opsuser" and audit.user_id is None
    assert audit.to_status == "Skipped" and audit.queued == 0
    assert audit.row_ids == [page.pk] and audit.from_statuses == {"New": 1}


def test_no_audit_for_an_empty_selection():
    from curation.models import Page

    result = set_curation_status(
        workflow="page_curation",
        status="Queued",
        queryset=Page.objects.none(),
        actor="t",
        channel="system",
    )
    assert result.audit_id is None and result.updated_ids == []
    assert not StatusChange.objects.exists()


def test_only_processing_rows_still_audited():
    busy = PageFactory(page_curation_processing_status="Processing")
    result = set_curation_status(
        workflow="page_curation", status="Queued", ids=[busy.pk], actor="t", channel="system"
    )
    audit = StatusChange.objects.get(pk=result.audit_id)
    assert audit.updated == 0 and audit.skipped == 1 and audit.row_ids == []
