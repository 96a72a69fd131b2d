"""Contacts as CSV, streamed: one query over a server-side cursor, one line at a time.

Shared by the admin's "Export selected as CSV" action and ``GET /api/v3/contacts/export.csv``.
The file is never built in memory: rows come from ``QuerySet.iterator()`` (a server-side cursor
on PostgreSQL) and each line is written to the response as it is produced.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from datetime import UTC, datetime

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import StreamingHttpResponse
from django.utils import timezone

from curation.models import CompanyFact, ContactSighting

# CSV column -> what is read for it (export_* are annotations of export_queryset).
FIELDS = {
    "domain": "domain__domain",
    "company_name": "domain__company_name",
    "kind": "kind",
    "value": "value",
    "display": "display",
    "classification": "classification",
    "verdict": "verdict",
    "verdict_reason": "verdict_reason",
    "verdict_checked_at": "verdict_checked_at",
    "first_seen_at": "first_seen_at",
    "last_seen_at": "last_seen_at",
    "pages": "export_pages",
    "source_page_url": "export_page_url",
    # the person a page tied the contact to, and the company's best-ranked facts (sql/030)
    "person_name": "person__name",
    "person_role": "person__role",
    "person_seniority": "person__seniority",
    "company_legal_name": "export_legal_name",
    "company_address": "export_address",
}
COLUMNS = tuple(FIELDS)
CHUNK_SIZE = 2_000
# Spreadsheets run a cell starting with = + - @ as a formula, and the values come from scraped
# web pages. Such cells get a leading apostrophe, except phone numbers (+E.164, digits only).
_FORMULA_RE = re.compile(r"^[=@\t\r]|^[+-](?![\d ()-]*$)")


class _Echo:
    """A file-like object whose write() hands the line back to the csv writer's caller."""

    def write(self, value: str) -> str:
        return value


def export_queryset(queryset: QuerySet) -> QuerySet:
    """``queryset`` of contacts with the export's columns, by id.

    The page count and one page URL come from correlated subqueries on contact_sightings'
    (contact_id, page_id) key, so each row costs a few index probes and nothing is grouped.
    """
    sightings = ContactSighting.objects.filter(contact_id=OuterRef("pk")).order_by()
    page_count = sightings.values("contact_id").annotate(n=Count("*")).values("n")
    first_page = sightings.order_by("page_id").values("page__url")[:1]

    def best_fact(kind: str) -> Subquery:
        facts = CompanyFact.objects.filter(domain_id=OuterRef("domain_id"), kind=kind)
        return Subquery(facts.order_by("rank", "id").values("value")[:1])

    return (
        queryset.order_by("id")
        .annotate(
            export_pages=Coalesce(Subquery(page_count), 0),
            export_page_url=Subquery(first_page),
            export_legal_name=best_fact("legal_name"),
            export_address=best_fact("address"),
        )
        .values_list(*FIELDS.values())
    )


def spreadsheet_safe(text: str) -> str:
    """``text`` as a CSV cell a spreadsheet shows rather than runs (see ``_FORMULA_RE``)."""
    return f"'{text}" if _FORMULA_RE.match(text) else text


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return spreadsheet_safe(str(value))


# Excel on Windows reads a CSV without a byte order mark as the local code page and garbles
# every non-ASCII name; with it, as UTF-8. Other readers (Python's utf-8-sig, pandas) skip it.
BOM = "\ufeff"


def csv_lines(queryset: QuerySet) -> Iterator[str]:
    """The BOM and header line, then one CSV line per contact, read in chunks from a cursor."""
    writer = csv.writer(_Echo())
    yield BOM + writer.writerow(COLUMNS)
    for row in export_queryset(queryset).iterator(chunk_size=CHUNK_SIZE):
        yield writer.writerow([_cell(value) for value in row])


def csv_response(queryset: QuerySet, *, filename: str = "contacts.csv") -> StreamingHttpResponse:
    """A streaming ``text/csv`` attachment of the contacts in ``queryset``."""
    response = StreamingHttpResponse(csv_lines(queryset), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def export_filename(now: datetime | None = None) -> str:
    return f"contacts-{(now or timezone.now()):%Y%m%d-%H%M%S}.csv"
