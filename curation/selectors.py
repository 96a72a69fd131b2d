"""Selectors: the reads of each table shared by the API lists, the contacts export, the filtered
status update and ``manage.py set_status``, filtered by the tables' FilterSets.

``filters`` is either a query string (a ``QueryDict``, read as the list endpoint reads it) or a
JSON-like mapping (``{"page_type": ["contact", "about"], "is_gzipped": true, "id": [1, 2]}``),
where a list means any of its values. Unknown or invalid filters raise :class:`FilterError`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import django_filters
from django.db import models
from django.db.models import Prefetch, QuerySet
from django.http import QueryDict

from curation.filter_types import MULTI_VALUE_FILTERS
from curation.filtersets import (
    NULL_VALUE,
    BusinessFilterSet,
    ContactFilterSet,
    DomainFilterSet,
    PageFilterSet,
    PersonFilterSet,
    PlaceSearchFilterSet,
    RowFilterSet,
    SitemapFileFilterSet,
)
from curation.lead_status import with_lead_status
from curation.models import Business, Contact, Domain, Page, Person, PlaceSearch, SitemapFile

Filters = Mapping[str, Any]


class FilterError(Exception):
    """Filters that the FilterSet rejects; ``errors`` maps each filter to its problems."""

    def __init__(self, errors: dict[str, list[str]]):
        self.errors = errors
        names = ", ".join(f"{key}: {' '.join(map(str, msgs))}" for key, msgs in errors.items())
        super().__init__(f"invalid filters ({names})")


def domain_list(*, filters: Filters | None = None) -> QuerySet[Domain]:
    """Domains matching ``filters`` (the query parameters of GET /api/v3/domains/)."""
    # Where each domain's lead is and its contact count (curation.lead_status), filterable.
    return filter_rows(DomainFilterSet, with_lead_status(Domain.objects.all()), filters)


def sitemap_file_list(*, filters: Filters | None = None) -> QuerySet[SitemapFile]:
    """Sitemap files matching ``filters``, with their domain."""
    return filter_rows(SitemapFileFilterSet, SitemapFile.objects.select_related("domain"), filters)


def page_list(*, filters: Filters | None = None) -> QuerySet[Page]:
    """Pages matching ``filters``, with their domain."""
    return filter_rows(PageFilterSet, Page.objects.select_related("domain"), filters)


def place_search_list(*, filters: Filters | None = None) -> QuerySet[PlaceSearch]:
    """Place searches matching ``filters``."""
    return filter_rows(PlaceSearchFilterSet, PlaceSearch.objects.all(), filters)


def business_list(*, filters: Filters | None = None) -> QuerySet[Business]:
    """Businesses matching ``filters``, without their raw provider record."""
    return filter_rows(BusinessFilterSet, Business.objects.defer("raw"), filters)


def contact_list(*, filters: Filters | None = None) -> QuerySet[Contact]:
    """Contacts matching ``filters``, with their domain."""
    return filter_rows(ContactFilterSet, Contact.objects.select_related("domain"), filters)


def person_list(*, filters: Filters | None = None) -> QuerySet[Person]:
    """People matching ``filters``, with their domain and their contacts."""
    contacts = Prefetch("contacts", queryset=Contact.objects.order_by("kind", "value"))
    people = Person.objects.select_related("domain").prefetch_related(contacts)
    return filter_rows(PersonFilterSet, people, filters)


SELECTORS: dict[type[models.Model], Callable[..., QuerySet]] = {
    Domain: domain_list,
    SitemapFile: sitemap_file_list,
    Page: page_list,
    Contact: contact_list,
    Person: person_list,
    PlaceSearch: place_search_list,
    Business: business_list,
}


def row_list(model: type[models.Model], *, filters: Filters | None = None) -> QuerySet:
    """The rows of ``model`` matching ``filters``, through the table's selector."""
    return SELECTORS[model](filters=filters)


def filter_rows(
    filterset_class: type[RowFilterSet], queryset: QuerySet, filters: Filters | None
) -> QuerySet:
    """``queryset`` filtered by ``filterset_class``; FilterError for unknown or invalid filters."""
    if not filters:
        return queryset
    data = filters if isinstance(filters, QueryDict) else _as_querydict(filterset_class, filters)
    known = set(filterset_class.base_filters)
    unknown = sorted(set(data) - known)
    if unknown:
        raise FilterError(
            {key: [f"unknown filter (known: {', '.join(sorted(known))})"] for key in unknown}
        )
    repeated = {
        key: [
            f"given {len(data.getlist(key))} times; this filter takes one value"
            + (f" (for several, use {key}__in=a,b)" if f"{key}__in" in known else "")
        ]
        for key in data
        if len([v for v in data.getlist(key) if v != ""]) > 1
        and not isinstance(filterset_class.base_filters[key], MULTI_VALUE_FILTERS)
    }
    if repeated:  # silently keeping the last value would answer a narrower question
        raise FilterError(repeated)
    filterset = filterset_class(data=data, queryset=queryset)
    if not filterset.is_valid():
        raise FilterError({key: list(msgs) for key, msgs in filterset.errors.items()})
    return filterset.qs


def has_filters(filters: Filters) -> bool:
    """Whether any filter has a value (an empty filter selects every row)."""
    values = (v if isinstance(v, list | tuple) else [v] for v in _values(filters))
    return any(_as_param(item) != "" for value in values for item in value)


def _values(filters: Filters):
    if isinstance(filters, QueryDict):
        return (filters.getlist(key) for key in filters)
    return filters.values()


def _as_querydict(filterset_class: type[RowFilterSet], filters: Filters) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, value in filters.items():
        values = [_as_param(v) for v in (value if isinstance(value, list | tuple) else [value])]
        flt = filterset_class.base_filters.get(key)
        if isinstance(flt, django_filters.filters.BaseCSVFilter) and len(values) > 1:
            # A list of ids is one comma-separated parameter (the CSV field reads one value).
            values = [",".join(values)]
        data.setlist(key, values)
    return data


def _as_param(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return NULL_VALUE
    return str(value)
