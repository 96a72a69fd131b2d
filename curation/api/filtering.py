"""SelectorFilterBackend: a list's query parameters applied by the table's selector."""

from __future__ import annotations

from django.http import QueryDict
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError

from curation.selectors import FilterError


class SelectorFilterBackend(DjangoFilterBackend):
    """Filters through ``view.selector`` with the query parameters ``view.filterset_class``
    knows, so a list reads rows exactly as the export and ``set_status --filter`` do.

    The others (``cursor``, ``ordering``, ``page_size``) are left to the paginator and the
    ordering filter. The view's own queryset is the selector's unfiltered read, so it is
    replaced, not narrowed. Being a DjangoFilterBackend, it documents the FilterSet's
    parameters in the schema.
    """

    def filter_queryset(self, request, queryset, view):
        known = view.filterset_class.base_filters
        params = request.query_params
        filters = QueryDict(mutable=True)
        for key in params:
            if key in known:
                filters.setlist(key, params.getlist(key))
        try:
            return view.selector(filters=filters)
        except FilterError as exc:
            raise ValidationError(exc.errors) from None
