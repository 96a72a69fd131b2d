"""Strict filter types of ``curation.filtersets``: values that answer 400, never 500.

django-filter's defaults let bad input through to the database: a bare ``BaseInFilter`` passes
``"abc"`` to ``int()`` inside the ORM, a ``NumberFilter`` is a Decimal of any size, an ISO
date-time keeps offsets PostgreSQL refuses (``+16:00``: it allows at most 15:59) and a
``BooleanFilter`` silently ignores ``?is_gzipped=maybe``. These types validate in the form
field, so the FilterSet reports the problem, and carry the OpenAPI schema they enforce
(``extend_schema_field``), so the documented and the accepted values are the same.
"""

from __future__ import annotations

from datetime import UTC, datetime

import django_filters
from django import forms
from django_filters.fields import IsoDateTimeField, MultipleChoiceField
from drf_spectacular.utils import extend_schema_field

BIGINT_MAX = 2**63 - 1
ID_SCHEMA = {"type": "integer", "minimum": 1, "maximum": BIGINT_MAX}


class IdField(forms.IntegerField):
    """A row id: a positive bigint (``"1.0"``, ``"1e3"`` and ``"abc"`` are refused)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", BIGINT_MAX)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        # Django's IntegerField strips a trailing ".0"; an id written as a decimal is a mistake.
        if isinstance(value, str) and not value.strip().lstrip("+-").isdigit() and value.strip():
            raise forms.ValidationError("Enter a whole number.", code="invalid")
        return super().to_python(value)


@extend_schema_field(ID_SCHEMA)
class IdFilter(django_filters.NumberFilter):
    """``?domain=12``: one id."""

    field_class = IdField


@extend_schema_field(ID_SCHEMA)
class IdListFilter(django_filters.BaseInFilter, django_filters.NumberFilter):
    """``?id=1,2,3``: ids separated by commas (the schema's array, ``explode: false``)."""

    field_class = IdField


class HttpStatusField(IdField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 100)
        kwargs.setdefault("max_value", 999)
        super().__init__(*args, **kwargs)


@extend_schema_field({"type": "integer", "minimum": 100, "maximum": 999})
class HttpStatusFilter(django_filters.NumberFilter):
    """``?http_status=404``: a three-digit status code."""

    field_class = HttpStatusField


class UtcDateTimeField(IsoDateTimeField):
    """An ISO 8601 date-time with any offset, handed to the database in UTC.

    PostgreSQL refuses offsets beyond 15:59 that Python accepts (up to 23:59), so the value is
    converted to UTC here. A time that converts to before year 1 or after year 9999 is clamped
    to the limit: no row is that old or that new, so the filter means the same.
    """

    def to_python(self, value):
        parsed = super().to_python(value)
        if parsed is None:
            return None
        try:
            return parsed.astimezone(UTC)
        except OverflowError:
            limit = datetime.min if parsed.year == 1 else datetime.max
            return limit.replace(tzinfo=UTC)


@extend_schema_field({"type": "string", "format": "date-time"})
class DateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UtcDateTimeField


class _ChoicesField(MultipleChoiceField):
    def clean(self, value):
        # ``?kind=`` (an empty parameter) means "not given", as for every other filter.
        if isinstance(value, list | tuple):
            value = [item for item in value if item != ""]
        return super().clean(value)


class MultipleChoiceFilter(django_filters.MultipleChoiceFilter):
    """``?kind=email&kind=phone``: any of the choices; empty values are ignored."""

    field_class = _ChoicesField


TRUE_VALUES = frozenset({"true", "1", "yes", "on"})
FALSE_VALUES = frozenset({"false", "0", "no", "off"})


class StrictBooleanField(forms.Field):
    """``true``/``false`` (or 1/0, yes/no, on/off); anything else is an error, not "no filter"."""

    widget = forms.TextInput

    def to_python(self, value):
        if value in (None, ""):
            return None
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in TRUE_VALUES:
            return True
        if text in FALSE_VALUES:
            return False
        raise forms.ValidationError(
            "Enter true or false (got %(value)s).", code="invalid", params={"value": value}
        )


@extend_schema_field({"type": "boolean"})
class BooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField


class IdsField(forms.Field):
    """Row ids, one per repetition of the parameter (``?domain=12&domain=13``)."""

    widget = forms.SelectMultiple  # reads every value of the parameter (QueryDict.getlist)

    def to_python(self, value):
        if value in (None, "", [], ()):
            return []
        values = value if isinstance(value, list | tuple) else [value]
        single = IdField()
        ids = []
        for item in values:
            if item in ("", None):
                continue
            if isinstance(item, str) and "," in item:
                raise forms.ValidationError(
                    "One id per parameter (got %(value)s): repeat the parameter "
                    "(?domain=12&domain=13) or use its __in form (?domain__in=12,13).",
                    code="invalid",
                    params={"value": item},
                )
            ids.append(single.clean(item))
        return ids


@extend_schema_field({"type": "array", "items": ID_SCHEMA})
class IdsFilter(django_filters.Filter):
    """``?domain=12&domain=13``: rows of any of these ids (the parameter repeated)."""

    field_class = IdsField

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(**{f"{self.field_name}__in": value})


#: Filters that take a parameter more than once; every other filter takes one value, and a
#: repeated one is refused (400) rather than silently narrowed to its last value.
MULTI_VALUE_FILTERS = (django_filters.MultipleChoiceFilter, IdsFilter)
