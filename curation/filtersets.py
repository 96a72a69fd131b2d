"""The FilterSet of every table: the filters of the API's lists, the filtered status update,
the contacts export and ``manage.py set_status --filter`` (applied by ``curation.selectors``).

Every workflow status column of a table is a multiple-choice filter
(``?page_curation_curation_status=New&page_curation_curation_status=Error``), added from the
workflow registry; processing statuses also accept ``null`` (never queued). ``?search=`` is part
of the FilterSet, so a filtered status update accepts exactly the parameters of the list.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db import models
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema_field

from curation import search
from curation.filter_types import (
    BooleanFilter,
    DateTimeFilter,
    HttpStatusFilter,
    IdFilter,
    IdListFilter,
    IdsFilter,
    MultipleChoiceFilter,
)
from curation.lead_status import LEAD_STATUS_LABELS, lead_status_q
from curation.models import (
    Business,
    Contact,
    ContactKind,
    ContactVerdict,
    Domain,
    Page,
    PageType,
    Person,
    PlaceSearch,
    Seniority,
    SitemapFile,
    SitemapKind,
    domains_of,
)
from scrapersky.places import CATEGORIES, CATEGORY_CHOICES, PROVIDERS
from scrapersky.workflows import workflows_for_model

NULL_VALUE = "null"


def choice_filter(field: str, choices, *, null_label: str | None = None) -> MultipleChoiceFilter:
    """Any of ``choices``; with ``null_label``, also ``null`` (the column is NULL)."""
    extra: dict[str, Any] = {}
    if null_label:
        extra = {"null_label": null_label, "null_value": NULL_VALUE}
    # distinct=False: these are plain columns, and DISTINCT would sort the whole table.
    return MultipleChoiceFilter(field_name=field, choices=choices, distinct=False, **extra)


def workflow_filters(
    model: type[models.Model], *, prefix: str = ""
) -> dict[str, django_filters.Filter]:
    """The status and error filters of every workflow on ``model``, from the registry.

    With ``prefix`` (a foreign key's name), the filters of the related row's workflows:
    ``domain_sitemap_discovery_curation_status`` on pages and contacts.
    """
    path = f"{prefix}__" if prefix else ""
    key = f"{prefix}_" if prefix else ""
    filters: dict[str, django_filters.Filter] = {}
    for wf in workflows_for_model(model):
        filters[f"{key}{wf.names.curation_field}"] = choice_filter(
            f"{path}{wf.names.curation_field}", wf.curation_enum.choices
        )
        filters[f"{key}{wf.names.processing_field}"] = choice_filter(
            f"{path}{wf.names.processing_field}",
            wf.processing_enum.choices,
            null_label="none (never queued)",
        )
        filters[f"{key}{wf.name}_has_error"] = BooleanFilter(
            field_name=f"{path}{wf.names.error_field}", lookup_expr="isnull", exclude=True
        )
    return filters


class RowFilterSet(django_filters.FilterSet):
    """Common filters: id list, creation time range, free-text search, workflow statuses."""

    id = IdListFilter(field_name="id", lookup_expr="in", label="ids (1,2,3)")
    created_after = DateTimeFilter(field_name="created_at", lookup_expr="gte")
    created_before = DateTimeFilter(field_name="created_at", lookup_expr="lt")
    search = django_filters.CharFilter(method="filter_search", label="search")

    @classmethod
    def get_filters(cls):
        filters = super().get_filters()
        if cls._meta.model is not None:
            filters.update(workflow_filters(cls._meta.model))
            if cls._meta.model is not Domain and hasattr(cls._meta.model, "domain"):
                filters.update(workflow_filters(Domain, prefix="domain"))
        return filters

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # The admin's search box runs the same function (curation.search).
        return search.search(queryset, value)


class DomainFilterSet(RowFilterSet):
    # An annotation of selectors.domain_list (curation.lead_status), filtered by the same rule
    # as indexable conditions (lead_status_q).
    lead_status = MultipleChoiceFilter(
        choices=list(LEAD_STATUS_LABELS.items()), method="filter_lead_status"
    )
    domain = django_filters.CharFilter(field_name="domain", lookup_expr="iexact")
    source = django_filters.CharFilter()
    import_job = IdFilter(
        method="filter_import_job",
        label="import id: the domains its file named (created by it or already known)",
    )

    class Meta:
        model = Domain
        fields: list[str] = []

    def filter_lead_status(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        if not value:
            return queryset
        condition = models.Q()
        for status in value:
            condition |= lead_status_q(status)
        return queryset.filter(condition)

    def filter_import_job(self, queryset: QuerySet, name: str, value: int | None) -> QuerySet:
        return queryset if value is None else queryset.filter(domains_of(value))


def domain_ids() -> IdsFilter:
    """``?domain=12&domain=13``: rows of any of these domains (the parameter repeated)."""
    return IdsFilter(field_name="domain_id", label="domain ids (repeat the parameter)")


def domain_ids_in() -> IdListFilter:
    """``?domain__in=12,13``: the same, as one comma-separated parameter."""
    return IdListFilter(field_name="domain_id", lookup_expr="in", label="domain ids (12,13)")


class SitemapFileFilterSet(RowFilterSet):
    domain = domain_ids()
    domain__in = domain_ids_in()
    kind = choice_filter("kind", SitemapKind.choices)
    source = django_filters.CharFilter()
    is_gzipped = BooleanFilter()
    http_status = HttpStatusFilter()

    class Meta:
        model = SitemapFile
        fields: list[str] = []


class PageFilterSet(RowFilterSet):
    domain = domain_ids()
    domain__in = domain_ids_in()
    sitemap_file = IdsFilter(field_name="sitemap_file_id")
    page_type = choice_filter("page_type", PageType.choices)
    http_status = HttpStatusFilter()
    has_contact_form = BooleanFilter()

    class Meta:
        model = Page
        fields: list[str] = []


class ContactFilterSet(RowFilterSet):
    domain = domain_ids()
    domain__in = domain_ids_in()
    # The contacts of the domains a curator picked by their own filters: how they came in,
    # when, and where their workflows are (``?domain_source=csv&domain_created_after=...``).
    domain_source = django_filters.CharFilter(field_name="domain__source")
    domain_created_after = DateTimeFilter(field_name="domain__created_at", lookup_expr="gte")
    domain_created_before = DateTimeFilter(field_name="domain__created_at", lookup_expr="lt")
    domain_import_job = IdFilter(
        method="filter_domain_import_job",
        label="import id: contacts of the domains its file named",
    )
    kind = choice_filter("kind", ContactKind.choices)
    classification = django_filters.CharFilter()
    verdict = choice_filter("verdict", ContactVerdict.choices, null_label="none (never checked)")
    person = IdFilter(field_name="person_id")

    class Meta:
        model = Contact
        fields: list[str] = []

    def filter_domain_import_job(
        self, queryset: QuerySet, name: str, value: int | None
    ) -> QuerySet:
        if value is None:
            return queryset
        return queryset.filter(domain_id__in=Domain.objects.filter(domains_of(value)).values("pk"))


class PersonFilterSet(RowFilterSet):
    domain = domain_ids()
    domain__in = domain_ids_in()
    seniority = choice_filter("seniority", [(v, v or "none") for v, _ in Seniority.choices])
    role = django_filters.CharFilter(field_name="role", lookup_expr="icontains")
    has_email = BooleanFilter(method="filter_has_email", label="has an e-mail address")

    class Meta:
        model = Person
        fields: list[str] = []

    def filter_has_email(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        with_email = Contact.objects.filter(person_id=models.OuterRef("pk"), kind="email")
        return queryset.filter(models.Exists(with_email) if value else ~models.Exists(with_email))


class FloatFilter(django_filters.NumberFilter):
    """A number read as a float (NumberFilter's decimal refuses what JSON numbers may be)."""

    field_class = forms.FloatField


@extend_schema_field({"type": "number", "minimum": 0, "maximum": 5})
class RatingFilter(FloatFilter):
    """A provider's star rating, 0 to 5 (the bounds are in the schema, not only the form)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=0, max_value=5, **kwargs)


class PlaceSearchFilterSet(RowFilterSet):
    search_fields = ("place", "query", "category")

    provider = choice_filter("provider", list(PROVIDERS.items()))
    category = choice_filter("category", CATEGORY_CHOICES)

    class Meta:
        model = PlaceSearch
        fields: list[str] = []


class BusinessFilterSet(RowFilterSet):
    search_fields = ("name", "city", "website")

    provider = choice_filter("provider", list(PROVIDERS.items()))
    category = MultipleChoiceFilter(
        choices=CATEGORY_CHOICES, method="filter_category", help_text="A vocabulary category."
    )
    city = django_filters.CharFilter(field_name="city", lookup_expr="iexact")
    has_website = BooleanFilter(method="filter_has_website")
    rating_min = RatingFilter(field_name="rating", lookup_expr="gte")
    place_search = IdFilter(field_name="sightings__place_search_id", distinct=True)
    domain = IdFilter(field_name="domain_id")

    class Meta:
        model = Business
        fields: list[str] = []

    def filter_category(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        if not value:
            return queryset
        tags: list[str] = []
        for key in value:
            cat = CATEGORIES[key]
            tags += [*cat.osm, *([cat.google] if cat.google else [])]
        return queryset.filter(categories__overlap=tags)

    def filter_has_website(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        return queryset.exclude(website="") if value else queryset.filter(website="")


FILTERSETS: dict[type[models.Model], type[RowFilterSet]] = {
    filterset._meta.model: filterset
    for filterset in (
        DomainFilterSet,
        SitemapFileFilterSet,
        PageFilterSet,
        ContactFilterSet,
        PersonFilterSet,
        PlaceSearchFilterSet,
        BusinessFilterSet,
    )
}


def filterset_for(model: type[models.Model]) -> type[RowFilterSet]:
    """The FilterSet class of a table."""
    return FILTERSETS[model]
