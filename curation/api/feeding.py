"""Feeding the pipeline through the API: direct submission of domains, pages and sitemap files,
and the contacts CSV export.

``POST /api/v3/{domains,pages,sitemap_files}/submit`` validates the request shape and hands the
list to ``curation.importing.import_rows`` (the CSV import's normalisation and de-duplication);
``GET /api/v3/contacts/export.csv`` streams ``curation.exporting`` over the contacts list's
filters.
"""

from __future__ import annotations

from functools import cache

from django.db import models
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from curation import exporting
from curation.api.filters import filterset_for
from curation.api.serializers import StrictBooleanField
from curation.importing import InputRow, import_rows
from curation.models import Channel, Contact, Domain, Page, SitemapFile
from scrapersky.workflows import workflows_for_model

MAX_ITEMS = 10_000
MAX_ITEM_CHARS = 4_096  # longer values are reported as invalid ("too long") by the normaliser

# kind of import_rows -> (model, name of the list in the request body)
SUBMISSIONS: dict[str, tuple[type[models.Model], str]] = {
    "domains": (Domain, "domains"),
    "pages": (Page, "urls"),
    "sitemap_files": (SitemapFile, "urls"),
}

ERROR_RESPONSES = {
    400: OpenApiResponse(description='Invalid request: {"detail": "...", "errors": {...}}'),
    401: OpenApiResponse(description="Not authenticated."),
    403: OpenApiResponse(
        description="Missing the add permission of the table (or the change permission, to queue)."
    ),
}


class StrictCharField(serializers.CharField):
    """A JSON string: numbers, booleans and objects are refused rather than turned into text."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class SubmitResultSerializer(serializers.Serializer):
    index = serializers.IntegerField(help_text="Position in the submitted list (0-based).")
    input = serializers.CharField()
    outcome = serializers.ChoiceField(choices=["created", "duplicate", "invalid"])
    normalized = serializers.CharField(help_text="The stored form; empty when invalid.")
    reason = serializers.CharField(help_text="Why it was not created; empty when created.")
    id = serializers.IntegerField(
        allow_null=True, help_text="The row's id (the existing row's for a duplicate)."
    )


class SubmitResponseSerializer(serializers.Serializer):
    summary = serializers.CharField()
    created = serializers.IntegerField()
    duplicates = serializers.IntegerField()
    invalid = serializers.IntegerField()
    queued = serializers.IntegerField()
    results = SubmitResultSerializer(many=True)


@cache
def submit_request_serializer(kind: str) -> type[serializers.Serializer]:
    model, list_name = SUBMISSIONS[kind]
    noun = "domains or website URLs" if kind == "domains" else "absolute http(s) URLs"
    workflows = workflows_for_model(model)
    queue_help = (
        f"Queue the created rows for {workflows[0].name} (needs the change permission)."
        if workflows
        else "No workflow runs on this table: ignored."
    )
    attrs = {
        list_name: serializers.ListField(
            child=StrictCharField(
                allow_blank=True, trim_whitespace=False, max_length=MAX_ITEM_CHARS
            ),
            allow_empty=False,
            min_length=1,
            max_length=MAX_ITEMS,
            help_text=f"1 to {MAX_ITEMS:,} {noun}; each is normalised and checked for duplicates.",
        ),
        "queue": StrictBooleanField(default=False, help_text=queue_help),
        "source": StrictCharField(
            default="api",
            min_length=1,
            max_length=50,
            help_text="Recorded as the source of the domains this submission creates.",
        ),
        "__module__": __name__,
    }
    name = f"{model.__name__}SubmitRequestSerializer"
    return type(name, (serializers.Serializer,), attrs)


class SubmitView(APIView):
    kind: str
    parser_classes = [JSONParser]

    def post(self, request: Request) -> Response:
        model, list_name = SUBMISSIONS[self.kind]
        serializer = submit_request_serializer(self.kind)(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        opts = model._meta
        change = f"{opts.app_label}.change_{opts.model_name}"
        if data["queue"] and not request.user.has_perm(change):
            raise PermissionDenied(f"Queueing {opts.verbose_name_plural} needs {change}.")
        report = import_rows(
            [InputRow(index, value) for index, value in enumerate(data[list_name])],
            kind=self.kind,
            source=data["source"],
            queue=data["queue"],
            actor=request.user,
            channel=Channel.API,
        )
        return Response(
            {
                "summary": report.summary,
                "created": report.created,
                "duplicates": report.duplicates,
                "invalid": report.invalid,
                "queued": report.queued,
                "results": [
                    {
                        "index": row.line,
                        "input": row.value,
                        "outcome": row.outcome,
                        "normalized": row.normalized,
                        "reason": row.reason,
                        "id": row.id,
                    }
                    for row in report.rows
                ],
            }
        )


@cache
def submit_view(kind: str) -> type[APIView]:
    """``POST /api/v3/{kind}/submit``."""
    model, list_name = SUBMISSIONS[kind]
    view = type(
        f"{model.__name__}SubmitView",
        (SubmitView,),
        {"kind": kind, "queryset": model._default_manager.none(), "__module__": __name__},
    )

    def post(self, request: Request) -> Response:
        return SubmitView.post(self, request)

    view.post = extend_schema(
        operation_id=f"{kind}_submit",
        summary=f"Submit {kind.replace('_', ' ')} ({list_name}), optionally queueing them",
        description=(
            f"Normalises and de-duplicates the `{list_name}` (against each other and the table) "
            "exactly like the admin's CSV import, creates the new rows in one transaction and "
            "answers one result per item, in order: `created`, `duplicate` (with the existing "
            "row's id) or `invalid` with the reason. An invalid item does not fail the request. "
            f"At most {MAX_ITEMS:,} items per request. Needs the add permission of the table; "
            '`"queue": true` also needs its change permission.'
            + (" The domain of each URL is created when missing." if kind != "domains" else "")
        ),
        request=submit_request_serializer(kind),
        responses={200: SubmitResponseSerializer, **ERROR_RESPONSES},
        tags=[kind],
    )(post)
    return view


class ContactExportView(GenericAPIView):
    """``GET /api/v3/contacts/export.csv``: the contacts list's filters, as a streamed CSV."""

    queryset = Contact.objects.all()
    filter_backends = [DjangoFilterBackend]
    filterset_class = filterset_for(Contact)
    pagination_class = None

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
            400: ERROR_RESPONSES[400],
            401: ERROR_RESPONSES[401],
            403: OpenApiResponse(description="Missing the view permission of contacts."),
        },
        tags=["contacts"],
    )
    def get(self, request: Request):
        queryset = self.filter_queryset(self.get_queryset())
        return exporting.csv_response(queryset, filename=exporting.export_filename())
