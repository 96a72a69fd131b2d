"""``GET /api/v3/contacts/export.csv``: the contacts list's filters, as a streamed CSV
(``curation.intake.exporting``)."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request

from curation import selectors
from curation.api.filtering import SelectorFilterBackend
from curation.filtersets import ContactFilterSet
from curation.intake import exporting


class ContactExportView(GenericAPIView):
    """Every contact the list's filters select (``selectors.contact_list``), as CSV."""

    selector = staticmethod(selectors.contact_list)
    filter_backends = [SelectorFilterBackend]
    filterset_class = ContactFilterSet
    pagination_class = None

    def get_queryset(self):
        return self.selector()

    def perform_content_negotiation(self, request, force=False):
        # The body is CSV, written by the view; errors are JSON whatever the Accept header.
        return super().perform_content_negotiation(request, force=True)

    @extend_schema(
        operation_id="contacts_export_csv",
        summary="Export contacts as CSV",
        description=(
            "Every contact matching the query parameters of GET /api/v3/contacts/ (same filters "
            "and search), streamed as CSV ordered by id, columns: "
            + ", ".join(exporting.COLUMNS)
            + ". `pages` is the number of pages the contact was seen on, `source_page_url` one "
            "of them. Needs the view permission of contacts."
        ),
        filters=True,
        responses={
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="The CSV file."),
            400: OpenApiResponse(description='Invalid request: {"detail": "...", "errors": {...}}'),
            401: OpenApiResponse(description="Not authenticated."),
            403: OpenApiResponse(description="Missing the view permission of contacts."),
        },
        tags=["contacts"],
    )
    def get(self, request: Request):
        queryset = self.filter_queryset(self.get_queryset())
        return exporting.csv_response(queryset, filename=exporting.export_filename())
