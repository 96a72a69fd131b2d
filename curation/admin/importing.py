"""CSV import in the admin: an "Import CSV" button on the changelists of domains, sitemap files
and pages, a form, and a page with the result of every row that was not created.

The view validates the upload (size, encoding, CSV shape) and calls the import service, which
normalises, de-duplicates and writes in one transaction: a rejected file writes nothing.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse

from curation.importing import MAX_FILE_BYTES, ImportError_, import_rows, read_csv
from curation.models import Channel
from scrapersky.workflows import workflows_for_model

RESULT_ROWS_SHOWN = 500
ID_LIST_LINK_MAX = 300  # above this, link to the id range instead of listing every id


class CsvImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text=(
            "UTF-8 CSV with a header naming the column (e.g. domain, url), or one value per line; "
            f"at most {MAX_FILE_BYTES // (1024 * 1024)} MB."
        ),
    )
    source = forms.CharField(
        label="Source label",
        initial="csv",
        max_length=50,
        help_text="Recorded as the source of the domains this import creates.",
    )
    queue = forms.BooleanField(required=False)

    def __init__(self, *args, kind: str, queue_label: str | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        if queue_label is None:
            del self.fields["queue"]  # no workflow, or no change permission to queue with
        else:
            self.fields["queue"].label = queue_label

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                f"The file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB."
            )
        try:
            self.cleaned_data["rows"] = read_csv(upload.read(), self.kind)
        except ImportError_ as exc:
            raise forms.ValidationError(f"Cannot import this file: {exc}.") from None
        return upload


class CsvImportMixin:
    """Adds ``<changelist>/import/`` to a ModelAdmin; ``import_kind`` names the service's kind."""

    import_kind: str = ""

    def _import_url_name(self) -> str:
        opts = self.model._meta
        return f"{opts.app_label}_{opts.model_name}_import"

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name=self._import_url_name()), *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra_context = extra_context or {}
        if self.has_add_permission(request):
            extra_context["import_csv_url"] = reverse(
                f"{self.admin_site.name}:{self._import_url_name()}"
            )
        return super().changelist_view(request, extra_context)

    def _queue_label(self, request) -> str | None:
        workflows = workflows_for_model(self.model)
        if not workflows or not self.has_change_permission(request):
            return None
        return f"Queue what was created for {workflows[0].name.replace('_', ' ')}"

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        opts = self.model._meta
        queue_label = self._queue_label(request)
        form = CsvImportForm(
            request.POST or None,
            request.FILES or None,
            kind=self.import_kind,
            queue_label=queue_label,
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "title": f"Import {opts.verbose_name_plural} from CSV",
            "form": form,
            "changelist_url": reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_changelist"
            ),
        }
        if request.method != "POST" or not form.is_valid():
            return TemplateResponse(request, "admin/curation/import_form.html", context)
        data = form.cleaned_data
        report = import_rows(
            data["rows"],
            kind=self.import_kind,
            source=data["source"],
            queue=bool(data.get("queue")),
            actor=request.user,
            channel=Channel.ADMIN,
        )
        problems = [row for row in report.rows if row.outcome != "created"]
        context.update(
            title=f"Imported {opts.verbose_name_plural}",
            report=report,
            problems=problems[:RESULT_ROWS_SHOWN],
            problems_hidden=max(0, len(problems) - RESULT_ROWS_SHOWN),
            rows_shown=RESULT_ROWS_SHOWN,
            created_url=self._created_url(context["changelist_url"], report.created_ids),
        )
        return TemplateResponse(request, "admin/curation/import_result.html", context)

    @staticmethod
    def _created_url(changelist_url: str, ids: list[int]) -> str | None:
        """The changelist filtered to the new rows: their ids, or their id range if many."""
        if not ids:
            return None
        if len(ids) <= ID_LIST_LINK_MAX:
            return f"{changelist_url}?id__in={','.join(map(str, sorted(ids)))}"
        # Identity values of one transaction's inserts; a concurrent import may interleave.
        return f"{changelist_url}?id__gte={min(ids)}&id__lte={max(ids)}"
