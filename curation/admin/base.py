"""The shared ModelAdmin of the pipeline tables: workflow columns, badges and fast lists."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from urllib.parse import urlencode

from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from curation.admin.actions import workflow_actions
from curation.admin.paginator import CappedPaginator
from scrapersky.workflows import Workflow, workflows_for_model

ERROR_PREVIEW_CHARS = 60


# --- display helpers ---------------------------------------------------------------------------
def badge(value: str | None, label: str | None = None) -> str:
    """A coloured status badge; the colour comes from the value (see change_list.html)."""
    if not value:
        return format_html('<span class="ss-badge ss-badge--none">{}</span>', "-")
    return format_html(
        '<span class="ss-badge ss-badge--{}">{}</span>', value.lower(), label or value
    )


def truncated(text: str | None, chars: int = ERROR_PREVIEW_CHARS) -> str:
    """The start of a long text; the whole of it on hover."""
    if not text:
        return ""
    return format_html(
        '<span class="ss-truncated" title="{}">{}</span>', text, Truncator(text).chars(chars)
    )


def changelist_link(model: type[models.Model], label: str, **filters: object) -> str:
    """A link to ``model``'s changelist with ``filters`` applied (query-string lookups)."""
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    return format_html('<a href="{}?{}">{}</a>', url, urlencode(filters), label)


def change_link(obj: models.Model | None, label: str | None = None) -> str:
    """A link to ``obj``'s change page."""
    if obj is None:
        return "-"
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, label if label is not None else str(obj))


# --- derived from the workflow registry ---------------------------------------------------------
def _verbose(workflow: Workflow) -> str:
    return workflow.name.replace("_", " ")


def _label(workflow: Workflow, model: type[models.Model], what: str) -> str:
    """``curation``, or ``page curation: curation`` when the table has several workflows."""
    if len(workflows_for_model(model)) == 1:
        return what
    return f"{_verbose(workflow)}: {what}"


def workflow_list_display(model: type[models.Model]) -> list[Callable]:
    """Curation badge, processing badge and error preview for each workflow of ``model``."""
    columns: list[Callable] = []
    for workflow in workflows_for_model(model):
        columns += [
            _badge_column(workflow.curation_field, _label(workflow, model, "curation")),
            _badge_column(workflow.processing_field, _label(workflow, model, "processing")),
            _error_column(workflow.error_field, _label(workflow, model, "error")),
        ]
    return columns


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
            (workflow.curation_field, _titled(_label(workflow, model, "curation status"))),
            (workflow.processing_field, _titled(_label(workflow, model, "processing status"))),
        ]
    return filters


def _titled(title: str) -> type[admin.ChoicesFieldListFilter]:
    """Django's choices filter (no counts, no queries) under a readable title."""

    class StatusFilter(admin.ChoicesFieldListFilter):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.title = title

    return StatusFilter


def workflow_fieldsets(model: type[models.Model]) -> list[tuple[str, dict]]:
    return [
        (
            f"Workflow: {_verbose(workflow)}",
            {"fields": workflow.all_columns, "description": workflow.purpose},
        )
        for workflow in workflows_for_model(model)
    ]


def workflow_columns(model: type[models.Model]) -> list[str]:
    return [column for workflow in workflows_for_model(model) for column in workflow.all_columns]


# --- the changelist ------------------------------------------------------------------------------
class PipelineChangeList(ChangeList):
    """Says "10,000+" when the paginator stopped counting, and lets the admin decorate a page."""

    def get_results(self, request):
        super().get_results(request)
        self.count_capped = getattr(self.paginator, "capped", False)
        count_display = getattr(self.paginator, "count_display", None)
        self.result_count_display = count_display or f"{self.result_count:,}"
        self.model_admin.decorate_results(self.result_list)


class PipelineAdmin(admin.ModelAdmin):
    """Base admin of a pipeline table: everything about its workflows comes from the registry.

    The workflow columns are read-only in forms: processing columns belong to the engine, and
    curation status changes go through the bulk actions, i.e. the curation service (the one
    write path, which also updates the processing status and writes the audit row).
    """

    count_cap: int | None = None  # None: CappedPaginator's default
    paginator = CappedPaginator
    show_full_result_count = False  # the unfiltered COUNT(*) is the slowest query of a list
    show_facets = admin.ShowFacets.NEVER  # facets count every filter choice over the table
    list_per_page = 100
    ordering = ["-id"]
    fieldsets = None
    bulk_delete = False  # see get_actions

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        self.actions = [
            *self.actions,
            *(
                action
                for wf in workflows_for_model(model)
                if wf.ui  # background-only workflows get no curation actions
                for action in workflow_actions(wf)
            ),
        ]

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        return self.paginator(
            queryset, per_page, orphans, allow_empty_first_page, cap=self.count_cap
        )

    def get_changelist(self, request, **kwargs):
        return PipelineChangeList

    def get_actions(self, request):
        # Django's "delete selected" collects every row and every cascaded child in memory and
        # lists them on a confirmation page: unusable on "select all" over a million pages, and
        # deleting a domain silently deletes its sitemaps, pages and contacts. Curators skip
        # rows instead; a single row can still be deleted from its change page.
        actions = super().get_actions(request)
        if not self.bulk_delete:
            actions.pop("delete_selected", None)
        return actions

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), *workflow_columns(self.model)]

    def get_fieldsets(self, request, obj=None):
        if not self.fieldsets:
            return super().get_fieldsets(request, obj)
        return [*self.fieldsets, *workflow_fieldsets(self.model)]

    def decorate_results(self, rows: Iterable[models.Model]) -> None:
        """Attach per-row extras (counts) to the rows of one changelist page; no-op here."""
