"""The businesses as a lead list (CSV): every business with its own phone, e-mail and social
profile, with or without a company domain.

A contact row needs a domain (``contacts.domain_id`` is NOT NULL): a business whose website is
none, a social profile or a listing site keeps its phone, e-mail and profile on the business
row only. A curator working a market still wants those businesses in the list they call, so
this export carries every selected business with what its listing gave, its domain (or why it
has none) and its provider's attribution. The contacts export (curation/intake/exporting.py)
stays the list of what the websites gave.

Written with the standard ``csv`` module, streamed a line at a time from a server-side cursor;
cells go through the contacts export's ``spreadsheet_safe`` (no formula runs in a spreadsheet)
and the file starts with its byte order mark (Excel reads it as UTF-8).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from django.utils import timezone

from curation.intake.exporting import BOM, CSV_TYPE, spreadsheet_safe
from curation.models import Business
from scrapersky.places import ATTRIBUTIONS, OSM_LICENCE_URL, PROVIDERS, category_labels

COLUMNS = (
    "name",
    "category",
    "address",
    "city",
    "postcode",
    "country",
    "phone",
    "email",
    "website",
    "social_profile",
    "rating",
    "rating_count",
    "opening_hours",
    "domain",
    "domain_note",
    "source",
    "source_url",
    "attribution",
    "licence_url",
)


class _Echo:
    def write(self, value: str) -> str:
        return value


def _row(business: Business) -> list[object]:
    return [
        business.name,
        ", ".join(category_labels(business.categories)),
        business.address,
        business.city,
        business.postcode,
        business.country,
        business.phone,
        business.email,
        business.website,
        business.social_profile,
        "" if business.rating is None else f"{business.rating:g}",
        "" if business.rating_count is None else business.rating_count,
        business.opening_hours,
        business.domain.domain if business.domain_id else "",
        business.domain_note,
        PROVIDERS.get(business.provider, business.provider),
        business.provider_url,
        ATTRIBUTIONS.get(business.provider, ""),
        OSM_LICENCE_URL if business.provider == "osm" else "",
    ]


def csv_lines(queryset: QuerySet[Business]) -> Iterator[str]:
    """The BOM and header line, then one line per business."""
    writer = csv.writer(_Echo())
    yield BOM + writer.writerow(COLUMNS)
    rows = queryset.select_related("domain").defer("raw").order_by("name", "id")
    for business in rows.iterator(chunk_size=2_000):
        yield writer.writerow([spreadsheet_safe(str(cell)) for cell in _row(business)])


def csv_response(queryset: QuerySet[Business]) -> StreamingHttpResponse:
    """A streaming ``text/csv`` attachment of the businesses in ``queryset``."""
    response = StreamingHttpResponse(csv_lines(queryset), content_type=CSV_TYPE)
    name = f"businesses-{timezone.now():%Y%m%d-%H%M%S}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
