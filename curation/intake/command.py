"""The shared body of the import_* commands: a file becomes an import job (``import_jobs``).

A small file is imported here, in one transaction; a big one is handed to a worker (``--wait``
follows its progress, ``--foreground`` imports it in this process instead, chunk by chunk).
"""

from __future__ import annotations

import getpass
import shutil
import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from curation.intake import import_jobs
from curation.intake.importing import MODELS
from curation.intake.tables import UnreadableFile, unknown_column_message
from curation.models import Channel

READ_BLOCK = 1 << 20
POLL_SECONDS = 0.5


def _read_blocks(handle):
    while block := handle.read(READ_BLOCK):
        yield block


class ImportCommand(BaseCommand):
    kind = ""  # set by subclasses: domains, pages, sitemap_files

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV or .xlsx file ('-' for standard input)")
        parser.add_argument(
            "--queue", action="store_true", help="queue what was created for the table's workflow"
        )
        parser.add_argument(
            "--source",
            default="",
            help="recorded as the rows' source (default: the file's format, csv or xlsx)",
        )
        parser.add_argument("--report", help="write a CSV of every row's result to this file")
        parser.add_argument("--actor", default=None, help="who is recorded in the audit trail")
        parser.add_argument(
            "--column", help="the column holding the values (header name or number from 1)"
        )
        parser.add_argument("--name-column", help="the column holding company names (domains)")
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--wait", action="store_true", help="big files: follow the worker's progress"
        )
        mode.add_argument(
            "--foreground", action="store_true", help="big files: import here, not on a worker"
        )

    def handle(self, *args, file: str, queue: bool, source: str, report: str | None, **opts):
        try:
            handle = sys.stdin.buffer if file == "-" else open(file, "rb")  # noqa: SIM115
        except OSError as exc:
            raise CommandError(f"cannot read {file}: {exc.strerror}") from None
        try:
            job = import_jobs.create_job(
                chunks=_read_blocks(handle),
                filename="stdin.csv" if file == "-" else Path(file).name,
                kind=self.kind,
                source=source,
                queue=queue,
                owner_id=None,
                actor=opts.get("actor") or getpass.getuser(),
                channel=Channel.COMMAND,
            )
            self._choose_columns(job, opts.get("column"), opts.get("name_column"))
            started = time.monotonic()
            import_jobs.start(job, foreground=opts.get("foreground"), progress=self._progress)
        except UnreadableFile as exc:
            raise CommandError(f"{file}: {exc}") from None
        finally:
            if handle is not sys.stdin.buffer:
                handle.close()
        if job.state in import_jobs.RUNNING:
            opts_ = MODELS[self.kind]._meta
            url = reverse(
                f"admin:{opts_.app_label}_{opts_.model_name}_import_job", args=[job.token]
            )
            self.stdout.write(
                f"a big file: handed to a worker as import {job.token}; its progress and result: "
                f"{url}"
            )
            if not opts.get("wait"):
                return
            job = self._follow(job)
        self.stderr.write("")
        if job.state == "failed":
            raise CommandError(f"{file}: {job.status['error']}")
        for row in import_jobs.report_rows(job):
            if row["outcome"] == "invalid":
                self.stdout.write(f"line {row['line']}: invalid {row['input']!r}: {row['reason']}")
        if report:
            shutil.copyfile(job.report_path, report)
        seconds = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"{job.summary} in {seconds:.1f}s"))

    def _choose_columns(self, job, column: str | None, name_column: str | None) -> None:
        header = job.columns.header
        if column is None:
            if job.columns.value is None:
                raise UnreadableFile(
                    unknown_column_message(job.columns, self.kind) + " with --column NAME"
                )
            return
        import_jobs.choose_columns(
            job,
            value=self._index(header, column),
            name=None if name_column is None else self._index(header, name_column),
        )

    @staticmethod
    def _index(header: list[str], wanted: str) -> int:
        if wanted.isdigit() and 1 <= int(wanted) <= len(header):
            return int(wanted) - 1
        lowered = [h.strip().lower() for h in header]
        if wanted.strip().lower() in lowered:
            return lowered.index(wanted.strip().lower())
        raise UnreadableFile(f"no column {wanted!r} (the columns are: {', '.join(header)})")

    def _follow(self, job):
        while job.state in import_jobs.RUNNING:
            time.sleep(POLL_SECONDS)
            job = import_jobs.load_job(job.token)
            self.stderr.write(
                f"\r{job.progress_percent}% read, {job.status['rows']:,} rows", ending=""
            )
            self.stderr.flush()
        return job

    def _progress(self, done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        bar = "#" * filled + "-" * (width - filled)
        self.stderr.write(f"\r[{bar}] {done}/{total}", ending="")
        self.stderr.flush()
