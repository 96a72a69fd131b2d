"""The API's error body: ``{"detail": "...", "errors": {...}}`` for every 4xx, and a 503 with
``Retry-After`` when the database is unreachable.

DRF views answer through ``exception_handler``; what happens outside them (routing 404s, a body
over Django's size limit, an outage met by a middleware) is turned into the same body by
``curation.api.middleware.ApiErrorMiddleware`` and ``server_error``.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation, TooManyFieldsSent
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from curation.services import CurationError

logger = logging.getLogger(__name__)

# Seconds a client should wait before retrying while the database is unreachable: long enough
# for a restart or a fail-over to finish, short enough that a client does not give up.
DATABASE_RETRY_AFTER = 5
# Connection refused, server gone, connection lost mid-query, statement timeouts and deadlocks:
# the request may succeed later. DataError, IntegrityError and ProgrammingError are bugs (500).
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
UNAVAILABLE_DETAIL = "The database is unavailable; retry shortly."


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def error_body(detail: str, errors: dict | None = None) -> dict[str, Any]:
    return {"detail": detail, "errors": errors or {}}


def too_big_detail() -> str:
    return (
        f"Request body larger than {settings.DATA_UPLOAD_MAX_MEMORY_SIZE:,} bytes "
        "(DATA_UPLOAD_MAX_MEMORY_SIZE): send fewer items per request."
    )


def database_unavailable(request: HttpRequest | None, exc: BaseException) -> HttpResponse:
    """503 with Retry-After: JSON under /api/, plain text elsewhere."""
    logger.warning("database unavailable: %s", exc)
    if request is None or is_api(request):
        response: HttpResponse = JsonResponse(error_body(UNAVAILABLE_DETAIL), status=503)
    else:
        response = HttpResponse(
            UNAVAILABLE_DETAIL, status=503, content_type="text/plain; charset=utf-8"
        )
    response["Retry-After"] = str(DATABASE_RETRY_AFTER)
    return response


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler, with one body shape, the service's CurationError as a 400, bodies over
    the size limit as a 413 and an unreachable database as a 503."""
    if isinstance(exc, CurationError):
        return Response({"detail": str(exc), "errors": {}}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, RequestDataTooBig):
        return Response(error_body(too_big_detail()), status=413)
    if isinstance(exc, TooManyFieldsSent | SuspiciousOperation):
        return Response(error_body(f"Bad request: {exc}"), status=400)
    if isinstance(exc, DATABASE_UNAVAILABLE):
        logger.warning("database unavailable: %s", exc)
        return Response(
            error_body(UNAVAILABLE_DETAIL),
            status=503,
            headers={"Retry-After": str(DATABASE_RETRY_AFTER)},
        )
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


def server_error(request: HttpRequest) -> HttpResponse:
    """``handler500``: an outage met outside a view is a 503; anything else Django's 500 (made
    JSON under /api/ by the middleware)."""
    exc = sys.exc_info()[1]
    if isinstance(exc, DATABASE_UNAVAILABLE):
        return database_unavailable(request, exc)
    return defaults.server_error(request)
