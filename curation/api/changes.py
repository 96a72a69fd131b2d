"""``GET /api/v3/changes/?after=CURSOR``: the change feed for integrators who poll
(``curation.changes``)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from curation import changes


class ChangeFeedPermission(BasePermission):
    """The feed shows domains, contacts, people and businesses: it needs the view permission
    of each."""

    def has_permission(self, request, view) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and user.has_perms(changes.VIEW_PERMISSIONS))


class ChangeSerializer(serializers.Serializer):
    cursor = serializers.CharField(help_text="The position of this change (opaque).")
    table = serializers.ChoiceField(choices=list(changes.TABLES))
    id = serializers.IntegerField(help_text="The row's id in its table.")
    domain_id = serializers.IntegerField(help_text="The company (domain) the row belongs to.")
    op = serializers.ChoiceField(choices=["insert", "update", "delete"])
    changed_at = serializers.DateTimeField()
    data = serializers.DictField(
        allow_null=True,
        help_text="The row's current values (domains: domain, company_name, source; contacts: "
        "domain_id, person_id, kind, value, display, classification, verdict; people: "
        "domain_id, name, role, seniority; businesses: domain_id, provider, provider_id, name, "
        "categories, address, city, postcode, country, phone, website); null if it no longer "
        "exists.",
    )


class ChangePageSerializer(serializers.Serializer):
    changes = ChangeSerializer(many=True)
    next_cursor = serializers.CharField(
        help_text="Store it and pass it as `after` next time (unchanged when nothing is new)."
    )
    has_more = serializers.BooleanField(help_text="More changes wait: ask again at once.")


class ChangeQuerySerializer(serializers.Serializer):
    after = serializers.RegexField(
        # empty means "not given" (as everywhere in this API): from the start
        r"^(?:" + changes.CURSOR_PATTERN.strip("^$") + r")?$",
        required=False,
        allow_blank=True,
        help_text="A cursor this feed handed out (opaque); empty or absent: from the start.",
    )
    page_size = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=changes.MAX_PAGE_SIZE,
        help_text=f"Changes per page (default {changes.DEFAULT_PAGE_SIZE}).",
    )


class ChangeFeedView(APIView):
    permission_classes = [ChangeFeedPermission]

    @extend_schema(
        operation_id="changes_list",
        summary="Changes of domains, contacts, people and businesses after a cursor",
        description=(
            "Domains, contacts, people and businesses (those of a domain) created, changed (the "
            "values a lead shows: not workflow statuses) or deleted after `after`, oldest first. "
            "Store `next_cursor` and pass it as `after` on the next request: no change is missed "
            "and none repeated, also while workers write. Without `after`, the feed starts from "
            "the beginning. A change shows once its transaction and every older one have ended, "
            "so a long transaction delays what follows it. Needs the view permissions of "
            "domains, contacts, people and businesses."
        ),
        parameters=[ChangeQuerySerializer],
        responses={
            200: ChangePageSerializer,
            400: OpenApiResponse(description='Invalid request: {"detail": "...", "errors": {...}}'),
            401: OpenApiResponse(description="Not authenticated."),
            410: OpenApiResponse(
                description="The changes after `after` were pruned: start again without it."
            ),
            403: OpenApiResponse(
                description=(
                    "Missing the view permission of domains, contacts, people or businesses."
                )
            ),
        },
        tags=["changes"],
    )
    def get(self, request: Request) -> Response:
        query = ChangeQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        try:
            page = changes.change_page(
                after=query.validated_data.get("after") or None,
                page_size=query.validated_data.get("page_size") or changes.DEFAULT_PAGE_SIZE,
            )
        except changes.CursorError as exc:
            raise ValidationError({"after": [str(exc)]}) from None
        except changes.CursorExpired as exc:
            return Response(
                {"detail": str(exc), "errors": {"after": [str(exc)]}},
                status=status.HTTP_410_GONE,
            )
        return Response(ChangePageSerializer(page).data)
