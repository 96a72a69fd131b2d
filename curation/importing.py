"""Feeding the pipeline: CSV files and submitted lists of domains, pages and sitemap files.

One service for the admin's CSV import, the ``import_*`` commands and the submission API. Every
input row gets a result (created, duplicate, or invalid with the reason); the valid rows are
written in one transaction (a failure leaves nothing half-written); what was created can be
queued for the table's workflow through the curation service.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from curation.models import Domain, Page, SitemapFile
from curation.normalize import InvalidValue, normalize_domain, normalize_url
from processing.sitemaps import classify_url

MAX_FILE_BYTES = 50 * 1024 * 1024
CHUNK = 2_000

KINDS = ("domains", "pages", "sitemap_files")
# Header names accepted for the value column of each kind (first match wins).
VALUE_HEADERS = {
    "domains": ("domain", "website", "url", "site", "homepage"),
    "pages": ("url", "page", "page_url", "link"),
    "sitemap_files": ("url", "sitemap", "sitemap_url", "loc"),
}
NAME_HEADERS = ("company_name", "company", "name", "business")


class ImportError_(Exception):
    """The file as a whole cannot be read (encoding, size, no rows); the message says why."""


@dataclass(frozen=True)
class RowResult:
    line: int
    value: str
    outcome: str  # created, duplicate, invalid
    normalized: str = ""
    reason: str = ""
    id: int | None = None


@dataclass
class ImportReport:
    kind: str
    rows: list[RowResult] = field(default_factory=list)
    queued: int = 0

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.rows if r.outcome == outcome)

    @property
    def created(self) -> int:
        return self.count("created")

    @property
    def duplicates(self) -> int:
        return self.count("duplicate")

    @property
    def invalid(self) -> int:
        return self.count("invalid")

    @property
    def created_ids(self) -> list[int]:
        return [r.id for r in self.rows if r.outcome == "created" and r.id is not None]

    @property
    def summary(self) -> str:
        text = (
            f"{len(self.rows)} row(s): {self.created} created, {self.duplicates} duplicate, "
            f"{self.invalid} invalid"
        )
        if self.queued:
            text += f"; {self.queued} queued"
        return text


@dataclass(frozen=True)
class InputRow:
    line: int
    value: str
    name: str = ""


def read_csv(data: bytes, kind: str) -> list[InputRow]:
    """The rows of an uploaded CSV: with a header naming the column, or one value per line."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportError_(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportError_(
            f"the file is not UTF-8 text (byte {exc.start}): save it as CSV UTF-8"
        ) from None
    if "\x00" in text:
        raise ImportError_("the file is binary, not CSV text")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        records = list(reader)
    except csv.Error as exc:
        raise ImportError_(f"the file is not valid CSV: {exc}") from None
    records = [(n, rec) for n, rec in enumerate(records, start=1) if any(c.strip() for c in rec)]
    if not records:
        raise ImportError_("the file has no rows")
    header = [c.strip().lower() for c in records[0][1]]
    value_col = next((header.index(h) for h in VALUE_HEADERS[kind] if h in header), None)
    name_col = next((header.index(h) for h in NAME_HEADERS if h in header), None)
    if value_col is None:
        value_col, name_col, body = 0, None, records
    else:
        body = records[1:]
    rows = []
    for line, rec in body:
        value = rec[value_col].strip() if value_col < len(rec) else ""
        name = rec[name_col].strip() if name_col is not None and name_col < len(rec) else ""
        rows.append(InputRow(line, value, name))
    if not rows:
        raise ImportError_("the file has a header but no rows")
    return rows


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _ensure_domains(names: Iterable[str], *, source: str) -> dict[str, int]:
    """Domain ids by name, creating the missing domains."""
    wanted = sorted(set(names))
    ids: dict[str, int] = {}
    for chunk in _chunks(wanted, CHUNK):
        Domain.objects.bulk_create(
            [Domain(domain=d, source=source) for d in chunk], ignore_conflicts=True
        )
        ids.update(Domain.objects.filter(domain__in=chunk).values_list("domain", "id"))
    return ids


def import_rows(
    rows: list[InputRow],
    *,
    kind: str,
    source: str = "csv",
    queue: bool = False,
    actor: AbstractBaseUser | str,
    channel: str,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Normalise, de-duplicate and insert ``rows`` of ``kind``; optionally queue what was new."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    report = ImportReport(kind)
    valid: list[tuple[InputRow, str, str]] = []  # row, normalized value, domain
    seen: set[str] = set()
    for row in rows:
        try:
            if kind == "domains":
                value = domain = normalize_domain(row.value)
            else:
                value, domain = normalize_url(row.value)
        except InvalidValue as exc:
            report.rows.append(RowResult(row.line, row.value, "invalid", reason=str(exc)))
            continue
        if value in seen:
            report.rows.append(
                RowResult(row.line, row.value, "duplicate", value, "repeated in this input")
            )
            continue
        seen.add(value)
        valid.append((row, value, domain))

    with transaction.atomic():
        done = 0
        for chunk in _chunks(valid, CHUNK):
            if kind == "domains":
                report.rows += _insert_domains(chunk, source=source)
            else:
                report.rows += _insert_urls(chunk, kind=kind, source=source)
            done += len(chunk)
            if progress:
                progress(done, len(valid))
        if queue and report.created_ids:
            report.queued = _queue(kind, report.created_ids, actor=actor, channel=channel)
    report.rows.sort(key=lambda r: r.line)
    return report


def _insert_domains(chunk: list[tuple[InputRow, str, str]], *, source: str) -> list[RowResult]:
    names = [value for _row, value, _d in chunk]
    existing = set(Domain.objects.filter(domain__in=names).values_list("domain", flat=True))
    Domain.objects.bulk_create(
        [
            Domain(domain=value, company_name=row.name or None, source=source)
            for row, value, _d in chunk
            if value not in existing
        ],
        ignore_conflicts=True,
    )
    ids = dict(Domain.objects.filter(domain__in=names).values_list("domain", "id"))
    return [
        RowResult(
            row.line,
            row.value,
            "duplicate" if value in existing else "created",
            value,
            "already imported" if value in existing else "",
            ids.get(value),
        )
        for row, value, _d in chunk
    ]


def _insert_urls(
    chunk: list[tuple[InputRow, str, str]], *, kind: str, source: str
) -> list[RowResult]:
    model = Page if kind == "pages" else SitemapFile
    domain_ids = _ensure_domains((d for _r, _v, d in chunk), source=source)
    keys = [(domain_ids[d], value) for _row, value, d in chunk]
    existing = set(
        model.objects.filter(
            domain_id__in={k[0] for k in keys}, url__in={k[1] for k in keys}
        ).values_list("domain_id", "url")
    )
    new_rows = []
    for _row, value, domain in chunk:
        key = (domain_ids[domain], value)
        if key in existing:
            continue
        if kind == "pages":
            new_rows.append(Page(domain_id=key[0], url=value, page_type=classify_url(value)))
        else:
            new_rows.append(SitemapFile(domain_id=key[0], url=value, source="manual"))
    model.objects.bulk_create(new_rows, ignore_conflicts=True)
    ids = {
        (d, u): pk
        for d, u, pk in model.objects.filter(
            domain_id__in={k[0] for k in keys}, url__in={k[1] for k in keys}
        ).values_list("domain_id", "url", "id")
    }
    results = []
    for (row, value, _d), key in zip(chunk, keys, strict=True):
        duplicate = key in existing
        results.append(
            RowResult(
                row.line,
                row.value,
                "duplicate" if duplicate else "created",
                value,
                "already imported" if duplicate else "",
                ids.get(key),
            )
        )
    return results


def _queue(kind: str, ids: list[int], *, actor, channel: str) -> int:
    from curation.services import MAX_IDS, set_curation_status
    from scrapersky.workflows import workflows_for_model

    model = {"domains": Domain, "pages": Page, "sitemap_files": SitemapFile}[kind]
    workflows = workflows_for_model(model)
    if not workflows:
        return 0
    queued = 0
    for chunk in _chunks(ids, MAX_IDS):
        result = set_curation_status(
            workflow=workflows[0], status="Queued", ids=chunk, actor=actor, channel=channel
        )
        queued += len(result.queued_ids)
    return queued
