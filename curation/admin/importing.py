"""Import in the admin: "Import CSV" on domains, sitemap files and pages; upload, preview, result.

1. ``import/``: the form (a CSV in any common encoding, or an .xlsx workbook). The upload is
   stored as an import job (``curation.intake.import_jobs``) and its columns are read.
2. ``import/<job>/``: the preview: the first rows as they will be read and what normalisation
   makes of them, with a column picker (required when no column was recognised). "Import"
   writes: a small file in the request, a big one on a worker.
3. The same page then shows the result (or the progress, refreshed, while a worker imports),
   the rows that were not created, and ``import/<job>/report.csv`` with every row's outcome.

Views are thin: the job module reads, previews and imports.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from curation.intake import import_jobs
from curation.intake.tables import UnreadableFile, unknown_column_message
from curation.models import Channel
from scrapersky.conf import conf
from scrapersky.workflows import workflows_for_model

RESULT_ROWS_SHOWN = 500
ID_LIST_LINK_MAX = 300  # above this, link to the id range instead of listing every id


def _megabytes(n: int) -> str:
    return f"{n // (1024 * 1024)} MB"


class CsvImportForm(forms.Form):
    file = forms.FileField(
        label="File",
        help_text=(
            "CSV (UTF-8, Windows-1252 or Latin-1, as Excel saves it) or an Excel .xlsx workbook, "
            "with a header naming the column (e.g. domain, website, url), or one value per line. "
            "You will see a preview before anything is written."
        ),
    )
    source = forms.CharField(
        label="Source label",
        required=False,
        max_length=50,
        widget=forms.TextInput(attrs={"class": "vTextField", "placeholder": "csv or xlsx"}),
        help_text="Recorded as the source of the domains this import creates; left blank, the "
        "file's format (csv, or xlsx for an Excel workbook).",
    )
    queue = forms.BooleanField(required=False)

    def __init__(self, *args, kind: str, queue_label: str | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.fields["file"].help_text += f" At most {_megabytes(conf.import_max_bytes)}."
        if queue_label is None:
            del self.fields["queue"]  # no workflow, or no change permission to queue with
        else:
            self.fields["queue"].label = queue_label

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > conf.import_max_bytes:
            raise forms.ValidationError(
                f"The file is larger than {_megabytes(conf.import_max_bytes)}."
            )
        return upload


class CsvImportMixin:
    """Adds ``<changelist>/import/`` to a ModelAdmin; ``import_kind`` names the service's kind."""

    import_kind: str = ""

    def _import_url_name(self, suffix: str = "") -> str:
        opts = self.model._meta
        return f"{opts.app_label}_{opts.model_name}_import{suffix}"

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("import/", wrap(self.import_view), name=self._import_url_name()),
            path(
                "import/<str:token>/",
                wrap(self.import_job_view),
                name=self._import_url_name("_job"),
            ),
            path(
                "import/<str:token>/report.csv",
                wrap(self.import_report_view),
                name=self._import_url_name("_report"),
            ),
            *super().get_urls(),
        ]

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
        return f"Queue what was created for {workflows[0].names.verbose_name}"

    def _context(self, request, **extra) -> dict:
        opts = self.model._meta
        return {
            **self.admin_site.each_context(request),
            "opts": opts,
            "changelist_url": reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_changelist"
            ),
            "import_url": reverse(f"{self.admin_site.name}:{self._import_url_name()}"),
            **extra,
        }

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        opts = self.model._meta
        form = CsvImportForm(
            request.POST or None,
            request.FILES or None,
            kind=self.import_kind,
            queue_label=self._queue_label(request),
        )
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                job = import_jobs.create_job(
                    chunks=upload.chunks(),
                    filename=upload.name,
                    kind=self.import_kind,
                    source=form.cleaned_data["source"],
                    queue=bool(form.cleaned_data.get("queue")),
                    owner_id=request.user.pk,
                    actor=request.user.get_username(),
                    channel=Channel.ADMIN,
                )
            except UnreadableFile as exc:
                form.add_error("file", f"Cannot import this file: {exc}.")
            else:
                return HttpResponseRedirect(self._job_url(job))
        context = self._context(request, title=f"Import {opts.verbose_name_plural}", form=form)
        return TemplateResponse(request, "admin/curation/import_form.html", context)

    def _job_url(self, job, suffix: str = "_job") -> str:
        return reverse(f"{self.admin_site.name}:{self._import_url_name(suffix)}", args=[job.token])

    def _job_for(self, request, token: str):
        if not self.has_add_permission(request):
            raise PermissionDenied
        job = import_jobs.load_job(token)
        if job is None or job.status["kind"] != self.import_kind:
            raise Http404("no such import")
        if job.status["owner_id"] != request.user.pk and not request.user.is_superuser:
            raise PermissionDenied
        return job

    def import_job_view(self, request, token: str):
        job = self._job_for(request, token)
        opts = self.model._meta
        error = None
        if request.method == "POST" and job.state == "new":
            try:
                value = _column(request.POST.get("value_column"))
                if value is not None:
                    import_jobs.choose_columns(
                        job, value=value, name=_column(request.POST.get("name_column"))
                    )
                if "_import" in request.POST:
                    import_jobs.start(job)
                    return HttpResponseRedirect(self._job_url(job))
            except UnreadableFile as exc:
                error = str(exc)
            job = import_jobs.load_job(token)
        if job.state == "new":
            columns = job.columns
            try:
                rows = import_jobs.preview(job) if columns.value is not None else []
            except UnreadableFile as exc:
                rows, error = [], str(exc)
            context = self._context(
                request,
                title=f"Preview: import {opts.verbose_name_plural}",
                job=job,
                columns=columns,
                header=list(enumerate(columns.header)),
                rows=rows,
                error=error,
                unknown=None
                if columns.value is not None
                else unknown_column_message(columns, self.import_kind),
            )
            return TemplateResponse(request, "admin/curation/import_preview.html", context)
        status = job.status
        problems = status["problems"][:RESULT_ROWS_SHOWN]
        context = self._context(
            request,
            title=f"Import of {opts.verbose_name_plural}: {status['filename']}",
            job=job,
            status=status,
            running=job.state in import_jobs.RUNNING,
            problems=problems,
            problems_hidden=max(0, status["problems_total"] - len(problems)),
            rows_shown=RESULT_ROWS_SHOWN,
            report_url=self._job_url(job, "_report"),
            created_url=self._created_url(
                status["created_min_id"], status["created_max_id"], status["created"]
            ),
            **self._import_links(request, status.get("import_job_id")),
        )
        return TemplateResponse(request, "admin/curation/import_result.html", context)

    def _import_links(self, request, import_job_id: int | None) -> dict:
        """Links to "the domains of this import" and "export their contacts" (sql/095): the file's
        domains, created by it or already known."""
        if import_job_id is None:  # an import started before imports were recorded
            return {}
        site = self.admin_site.name
        links = {
            "domains_url": reverse(f"{site}:curation_domain_changelist")
            + f"?import_job={import_job_id}"
        }
        if request.user.has_perm("curation.view_contact"):
            query = f"?domain_import_job={import_job_id}"
            links["contacts_url"] = reverse(f"{site}:curation_contact_changelist") + query
            links["export_csv_url"] = (
                reverse("api:contacts-export") + query + "&dialect=spreadsheet"
            )
            links["export_xlsx_url"] = reverse("api:contacts-export-xlsx") + query
        return links

    def import_report_view(self, request, token: str):
        job = self._job_for(request, token)
        if not job.report_path.exists():
            raise Http404("no report yet")
        name = f"import-report-{job.status['kind']}-{token[:8]}.csv"
        return FileResponse(
            open(job.report_path, "rb"),  # FileResponse closes it
            as_attachment=True,
            filename=name,
            content_type="text/csv; charset=utf-8",
        )

    def _created_url(self, low: int | None, high: int | None, count: int) -> str | None:
        """The changelist filtered to the new rows: their id range."""
        if not count or low is None:
            return None
        opts = self.model._meta
        url = reverse(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_changelist")
        if low == high:
            return f"{url}?id__in={low}"
        # Identity values of one import; a concurrent import may interleave.
        return f"{url}?id__gte={low}&id__lte={high}"


def _column(raw: str | None) -> int | None:
    if raw in (None, ""):
        return None
    try:
        return int(raw)
    except ValueError:
        raise UnreadableFile("no such column") from None
