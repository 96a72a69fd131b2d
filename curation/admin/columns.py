"""The workflow columns of a pipeline table in the admin, derived from the workflow registry.

List columns (badges, error preview), list filters, and the labelled read-only displays and
fieldsets of a change page: one set per workflow of the table's model.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.contrib import admin
from django.db import models
from django.utils.html import format_html

from curation.admin.display import badge, truncated, when
from scrapersky.workflows import Workflow, workflows_for_model


def _label(workflow: Workflow, model: type[models.Model], what: str) -> str:
    """``curation``, or ``page curation: curation`` when the table has several workflows."""
    if len(workflows_for_model(model)) == 1:
        return what
    return f"{workflow.names.verbose_name}: {what}"


def workflow_list_display(model: type[models.Model], *, compact: bool = False) -> list[Callable]:
    """Curation badge, processing badge and error preview for each workflow of ``model``.

    A table with several workflows (or ``compact``: a table with many columns of its own) gets
    one column per workflow instead (its processing badge, the curation status on hover, the
    error's start below): three columns each do not fit 1,280 px beside the table's own.
    """
    workflows = workflows_for_model(model)
    if compact or len(workflows) > 1:
        return [_workflow_column(workflow) for workflow in workflows]
    columns: list[Callable] = []
    for workflow in workflows:
        columns += [
            _badge_column(workflow.names.curation_field, _label(workflow, model, "curation")),
            _badge_column(workflow.names.processing_field, _label(workflow, model, "processing")),
            _error_column(workflow.names.error_field, _label(workflow, model, "error")),
        ]
    return columns


def _workflow_column(workflow: Workflow) -> Callable:
    processing, curation = workflow.names.processing_field, workflow.names.curation_field

    @admin.display(description=workflow.names.verbose_name, ordering=processing)
    def column(obj):
        shown = badge(getattr(obj, processing))
        error = getattr(obj, workflow.names.error_field)
        return format_html(
            '<span class="ss-lines" title="curation: {}">{}{}</span>',
            getattr(obj, curation),
            shown,
            format_html("<br>{}", truncated(error, 24)) if error else "",
        )

    column.__name__ = f"{workflow.name}_status"
    return column


def _badge_column(field: str, description: str) -> Callable:
    @admin.display(description=description, ordering=field)
    def column(obj):
        return badge(getattr(obj, field))

    column.__name__ = field
    return column


def _error_column(field: str, description: str) -> Callable:
    @admin.display(description=description)
    def column(obj):
        return truncated(getattr(obj, field))

    column.__name__ = field
    return column


def workflow_list_filter(model: type[models.Model]) -> list[tuple[str, type]]:
    """Both status columns of each workflow of ``model``: plain choice filters, no counting."""
    filters: list[tuple[str, type]] = []
    for workflow in workflows_for_model(model):
        filters += [
            (workflow.names.curation_field, _titled(_label(workflow, model, "curation status"))),
            (
                workflow.names.processing_field,
                _titled(_label(workflow, model, "processing status")),
            ),
        ]
    return filters


def _titled(title: str) -> type[admin.ChoicesFieldListFilter]:
    """Django's choices filter (no counts, no queries) under a readable title."""

    class StatusFilter(admin.ChoicesFieldListFilter):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.title = title

    return StatusFilter


# The label of each workflow column on a change page, under the workflow's own heading
# ("Workflow: page curation" > "Curation status", not "Page curation curation").
COLUMN_LABELS = {
    "curation_status": "Curation status",
    "processing_status": "Processing status",
    "processing_error": "Last error",
    "queued_at": "Queued at",
    "started_at": "Started at",
    "finished_at": "Finished at",
    "attempts": "Attempts",
    "next_attempt_at": "Next attempt at",
    "lease_expires_at": "Lease expires at",
    "worker": "Worker",
}


def column_display(workflow: Workflow, column: str) -> Callable:
    suffix = column[len(workflow.name) + 1 :]

    @admin.display(description=COLUMN_LABELS.get(suffix, suffix.replace("_", " ").capitalize()))
    def show(obj):
        value = getattr(obj, column)
        if suffix.endswith("_status"):
            return badge(value)
        if suffix == "processing_error":
            return format_html('<span class="ss-error-text">{}</span>', value) if value else "-"
        if isinstance(value, datetime):
            return when(value)
        return "-" if value in (None, "") else value

    show.__name__ = f"wf_{column}"
    return show


def workflow_fieldsets(model: type[models.Model]) -> list[tuple[str, dict]]:
    return [
        (
            f"Workflow: {workflow.names.verbose_name}",
            {
                "fields": [f"wf_{column}" for column in workflow.names.all_columns],
                "description": workflow.purpose,
            },
        )
        for workflow in workflows_for_model(model)
    ]


def workflow_columns(model: type[models.Model]) -> list[str]:
    return [
        column for workflow in workflows_for_model(model) for column in workflow.names.all_columns
    ]
