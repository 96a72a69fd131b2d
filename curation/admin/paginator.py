"""A paginator that counts at most a cap of matching rows, so big changelists stay fast."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.functional import cached_property

DEFAULT_COUNT_CAP = 10_000


class CappedPaginator(Paginator):
    """Counts matching rows up to ``cap`` with ``COUNT(*)`` over a ``LIMIT cap + 1`` subquery.

    PostgreSQL has no cheap exact count: ``COUNT(*)`` of a filter matching a million rows reads
    a million rows on every page view. Past the cap the list says "10,000+" and pages beyond
    the cap are not offered; "select all" still acts on every matching row, because admin
    actions receive the filtered queryset, not the paginator's count.
    """

    def __init__(self, object_list, per_page, orphans=0, allow_empty_first_page=True, *, cap=None):
        super().__init__(object_list, per_page, orphans, allow_empty_first_page)
        self.cap = DEFAULT_COUNT_CAP if cap is None else cap

    @cached_property
    def _capped_count(self) -> int:
        # values("pk") drops select_related joins and annotations; order_by() drops the sort:
        # the count reads at most cap + 1 index entries or rows and stops.
        return self.object_list.order_by().values("pk")[: self.cap + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self._capped_count, self.cap)

    @property
    def capped(self) -> bool:
        """True when more rows match than were counted."""
        return self._capped_count > self.cap

    @property
    def count_display(self) -> str:
        return f"{self.count:,}+" if self.capped else f"{self.count:,}"
