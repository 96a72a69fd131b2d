"""The shared ModelAdmin of the pipeline tables: workflow columns, row buttons and fast lists.

Its pieces: display.py (badges, links, tables), columns.py (the workflow columns derived from the
registry), changelist.py (validated filters, capped counts), actions.py (the bulk status actions),
paginator.py.
"""

from __future__ import annotations

from collections.abc import Iterable

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse

from curation.admin.actions import ACTION_SPECS, run_status_change, workflow_actions
from curation.admin.changelist import PipelineChangeList
from curation.admin.columns import column_display, workflow_columns, workflow_fieldsets
from curation.admin.display import display_url
from curation.admin.paginator import CappedPaginator
from scrapersky.status import Status
from scrapersky.workflows import get_workflow, workflows_for_model

# Text columns that hold prose; every other text column gets a one-line input.
LONG_TEXT_FIELDS = {"notes", "meta_description", "context", "import_note"}


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
                setattr(self, f"wf_{column}", column_display(workflow, column))
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
            qs = qs.filter(**{wf.names.processing_field: Status.ERROR})
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
            processing = getattr(obj, wf.names.processing_field)
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
