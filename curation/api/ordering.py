"""StrictOrderingFilter: ``?ordering=`` over a view's whitelisted columns, an unknown one a 400."""

from __future__ import annotations

from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter


class StrictOrderingFilter(OrderingFilter):
    """``?ordering=-created_at,id`` over the view's ``ordering_fields``; an unknown field is a
    400 naming the choices (DRF drops it silently, which hides a typo behind a default order)."""

    def get_ordering(self, request, queryset, view):
        raw = request.query_params.get(self.ordering_param)
        if raw:
            allowed = [
                name for name, _ in self.get_valid_fields(queryset, view, {"request": request})
            ]
            for term in (part.strip() for part in raw.split(",")):
                name = term[1:] if term.startswith("-") else term
                if name not in allowed:
                    raise ValidationError(
                        {
                            self.ordering_param: [
                                f"cannot order by {term!r} (one of: {', '.join(allowed)}, "
                                "each optionally prefixed by - for descending)"
                            ]
                        }
                    )
        return super().get_ordering(request, queryset, view)

    def get_schema_operation_parameters(self, view):
        names = "|".join(view.ordering_fields)
        return [
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": "Comma-separated fields to order by, - for descending: "
                + ", ".join(view.ordering_fields)
                + ".",
                "schema": {"type": "string", "pattern": f"^-?({names})(,-?({names}))*$"},
            }
        ]
