"""The ``filters`` object of a filtered status update: JSON types checked per filter; its schema.

The object carries the list endpoint's query parameters, so the FilterSet stays the judge of
values (``curation.selectors``); this field refuses what JSON makes possible and a query string
does not (objects, numbers where text is meant, empty lists), and unknown keys, and documents
exactly that: one property per filter, ``additionalProperties: false``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import django_filters
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from curation.filter_types import (
    ID_SCHEMA,
    BooleanFilter,
    DateTimeFilter,
    HttpStatusFilter,
    IdFilter,
    IdListFilter,
    IdsFilter,
)
from curation.filtersets import NULL_VALUE, filterset_for

EMPTY = 'empty value: leave the filter out (send "all": true to change every row)'


def _one_or_many(item: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [item, {"type": "array", "items": item, "minItems": 1}]}


def value_schema(flt: django_filters.Filter) -> dict[str, Any]:
    """The JSON schema of one filter's value in the request body."""
    if isinstance(flt, django_filters.MultipleChoiceFilter):
        choices = [str(value) for value, _ in flt.extra["choices"]]
        item: dict[str, Any] = {"type": "string", "enum": choices}
        if getattr(flt, "null_value", None) == NULL_VALUE and "null_label" in flt.extra:
            # OpenAPI 3.0: a nullable enum lists null among its values.
            item = {"type": "string", "enum": [*choices, NULL_VALUE, None], "nullable": True}
        return _one_or_many(item)
    if isinstance(flt, IdListFilter | IdsFilter):
        return _one_or_many(dict(ID_SCHEMA))
    if isinstance(flt, IdFilter):
        return dict(ID_SCHEMA)
    if isinstance(flt, HttpStatusFilter):
        return {"type": "integer", "minimum": 100, "maximum": 999}
    if isinstance(flt, BooleanFilter):
        return {"type": "boolean"}
    if isinstance(flt, DateTimeFilter):
        return {"type": "string", "format": "date-time"}
    if isinstance(flt, django_filters.NumberFilter):
        return {"type": "number"}
    return {"type": "string", "minLength": 1}


def _check(value: Any, schema: dict[str, Any]) -> str | None:
    """Why ``value`` does not fit ``schema`` (the shapes value_schema builds), or None."""
    if "anyOf" in schema:
        if isinstance(value, list):
            if not value:
                return EMPTY
            problems = [_check(item, schema["anyOf"][0]) for item in value]
            return next((p for p in problems if p), None)
        return _check(value, schema["anyOf"][0])
    if value is None:
        return None if schema.get("nullable") else "must not be null"
    kind = schema["type"]
    if kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            return "must be a whole number"
        if not schema["minimum"] <= value <= schema["maximum"]:
            return f"must be between {schema['minimum']} and {schema['maximum']}"
        return None
    if kind == "boolean":
        return None if isinstance(value, bool) else "must be true or false"
    if kind == "number":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return None if ok else "must be a number"
    if not isinstance(value, str):
        return "must be a string"
    if not value:
        return EMPTY
    if "enum" in schema and value not in schema["enum"]:
        choices = ", ".join(str(choice) for choice in schema["enum"] if choice is not None)
        return f'"{value}" is not one of: {choices}'
    return None


class FiltersField(serializers.Field):
    """``{"page_type": ["contact", "about"], "http_status": 404, ...}`` for one table."""

    model: Any
    default_error_messages = {"not_an_object": "must be an object of filters"}

    def schemas(self) -> dict[str, dict[str, Any]]:
        return filters_schema(self.model)["properties"]

    def to_internal_value(self, data):
        if not isinstance(data, dict):
            self.fail("not_an_object")
        schemas = self.schemas()
        errors: dict[str, list[str]] = {}
        for key, value in data.items():
            if key not in schemas:
                errors[key] = [f"unknown filter (known: {', '.join(sorted(schemas))})"]
            elif problem := _check(value, schemas[key]):
                errors[key] = [problem]
        if errors:
            raise serializers.ValidationError(errors)
        return data

    def to_representation(self, value):
        return value


@cache
def filters_schema(model) -> dict[str, Any]:
    filterset = filterset_for(model)
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            name: value_schema(flt) for name, flt in sorted(filterset.base_filters.items())
        },
    }


@cache
def filters_field(model) -> type[FiltersField]:
    """The ``filters`` field class of one table, annotated with its schema."""
    cls = type(f"{model.__name__}FiltersField", (FiltersField,), {"model": model})
    return extend_schema_field(filters_schema(model))(cls)
