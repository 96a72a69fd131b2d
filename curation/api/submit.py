"""Direct submission: ``POST /api/v3/{domains,pages,sitemap_files}/submit``.

Each view validates the request shape and hands the list to
``curation.intake.importing.import_rows`` (the CSV import's normalisation and de-duplication).
"""

from __future__ import annotations

from django.db import models
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from curation.api.fields import StrictBooleanField, StrictCharField
from curation.intake.importing import InputRow, import_rows
from curation.models import Channel, Domain, Page, SitemapFile
from scrapersky.workflows import workflows_for_model

MAX_ITEMS = 10_000
MAX_ITEM_CHARS = 4_096  # longer values are reported as invalid ("too long") by the normaliser

ERROR_RESPONSES = {
    400: OpenApiResponse(description='Invalid request: {"detail": "...", "errors": {...}}'),
    401: OpenApiResponse(description="Not authenticated."),
    403: OpenApiResponse(
        description="Missing the add permission of the table (or the change permission, to queue)."
    ),
}


def items_field(noun: str) -> serializers.ListField:
    """The submitted list: 1 to MAX_ITEMS strings."""
    return serializers.ListField(
        child=StrictCharField(allow_blank=True, trim_whitespace=False, max_length=MAX_ITEM_CHARS),
        allow_empty=False,
        min_length=1,
        max_length=MAX_ITEMS,
        help_text=f"1 to {MAX_ITEMS:,} {noun}; each is normalised and checked for duplicates.",
    )


def queue_field(model: type[models.Model]) -> StrictBooleanField:
    workflows = workflows_for_model(model)
    help_text = (
        f"Queue the created rows for {workflows[0].name} (needs the change permission)."
        if workflows
        else "No workflow runs on this table: ignored."
    )
    return StrictBooleanField(default=False, help_text=help_text)


def source_field() -> StrictCharField:
    return StrictCharField(
        default="api",
        min_length=1,
        max_length=50,
        help_text="Recorded as the source of the domains this submission creates.",
    )


class DomainSubmitRequestSerializer(serializers.Serializer):
    domains = items_field("domains or website URLs")
    queue = queue_field(Domain)
    source = source_field()


class PageSubmitRequestSerializer(serializers.Serializer):
    urls = items_field("absolute http(s) URLs")
    queue = queue_field(Page)
    source = source_field()


class SitemapFileSubmitRequestSerializer(serializers.Serializer):
    urls = items_field("absolute http(s) URLs")
    queue = queue_field(SitemapFile)
    source = source_field()


class SubmitResultSerializer(serializers.Serializer):
    index = serializers.IntegerField(
        source="line", help_text="Position in the submitted list (0-based)."
    )
    input = serializers.CharField(source="value")
    outcome = serializers.ChoiceField(choices=["created", "duplicate", "invalid"])
    normalized = serializers.CharField(help_text="The stored form; empty when invalid.")
    reason = serializers.CharField(help_text="Why it was not created; empty when created.")
    id = serializers.IntegerField(
        allow_null=True, help_text="The row's id (the existing row's for a duplicate)."
    )
    queued = serializers.SerializerMethodField(
        help_text="Whether this request queued the row for the table's workflow."
    )
    did = serializers.SerializerMethodField(
        help_text="What the request did with this item, in words: created (and queued), "
        "already known and not queued (and why), or refused (and why)."
    )

    def get_queued(self, row) -> bool:
        return row.id is not None and row.id in self.context["queued_ids"]

    def get_did(self, row) -> str:
        workflow = self.context["workflow"]
        if row.outcome == "invalid":
            return f"refused: {row.reason}"
        if row.outcome == "created":
            if self.get_queued(row):
                return f"created and queued for {workflow}"
            if self.context["queue"] and workflow:
                return f"created; not queued for {workflow} (its status did not allow it)"
            return 'created; not queued (send "queue": true to queue new rows)'
        what = (
            "repeated earlier in this request"
            if row.reason == "repeated in this input"
            else f"already known (id {row.id})"
        )
        if self.context["queue"] and workflow:
            return (
                f'{what}: not queued, "queue" queues only rows this request creates; queue a '
                f"known row with PUT {self.context['status_route']}"
            )
        return f"{what}: nothing changed"


class SubmitResponseSerializer(serializers.Serializer):
    summary = serializers.CharField()
    created = serializers.IntegerField()
    duplicates = serializers.IntegerField()
    invalid = serializers.IntegerField()
    queued = serializers.IntegerField()
    results = SubmitResultSerializer(many=True, source="rows")


class SubmitView(APIView):
    """Shared by the three submit views: ``kind`` of import_rows, the list's name in the body."""

    kind: str
    list_name: str
    request_serializer: type[serializers.Serializer]
    parser_classes = [JSONParser]

    def post(self, request: Request) -> Response:
        serializer = self.request_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        opts = self.queryset.model._meta
        change = f"{opts.app_label}.change_{opts.model_name}"
        if data["queue"] and not request.user.has_perm(change):
            raise PermissionDenied(f"Queueing {opts.verbose_name_plural} needs {change}.")
        report = import_rows(
            [InputRow(index, value) for index, value in enumerate(data[self.list_name])],
            kind=self.kind,
            source=data["source"],
            queue=data["queue"],
            actor=request.user,
            channel=Channel.API,
        )
        workflows = workflows_for_model(self.queryset.model)
        context = {
            "queue": data["queue"],
            "queued_ids": report.queued_ids,
            "workflow": workflows[0].name if workflows else "",
            "status_route": workflows[0].names.status_route if workflows else "",
        }
        return Response(SubmitResponseSerializer(report, context=context).data)


def submit_schema(view: type[SubmitView]) -> type[SubmitView]:
    """Document a submit view, from its kind, list name and request serializer."""
    kind, list_name = view.kind, view.list_name
    return extend_schema_view(
        post=extend_schema(
            operation_id=f"{kind}_submit",
            summary=f"Submit {kind.replace('_', ' ')} ({list_name}), optionally queueing them",
            description=(
                f"Normalises and de-duplicates the `{list_name}` (against each other and the "
                "table) exactly like the admin's CSV import, creates the new rows in one "
                "transaction and answers one result per item, in order: `created`, `duplicate` "
                "(with the existing row's id) or `invalid` with the reason. An invalid item does "
                f"not fail the request. At most {MAX_ITEMS:,} items per request. Needs the add "
                'permission of the table; `"queue": true` also needs its change permission.'
                + (" The domain of each URL is created when missing." if kind != "domains" else "")
            ),
            request=view.request_serializer,
            responses={200: SubmitResponseSerializer, **ERROR_RESPONSES},
            tags=[kind],
        )
    )(view)


@submit_schema
class DomainSubmitView(SubmitView):
    kind = "domains"
    list_name = "domains"
    request_serializer = DomainSubmitRequestSerializer
    queryset = Domain.objects.none()


@submit_schema
class PageSubmitView(SubmitView):
    kind = "pages"
    list_name = "urls"
    request_serializer = PageSubmitRequestSerializer
    queryset = Page.objects.none()


@submit_schema
class SitemapFileSubmitView(SubmitView):
    kind = "sitemap_files"
    list_name = "urls"
    request_serializer = SitemapFileSubmitRequestSerializer
    queryset = SitemapFile.objects.none()


SUBMIT_VIEWS: tuple[type[SubmitView], ...] = (
    DomainSubmitView,
    PageSubmitView,
    SitemapFileSubmitView,
)
