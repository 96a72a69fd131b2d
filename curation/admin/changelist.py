"""The admin's changelists: filter values on choice columns checked before any query."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import NotRelationField, get_fields_from_path
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import FieldDoesNotExist
from django.db import models

# Lookups that compare a column with the value as given: on a PostgreSQL enum column the value is
# cast to the enum, and a value outside it is a DataError at query time (a 500), not an empty list.
COMPARING_LOOKUPS = {"exact", "in", "gt", "gte", "lt", "lte"}


def check_choice_lookups(model: type[models.Model], params: dict[str, list], skip=()) -> None:
    """Refuse (IncorrectLookupParameters: the admin's ``?e=1``) a comparison of a column that
    has choices with a value outside them, e.g. ``?page_curation_curation_status__exact=Bogus``.

    Django checks a value only where converting it fails (a date, a number); a text column's
    choices are not checked, and the enum cast fails later, in the database.
    """
    for key, values in params.items():
        if key in skip:
            continue
        parts = key.split("__")
        lookup = "exact"
        if len(parts) > 1 and parts[-1] in COMPARING_LOOKUPS | {"isnull", "iexact", "contains"}:
            lookup = parts.pop()
        if lookup not in COMPARING_LOOKUPS:
            continue
        try:
            field = get_fields_from_path(model, "__".join(parts))[-1]
        except (FieldDoesNotExist, NotRelationField):
            continue  # Django itself refuses a path that is no field
        choices = {str(value) for value, _label in (getattr(field, "flatchoices", None) or ())}
        if not choices:
            continue
        for value in values if isinstance(values, list) else [values]:
            given = str(value).split(",") if lookup == "in" else [str(value)]
            bad = [v for v in given if v not in choices]
            if bad:
                raise IncorrectLookupParameters(
                    f"{key}: {bad[0]!r} is not one of {', '.join(sorted(choices))}"
                )


class ValidatingChangeList(ChangeList):
    """A changelist whose filter values on choice columns are checked before any query."""

    def get_filters(self, request):
        skip = {
            f.parameter_name
            for f in self.list_filter
            if isinstance(f, type) and issubclass(f, admin.SimpleListFilter)
        }
        check_choice_lookups(self.model, self.get_filters_params(), skip)
        return super().get_filters(request)


class PipelineChangeList(ValidatingChangeList):
    """Says "10,000+" when the paginator stopped counting, and lets the admin decorate a page."""

    def get_results(self, request):
        super().get_results(request)
        self.count_capped = getattr(self.paginator, "capped", False)
        count_display = getattr(self.paginator, "count_display", None)
        self.result_count_display = count_display or f"{self.result_count:,}"
        self.model_admin.decorate_results(self.result_list)


class ValueFilter(admin.SimpleListFilter):
    """A filter over the column its ``parameter_name`` names: choosing a value (one of
    ``lookups()``) keeps the rows that have it."""

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{self.parameter_name: self.value()})
        return queryset
