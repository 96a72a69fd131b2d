"""The read-only viewsets of every table: a list (filtered, searched, ordered, cursor-paginated)
and a detail, both reading through the table's selector."""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from curation import search, selectors
from curation.api import serializers as s
from curation.api.filtering import SelectorFilterBackend
from curation.api.ordering import StrictOrderingFilter
from curation.filtersets import (
    ContactFilterSet,
    DomainFilterSet,
    PageFilterSet,
    PersonFilterSet,
    RowFilterSet,
    SitemapFileFilterSet,
)


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


VIEWSETS: tuple[type[RowViewSet], ...] = (
    DomainViewSet,
    SitemapFileViewSet,
    PageViewSet,
    ContactViewSet,
    PersonViewSet,
)
