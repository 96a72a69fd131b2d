"""The shared ModelAdmin of the pipeline tables: workflow columns, badges and fast lists."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import datetime
from urllib.parse import urlencode

import idna
from django import forms
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import NotRelationField, get_fields_from_path
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator

from curation.admin.actions import ACTION_SPECS, run_status_change, workflow_actions
from curation.admin.paginator import CappedPaginator
from scrapersky.status import Status
from scrapersky.workflows import Workflow, get_workflow, workflows_for_model

ERROR_PREVIEW_CHARS = 60
RELATED_SHOWN = 10  # rows of each related table listed on a change page
RELATED_COUNT_CAP = 10_000  # related rows counted at most (a domain may have a million pages)
# Text columns that hold prose; every other text column gets a one-line input.
LONG_TEXT_FIELDS = {"notes", "meta_description", "context", "import_note"}


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


def display_domain(name: str | None) -> str:
    """An international domain as people write it (bücher.de), not its punycode."""
    if not name:
        return ""
    if "xn--" not in name:
        return name
    try:
        return idna.decode(name)
    except idna.IDNAError:
        return name


def display_url(url: str | None) -> str:
    """A URL or e-mail address with its international host shown in Unicode."""
    if not url or "xn--" not in url:
        return url or ""
    return re.sub(r"xn--[a-z0-9-]+(?:\.[a-z0-9-]+)*", lambda m: display_domain(m.group(0)), url)


def when(value: datetime | None) -> str:
    """A timestamp in the site's time zone, to the second (no microseconds, no offset)."""
    if value is None:
        return "-"
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S")


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """``1 sitemap``, ``3 sitemaps``, ``1,200 pages``."""
    return f"{n:,} {singular if n == 1 else (plural or singular + 's')}"


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
    if label is None:
        label = display_domain(obj.domain) if opts.model_name == "domain" else str(obj)
    return format_html('<a href="{}">{}</a>', url, label)


def related_table(name: str, rows: Iterable[Iterable[object]]) -> str:
    """A change page's table of related rows (``name``: what they are), one cell per value."""
    body = format_html_join(
        "",
        "<tr>{}</tr>",
        ((format_html_join("", "<td>{}</td>", ((cell,) for cell in row)),) for row in rows),
    )
    return format_html('<table class="ss-related" data-related="{}">{}</table>', name, body)


def page_cells(page: models.Model) -> tuple[str, str, str]:
    """A page's cells in a related table: link to it, page type, page curation status."""
    return (
        change_link(page, truncated(display_url(page.url), 70)),
        page.page_type,
        badge(page.page_curation_processing_status),
    )


# --- derived from the workflow registry ---------------------------------------------------------
def _label(workflow: Workflow, model: type[models.Model], what: str) -> str:
    """``curation``, or ``page curation: curation`` when the table has several workflows."""
    if len(workflows_for_model(model)) == 1:
        return what
    return f"{workflow.names.verbose_name}: {what}"


def workflow_list_display(model: type[models.Model]) -> list[Callable]:
    """Curation badge, processing badge and error preview for each workflow of ``model``.

    A table with several workflows gets one column per workflow instead (its processing badge,
    the curation status on hover, the error's start below): three columns each do not fit
    1,280 px beside the table's own.
    """
    workflows = workflows_for_model(model)
    if len(workflows) > 1:
        return [_workflow_column(workflow) for workflow in workflows]
    columns: list[Callable] = []
    for workflow in workflows:
        columns += [
            _badge_column(workflow.curation_field, _label(workflow, model, "curation")),
            _badge_column(workflow.processing_field, _label(workflow, model, "processing")),
            _error_column(workflow.error_field, _label(workflow, model, "error")),
        ]
    return columns


def _workflow_column(workflow: Workflow) -> Callable:
    processing, curation = workflow.processing_field, workflow.curation_field

    @admin.display(description=workflow.names.verbose_name, ordering=processing)
    def column(obj):
        shown = badge(getattr(obj, processing))
        error = getattr(obj, workflow.error_field)
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


def _column_display(workflow: Workflow, column: str) -> Callable:
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


# --- the changelist ------------------------------------------------------------------------------
# Lookups that compare a column with the value as given: on a PostgreSQL enum column the value is
# cast to the enum, and a value outside it is a DataError at query time (a 500), not an empty list.
COMPARING_LOOKUPS = {"exact", "in", "gt", "gte", "lt", "lte"}


def check_choice_lookups(model: type[models.Model], params: dict[str, list], skip=()) -> None:
    """Refuse (IncorrectLookupParameters: the admin's ``?e=1``) a comparison of a column that
    has choices with a value outside them, e.g. ``?page_curation_curation_status__exact=Bogus``.

    Django checks a value only where converting it fails (a date, a number); a text column's
    choices are not checked, and the enum cast fails later, in the database.
    """
    for key, values in params.items():
        if key in skip:
            continue
        parts = key.split("__")
        lookup = "exact"
        if len(parts) > 1 and parts[-1] in COMPARING_LOOKUPS | {"isnull", "iexact", "contains"}:
            lookup = parts.pop()
        if lookup not in COMPARING_LOOKUPS:
            continue
        try:
            field = get_fields_from_path(model, "__".join(parts))[-1]
        except (FieldDoesNotExist, NotRelationField):
            continue  # Django itself refuses a path that is no field
        choices = {str(value) for value, _label in (getattr(field, "flatchoices", None) or ())}
        if not choices:
            continue
        for value in values if isinstance(values, list) else [values]:
            given = str(value).split(",") if lookup == "in" else [str(value)]
            bad = [v for v in given if v not in choices]
            if bad:
                raise IncorrectLookupParameters(
                    f"{key}: {bad[0]!r} is not one of {', '.join(sorted(choices))}"
                )


class ValidatingChangeList(ChangeList):
    """A changelist whose filter values on choice columns are checked before any query."""

    def get_filters(self, request):
        skip = {
            f.parameter_name
            for f in self.list_filter
            if isinstance(f, type) and issubclass(f, admin.SimpleListFilter)
        }
        check_choice_lookups(self.model, self.get_filters_params(), skip)
        return super().get_filters(request)


class PipelineChangeList(ValidatingChangeList):
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

    change_form_template = "admin/curation/change_form.html"
    long_text_fields = LONG_TEXT_FIELDS

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        # Labelled read-only displays of the workflow columns (see workflow_fieldsets).
        for workflow in workflows_for_model(model):
            for column in workflow.names.all_columns:
                setattr(self, f"wf_{column}", _column_display(workflow, column))
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
        labelled = [f"wf_{column}" for column in workflow_columns(self.model)]
        return [
            *super().get_readonly_fields(request, obj),
            *workflow_columns(self.model),
            *labelled,
        ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # Domains, URLs, sources and contact values are one line: a five-line box misleads.
        if isinstance(db_field, models.TextField) and db_field.name not in self.long_text_fields:
            kwargs.setdefault("widget", forms.TextInput(attrs={"class": "vTextField ss-wide"}))
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    # --- the row buttons (Queue / Skip / Retry on a change page) ------------------------------
    def get_urls(self):
        opts = self.model._meta
        view = self.admin_site.admin_view(self.row_status_view)
        return [
            path(
                "<path:object_id>/status/<str:workflow>/<str:slug>/",
                view,
                name=f"{opts.app_label}_{opts.model_name}_row_status",
            ),
            *super().get_urls(),
        ]

    def row_status_view(self, request, object_id, workflow, slug):
        """POST: one row's curation status through the curation service (the one write path)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = get_object_or_404(self.model, pk=object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        try:
            wf = get_workflow(workflow)
        except LookupError:
            raise PermissionDenied from None
        spec = next((s for s in ACTION_SPECS if s.slug == slug), None)
        if wf.model is not self.model or not wf.ui or spec is None:
            raise PermissionDenied
        qs = self.model.objects.filter(pk=obj.pk)
        if spec.only_errored:
            qs = qs.filter(**{wf.processing_field: Status.ERROR})
        run_status_change(self, request, workflow=wf, status=spec.status, qs=qs)
        opts = self.model._meta
        return HttpResponseRedirect(
            reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]
            )
        )

    def row_buttons(self, request, obj) -> list[dict]:
        """The Queue / Skip / Retry buttons a user may press on ``obj``'s page."""
        if obj is None or not self.has_change_permission(request, obj):
            return []
        opts = self.model._meta
        buttons = []
        for wf in workflows_for_model(self.model):
            if not wf.ui:
                continue
            processing = getattr(obj, wf.processing_field)
            for spec in ACTION_SPECS:
                if spec.slug == "reset":
                    continue
                if spec.only_errored and processing != Status.ERROR:
                    continue
                if spec.slug == "queue" and processing == Status.ERROR:
                    continue  # Retry says it better
                buttons.append(
                    {
                        "label": spec.description.format(verbose=wf.names.verbose_name).replace(
                            "Retry errored", "Retry"
                        ),
                        "slug": spec.slug,
                        "workflow": wf.name,
                        "disabled": processing == Status.PROCESSING,
                        "url": reverse(
                            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_row_status",
                            args=[obj.pk, wf.name, spec.slug],
                        ),
                    }
                )
        return buttons

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["row_buttons"] = self.row_buttons(request, obj)
        if obj is not None and display_url(str(obj)) != str(obj):
            context["ss_title"] = context["subtitle"] = display_url(str(obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_fieldsets(self, request, obj=None):
        if not self.fieldsets:
            return super().get_fieldsets(request, obj)
        return [*self.fieldsets, *workflow_fieldsets(self.model)]

    def decorate_results(self, rows: Iterable[models.Model]) -> None:
        """Attach per-row extras (counts) to the rows of one changelist page; no-op here."""
