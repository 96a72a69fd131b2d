"""The status views of every table a workflow is curated on, generated from the registry.

``PUT /api/v3/{table}/status`` (by ids) and ``.../status/filtered`` (by the list's filters,
through the table's selector) validate the request and call
``curation.services.set_curation_status``; they hold no logic of their own.
"""

from __future__ import annotations

from functools import cache

from django.db import models
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from curation.api import serializers as s
from curation.models import Channel
from curation.selectors import FilterError, has_filters, row_list
from curation.services import set_curation_status
from scrapersky.workflows import Workflow

ERROR_RESPONSES = {
    400: OpenApiResponse(description='Invalid request: {"detail": "...", "errors": {...}}'),
    401: OpenApiResponse(description="Not authenticated."),
    403: OpenApiResponse(description="Missing the change permission of the table."),
    415: OpenApiResponse(description="The body is not application/json."),
}

BY_IDS_DESCRIPTION = (
    "Sets the curation status of the given rows in one transaction. Queued also sets the "
    "processing status to Queued (clearing the error and retry counters) so the workers "
    "pick the rows up; rows a worker is Processing are skipped and reported; ids that do "
    "not exist are reported as missing. Other statuses leave the processing columns alone."
)


class StatusViewBase(APIView):
    """Shared by the two status endpoints of a table."""

    model: type[models.Model]
    parser_classes = [JSONParser]
    filter_backends: list = []

    def workflow(self, data: dict) -> Workflow:
        workflows = s.status_workflows(self.model)
        name = data.get("workflow")
        if name is None:
            return workflows[0]  # the serializer requires it when there is a choice
        return next(wf for wf in workflows if wf.name == name)


class StatusView(StatusViewBase):
    def put(self, request: Request) -> Response:
        serializer = s.status_request_serializer(self.model)(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        result = set_curation_status(
            workflow=self.workflow(data),
            status=data["status"],
            ids=data["ids"],
            actor=request.user,
            channel=Channel.API,
        )
        return Response(s.StatusUpdateResponseSerializer(result).data)


class FilteredStatusView(StatusViewBase):
    def put(self, request: Request) -> Response:
        serializer = s.filtered_status_request_serializer(self.model)(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        filters = data["filters"]
        if not has_filters(filters) and not data["all"]:
            raise ValidationError(
                {"filters": ['no filters given: send "all": true to change every row']}
            )
        try:
            queryset = row_list(self.model, filters=filters)
        except FilterError as exc:
            raise ValidationError({"filters": exc.errors}) from None
        result = set_curation_status(
            workflow=self.workflow(data),
            status=data["status"],
            queryset=queryset,
            actor=request.user,
            channel=Channel.API,
        )
        return Response(s.StatusUpdateResponseSerializer(result).data)


@cache
def status_views(model: type[models.Model]) -> tuple[type[APIView], type[APIView]]:
    """The ``status`` and ``status/filtered`` views of a table."""
    names = ", ".join(wf.name for wf in s.status_workflows(model))
    table = model._meta.db_table
    common = {
        "model": model,
        "queryset": model._default_manager.all(),
        "__module__": __name__,
    }
    plain = extend_schema_view(
        put=extend_schema(
            operation_id=f"{table}_status_update",
            summary=f"Set the curation status of {table} by id ({names})",
            description=BY_IDS_DESCRIPTION,
            request=s.status_request_serializer(model),
            responses={200: s.StatusUpdateResponseSerializer, **ERROR_RESPONSES},
            tags=[table],
        )
    )(type(f"{model.__name__}StatusView", (StatusView,), dict(common)))
    filtered = extend_schema_view(
        put=extend_schema(
            operation_id=f"{table}_status_filtered_update",
            summary=f"Set the curation status of every {table} row matching filters",
            description=(
                f"Like PUT /api/v3/{table}/status, for every row matching `filters` (the "
                f"query parameters of GET /api/v3/{table}/). Empty filters are refused "
                'unless `"all": true` confirms that every row is meant.'
            ),
            request=s.filtered_status_request_serializer(model),
            responses={200: s.StatusUpdateResponseSerializer, **ERROR_RESPONSES},
            tags=[table],
        )
    )(type(f"{model.__name__}FilteredStatusView", (FilteredStatusView,), dict(common)))
    return plain, filtered
