"""Template tags of the curation admin: a date hierarchy that does not scan the matching rows."""

from __future__ import annotations

import datetime

from django import template
from django.contrib.admin.templatetags.admin_list import date_hierarchy
from django.contrib.admin.templatetags.base import InclusionAdminNode
from django.db import models
from django.utils import timezone

register = template.Library()


class _DateRange:
    """Stands in for ``cl.queryset`` in Django's ``date_hierarchy``.

    Django lists the years, months or days that have rows with ``SELECT DISTINCT
    date_trunc(...)`` over every matching row: a full scan of a million-row filter on each page
    view. This offers every year, month or day between the first and the last matching row
    instead; MIN and MAX of an indexed column cost two index probes. A choice may lead to an
    empty list, which is cheaper than counting.
    """

    def __init__(self, queryset: models.QuerySet):
        self._queryset = queryset
        self._aggregates: dict[str, dict] = {}

    def aggregate(self, **kwargs):
        # Django asks for MIN and MAX first; datetimes() asks again: one query for both.
        key = repr(sorted(kwargs.items()))
        if key not in self._aggregates:
            self._aggregates[key] = self._queryset.aggregate(**kwargs)
        return dict(self._aggregates[key])

    def datetimes(self, field_name: str, kind: str) -> list[datetime.datetime]:
        bounds = self.aggregate(first=models.Min(field_name), last=models.Max(field_name))
        first, last = bounds["first"], bounds["last"]
        if first is None or last is None:
            return []
        if isinstance(first, datetime.datetime) and timezone.is_aware(first):
            first, last = timezone.localtime(first), timezone.localtime(last)
        return list(_steps(first, last, kind))

    dates = datetimes


def _steps(first: datetime.date, last: datetime.date, kind: str):
    """Each year, month or day from ``first`` to ``last``, as values of ``first``'s type."""
    if kind == "year":
        for year in range(first.year, last.year + 1):
            yield first.replace(year=year, month=1, day=1)
    elif kind == "month":
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            yield first.replace(year=year, month=month, day=1)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    else:
        day, end = _as_date(first), _as_date(last)
        while day <= end:
            yield first.replace(year=day.year, month=day.month, day=day.day)
            day += datetime.timedelta(days=1)


def _as_date(value: datetime.date) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


class _ChangeListWithDateRange:
    def __init__(self, cl):
        self._cl = cl
        self.queryset = _DateRange(cl.queryset)

    def __getattr__(self, name):
        return getattr(self._cl, name)


def ranged_date_hierarchy(cl):
    return date_hierarchy(_ChangeListWithDateRange(cl))


@register.tag(name="ranged_date_hierarchy")
def ranged_date_hierarchy_tag(parser, token):
    return InclusionAdminNode(
        parser,
        token,
        func=ranged_date_hierarchy,
        template_name="date_hierarchy.html",
        takes_context=False,
    )
