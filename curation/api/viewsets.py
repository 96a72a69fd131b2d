"""The read-only viewsets of every table: a list (filtered, searched, ordered, cursor-paginated)
and a detail, both reading through the table's selector."""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.response import Response

from curation import search, selectors
from curation.api import serializers as s
from curation.api.filtering import SelectorFilterBackend
from curation.api.ordering import StrictOrderingFilter
from curation.filtersets import (
    BusinessFilterSet,
    ContactFilterSet,
    DomainFilterSet,
    PageFilterSet,
    PersonFilterSet,
    PlaceSearchFilterSet,
    RowFilterSet,
    SitemapFileFilterSet,
)
from curation.models import Channel
from curation.place_searches import PlaceSearchError, create_place_search


# No docstring on the viewsets: drf-spectacular would publish it as the detail's description.
class RowViewSet(viewsets.ReadOnlyModelViewSet):
    # One table. Ordering is limited to NOT NULL columns: a cursor cannot page over NULLs.

    selector: Callable[..., QuerySet]  # the table's selector (curation.selectors)
    filterset_class: type[RowFilterSet]
    filter_backends = [SelectorFilterBackend, StrictOrderingFilter]
    ordering = ["-id"]

    def get_queryset(self):
        return self.selector()

    @classmethod
    def table(cls) -> str:
        return cls.filterset_class._meta.model._meta.db_table


def row_schema(viewset: type[RowViewSet]) -> type[RowViewSet]:
    """Document a table's viewset: its list and detail, from its table and filterset."""
    table, filterset = viewset.table(), viewset.filterset_class
    return extend_schema_view(
        list=extend_schema(
            summary=f"List {table}",
            description="Filtered by the query parameters; `search`: "
            + search.described(filterset._meta.model)
            + ". Cursor-paginated: follow `next`.",
            tags=[table],
        ),
        retrieve=extend_schema(summary=f"One row of {table}", tags=[table]),
    )(viewset)


@row_schema
class DomainViewSet(RowViewSet):
    selector = staticmethod(selectors.domain_list)
    serializer_class = s.DomainSerializer
    filterset_class = DomainFilterSet
    ordering_fields = ["id", "domain", "created_at", "updated_at"]

    def get_serializer_class(self):
        # The detail nests the domain's people, company facts and e-mail pattern.
        return s.DomainDetailSerializer if self.action == "retrieve" else s.DomainSerializer


@row_schema
class SitemapFileViewSet(RowViewSet):
    selector = staticmethod(selectors.sitemap_file_list)
    serializer_class = s.SitemapFileSerializer
    filterset_class = SitemapFileFilterSet
    ordering_fields = ["id", "url", "created_at", "updated_at"]


@row_schema
class PageViewSet(RowViewSet):
    selector = staticmethod(selectors.page_list)
    serializer_class = s.PageSerializer
    filterset_class = PageFilterSet
    ordering_fields = ["id", "url", "created_at", "updated_at"]


@row_schema
class ContactViewSet(RowViewSet):
    selector = staticmethod(selectors.contact_list)
    serializer_class = s.ContactSerializer
    filterset_class = ContactFilterSet
    ordering_fields = ["id", "value", "created_at", "last_seen_at"]


@row_schema
class PersonViewSet(RowViewSet):
    selector = staticmethod(selectors.person_list)
    serializer_class = s.PersonSerializer
    filterset_class = PersonFilterSet
    ordering_fields = ["id", "name", "created_at", "last_seen_at"]


class BusinessViewSet(RowViewSet):
    selector = staticmethod(selectors.business_list)
    serializer_class = s.BusinessSerializer
    filterset_class = BusinessFilterSet
    ordering_fields = ["id", "name", "created_at", "last_seen_at"]


@extend_schema_view(
    create=extend_schema(
        summary="Create a place search, optionally queueing it",
        description="What (a `category` of the vocabulary, a free-text `query` or an OSM "
        "`tag_filter`), where (a `place` name, or `latitude`/`longitude`/`radius_m`, or a box "
        "`south`/`west`/`north`/`east`), the `provider` and a `result_limit`. Needs the add "
        "permission of place searches; `queue` (default true) also the change permission.",
        request=s.PlaceSearchCreateSerializer,
        responses={201: s.PlaceSearchSerializer},
        tags=["place_searches"],
    )
)
@row_schema
class PlaceSearchViewSet(RowViewSet):
    selector = staticmethod(selectors.place_search_list)
    serializer_class = s.PlaceSearchSerializer
    filterset_class = PlaceSearchFilterSet
    ordering_fields = ["id", "created_at", "updated_at"]

    parser_classes = [JSONParser]  # the create body is JSON, as every write of the API

    def create(self, request):
        data = s.PlaceSearchCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        queue = values.pop("queue")
        if queue and not request.user.has_perm("curation.change_placesearch"):
            raise PermissionDenied("Queueing a place search needs curation.change_placesearch.")
        try:
            search = create_place_search(
                values=values, actor=request.user, channel=Channel.API, queue=queue
            )
        except PlaceSearchError as exc:
            raise ValidationError(
                {field or "non_field_errors": msgs for field, msgs in exc.errors.items()}
            ) from None
        return Response(s.PlaceSearchSerializer(search).data, status=201)


VIEWSETS: tuple[type[RowViewSet], ...] = (
    DomainViewSet,
    SitemapFileViewSet,
    PageViewSet,
    ContactViewSet,
    PersonViewSet,
    PlaceSearchViewSet,
    BusinessViewSet,
)
