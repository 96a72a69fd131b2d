"""JSON error bodies for every error answered under /api/, and 503s for database outages.

DRF's exception handler covers its own views; this covers the rest of a request's life: URL
resolution (Django's HTML 404, or its debug page listing every URL), a body over
``DATA_UPLOAD_MAX_MEMORY_SIZE`` read outside DRF, and an unreachable database met by any view.
"""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse

from curation.api.errors import (
    DATABASE_UNAVAILABLE,
    database_unavailable,
    error_body,
    is_api,
    too_big_detail,
)

# Headers that say how to retry or authenticate: kept when the body is replaced.
KEPT_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate", "Vary")


class ApiErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not is_api(request) or response.status_code < 400:
            return response
        if response.get("Content-Type", "").startswith("application/json"):
            return response
        if response.status_code >= 500 and settings.DEBUG:
            return response  # the traceback page is what a developer wants
        try:
            phrase = HTTPStatus(response.status_code).phrase
        except ValueError:
            phrase = "Error"
        detail = f"{phrase}: {request.path}" if response.status_code == 404 else f"{phrase}."
        replaced = JsonResponse(error_body(detail), status=response.status_code)
        for header in KEPT_HEADERS:
            if header in response:
                replaced[header] = response[header]
        return replaced

    def process_exception(self, request: HttpRequest, exception: Exception):
        if isinstance(exception, DATABASE_UNAVAILABLE):
            return database_unavailable(request, exception)
        if isinstance(exception, RequestDataTooBig) and is_api(request):
            return JsonResponse(error_body(too_big_detail()), status=413)
        return None
