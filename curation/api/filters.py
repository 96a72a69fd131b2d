"""FilterSets of every table, shared by the list endpoints, the filtered status update and
``manage.py set_status --filter``.

Every workflow status column of a table is a multiple-choice filter
(``?page_curation_curation_status=New&page_curation_curation_status=Error``); processing
statuses also accept ``null`` (never queued). ``?search=`` is part of the FilterSet, so a filtered
status update accepts exactly the parameters of the list endpoint.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import django_filters
from django.db import models
from django.db.models import Q, QuerySet
from django.http import QueryDict

from curation.api.filter_types import (
    BooleanFilter,
    DateTimeFilter,
    HttpStatusFilter,
    IdFilter,
    IdListFilter,
    MultipleChoiceFilter,
)
from curation.models import (
    Contact,
    ContactKind,
    ContactVerdict,
    Domain,
    Page,
    PageType,
    SitemapFile,
    SitemapKind,
)
from scrapersky.workflows import Workflow, workflows_for_model

NULL_VALUE = "null"


@dataclass(frozen=True)
class Resource:
    """One table exposed by the API: what it is searched, filtered and ordered by."""

    model: type[models.Model]
    search_fields: tuple[str, ...]
    ordering_fields: tuple[str, ...]
    related: tuple[str, ...] = ()  # select_related, for the serializer's domain name

    @property
    def table(self) -> str:
        return self.model._meta.db_table

    @property
    def workflows(self) -> list[Workflow]:
        """The workflows curated through this table's status routes (background-only ones
        have none)."""
        return [workflow for workflow in workflows_for_model(self.model) if workflow.ui]


# Ordering is limited to NOT NULL columns: cursor pagination cannot page over NULLs.
RESOURCES: tuple[Resource, ...] = (
    Resource(
        Domain,
        search_fields=("domain", "company_name"),
        ordering_fields=("id", "domain", "created_at", "updated_at"),
    ),
    Resource(
        SitemapFile,
        search_fields=("url", "domain__domain"),
        ordering_fields=("id", "url", "created_at", "updated_at"),
        related=("domain",),
    ),
    Resource(
        Page,
        search_fields=("url", "title", "domain__domain"),
        ordering_fields=("id", "url", "created_at", "updated_at"),
        related=("domain",),
    ),
    Resource(
        Contact,
        search_fields=("value", "display", "domain__domain"),
        ordering_fields=("id", "value", "created_at", "last_seen_at"),
        related=("domain",),
    ),
)


class BaseFilterSet(django_filters.FilterSet):
    """Common filters: id list, creation time range and free-text search."""

    search_fields: tuple[str, ...] = ()

    id = IdListFilter(field_name="id", lookup_expr="in", label="ids (1,2,3)")
    created_after = DateTimeFilter(field_name="created_at", lookup_expr="gte")
    created_before = DateTimeFilter(field_name="created_at", lookup_expr="lt")
    search = django_filters.CharFilter(method="filter_search", label="search")

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        condition = Q()
        for term in value.split():
            term_q = Q()
            for field in self.search_fields:
                term_q |= Q(**{f"{field}__icontains": term})
            condition &= term_q
        return queryset.filter(condition)


def _multiple(field: str, choices, *, nullable: bool = False) -> django_filters.Filter:
    extra: dict[str, Any] = {}
    if nullable:
        extra = {"null_label": "none (never queued)", "null_value": NULL_VALUE}
    # distinct=False: these are plain columns, and DISTINCT would sort the whole table.
    return MultipleChoiceFilter(field_name=field, choices=choices, distinct=False, **extra)


def _workflow_filters(model: type[models.Model]) -> dict[str, django_filters.Filter]:
    filters: dict[str, django_filters.Filter] = {}
    for wf in workflows_for_model(model):
        filters[wf.curation_field] = _multiple(wf.curation_field, wf.curation_enum.choices)
        filters[wf.processing_field] = _multiple(
            wf.processing_field, wf.processing_enum.choices, nullable=True
        )
        filters[f"{wf.name}_has_error"] = BooleanFilter(
            field_name=wf.error_field, lookup_expr="isnull", exclude=True
        )
    return filters


def _model_filters(model: type[models.Model]) -> dict[str, django_filters.Filter]:
    domain = {"domain": IdFilter(field_name="domain_id")}
    if model is Domain:
        return {
            "domain": django_filters.CharFilter(field_name="domain", lookup_expr="iexact"),
            "source": django_filters.CharFilter(),
        }
    if model is SitemapFile:
        return {
            **domain,
            "kind": _multiple("kind", SitemapKind.choices),
            "source": django_filters.CharFilter(),
            "is_gzipped": BooleanFilter(),
            "http_status": HttpStatusFilter(),
        }
    if model is Page:
        return {
            **domain,
            "sitemap_file": IdFilter(field_name="sitemap_file_id"),
            "page_type": _multiple("page_type", PageType.choices),
            "http_status": HttpStatusFilter(),
            "has_contact_form": BooleanFilter(),
        }
    if model is Contact:
        return {
            **domain,
            "kind": _multiple("kind", ContactKind.choices),
            "classification": django_filters.CharFilter(),
            "verdict": MultipleChoiceFilter(
                choices=ContactVerdict.choices,
                distinct=False,
                null_label="none (never checked)",
                null_value=NULL_VALUE,
            ),
        }
    return domain


@cache
def filterset_for(model: type[models.Model]) -> type[BaseFilterSet]:
    """The FilterSet class of a table (built once per model)."""
    resource = next(r for r in RESOURCES if r.model is model)
    attrs: dict[str, Any] = {
        **_model_filters(model),
        **_workflow_filters(model),
        "search_fields": resource.search_fields,
        "Meta": type("Meta", (), {"model": model, "fields": []}),
        "__module__": __name__,
    }
    return type(f"{model.__name__}FilterSet", (BaseFilterSet,), attrs)


class FilterError(Exception):
    """Filters that the FilterSet rejects; ``errors`` maps each filter to its problems."""

    def __init__(self, errors: dict[str, list[str]]):
        self.errors = errors
        names = ", ".join(f"{key}: {' '.join(map(str, msgs))}" for key, msgs in errors.items())
        super().__init__(f"invalid filters ({names})")


def as_querydict(filters: Mapping[str, Any]) -> QueryDict:
    """JSON-ish filters (``{"status": ["New", "Error"], "is_gzipped": true}``) as a QueryDict."""
    data = QueryDict(mutable=True)
    for key, value in filters.items():
        values = value if isinstance(value, list | tuple) else [value]
        data.setlist(key, [_as_param(v) for v in values])
    return data


def _as_param(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return NULL_VALUE
    return str(value)


def filtered_queryset(model: type[models.Model], filters: Mapping[str, Any]) -> QuerySet:
    """The rows of ``model`` matching ``filters``; FilterError for unknown or invalid ones."""
    filterset_class = filterset_for(model)
    data = filters if isinstance(filters, QueryDict) else as_querydict(filters)
    for key, flt in filterset_class.base_filters.items():
        # A JSON list of ids is one comma-separated parameter (the CSV field reads one value).
        if isinstance(flt, django_filters.filters.BaseCSVFilter) and len(data.getlist(key)) > 1:
            data = data.copy() if not data._mutable else data
            data.setlist(key, [",".join(data.getlist(key))])
    known = set(filterset_class.base_filters)
    unknown = sorted(set(data) - known)
    if unknown:
        raise FilterError(
            {key: [f"unknown filter (known: {', '.join(sorted(known))})"] for key in unknown}
        )
    filterset = filterset_class(data=data, queryset=model._default_manager.all())
    if not filterset.is_valid():
        raise FilterError({key: list(msgs) for key, msgs in filterset.errors.items()})
    return filterset.qs


def has_filters(filters: Mapping[str, Any]) -> bool:
    """Whether any filter has a value (an empty filter selects every row)."""
    data = filters if isinstance(filters, QueryDict) else as_querydict(filters)
    return any(v not in ("", None) for key in data for v in data.getlist(key))
