"""The contract every workflow keeps, checked by its test module (from `manage.py startworkflow`).

A workflow's test module declares a subclass of ``WorkflowContract`` (``UiWorkflowContract`` when
curators queue its rows: admin actions and an API status route) with the workflow's name and the
factory of its rows, and inherits the tests: the dual-status update, the claim, the success and
the error path (and the admin actions and the API route). A workflow whose service reaches out
overrides ``test_success_path_completes_the_row`` to start its loopback stand-in, and calls
``complete()`` for the common checks; its own tests go beside the class.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from curation.services import set_curation_status
from processing.engine import claims
from processing.engine.runner import run_consumer
from processing.errors import PermanentError
from scrapersky.status import Status
from scrapersky.workflows import Workflow, get_workflow
from tests.factories import UserFactory

if TYPE_CHECKING:
    from collections.abc import Callable

    from django.db import models


def queue(workflow: str, *rows: models.Model) -> None:
    """Queue ``rows`` for ``workflow`` through the curation service, then reload them."""
    set_curation_status(
        workflow=workflow,
        status=Status.QUEUED,
        ids=[row.pk for row in rows],
        actor="test",
        channel="command",
    )
    for row in rows:
        row.refresh_from_db()


def statuses(workflow: Workflow, row: models.Model) -> tuple[Any, Any]:
    """The row's (curation status, processing status) in ``workflow``."""
    names = workflow.names
    return getattr(row, names.curation_field), getattr(row, names.processing_field)


class WorkflowContract:
    workflow: str  # the workflow's name
    factory: Callable[..., models.Model]  # makes a row of its source table

    @pytest.fixture(autouse=True)
    def _no_kick(self, settings):
        settings.SCRAPERSKY_KICK_ON_QUEUE = False  # the tests run the consumer themselves

    @property
    def wf(self) -> Workflow:
        return get_workflow(self.workflow)

    def queue(self, *rows: models.Model) -> None:
        queue(self.workflow, *rows)

    def complete(self, row: models.Model | None = None, **run: Any) -> models.Model:
        """Queue ``row`` (a new one by default), run the consumer, check that the row ended
        Complete with no error; return it (reloaded) for the workflow's own checks."""
        row = row or self.factory()
        self.queue(row)
        result = run_consumer(self.workflow, handle_signals=False, **run)
        assert result.complete == 1, result
        row.refresh_from_db()
        wf = self.wf
        assert statuses(wf, row) == (wf.curation_enum.Complete, wf.processing_enum.Complete)
        assert getattr(row, wf.names.error_field) is None
        return row

    @pytest.mark.django_db
    def test_dual_status_update(self):
        wf, row = self.wf, self.factory()
        assert statuses(wf, row) == (wf.curation_enum.New, None)
        self.queue(row)
        assert statuses(wf, row) == (wf.curation_enum.Queued, wf.processing_enum.Queued)
        assert getattr(row, wf.names.col("queued_at")) is not None

    @pytest.mark.django_db
    def test_claim_marks_queued_rows_processing(self):
        wf, row = self.wf, self.factory()
        self.queue(row)
        rows = claims.claim_rows(wf, token="test-token", batch_size=10, lease_seconds=60)
        assert [r.pk for r in rows] == [row.pk]
        row.refresh_from_db()
        assert statuses(wf, row) == (wf.curation_enum.Processing, wf.processing_enum.Processing)
        # Attempts are counted when the service starts on a row, not at its claim.
        assert getattr(row, wf.names.col("attempts")) == 0

    @pytest.mark.django_db(transaction=True)
    def test_success_path_completes_the_row(self):
        self.complete()

    @pytest.mark.django_db(transaction=True)
    def test_error_path_records_the_message(self):
        def failing(row):
            raise PermanentError("the record cannot be processed")

        wf, row = self.wf, self.factory()
        self.queue(row)
        result = run_consumer(self.workflow, handle_signals=False, service=failing)
        assert result.errored == 1
        row.refresh_from_db()
        assert statuses(wf, row) == (wf.curation_enum.Error, wf.processing_enum.Error)
        assert "cannot be processed" in getattr(row, wf.names.error_field)


class UiWorkflowContract(WorkflowContract):
    """A workflow curators queue: its admin actions and its API status route as well."""

    @pytest.mark.django_db
    def test_admin_shows_the_actions(self, client):
        opts = self.wf.model._meta
        client.force_login(UserFactory(is_superuser=True))
        response = client.get(f"/admin/{opts.app_label}/{opts.model_name}/")
        assert response.status_code == 200
        assert f"{self.workflow}_queue" in response.content.decode()

    @pytest.mark.django_db
    def test_api_status_route(self, client):
        wf, row = self.wf, self.factory()
        client.force_login(UserFactory(is_superuser=True))
        response = client.put(
            wf.names.status_route,
            {"ids": [row.pk], "status": Status.QUEUED, "workflow": self.workflow},
            content_type="application/json",
        )
        assert response.status_code == 200, response.content
        row.refresh_from_db()
        assert statuses(wf, row)[1] == wf.processing_enum.Queued
