"""OpenAPI post-processing: the error responses every operation can answer, and the one rule of
a request body that a serializer cannot state.

Hooked in ``SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"]`` so every generated operation
documents what ``curation.api.errors`` and ``curation.api.middleware`` really answer: the
``{"detail", "errors"}`` body for 400/401/403/404/413/415/429 and the 503 of a database outage,
with ``Retry-After`` where it is sent.
"""

from __future__ import annotations

from typing import Any

ERROR_COMPONENT = {
    "type": "object",
    "properties": {
        "detail": {"type": "string", "description": "One line naming every problem."},
        "errors": {
            "type": "object",
            "additionalProperties": True,
            "description": "The problems by field (empty when not about fields).",
        },
    },
    "required": ["detail", "errors"],
}

DESCRIPTIONS = {
    400: "Invalid request: the detail names every problem; nothing was changed.",
    401: "Not authenticated (send `Authorization: Token ...` or log in).",
    403: "Missing the permission the operation needs.",
    404: "No such row (or an invalid pagination cursor).",
    413: "The body is larger than DATA_UPLOAD_MAX_MEMORY_SIZE.",
    415: "The body is not application/json.",
    429: "Throttled: retry after the seconds in Retry-After.",
    503: "The database is unavailable: retry after the seconds in Retry-After.",
}

RETRY_AFTER = {
    "Retry-After": {
        "schema": {"type": "integer"},
        "description": "Seconds to wait before retrying.",
    }
}


def error_statuses(path: str, operation: dict[str, Any]) -> list[int]:
    """The error statuses an operation can answer."""
    statuses = [401, 403, 429, 503]
    parameters = [p for p in operation.get("parameters", []) if p.get("in") == "query"]
    if parameters or "requestBody" in operation:
        statuses.append(400)
    if "{" in path or any(p["name"] == "cursor" for p in parameters):
        statuses.append(404)
    if "requestBody" in operation:
        statuses += [413, 415]
    return sorted(statuses)


# Django refuses NUL in text (forms' ProhibitNullCharactersValidator; PostgreSQL cannot store it).
NO_NUL = "^[^\\u0000]*$"


def forbid_nul(schema: Any) -> None:
    """Give every free-text string in ``schema`` the no-NUL pattern."""
    if isinstance(schema, list):
        for item in schema:
            forbid_nul(item)
        return
    if not isinstance(schema, dict):
        return
    if schema.get("type") == "string" and not {"format", "enum", "pattern"} & set(schema):
        schema["pattern"] = NO_NUL
    for key in ("properties", "additionalProperties"):
        value = schema.get(key)
        if isinstance(value, dict):
            forbid_nul(list(value.values()) if key == "properties" else value)
    for key in ("items", "anyOf", "oneOf", "allOf"):
        if key in schema:
            forbid_nul(schema[key])


def postprocess(result: dict[str, Any], generator, request, public) -> dict[str, Any]:
    """drf-spectacular postprocessing hook (see the module docstring)."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    forbid_nul(list(schemas.values()))
    schemas["Error"] = ERROR_COMPONENT
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                forbid_nul(parameter.get("schema"))
                if parameter.get("in") == "query" and not parameter.get("required"):
                    # django-filter (and the paginator) read an empty parameter as not given.
                    parameter["allowEmptyValue"] = True
            responses = operation.setdefault("responses", {})
            for status in error_statuses(path, operation):
                response = responses.setdefault(str(status), {"description": DESCRIPTIONS[status]})
                response["content"] = {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                }
                if status in (429, 503):
                    response["headers"] = RETRY_AFTER
    for name, component in schemas.items():
        if name.endswith("FilteredStatusUpdateRequest"):
            # Empty filters select every row: allowed only with an explicit "all": true.
            component["anyOf"] = [
                {"required": ["filters"], "properties": {"filters": {"minProperties": 1}}},
                {"required": ["all"], "properties": {"all": {"enum": [True]}}},
            ]
    return result
