"""Import jobs: an uploaded file, its preview, and its import in the request or on a worker.

Every upload (admin or ``import_*``) becomes a job: a directory under ``SCRAPERSKY_IMPORT_DIR``
holding the file as uploaded, ``status.json`` (columns, progress, counts, the first problem rows)
and ``report.csv`` (one line per input row: created, duplicate or invalid with the reason).

- A small file (up to ``SCRAPERSKY_IMPORT_INLINE_BYTES``) is imported in the request, in one
  transaction, as before: a failure writes nothing.
- A bigger one is handed to a django-q2 worker (:func:`run_import_job`), which streams the file
  (``curation.tables``) and writes one transaction per chunk of ``importing.CHUNK`` rows, so its
  memory is one chunk's; the result page shows the progress. A run stops after a time budget
  below django-q2's task timeout and enqueues its own continuation, which resumes after the
  last committed chunk (the report is cut back to the same point), so an import of any size
  never meets the task timeout or the broker's redelivery.

The job directory must be shared by the web server and the workers (one machine, or a shared
volume): files are not stored in the database. The status is rewritten atomically (a rename),
and an exclusive lock on the directory keeps a redelivered task from running a job twice.
"""

from __future__ import annotations

import csv
import fcntl
import json
import os
import re
import secrets
import shutil
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from curation import importing
from curation.tables import (
    Columns,
    ImportError_,
    InputRow,
    detect_columns,
    input_rows,
    open_table,
    records,
)
from scrapersky.conf import conf

PROBLEMS_KEPT = 500  # problem rows kept in the status for the result page; the report has all
PREVIEW_ROWS = 20
REPORT_COLUMNS = ["line", "input", "outcome", "normalized", "reason", "id"]
_TOKEN_RE = re.compile(r"^[0-9a-f]{32}$")
RUNNING = ("queued", "running")


def import_dir() -> Path:
    return Path(conf.import_dir)


def inline_bytes() -> int:
    return conf.import_inline_bytes


def max_bytes() -> int:
    return conf.import_max_bytes


def keep_days() -> float:
    return conf.import_keep_days


def prune(now: float | None = None) -> int:
    """Remove jobs older than ``keep_days()`` (their uploads and reports); the count removed."""
    root = import_dir()
    if not root.is_dir():
        return 0
    cutoff = (now or time.time()) - keep_days() * 86400
    removed = 0
    for directory in root.iterdir():
        status = directory / "status.json"
        if _TOKEN_RE.match(directory.name) and status.exists() and status.stat().st_mtime < cutoff:
            shutil.rmtree(directory, ignore_errors=True)
            removed += 1
    return removed


def time_budget() -> float:
    """Seconds one task run imports before it hands over to its continuation."""
    timeout = settings.Q_CLUSTER.get("timeout") or 300
    return max(5.0, min(timeout * 0.8, timeout - 30))


@dataclass
class Job:
    token: str
    status: dict

    @property
    def dir(self) -> Path:
        return import_dir() / self.token

    @property
    def upload(self) -> Path:
        return self.dir / self.status["stored_name"]

    @property
    def report_path(self) -> Path:
        return self.dir / "report.csv"

    @property
    def columns(self) -> Columns:
        c = self.status["columns"]
        return Columns(
            header=c["header"],
            value=c["value"],
            name=c["name"],
            has_header=c["has_header"],
            recognised=c["recognised"],
        )

    @property
    def state(self) -> str:
        return self.status["state"]

    @property
    def background(self) -> bool:
        return self.status["size"] > inline_bytes()

    def table(self):
        return open_table(self.upload, self.status["filename"])

    def save(self) -> None:
        """Rewrite status.json atomically: readers never see half a file."""
        tmp = self.dir / "status.json.tmp"
        tmp.write_text(json.dumps(self.status, default=str))
        os.replace(tmp, self.dir / "status.json")

    @property
    def progress_percent(self) -> int:
        done, total = self.status.get("progress") or (0, 0)
        if self.state == "done":
            return 100
        return int(100 * done / total) if total else 0

    @property
    def summary(self) -> str:
        s = self.status
        return importing.summary_text(
            s["rows"], s["created"], s["duplicates"], s["invalid"], s["queued"]
        )


# --- creating and loading ----------------------------------------------------------------------
def create_job(
    *,
    chunks: Iterable[bytes],
    filename: str,
    kind: str,
    source: str,
    queue: bool,
    owner_id: int | None,
    actor: str,
    channel: str,
) -> Job:
    """Store an upload (streamed, never whole in memory) and read its columns.

    Raises ImportError_ (and keeps nothing) when the file cannot be read as a table.
    """
    if kind not in importing.KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    prune()
    token = secrets.token_hex(16)
    directory = import_dir() / token
    directory.mkdir(parents=True, mode=0o700)
    suffix = ".xlsx" if filename.lower().endswith(".xlsx") else ".csv"
    stored = directory / f"upload{suffix}"
    size = 0
    try:
        with open(stored, "wb") as handle:
            for chunk in chunks:
                size += len(chunk)
                if size > max_bytes():
                    raise ImportError_(f"the file is larger than {max_bytes() // (1024 * 1024)} MB")
                handle.write(chunk)
        table = open_table(stored, filename)
        columns = detect_columns(table, kind)
        data = records(table)
        if columns.has_header:
            next(data, None)
        if next(data, None) is None:
            raise ImportError_("the file has a header but no rows")
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise
    job = Job(
        token,
        {
            "token": token,
            "kind": kind,
            "source": source,
            "queue": queue,
            "filename": filename,
            "stored_name": stored.name,
            "size": size,
            "format": table.format,
            "encoding": table.encoding_label,
            "owner_id": owner_id,
            "actor": actor,
            "channel": channel,
            "state": "new",
            "columns": columns.__dict__,
            "created_at": timezone.now().isoformat(),
            "started_at": None,
            "finished_at": None,
            "rows": 0,
            "created": 0,
            "duplicates": 0,
            "invalid": 0,
            "queued": 0,
            "created_min_id": None,
            "created_max_id": None,
            "report_bytes": 0,
            "progress": [0, size],
            "problems": [],
            "problems_total": 0,
            "fresh_after_id": None,
            "runs": 0,
            "error": None,
        },
    )
    job.save()
    return job


def load_job(token: str) -> Job | None:
    """The job ``token`` names, or None (unknown or malformed token)."""
    if not _TOKEN_RE.match(token or ""):
        return None
    try:
        status = json.loads((import_dir() / token / "status.json").read_text())
    except (OSError, ValueError):
        return None
    return Job(token, status)


def choose_columns(job: Job, *, value: int, name: int | None) -> None:
    """The curator's choice of columns (from the header of a file we did not recognise)."""
    columns = job.columns
    if not 0 <= value < len(columns.header) or (
        name is not None and not 0 <= name < len(columns.header)
    ):
        raise ImportError_("no such column")
    job.status["columns"] = {
        **job.status["columns"],
        "value": value,
        "name": name if name != value else None,
    }
    job.save()


def preview(job: Job, n: int = PREVIEW_ROWS) -> list[dict]:
    """The first ``n`` rows as they will be read and what normalisation makes of them."""
    from curation.normalize import InvalidValue, normalize_domain, normalize_url

    rows = []
    for row in _first(input_rows(job.table(), job.columns), n):
        try:
            if job.status["kind"] == "domains":
                normalized, reason = normalize_domain(row.value), ""
            else:
                normalized, reason = normalize_url(row.value)[0], ""
        except InvalidValue as exc:
            normalized, reason = "", str(exc)
        rows.append(
            {
                "line": row.line,
                "value": row.value,
                "name": row.name,
                "normalized": normalized,
                "reason": reason,
            }
        )
    return rows


def report_rows(job: Job) -> Iterator[dict]:
    """The per-row report, read back from its file."""
    with open(job.report_path, newline="", encoding="utf-8-sig") as handle:
        yield from csv.DictReader(handle)


def _first(it: Iterator[InputRow], n: int) -> list[InputRow]:
    out = []
    for row in it:
        out.append(row)
        if len(out) >= n:
            break
    return out


# --- running -----------------------------------------------------------------------------------
def start(job: Job, *, foreground: bool = False, progress=None) -> None:
    """Import in this process (small files, or ``foreground``) or hand the job to a worker."""
    if job.columns.value is None:
        raise ImportError_("choose the column that holds the values first")
    if job.state != "new":
        return
    job.status["state"] = "queued"
    job.status["fresh_after_id"] = importing.highest_id(job.status["kind"])
    job.save()
    if job.background and foreground:
        while not _run_chunks(job):  # each pass a time budget; no continuation task
            pass
        return
    if job.background:
        _enqueue(job.token)
        return
    try:
        _run_inline(job, progress=progress)
    except ImportError_ as exc:
        _fail(job, exc)
        raise


def _enqueue(token: str) -> None:
    from django_q.tasks import async_task

    async_task("curation.import_jobs.run_import_job", token, task_name=f"import {token[:8]}")


def _run_inline(job: Job, *, progress=None) -> None:
    """One transaction for the whole (small) file: a failure writes nothing."""
    s = job.status
    s.update(state="running", started_at=timezone.now().isoformat(), runs=s["runs"] + 1)
    rows = list(input_rows(job.table(), job.columns))
    if not rows:
        raise ImportError_("the file has a header but no rows")
    report = importing.import_rows(rows, **_options(s), progress=progress)
    with open(job.report_path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(REPORT_COLUMNS)
        _account(job, report, writer)
    _finish(job)


def _finish(job: Job) -> None:
    s = job.status
    s.update(state="done", finished_at=timezone.now().isoformat(), progress=[s["size"], s["size"]])
    job.save()
    _log_entry(job)


def _log_entry(job: Job) -> None:
    """One entry in the admin's "Recent actions" for an admin import that created rows."""
    from django.contrib.admin.models import ADDITION, LogEntry
    from django.contrib.contenttypes.models import ContentType

    s = job.status
    if not s["created"] or not s["owner_id"] or s["channel"] != "admin":
        return
    model = importing.MODELS[s["kind"]]
    noun = model._meta.verbose_name if s["created"] == 1 else model._meta.verbose_name_plural
    message = f"Imported {s['created']:,} {noun} from {s['filename']}"
    LogEntry.objects.create(
        user_id=s["owner_id"],
        content_type=ContentType.objects.get_for_model(model),
        object_id=None,
        object_repr=message[:200],
        action_flag=ADDITION,
        change_message=message,
    )


def run_import_job(token: str) -> str:
    """The django-q2 task: import the job's file from where the last run stopped."""
    job = load_job(token)
    if job is None:
        return "no such job"
    lock = open(job.dir / "lock", "w")  # noqa: SIM115 (held for the whole run)
    try:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return "another worker runs this job"
        job = load_job(token)  # re-read under the lock
        if job is None or job.state not in RUNNING:
            return "nothing to do"
        try:
            finished = _run_chunks(job)
        except ImportError_ as exc:
            job.status.update(
                state="failed", error=str(exc), finished_at=timezone.now().isoformat()
            )
            job.save()
            return f"failed: {exc}"
        if not finished:
            _enqueue(token)
            return f"{job.status['rows']} rows so far; continued in a new task"
        return job.summary
    finally:
        lock.close()


def _run_chunks(job: Job) -> bool:
    """Import chunks until the file ends (True) or the time budget is spent (False)."""
    s = job.status
    if s["started_at"] is None:
        s["started_at"] = timezone.now().isoformat()
    s.update(state="running", runs=s["runs"] + 1)
    job.save()
    deadline = time.monotonic() + time_budget()
    table = job.table()
    progress = [0, s["size"]]
    rows = input_rows(table, job.columns, progress=progress)
    skip = s["rows"]
    # Back to the last committed chunk: a run killed after writing report lines of an
    # uncommitted chunk must not report those rows twice.
    with open(job.report_path, "a+b") as raw:
        raw.truncate(s["report_bytes"])
    with open(job.report_path, "a", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        if s["report_bytes"] == 0:
            writer.writerow(REPORT_COLUMNS)
        chunk: list[InputRow] = []
        for row in rows:
            if skip:
                skip -= 1
                continue
            chunk.append(row)
            if len(chunk) >= importing.CHUNK:
                _commit_chunk(job, chunk, writer, handle, progress)
                chunk = []
                if time.monotonic() > deadline:
                    return False
        if chunk:
            _commit_chunk(job, chunk, writer, handle, progress)
    if s["rows"] == 0:
        raise ImportError_("the file has a header but no rows")
    _finish(job)
    return True


def _commit_chunk(job: Job, chunk: list[InputRow], writer, handle, progress: list[int]) -> None:
    s = job.status
    report = importing.import_chunk(chunk, **_options(s), fresh_after_id=s["fresh_after_id"] or 0)
    _account(job, report, writer)
    handle.flush()
    s["report_bytes"] = handle.buffer.tell()
    s["progress"] = list(progress)
    job.save()


def _account(job: Job, report: importing.ImportReport, writer) -> None:
    """Add a report's rows to the job's counts, problem sample and report file."""
    s = job.status
    for row in report.rows:
        writer.writerow(
            [row.line, row.value, row.outcome, row.normalized, row.reason, row.id or ""]
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


def _options(status: dict) -> dict:
    """The import service's arguments for this job."""
    return {
        "kind": status["kind"],
        "source": status["source"],
        "queue": status["queue"],
        "actor": _actor(status),
        "channel": status["channel"],
    }


def _fail(job: Job, exc: ImportError_) -> None:
    job.status.update(state="failed", error=str(exc), finished_at=timezone.now().isoformat())
    job.save()


def _actor(status: dict):
    """The importing user (for the audit trail of queued rows), else the recorded name."""
    from django.contrib.auth import get_user_model

    if status.get("owner_id"):
        user = get_user_model().objects.filter(pk=status["owner_id"]).first()
        if user is not None:
            return user
    return status["actor"]
