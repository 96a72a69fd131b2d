"""Cursor pagination: constant cost per page on tables of millions of rows."""

from __future__ import annotations

from rest_framework.pagination import CursorPagination


class IdCursorPagination(CursorPagination):
    """Pages by an opaque cursor on the ordering column (``-id`` unless ``?ordering=`` says).

    Chosen over page numbers because a page-number paginator runs ``COUNT(*)`` over the whole
    filtered table on every request and ``OFFSET n`` reads and discards n rows: both grow with the
    table. A cursor page is an index range scan (``WHERE id < last ORDER BY id DESC LIMIT n``)
    whatever the depth. The price: no total count and no jumping to page 57; clients follow
    ``next``/``previous``. Orderable columns are whitelisted per table and NOT NULL (a cursor
    cannot position on NULL); non-unique ones (``created_at``) stay correct via the cursor's
    offset part.
    """

    ordering = "-id"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
