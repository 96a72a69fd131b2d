"""API views, generated for every table of curation.api.filters.RESOURCES and every workflow.

No view holds logic of its own: lists are a FilterSet over a queryset, and the status views
validate the request and call ``curation.services.set_curation_status``.
"""

from __future__ import annotations

from functools import cache

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from curation.api import serializers as s
from curation.api.filter_types import StrictOrderingFilter
from curation.api.filters import (
    FilterError,
    Resource,
    filtered_queryset,
    filterset_for,
    has_filters,
)
from curation.models import Channel
from curation.services import StatusChangeResult, set_curation_status
from scrapersky.workflows import Workflow

ERROR_RESPONSES = {
    400: OpenApiResponse(description='Invalid request: {"detail": "...", "errors": {...}}'),
    401: OpenApiResponse(description="Not authenticated."),
    403: OpenApiResponse(description="Missing the change permission of the table."),
    415: OpenApiResponse(description="The body is not application/json."),
}


def result_data(result: StatusChangeResult) -> dict:
    return {
        "message": result.message,
        "workflow": result.workflow,
        "status": result.status,
        "requested": result.requested,
        "updated_ids": result.updated_ids,
        "queued_ids": result.queued_ids,
        "skipped": result.skipped,
        "missing_ids": result.missing_ids,
        "updated_count": result.updated_count,
        "queued_count": result.queued_count,
        "audit_id": result.audit_id,
    }


class StatusViewBase(APIView):
    """Shared by the two status endpoints of a table."""

    resource: Resource
    parser_classes = [JSONParser]
    filter_backends: list = []

    def workflow(self, data: dict) -> Workflow:
        workflows = self.resource.workflows
        name = data.get("workflow")
        if name is None:
            return workflows[0]  # the serializer requires it when there is a choice
        return next(wf for wf in workflows if wf.name == name)


class StatusView(StatusViewBase):
    def put(self, request: Request) -> Response:
        serializer = status_request_serializer_for(self.resource)(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        result = set_curation_status(
            workflow=self.workflow(data),
            status=data["status"],
            ids=data["ids"],
            actor=request.user,
            channel=Channel.API,
        )
        return Response(result_data(result))


class FilteredStatusView(StatusViewBase):
    def put(self, request: Request) -> Response:
        serializer = filtered_request_serializer_for(self.resource)(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        filters = data["filters"]
        if not has_filters(filters) and not data["all"]:
            raise ValidationError(
                {"filters": ['no filters given: send "all": true to change every row']}
            )
        try:
            queryset = filtered_queryset(self.resource.model, filters)
        except FilterError as exc:
            raise ValidationError({"filters": exc.errors}) from None
        result = set_curation_status(
            workflow=self.workflow(data),
            status=data["status"],
            queryset=queryset,
            actor=request.user,
            channel=Channel.API,
        )
        return Response(result_data(result))


status_request_serializer_for = s.status_request_serializer
filtered_request_serializer_for = s.filtered_status_request_serializer


def _copy(function):
    def put(self, request: Request) -> Response:
        return function(self, request)

    return put


@cache
def status_views(resource: Resource) -> tuple[type[APIView], type[APIView]]:
    """The ``status`` and ``status/filtered`` views of a table."""
    model = resource.model
    names = ", ".join(wf.name for wf in resource.workflows)
    tag = resource.table
    common = {
        "resource": resource,
        "queryset": model._default_manager.all(),
        "__module__": __name__,
    }
    plain = type(f"{model.__name__}StatusView", (StatusView,), dict(common))
    # A fresh function per class: extend_schema annotates the function object it is given.
    plain.put = extend_schema(
        operation_id=f"{resource.table}_status_update",
        summary=f"Set the curation status of {resource.table} by id ({names})",
        description=(
            "Sets the curation status of the given rows in one transaction. Queued also sets the "
            "processing status to Queued (clearing the error and retry counters) so the workers "
            "pick the rows up; rows a worker is Processing are skipped and reported; ids that do "
            "not exist are reported as missing. Other statuses leave the processing columns alone."
        ),
        request=s.status_request_serializer(resource),
        responses={200: s.StatusUpdateResponseSerializer, **ERROR_RESPONSES},
        tags=[tag],
    )(_copy(StatusView.put))
    filtered = type(f"{model.__name__}FilteredStatusView", (FilteredStatusView,), dict(common))
    filtered.put = extend_schema(
        operation_id=f"{resource.table}_status_filtered_update",
        summary=f"Set the curation status of every {resource.table} row matching filters",
        description=(
            f"Like PUT /api/v3/{resource.table}/status, for every row matching `filters` (the "
            f"query parameters of GET /api/v3/{resource.table}/). Empty filters are refused "
            'unless `"all": true` confirms that every row is meant.'
        ),
        request=s.filtered_status_request_serializer(resource),
        responses={200: s.StatusUpdateResponseSerializer, **ERROR_RESPONSES},
        tags=[tag],
    )(_copy(FilteredStatusView.put))
    return plain, filtered


@cache
def row_viewset(resource: Resource) -> type[viewsets.ReadOnlyModelViewSet]:
    """List (filtered, searched, ordered, cursor-paginated) and detail of one table."""
    model = resource.model
    attrs = {
        "queryset": model._default_manager.select_related(*resource.related).all(),
        "serializer_class": s.row_serializer(model),
        "filter_backends": [DjangoFilterBackend, StrictOrderingFilter],
        "filterset_class": filterset_for(model),
        "ordering_fields": list(resource.ordering_fields),
        "ordering": ["-id"],
        "__module__": __name__,
    }
    viewset = type(f"{model.__name__}ViewSet", (viewsets.ReadOnlyModelViewSet,), attrs)
    return extend_schema_view(
        list=extend_schema(
            summary=f"List {resource.table}",
            description="Filtered by the query parameters; `search` matches "
            + ", ".join(resource.search_fields)
            + ". Cursor-paginated: follow `next`.",
            tags=[resource.table],
        ),
        retrieve=extend_schema(summary=f"One row of {resource.table}", tags=[resource.table]),
    )(viewset)
