"""Serializers: read-only rows of every table, and the status update request and response."""

from __future__ import annotations

from functools import cache

from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from curation.api.filter_body import filters_field
from curation.api.filters import Resource
from curation.services import MAX_IDS
from scrapersky.workflows import CURATION_VALUES

# Processing is the engine's; a curator may set every other curation status.
CURATOR_STATUSES = [value for value in CURATION_VALUES if value != "Processing"]
MAX_ID_VALUE = 2**63 - 1  # bigint


class StrictIntegerField(serializers.IntegerField):
    """An integer in JSON: ``"5"``, ``5.0`` and ``true`` are refused rather than coerced."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictBooleanField(serializers.BooleanField):
    """A JSON boolean: ``0``, ``"yes"`` and ``"true"`` are refused rather than coerced."""

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


STATUS_FIELD_KWARGS = {
    "choices": CURATOR_STATUSES,
    "help_text": "The curation status to set. Queued also queues the rows for processing.",
    "error_messages": {
        "invalid_choice": (
            '"{input}" is not a status a curator can set (one of: '
            + ", ".join(CURATOR_STATUSES)
            + "; Processing is set by the workers only)."
        )
    },
}


def _workflow_field(resource: Resource) -> serializers.ChoiceField:
    # The table's own workflows only, inline in the schema: a client (or a schema fuzzer) offered
    # every workflow would pick ones this route refuses.
    names = [wf.name for wf in resource.workflows]
    if len(names) == 1:
        help_text = f"Optional: this table hosts {names[0]} only."
    else:
        help_text = f"Required: this table hosts {', '.join(names)}."
    # A pattern rather than an enum: spectacular would hoist one enum per table into colliding
    # "WorkflowEnum" components.
    pattern = "^(" + "|".join(names) + ")$"
    field_class = extend_schema_field({"type": "string", "pattern": pattern})(
        type(f"{resource.model.__name__}WorkflowField", (serializers.ChoiceField,), {})
    )
    return field_class(
        choices=names,
        required=len(names) > 1,
        help_text=help_text,
        error_messages={
            "invalid_choice": (
                f'workflow "{{input}}" does not run on {resource.table} (known: {", ".join(names)})'
            )
        },
    )


@cache
def status_request_serializer(resource: Resource) -> type[serializers.Serializer]:
    """``{"ids": [...], "status": "Queued", "workflow": ...}`` for one table."""
    attrs = {
        "ids": serializers.ListField(
            child=StrictIntegerField(min_value=1, max_value=MAX_ID_VALUE),
            allow_empty=False,
            min_length=1,
            max_length=MAX_IDS,
            help_text=f"Ids of the rows to change: 1 to {MAX_IDS} per request "
            "(use the filtered variant for more).",
        ),
        "status": serializers.ChoiceField(**STATUS_FIELD_KWARGS),
        "workflow": _workflow_field(resource),
        "__module__": __name__,
    }
    name = f"{resource.model.__name__}StatusUpdateRequest"
    return type(name, (serializers.Serializer,), attrs)


@cache
def filtered_status_request_serializer(resource: Resource) -> type[serializers.Serializer]:
    """``{"status": ..., "workflow": ..., "filters": {...}, "all": false}`` for one table."""
    attrs = {
        "status": serializers.ChoiceField(**STATUS_FIELD_KWARGS),
        "workflow": _workflow_field(resource),
        "filters": filters_field(resource.model)(
            required=False,
            default=dict,
            help_text=f"The query parameters of GET /api/v3/{resource.table}/ as an object; "
            "a list value is a multiple choice (or several ids).",
        ),
        "all": StrictBooleanField(
            required=False,
            default=False,
            help_text="Must be true to apply the change to every row (empty filters).",
        ),
        "__module__": __name__,
    }
    name = f"{resource.model.__name__}FilteredStatusUpdateRequest"
    return type(name, (serializers.Serializer,), attrs)


class StatusUpdateResponseSerializer(serializers.Serializer):
    """What a status update did (``curation.services.StatusChangeResult``)."""

    message = serializers.CharField()
    workflow = serializers.CharField()
    status = serializers.CharField()
    requested = serializers.IntegerField()
    updated_ids = serializers.ListField(child=serializers.IntegerField())
    queued_ids = serializers.ListField(child=serializers.IntegerField())
    skipped = serializers.DictField(
        child=serializers.ListField(child=serializers.IntegerField()),
        help_text='Ids left unchanged, by reason: {"processing": [...]} (a worker holds them).',
    )
    missing_ids = serializers.ListField(child=serializers.IntegerField())
    updated_count = serializers.IntegerField()
    queued_count = serializers.IntegerField()
    audit_id = serializers.IntegerField(allow_null=True)


@cache
def row_serializer(model: type[models.Model]) -> type[serializers.ModelSerializer]:
    """A read-only serializer of every column of ``model`` (plus the domain's name)."""
    concrete = [f.name for f in model._meta.concrete_fields]
    attrs: dict[str, object] = {"__module__": __name__}
    fields = list(concrete)
    # Rows that belong to a domain also carry its name (Domain's own "domain" is the name).
    if "domain" in concrete and model._meta.get_field("domain").is_relation:
        attrs["domain_name"] = serializers.CharField(source="domain.domain", read_only=True)
        fields.insert(fields.index("domain") + 1, "domain_name")
    attrs["Meta"] = type("Meta", (), {"model": model, "fields": fields, "read_only_fields": fields})
    return type(f"{model.__name__}Serializer", (serializers.ModelSerializer,), attrs)
