"""Bulk actions derived from the workflow registry: each one is a single curation service call.

A workflow declared on any table gets its actions on that table's admin without code here.
Django hands an action the changelist's filtered queryset ("select all N" across pages
included), which goes to the service as one set-based statement.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from curation.models import Channel
from scrapersky.status import Status
from scrapersky.workflows import Workflow


@dataclass(frozen=True)
class ActionSpec:
    slug: str
    status: str  # the curation status the action sets
    description: str  # formatted with the workflow's verbose name
    only_errored: bool = False  # narrow the selection to rows whose processing failed


ACTION_SPECS = (
    ActionSpec("queue", Status.QUEUED, "Queue for {verbose}"),
    ActionSpec("skip", Status.SKIPPED, "Skip {verbose}"),
    ActionSpec("reset", Status.NEW, "Reset {verbose} to New"),
    ActionSpec("retry", Status.QUEUED, "Retry errored {verbose}", only_errored=True),
)


def workflow_actions(workflow: Workflow) -> list[Callable]:
    """The admin actions of one workflow, named ``{workflow}_{slug}``."""
    return [_make_action(workflow, spec) for spec in ACTION_SPECS]


def _make_action(workflow: Workflow, spec: ActionSpec) -> Callable:
    def action(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet) -> None:
        if spec.only_errored:
            queryset = queryset.filter(**{workflow.names.processing_field: Status.ERROR})
        run_status_change(modeladmin, request, workflow=workflow, status=spec.status, qs=queryset)

    action.__name__ = action.__qualname__ = workflow.names.action_name(spec.slug)
    description = spec.description.format(verbose=workflow.names.verbose_name)
    return admin.action(permissions=["change"], description=description)(action)


def run_status_change(
    modeladmin: admin.ModelAdmin,
    request: HttpRequest,
    *,
    workflow: Workflow,
    status: str,
    qs: QuerySet,
) -> object | None:
    """Call the curation service, report its result as an admin message and log it."""
    from curation import services  # the service module imports models; keep admin import light

    try:
        result = services.set_curation_status(
            workflow=workflow.name,
            status=status,
            queryset=qs,
            actor=request.user,
            channel=Channel.ADMIN,
        )
    except services.CurationError as exc:
        modeladmin.message_user(request, str(exc), messages.ERROR)
        return None
    level = messages.SUCCESS if result.updated_ids else messages.WARNING
    modeladmin.message_user(request, result.message, level)
    log_bulk_change(request, result)
    return result


def log_bulk_change(request: HttpRequest, result) -> None:
    """One admin log entry per bulk change, so the index's "Recent actions" shows it.

    Django logs one entry per object; a "select all" over a million rows would write a million.
    The entry points at the change's audit row instead, which lists every id.
    """
    from django.contrib.admin.models import CHANGE, LogEntry
    from django.contrib.contenttypes.models import ContentType

    from curation.models import StatusChange

    if result.audit_id is None or not result.updated_ids:
        return
    LogEntry.objects.create(
        user_id=request.user.pk,
        content_type=ContentType.objects.get_for_model(StatusChange),
        object_id=str(result.audit_id),
        object_repr=result.message[:200],
        action_flag=CHANGE,
        change_message=result.message,
    )
