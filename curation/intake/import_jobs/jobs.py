"""Import jobs on disk: a directory per upload with the file, ``status.json`` and the report.

The directory (``SCRAPERSKY_IMPORT_DIR``) must be shared by the web server and the workers. The
status is rewritten atomically (a rename), so readers never see half a file.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.utils import timezone

from curation.intake import importing
from curation.intake.tables import Columns, UnreadableFile, detect_columns, open_table, records
from curation.models import Channel
from scrapersky.conf import conf

_TOKEN_RE = re.compile(r"^[0-9a-f]{32}$")
RUNNING = ("queued", "running")


def import_dir() -> Path:
    return Path(conf.import_dir)


def prune(now: float | None = None) -> int:
    """Remove jobs older than ``SCRAPERSKY_IMPORT_KEEP_DAYS``; the count removed."""
    root = import_dir()
    if not root.is_dir():
        return 0
    cutoff = (now or time.time()) - conf.import_keep_days * 86400
    removed = 0
    for directory in root.iterdir():
        status = directory / "status.json"
        if _TOKEN_RE.match(directory.name) and status.exists() and status.stat().st_mtime < cutoff:
            shutil.rmtree(directory, ignore_errors=True)
            removed += 1
    return removed


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
        # A workbook by what it inflates to: a 1 MB .xlsx can hold millions of rows.
        return self.status.get("work_bytes", self.status["size"]) > conf.import_inline_bytes

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


def create_job(
    *,
    chunks: Iterable[bytes],
    filename: str,
    kind: str,
    source: str,
    queue: bool,
    owner_id: int | None,
    actor: str,
    channel: Channel,
) -> Job:
    """Store an upload (streamed, never whole in memory) and read its columns.

    Raises UnreadableFile (and keeps nothing) when the file cannot be read as a table.
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
                if size > conf.import_max_bytes:
                    megabytes = conf.import_max_bytes // (1024 * 1024)
                    raise UnreadableFile(f"the file is larger than {megabytes} MB")
                handle.write(chunk)
        table = open_table(stored, filename)
        columns = detect_columns(table, kind)
        data = records(table)
        if columns.has_header:
            next(data, None)
        if next(data, None) is None:
            raise UnreadableFile("the file has a header but no rows")
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise
    job = Job(
        token,
        {
            "token": token,
            "kind": kind,
            "source": source.strip() or table.format,  # blank: csv or xlsx, as the file is
            "queue": queue,
            "filename": filename,
            "stored_name": stored.name,
            "size": size,
            "work_bytes": table.work_bytes,
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
        raise UnreadableFile("no such column")
    job.status["columns"] = {
        **job.status["columns"],
        "value": value,
        "name": name if name != value else None,
    }
    job.save()
