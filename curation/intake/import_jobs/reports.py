"""What an import job reports: the per-row CSV, the counts and the sample of problem rows,
and the preview of a file's first rows before it is imported."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from itertools import islice

import idna

from curation.intake import importing
from curation.intake.exporting import spreadsheet_safe
from curation.intake.import_jobs.jobs import Job
from curation.intake.tables import input_rows
from scrapersky.normalize import InvalidValue, normalize_domain, normalize_url

PROBLEMS_KEPT = 500  # problem rows kept in the status for the result page; the report has all
PREVIEW_ROWS = 20
REPORT_COLUMNS = ["line", "input", "outcome", "normalized", "reason", "id"]


def preview(job: Job, n: int = PREVIEW_ROWS) -> list[dict]:
    """The first ``n`` rows as they will be read and what the import will make of them: the
    normalised value (an international domain as people write it, its stored punycode beside
    it), or why it is refused, or that it is a duplicate (repeated in the file, or already
    known: one indexed lookup for the rows shown)."""
    rows = []
    first_line: dict[str, int] = {}
    for row in islice(input_rows(job.table(), job.columns), n):
        try:
            if job.status["kind"] == "domains":
                normalized, reason = normalize_domain(row.value), ""
            else:
                normalized, reason = normalize_url(row.value)[0], ""
        except InvalidValue as exc:
            normalized, reason = "", str(exc)
        duplicate = ""
        if normalized and normalized in first_line:
            duplicate = f"repeated in this input (line {first_line[normalized]})"
        elif normalized:
            first_line[normalized] = row.line
        rows.append(
            {
                "line": row.line,
                "value": row.value,
                "name": row.name,
                "normalized": normalized,
                "shown": _as_written(normalized),
                "reason": reason,
                "duplicate": duplicate,
            }
        )
    known = importing.known_values(
        job.status["kind"], [r["normalized"] for r in rows if r["normalized"]]
    )
    for row in rows:
        if row["normalized"] in known and not row["duplicate"]:
            row["duplicate"] = "already imported"
    return rows


def _as_written(value: str) -> str:
    """``xn--bcher-kva.de`` -> ``bücher.de`` (a URL's host too); other values unchanged."""
    if "xn--" not in value:
        return value

    def decode(match: re.Match) -> str:
        try:
            return idna.decode(match.group(0))
        except idna.IDNAError:
            return match.group(0)

    return _PUNYCODE_HOST_RE.sub(decode, value)


_PUNYCODE_HOST_RE = re.compile(r"(?:[a-z0-9-]+\.)*xn--[a-z0-9-]+(?:\.[a-z0-9-]+)*")


def report_rows(job: Job) -> Iterator[dict]:
    """The per-row report, read back from its file."""
    with open(job.report_path, newline="", encoding="utf-8-sig") as handle:
        yield from csv.DictReader(handle)


def account(job: Job, report: importing.ImportReport, writer) -> None:
    """Add a report's rows to the job's counts, problem sample and report file."""
    s = job.status
    for row in report.rows:
        # The input is the uploader's and the reasons quote it: escaped like the exports.
        writer.writerow(
            [
                row.line,
                spreadsheet_safe(row.value or ""),
                row.outcome,
                spreadsheet_safe(row.normalized or ""),
                spreadsheet_safe(row.reason or ""),
                row.id or "",
            ]
        )
        s["rows"] += 1
        if row.outcome == "created":
            s["created"] += 1
            if row.id is not None:
                s["created_min_id"] = min(row.id, s["created_min_id"] or row.id)
                s["created_max_id"] = max(row.id, s["created_max_id"] or row.id)
        else:
            s["duplicates" if row.outcome == "duplicate" else "invalid"] += 1
            s["problems_total"] += 1
            if len(s["problems"]) < PROBLEMS_KEPT:
                s["problems"].append(
                    {
                        "line": row.line,
                        "value": row.value,
                        "outcome": row.outcome,
                        "normalized": row.normalized,
                        "reason": row.reason,
                    }
                )
    s["queued"] += report.queued
