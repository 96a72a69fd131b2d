"""Applying the hand-written files of sql/ in order, each once, refusing edited ones."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction

from ops.models import AppliedSqlFile

SQL_DIR = Path(settings.BASE_DIR) / "sql"
FILENAME_RE = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")
BOOKKEEPING_TABLE = AppliedSqlFile._meta.db_table


class SqlFileError(Exception):
    """A file of sql/ cannot be applied; the message says which and why."""


@dataclass(frozen=True)
class SqlFile:
    path: Path

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.path.read_bytes()).hexdigest()


def sql_files(directory: Path = SQL_DIR) -> list[SqlFile]:
    """The numbered files in order; a stray or duplicate-numbered file is an error."""
    files: list[SqlFile] = []
    seen: dict[str, str] = {}
    for path in sorted(directory.glob("*.sql")):
        match = FILENAME_RE.match(path.name)
        if not match:
            raise SqlFileError(f"{path.name}: not named NNN_description.sql")
        number = match.group(1)
        if number in seen:
            raise SqlFileError(f"{path.name} and {seen[number]} share the number {number}")
        seen[number] = path.name
        files.append(SqlFile(path))
    return files


def _bookkeeping_exists() -> bool:
    return BOOKKEEPING_TABLE in connection.introspection.table_names()


def applied_checksums() -> dict[str, str]:
    if not _bookkeeping_exists():
        return {}
    return dict(AppliedSqlFile.objects.values_list("filename", "checksum"))


def pending_files(directory: Path = SQL_DIR) -> list[SqlFile]:
    """Files not applied yet. Raises SqlFileError if an applied file changed since."""
    applied = applied_checksums()
    pending = []
    for sql_file in sql_files(directory):
        recorded = applied.get(sql_file.name)
        if recorded is None:
            pending.append(sql_file)
        elif recorded != sql_file.checksum:
            raise SqlFileError(
                f"{sql_file.name} was changed after it was applied "
                f"(applied checksum {recorded[:12]}, file now {sql_file.checksum[:12]}); "
                "restore it and put the change in a new numbered file"
            )
    return pending


def apply_pending(
    directory: Path = SQL_DIR, *, on_apply: Callable[[SqlFile], None] | None = None
) -> list[SqlFile]:
    """Apply every pending file, each in its own transaction; return the files applied."""
    done: list[SqlFile] = []
    for sql_file in pending_files(directory):
        if on_apply:
            on_apply(sql_file)
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(sql_file.text)
                AppliedSqlFile.objects.create(filename=sql_file.name, checksum=sql_file.checksum)
        except Exception as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
            raise SqlFileError(f"{sql_file.name} failed and was rolled back: {first}") from exc
        done.append(sql_file)
    return done
