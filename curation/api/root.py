"""The API root (``GET /api/v3/``) and the schema and docs views, behind login unless
``SCRAPERSKY_API_DOCS_PUBLIC`` opens them."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.permissions import AllowAny, BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse as api_reverse
from rest_framework.views import APIView

from curation.api.viewsets import VIEWSETS
from scrapersky.conf import conf


def docs_public() -> bool:
    return bool(conf.api_docs_public)


class DocsPermission(BasePermission):
    """Any logged-in user (session or token); everyone when the docs are public."""

    def has_permission(self, request, view) -> bool:
        return docs_public() or bool(request.user and request.user.is_authenticated)


class ApiRootView(APIView):
    """Links to every table's list, the contacts export, the change feed, the schema, the docs."""

    # Like DRF's DefaultRouter root: any authenticated user may see where things are.
    _ignore_model_permissions = True

    @extend_schema(
        operation_id="api_root",
        summary="API root: links to every resource",
        responses={
            200: OpenApiResponse(
                {"type": "object", "additionalProperties": {"type": "string", "format": "uri"}},
                description="Resource name -> absolute URL.",
            )
        },
        tags=["root"],
    )
    def get(self, request: Request) -> Response:
        links = {
            viewset.table(): api_reverse(f"api:{viewset.table()}-list", request=request)
            for viewset in VIEWSETS
        }
        links["contacts_export"] = api_reverse("api:contacts-export", request=request)
        links["changes"] = api_reverse("api:changes", request=request)
        links["schema"] = api_reverse("api:schema", request=request)
        links["docs"] = api_reverse("api:docs", request=request)
        return Response(links)


class SchemaView(SpectacularAPIView):
    permission_classes = [DocsPermission]

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class DocsView(SpectacularSwaggerSplitView):
    """Swagger UI with its script served from the same URL (``?script``): no inline script, so
    it works under the Content-Security-Policy. People without a session go to the login
    (``get`` checks DocsPermission itself: a browser wants the login page, not a 401)."""

    permission_classes = [AllowAny]

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        if not DocsPermission().has_permission(request, self):
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        return super().get(request, *args, **kwargs)
