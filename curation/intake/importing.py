"""Feeding the pipeline: CSV files and submitted lists of domains, pages and sitemap files.

One service for the admin's CSV import, the ``import_*`` commands and the submission API. Every
input row gets a result (created, duplicate, or invalid with the reason); the valid rows are
written in one transaction (a failure leaves nothing half-written); what was created can be
queued for the table's workflow through the curation service.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from curation.intake.tables import InputRow, UnreadableFile, read_bytes
from curation.models import Channel, Domain, ImportJobDomain, Page, SitemapFile
from scrapersky.normalize import InvalidValue, normalize_domain, normalize_url
from scrapersky.page_types import classify_url
from scrapersky.status import Status

__all__ = ["InputRow", "UnreadableFile", "import_rows", "read_csv"]

MAX_FILE_BYTES = 50 * 1024 * 1024
CHUNK = 2_000

KINDS = ("domains", "pages", "sitemap_files")


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
    queued_ids: set[int] = field(default_factory=set)  # the rows this import queued

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
        return summary_text(
            len(self.rows), self.created, self.duplicates, self.invalid, self.queued
        )


def summary_text(rows: int, created: int, duplicates: int, invalid: int, queued: int) -> str:
    text = f"{rows:,} row(s): {created:,} created, {duplicates:,} duplicate, {invalid:,} invalid"
    if queued:
        text += f"; {queued:,} queued"
    return text


def read_csv(data: bytes, kind: str, *, filename: str = "") -> list[InputRow]:
    """The rows of a small uploaded file (CSV in any common encoding, or .xlsx)."""
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableFile(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    return read_bytes(data, kind, filename=filename)


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _ensure_domains(
    names: Iterable[str], *, source: str, import_job_id: int | None = None
) -> dict[str, int]:
    """Domain ids by name, creating the missing domains (recorded as this import's)."""
    wanted = sorted(set(names))
    ids: dict[str, int] = {}
    for chunk in _chunks(wanted, CHUNK):
        known = _known_domains(chunk)
        Domain.objects.bulk_create(
            [
                Domain(domain=d, source=source, import_job_id=import_job_id)
                for d in chunk
                if d not in known
            ],
            ignore_conflicts=True,
        )
        ids.update(Domain.objects.filter(domain__in=chunk).values_list("domain", "id"))
        _link_known(known, import_job_id)
    return ids


def _known_domains(names: list[str]) -> dict[str, tuple[int, int | None]]:
    """The stored domains among ``names``: name -> (id, the import that created it)."""
    rows = Domain.objects.filter(domain__in=names).values_list("domain", "id", "import_job_id")
    return {name: (pk, job) for name, pk, job in rows}


def _link_known(known: dict[str, tuple[int, int | None]], import_job_id: int | None) -> None:
    """Record that this import's file named these already-known domains (sql/095)."""
    if import_job_id is None:
        return
    ImportJobDomain.objects.bulk_create(
        [
            ImportJobDomain(import_job_id=import_job_id, domain_id=pk)
            for pk, creator in known.values()
            if creator != import_job_id  # created by an earlier chunk of this import
        ],
        ignore_conflicts=True,
    )


def _validate(
    rows: Iterable[InputRow], *, kind: str, seen: set[str]
) -> tuple[list[RowResult], list[tuple[InputRow, str, str]]]:
    """Invalid and repeated rows as results; the others as (row, normalized value, domain)."""
    results: list[RowResult] = []
    valid: list[tuple[InputRow, str, str]] = []
    for row in rows:
        try:
            if kind == "domains":
                value = domain = normalize_domain(row.value)
            else:
                value, domain = normalize_url(row.value)
        except InvalidValue as exc:
            results.append(RowResult(row.line, row.value, "invalid", reason=str(exc)))
            continue
        if value in seen:
            results.append(
                RowResult(row.line, row.value, "duplicate", value, "repeated in this input")
            )
            continue
        seen.add(value)
        valid.append((row, value, domain))
    return results, valid


def _write(
    chunk: list[tuple[InputRow, str, str]], *, kind: str, source: str, import_job_id: int | None
) -> list[RowResult]:
    if kind == "domains":
        return _insert_domains(chunk, source=source, import_job_id=import_job_id)
    return _insert_urls(chunk, kind=kind, source=source, import_job_id=import_job_id)


def import_rows(
    rows: list[InputRow],
    *,
    kind: str,
    source: str = "csv",
    queue: bool = False,
    actor: AbstractBaseUser | str,
    channel: Channel,
    progress: Callable[[int, int], None] | None = None,
    import_job_id: int | None = None,
) -> ImportReport:
    """Normalise, de-duplicate and insert ``rows`` of ``kind``; optionally queue what was new.

    All of it in one transaction: for lists that fit in memory (the API, small files). Big files
    go through :func:`import_chunk`, one transaction per chunk (``curation.intake.import_jobs``).
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    report = ImportReport(kind)
    report.rows, valid = _validate(rows, kind=kind, seen=set())
    with transaction.atomic():
        done = 0
        for chunk in _chunks(valid, CHUNK):
            report.rows += _write(chunk, kind=kind, source=source, import_job_id=import_job_id)
            done += len(chunk)
            if progress:
                progress(done, len(valid))
        if queue and report.created_ids:
            report.queued_ids = _queue(kind, report.created_ids, actor=actor, channel=channel)
            report.queued = len(report.queued_ids)
    report.rows.sort(key=lambda r: r.line)
    return report


def import_chunk(
    rows: list[InputRow],
    *,
    kind: str,
    source: str,
    queue: bool,
    actor: AbstractBaseUser | str,
    channel: Channel,
    fresh_after_id: int,
    import_job_id: int | None = None,
) -> ImportReport:
    """One chunk of a big file, in one transaction; memory is the chunk's.

    A value repeated across chunks is found in the table, not in memory: a row that exists
    with an id above ``fresh_after_id`` (the table's highest id when the import began) was
    created by this import, and is reported as repeated in this input.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    report = ImportReport(kind)
    report.rows, valid = _validate(rows, kind=kind, seen=set())
    with transaction.atomic():
        for result in _write(valid, kind=kind, source=source, import_job_id=import_job_id):
            if result.outcome == "duplicate" and (result.id or 0) > fresh_after_id:
                result = RowResult(
                    result.line,
                    result.value,
                    "duplicate",
                    result.normalized,
                    "repeated in this input",
                    result.id,
                )
            report.rows.append(result)
        if queue and report.created_ids:
            report.queued_ids = _queue(kind, report.created_ids, actor=actor, channel=channel)
            report.queued = len(report.queued_ids)
    report.rows.sort(key=lambda r: r.line)
    return report


MODELS = {"domains": Domain, "pages": Page, "sitemap_files": SitemapFile}


def highest_id(kind: str) -> int:
    """The table's highest id now (rows above it are newer)."""
    return MODELS[kind].objects.order_by("-id").values_list("id", flat=True).first() or 0


def _insert_domains(
    chunk: list[tuple[InputRow, str, str]], *, source: str, import_job_id: int | None
) -> list[RowResult]:
    names = [value for _row, value, _d in chunk]
    known = _known_domains(names)
    existing = set(known)
    Domain.objects.bulk_create(
        [
            Domain(
                domain=value,
                company_name=row.name or None,
                source=source,
                import_job_id=import_job_id,
            )
            for row, value, _d in chunk
            if value not in existing
        ],
        ignore_conflicts=True,
    )
    _link_known(known, import_job_id)
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
    chunk: list[tuple[InputRow, str, str]], *, kind: str, source: str, import_job_id: int | None
) -> list[RowResult]:
    model = Page if kind == "pages" else SitemapFile
    domain_ids = _ensure_domains(
        (d for _r, _v, d in chunk), source=source, import_job_id=import_job_id
    )
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


def _queue(kind: str, ids: list[int], *, actor, channel: Channel) -> set[int]:
    from curation.services import MAX_IDS, set_curation_status
    from scrapersky.workflows import workflows_for_model

    model = MODELS[kind]
    workflows = workflows_for_model(model)
    if not workflows:
        return set()
    queued: set[int] = set()
    for chunk in _chunks(ids, MAX_IDS):
        result = set_curation_status(
            workflow=workflows[0], status=Status.QUEUED, ids=chunk, actor=actor, channel=channel
        )
        queued.update(result.queued_ids)
    return queued


def known_values(kind: str, values: list[str]) -> set[str]:
    """Which of these normalised values are already stored (the preview's "already imported")."""
    if not values:
        return set()
    if kind == "domains":
        return set(Domain.objects.filter(domain__in=values).values_list("domain", flat=True))
    model = Page if kind == "pages" else SitemapFile
    return set(model.objects.filter(url__in=values).values_list("url", flat=True))
