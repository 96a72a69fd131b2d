"""The shared body of the import_* commands: read a CSV, import it, show progress and results."""

from __future__ import annotations

import csv
import getpass
import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from curation.importing import ImportError_, import_rows, read_csv


class ImportCommand(BaseCommand):
    kind = ""  # set by subclasses: domains, pages, sitemap_files

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV file ('-' for standard input)")
        parser.add_argument(
            "--queue", action="store_true", help="queue what was created for the table's workflow"
        )
        parser.add_argument("--source", default="csv", help="recorded as the rows' source")
        parser.add_argument("--report", help="write a CSV of every row's result to this file")
        parser.add_argument("--actor", default=None, help="who is recorded in the audit trail")

    def handle(self, *args, file: str, queue: bool, source: str, report: str | None, **opts):
        try:
            data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
        except OSError as exc:
            raise CommandError(f"cannot read {file}: {exc.strerror}") from None
        try:
            rows = read_csv(data, self.kind)
        except ImportError_ as exc:
            raise CommandError(f"{file}: {exc}") from None
        started = time.monotonic()
        result = import_rows(
            rows,
            kind=self.kind,
            source=source,
            queue=queue,
            actor=opts.get("actor") or getpass.getuser(),
            channel="command",
            progress=self._progress,
        )
        self.stderr.write("")
        for row in result.rows:
            if row.outcome == "invalid":
                self.stdout.write(f"line {row.line}: invalid {row.value!r}: {row.reason}")
        if report:
            with open(report, "w", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(["line", "input", "outcome", "normalized", "reason", "id"])
                for row in result.rows:
                    writer.writerow(
                        [row.line, row.value, row.outcome, row.normalized, row.reason, row.id or ""]
                    )
        seconds = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"{result.summary} in {seconds:.1f}s"))

    def _progress(self, done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        bar = "#" * filled + "-" * (width - filled)
        self.stderr.write(f"\r[{bar}] {done}/{total}", ending="")
        self.stderr.flush()
