"""SelectorFilterBackend: a list's query parameters applied by the table's selector; a parameter
nobody reads is a 400 naming it (a misspelt filter must not select every row)."""

from __future__ import annotations

from django.http import QueryDict
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError
from rest_framework.settings import api_settings

from curation.selectors import FilterError


def known_parameters(view) -> set[str]:
    """Every query parameter ``view`` reads: its filters, its ordering and its paginator's."""
    known = set(view.filterset_class.base_filters) | set(getattr(view, "extra_parameters", ()))
    if api_settings.URL_FORMAT_OVERRIDE:
        known.add(api_settings.URL_FORMAT_OVERRIDE)
    for backend in getattr(view, "filter_backends", ()):
        if param := getattr(backend, "ordering_param", None):
            known.add(param)
    paginator = getattr(view, "paginator", None)
    for attr in ("cursor_query_param", "page_query_param", "page_size_query_param"):
        if param := getattr(paginator, attr, None):
            known.add(param)
    return known


class SelectorFilterBackend(DjangoFilterBackend):
    """Filters through ``view.selector`` with the query parameters ``view.filterset_class``
    knows, so a list reads rows exactly as the export and ``set_status --filter`` do.

    The others (``cursor``, ``ordering``, ``page_size``) are left to the paginator and the
    ordering filter; any parameter none of them reads is refused with a 400 that names it, as
    the filtered status update refuses an unknown filter. The view's own queryset is the
    selector's unfiltered read, so it is replaced, not narrowed. Being a DjangoFilterBackend,
    it documents the FilterSet's parameters in the schema.
    """

    def filter_queryset(self, request, queryset, view):
        filterset_filters = view.filterset_class.base_filters
        params = request.query_params
        allowed = known_parameters(view)
        unknown = sorted(key for key in params if key not in allowed)
        if unknown:
            listed = ", ".join(sorted(allowed))
            raise ValidationError(
                {key: [f"unknown query parameter (known: {listed})"] for key in unknown}
            )
        filters = QueryDict(mutable=True)
        for key in params:
            if key in filterset_filters:
                filters.setlist(key, params.getlist(key))
        try:
            return view.selector(filters=filters)
        except FilterError as exc:
            raise ValidationError(exc.errors) from None
