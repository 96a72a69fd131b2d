"""Running an import job: in the request (small files, one transaction) or on a django-q2
worker, chunk by chunk, each run within a time budget and continued by a new task."""

from __future__ import annotations

import csv
import fcntl
import time

from django.conf import settings
from django.utils import timezone

from curation.intake import importing
from curation.intake.import_jobs.jobs import RUNNING, Job, load_job
from curation.intake.import_jobs.reports import REPORT_COLUMNS, account
from curation.intake.tables import InputRow, UnreadableFile, input_rows
from curation.models import ImportJob

TASK = "curation.intake.import_jobs.run_import_job"  # the name queued tasks are stored under


def time_budget() -> float:
    """Seconds one task run imports before it hands over to its continuation."""
    timeout = settings.Q_CLUSTER.get("timeout") or 300
    return max(5.0, min(timeout * 0.8, timeout - 30))


def start(job: Job, *, foreground: bool = False, progress=None) -> None:
    """Import in this process (small files, or ``foreground``) or hand the job to a worker."""
    if job.columns.value is None:
        raise UnreadableFile("choose the column that holds the values first")
    if job.state != "new":
        return
    job.status["state"] = "queued"
    job.status["fresh_after_id"] = importing.highest_id(job.status["kind"])
    job.status["import_job_id"] = _record(job).pk
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
    except UnreadableFile as exc:
        _fail(job, exc)
        raise


def _record(job: Job) -> ImportJob:
    """The database's row for this import: what the domains it creates or names point to."""
    s = job.status
    record, _ = ImportJob.objects.get_or_create(
        token=job.token,
        defaults={
            "kind": s["kind"],
            "filename": s["filename"],
            "source": s["source"],
            "channel": s["channel"],
            "actor": s["actor"],
        },
    )
    return record


def _enqueue(token: str) -> None:
    from django_q.tasks import async_task

    async_task(TASK, token, task_name=f"import {token[:8]}")


def _run_inline(job: Job, *, progress=None) -> None:
    """One transaction for the whole (small) file: a failure writes nothing."""
    s = job.status
    s.update(state="running", started_at=timezone.now().isoformat(), runs=s["runs"] + 1)
    rows = list(input_rows(job.table(), job.columns))
    if not rows:
        raise UnreadableFile("the file has a header but no rows")
    report = importing.import_rows(rows, **_options(s), progress=progress)
    with open(job.report_path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(REPORT_COLUMNS)
        account(job, report, writer)
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
        except UnreadableFile as exc:
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
        raise UnreadableFile("the file has a header but no rows")
    _finish(job)
    return True


def _commit_chunk(job: Job, chunk: list[InputRow], writer, handle, progress: list[int]) -> None:
    s = job.status
    report = importing.import_chunk(chunk, **_options(s), fresh_after_id=s["fresh_after_id"] or 0)
    account(job, report, writer)
    handle.flush()
    s["report_bytes"] = handle.buffer.tell()
    s["progress"] = list(progress)
    job.save()


def _options(status: dict) -> dict:
    """The import service's arguments for this job."""
    return {
        "kind": status["kind"],
        "source": status["source"],
        "queue": status["queue"],
        "actor": _actor(status),
        "channel": status["channel"],
        # None for a job started before sql/095 (its domains record no import).
        "import_job_id": status.get("import_job_id"),
    }


def _fail(job: Job, exc: UnreadableFile) -> None:
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
