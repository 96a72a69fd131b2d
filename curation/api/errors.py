"""The API's error body: ``{"detail": "...", "errors": {...}}`` for every 4xx."""

from __future__ import annotations

from typing import Any

from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from curation.services import CurationError


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler, with one body shape and the service's CurationError as a 400."""
    if isinstance(exc, CurationError):
        return Response({"detail": str(exc), "errors": {}}, status=status.HTTP_400_BAD_REQUEST)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, ValidationError):
        errors = (
            response.data
            if isinstance(response.data, dict)
            else {"non_field_errors": response.data}
        )
        response.data = {"detail": summarize(errors), "errors": errors}
    elif isinstance(response.data, dict) and "detail" in response.data:
        response.data = {"detail": str(response.data["detail"]), "errors": {}}
    return response


def summarize(errors: Any, prefix: str = "") -> str:
    """One line naming every field in error: ``Invalid request: ids: A valid integer ...``."""
    parts = list(_flatten(errors, prefix))
    return "Invalid request: " + "; ".join(parts) if parts else "Invalid request."


def _flatten(errors: Any, prefix: str):
    if isinstance(errors, dict):
        for key, value in errors.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            if key == "non_field_errors":
                name = prefix
            yield from _flatten(value, name)
    elif isinstance(errors, list):
        if errors and all(isinstance(e, str) for e in errors):
            text = " ".join(str(e) for e in errors)
            yield f"{prefix}: {text}" if prefix else text
        else:
            for index, item in enumerate(errors):
                if item:
                    yield from _flatten(item, f"{prefix}[{index}]")
    else:
        yield f"{prefix}: {errors}" if prefix else str(errors)
