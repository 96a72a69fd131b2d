"""``GET /api/v3/contacts/export.csv`` and ``export.xlsx``: the contacts list's filters, as a
streamed CSV or an Excel workbook (``curation.intake.exporting``)."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request

from curation import selectors
from curation.api.filtering import SelectorFilterBackend
from curation.filtersets import ContactFilterSet
from curation.intake import exporting


def _columns_doc() -> str:
    return "\n".join(f"- `{c.name}`: {c.doc}" for c in exporting.COLUMNS)


class ContactExportView(GenericAPIView):
    """Every contact the list's filters select (``selectors.contact_list``), as CSV or .xlsx."""

    selector = staticmethod(selectors.contact_list)
    filter_backends = [SelectorFilterBackend]
    filterset_class = ContactFilterSet
    pagination_class = None
    file_format = "csv"
    extra_parameters = ("dialect",)

    def get_queryset(self):
        return self.selector()

    def perform_content_negotiation(self, request, force=False):
        # The body is a file, written by the view; errors are JSON whatever the Accept header.
        return super().perform_content_negotiation(request, force=True)

    @extend_schema(
        summary="Export contacts as CSV or as an Excel workbook (export.csv, export.xlsx)",
        description=(
            "Every contact matching the query parameters of GET /api/v3/contacts/ (same filters "
            "and search, e.g. `?domain=12&domain=13`), ordered by id. The CSV is UTF-8 with a "
            "byte order mark, streamed; in the workbook every cell is text (format `@`) except "
            "`pages`. Columns, in order:\n\n"
            + _columns_doc()
            + "\n\nNeeds the view permission of contacts."
        ),
        filters=True,
        parameters=[
            OpenApiParameter(
                "dialect",
                str,
                enum=list(exporting.DIALECTS),
                description=(
                    "CSV only. `canonical` (default): a phone's `value` in E.164 "
                    "(`+15415550123`), which spreadsheets read as a number. `spreadsheet`: a "
                    "phone's `value` in international form (`+1 541-555-0123`), kept as text "
                    "by LibreOffice and Excel; the admin's downloads use it."
                ),
            )
        ],
        responses={
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="The CSV file."),
            (200, exporting.XLSX_TYPE): OpenApiResponse(
                OpenApiTypes.BINARY, description="The workbook (export.xlsx)."
            ),
            400: OpenApiResponse(description='Invalid request: {"detail": "...", "errors": {...}}'),
            401: OpenApiResponse(description="Not authenticated."),
            403: OpenApiResponse(description="Missing the view permission of contacts."),
        },
        tags=["contacts"],
    )
    def get(self, request: Request):
        queryset = self.filter_queryset(self.get_queryset())
        # An empty parameter means "not given", as everywhere in the API.
        dialects = [d for d in request.query_params.getlist("dialect") if d] or [
            exporting.CANONICAL
        ]
        if len(dialects) > 1 or dialects[0] not in exporting.DIALECTS:
            raise ValidationError(
                {"dialect": [f"one of {', '.join(exporting.DIALECTS)}, given once"]}
            )
        return exporting.response(queryset, file_format=self.file_format, dialect=dialects[0])
