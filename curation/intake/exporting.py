"""Contacts as CSV or an Excel workbook, streamed: one query over a server-side cursor.

Shared by the admin's export actions (on contacts, on domains, on the lead sheet) and
``GET /api/v3/contacts/export.csv`` / ``export.xlsx``. Rows come from ``QuerySet.iterator()`` (a
server-side cursor on PostgreSQL): the CSV is written to the response a line at a time; the
workbook with openpyxl's write-only mode (rows go to a temporary file, never all in memory).

The columns are one list, ``COLUMNS``: a :class:`Column` names what it reads (a ``values()``
path of the contact) and how a reader gets its cell; another table's columns (a person's, say)
slot in by appending to it. Codes come with their human label beside them (``kind`` and
``kind_label``), and what a spreadsheet would turn into a number is text: in the workbook every
cell is a string cell formatted ``@`` (text); in the CSV, which has no types, the phone is also
given as ``phone`` in international form (``+1 541-555-0123``), which no spreadsheet reads as a
number, beside the canonical E.164 ``value``.

A CSV comes in two dialects, the same columns in both:

- ``canonical`` (the API's default, for integrators): ``value`` is the canonical key, a phone
  in E.164 (``+15415550123``), which LibreOffice and Excel read as the number 15415550123;
- ``spreadsheet`` (the admin's downloads, and ``?dialect=spreadsheet``): a phone's ``value`` is
  its international form (``+1 541-555-0123``): the spaces make both spreadsheets keep it as
  text, and it is the same number to any phone library; a phone's ``display`` that the site
  wrote as bare digits (``02071838750``) is written in its national format (``020 7183 8750``),
  so its leading zero survives. Every other cell is as in canonical.
"""

from __future__ import annotations

import csv
import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import phonenumbers
from django.db.models import Case, Count, OuterRef, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone

from curation.models import Business, CompanyFact, ContactSighting
from scrapersky.places import ATTRIBUTIONS, PROVIDERS
from scrapersky.vocabulary import CLASSIFICATION_LABELS

CHUNK_SIZE = 2_000
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

KIND_LABELS = {"email": "Email", "phone": "Phone", "social": "Social profile"}
VERDICT_LABELS = {
    "valid": "Valid",
    "risky": "Risky",
    "invalid": "Invalid",
    "unknown": "Unknown (could not tell)",
    None: "Not checked",
}


def _label(labels: dict) -> Callable[[object], str]:
    def read(value: object) -> str:
        if value in labels:
            return labels[value]
        return str(value or "").replace("_", " ")

    return read


def _classification_label(value: object) -> str:
    return CLASSIFICATION_LABELS.get(str(value), str(value or "").replace("_", " "))


def phone_international(value: str) -> str:
    """``+15415550123`` -> ``+1 541-555-0123``: readable, and text to a spreadsheet."""
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


_DIGITS_ONLY = re.compile(r"\+?\d+")


def phone_display_as_text(display: str, value: str) -> str:
    """A phone the site wrote as bare digits (``02071838750``) is a number to a spreadsheet,
    which drops its leading zero: written in its national format (``020 7183 8750``, or the
    international one for ``+442071838750``) it stays text. Any other display is kept."""
    if not _DIGITS_ONLY.fullmatch(display or ""):
        return display
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return display
    style = phonenumbers.PhoneNumberFormat
    return phonenumbers.format_number(
        number, style.INTERNATIONAL if display.startswith("+") else style.NATIONAL
    )


@dataclass(frozen=True)
class Column:
    """One column of the export: its header, what it reads and what it means."""

    name: str
    read: str  # a values() path of the contact, or an annotation of export_queryset
    doc: str
    #: the cell from the value read (and the whole row, by column name, for derived cells)
    cell: Callable[[object], object] | None = None
    derived: Callable[[dict], object] | None = None


def _phone(row: dict) -> str:
    return phone_international(row["value"]) if row["kind"] == "phone" else ""


COLUMNS: list[Column] = [
    Column("domain", "domain__domain", "the company's domain (punycode for an international one)"),
    Column("company_name", "domain__company_name", "the company's name, when known"),
    Column("kind", "kind", "email, phone or social"),
    Column("kind_label", "kind", "the kind in words", cell=_label(KIND_LABELS)),
    Column("value", "value", "the contact, canonical: an address, +E.164 phone, profile URL"),
    Column("display", "display", "as shown on the site (a phone in its national format)"),
    Column(
        "phone",
        "value",
        "a phone in international format (+1 541-555-0123): text to a spreadsheet",
        derived=_phone,
    ),
    Column("classification", "classification", "role/free/company, a line type or a network"),
    Column(
        "classification_label",
        "classification",
        "the classification in words",
        cell=_classification_label,
    ),
    Column("verdict", "verdict", "contact validation's verdict (empty: not checked)"),
    Column("verdict_label", "verdict", "the verdict in words", cell=_label(VERDICT_LABELS)),
    Column("verdict_reason", "verdict_reason", "why, in a few words"),
    Column("verdict_checked_at", "verdict_checked_at", "when it was checked (UTC, ISO 8601)"),
    Column("first_seen_at", "first_seen_at", "first seen (UTC, ISO 8601)"),
    Column("last_seen_at", "last_seen_at", "last seen (UTC, ISO 8601)"),
    Column("pages", "export_pages", "the number of pages it was seen on"),
    Column("source_page_url", "export_page_url", "one of those pages"),
    # the person a page tied the contact to, and the company's best-ranked facts (sql/030)
    Column("person_name", "person__name", "the person a page tied the contact to"),
    Column("person_role", "person__role", "that person's role, as the page gives it"),
    Column("person_seniority", "person__seniority", "that person's seniority"),
    Column("company_legal_name", "export_legal_name", "the company's legal name, when found"),
    Column("company_address", "export_address", "the company's postal address, when found"),
    # the business listing of the domain: the contact's own, else the domain's first (sql/020)
    Column("business_name", "export_business_name", "the business listing's name"),
    Column("business_address", "export_business_address", "its address, one line"),
    Column("business_phone", "export_business_phone", "its phone, as the provider gave it"),
    Column("business_category", "export_business_category", "its first category"),
    Column("business_rating", "export_business_rating", "its rating, where the provider has one"),
    Column("business_source", "export_business_source", "the places service it came from"),
    Column(
        "business_attribution",
        "export_business_attribution",
        "what the source's licence asks to show (© OpenStreetMap contributors)",
    ),
]


def column_names() -> list[str]:
    return [column.name for column in COLUMNS]


# Spreadsheets run a cell starting with = + - @ as a formula, and the values come from scraped
# web pages. Such cells get a leading apostrophe, except phone numbers (+E.164, digits only).
_FORMULA_RE = re.compile(r"^[=@\t\r]|^[+-](?![\d ()-]*$)")


class _Echo:
    """A file-like object whose write() hands the line back to the csv writer's caller."""

    def write(self, value: str) -> str:
        return value


def export_queryset(queryset: QuerySet) -> QuerySet:
    """``queryset`` of contacts with what the columns read, by id, as dicts.

    The page count and one page URL come from correlated subqueries on contact_sightings'
    (contact_id, page_id) key, so each row costs a few index probes and nothing is grouped.
    """
    sightings = ContactSighting.objects.filter(contact_id=OuterRef("pk")).order_by()
    page_count = sightings.values("contact_id").annotate(n=Count("*")).values("n")
    first_page = sightings.order_by("page_id").values("page__url")[:1]

    def best_fact(kind: str) -> Subquery:
        facts = CompanyFact.objects.filter(domain_id=OuterRef("domain_id"), kind=kind)
        return Subquery(facts.order_by("rank", "id").values("value")[:1])

    def business(column: str) -> Coalesce:
        own = Business.objects.filter(pk=OuterRef("business_id")).values(column)[:1]
        listed = Business.objects.filter(domain_id=OuterRef("domain_id")).order_by("id")
        return Coalesce(Subquery(own), Subquery(listed.values(column)[:1]))

    def by_provider(names: dict[str, str]) -> Case:
        return Case(
            *(When(export_business_provider=k, then=Value(v)) for k, v in names.items()),
            default=Value(""),
        )

    reads = list(dict.fromkeys(["kind", "value", *(column.read for column in COLUMNS)]))
    return (
        queryset.order_by("id")
        .annotate(
            export_pages=Coalesce(Subquery(page_count), 0),
            export_page_url=Subquery(first_page),
            export_legal_name=best_fact("legal_name"),
            export_address=best_fact("address"),
            export_business_name=business("name"),
            export_business_address=business("address"),
            export_business_phone=business("phone"),
            export_business_category=business("categories__0"),
            export_business_rating=business("rating"),
            export_business_provider=business("provider"),
        )
        .annotate(
            export_business_source=by_provider(PROVIDERS),
            export_business_attribution=by_provider(ATTRIBUTIONS),
        )
        .values(*reads)
    )


def rows(queryset: QuerySet) -> Iterator[list[object]]:
    """One list of typed values per contact (None, str, int, datetime), column by column."""
    for record in export_queryset(queryset).iterator(chunk_size=CHUNK_SIZE):
        yield [
            column.derived(record)
            if column.derived
            else column.cell(record[column.read])
            if column.cell
            else record[column.read]
            for column in COLUMNS
        ]


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return str(value)


def spreadsheet_safe(text: str) -> str:
    """``text`` as a CSV cell a spreadsheet shows rather than runs (see ``_FORMULA_RE``)."""
    return f"'{text}" if _FORMULA_RE.match(text) else text


def _csv_cell(value) -> str:
    return spreadsheet_safe(_text(value))


# Excel on Windows reads a CSV without a byte order mark as the local code page and garbles
# every non-ASCII name; with it, as UTF-8. Other readers (Python's utf-8-sig, pandas) skip it.
BOM = "\ufeff"


CANONICAL, SPREADSHEET = "canonical", "spreadsheet"
DIALECTS = (CANONICAL, SPREADSHEET)


def csv_lines(queryset: QuerySet, *, dialect: str = CANONICAL) -> Iterator[str]:
    """The BOM and header line, then one CSV line per contact, read in chunks from a cursor."""
    if dialect not in DIALECTS:
        raise ValueError(f"unknown dialect {dialect!r}")
    names = column_names()
    kind, value, phone = names.index("kind"), names.index("value"), names.index("phone")
    display = names.index("display")
    writer = csv.writer(_Echo())
    yield BOM + writer.writerow(names)
    for row in rows(queryset):
        if dialect == SPREADSHEET and row[kind] == "phone":
            row[value] = row[phone]  # +1 541-555-0123: text to LibreOffice and Excel
            row[display] = phone_display_as_text(row[display], row[value])
        yield writer.writerow([_csv_cell(cell) for cell in row])


def csv_response(
    queryset: QuerySet, *, filename: str = "contacts.csv", dialect: str = CANONICAL
) -> StreamingHttpResponse:
    """A streaming ``text/csv`` attachment of the contacts in ``queryset``."""
    response = StreamingHttpResponse(csv_lines(queryset, dialect=dialect), content_type=CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def write_xlsx(queryset: QuerySet, target) -> None:
    """The contacts as a one-sheet workbook: every cell a text cell, the page count a number.

    openpyxl's write-only mode keeps one row at a time; a text cell (number format ``@``) is
    what a spreadsheet shows as typed, so ``+15415550123`` stays a phone number, not a number.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet("contacts")
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)

    def cell(value, *, header: bool = False) -> WriteOnlyCell:
        if isinstance(value, int) and not isinstance(value, bool):
            made = WriteOnlyCell(sheet, value=value)
        else:
            made = WriteOnlyCell(sheet, value=_text(value))
            made.number_format = "@"
        if header:
            made.font = bold
        return made

    sheet.append([cell(name, header=True) for name in column_names()])
    for row in rows(queryset):
        sheet.append([cell(value) for value in row])
    book.save(target)


def xlsx_response(queryset: QuerySet, *, filename: str = "contacts.xlsx") -> FileResponse:
    """The workbook as an attachment, written to a temporary file first (a zip needs seeking)."""
    spool = tempfile.TemporaryFile()  # noqa: SIM115  (FileResponse closes it)
    write_xlsx(queryset, spool)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=filename, content_type=XLSX_TYPE)


def export_filename(now: datetime | None = None, *, extension: str = "csv") -> str:
    return f"contacts-{(now or timezone.now()):%Y%m%d-%H%M%S}.{extension}"


def response(
    queryset: QuerySet, *, file_format: str, stem: str | None = None, dialect: str = SPREADSHEET
):
    """The export of ``queryset`` in ``file_format`` (``csv`` or ``xlsx``); a CSV in
    ``dialect`` (the spreadsheet one unless told: the admin's downloads are for people)."""
    name = export_filename(extension=file_format)
    if stem:
        name = f"{stem}-{name}"
    if file_format == "xlsx":
        return xlsx_response(queryset, filename=name)
    return csv_response(queryset, filename=name, dialect=dialect)
