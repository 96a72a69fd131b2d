"""Applying the hand-written files of sql/: the numbered ones in order, each once, refusing edited
ones; then the functions of sql/functions/, each again whenever its file changed.

Two kinds of file, two rules:

- ``sql/NNN_description.sql`` changes the schema (tables, types, indexes, views, triggers and the
  functions those triggers run). Applied once, in number order; an applied file must never be
  edited (its checksum is recorded and an edit is refused): a change is a new numbered file.
- ``sql/functions/<name>.sql`` holds the current definition of the function ``<name>`` that
  application code calls, as one ``CREATE OR REPLACE FUNCTION <name>(...)``. To change the
  function, edit its file: ``apply_sql`` runs a function file again whenever its checksum differs
  from the one recorded (as ``functions/<name>.sql``), after every numbered file, so the file
  always shows the definition that runs and ``verify_schema`` compares it with the live body.
  A change of arguments or result type needs ``DROP FUNCTION IF EXISTS <name>(<old
  arguments>);`` at the top of the file (CREATE OR REPLACE cannot change them).

``REWRITTEN`` lists the numbered files whose function bodies moved to sql/functions/: a database
that applied their former text is accepted and its record updated (nothing is run again).
"""

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
FUNCTIONS_DIR = "functions"
FILENAME_RE = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")
FUNCTION_FILE_RE = re.compile(r"^[a-z_][a-z0-9_]*\.sql$")
# Numbered files rewritten when their functions moved to sql/functions/: name -> former checksums.
REWRITTEN: dict[str, frozenset[str]] = {
    "010_page_writes.sql": frozenset(
        {"4cc8f908a0b9f3ea23fe291e994664ee53e5666700699b2911d2156c4cab6ac7"}
    ),
    "012_contact_refresh_skip_locked.sql": frozenset(
        {"65c1cda0d116ddc84d90e843f7605d97f97e2427b9ea7e9dc031c22b54ae55ef"}
    ),
    "013_insert_pages_ids.sql": frozenset(
        {"6cca6aacf90a6a1deb9c03ccc9ed66c44509d4f4304c12d077b774dd5ea5fa4d"}
    ),
    "015_page_persist_many.sql": frozenset(
        {"090932e43cf0b39feaf2c4262dd90238559de8ce4328c6e3611c73b42b766def"}
    ),
    "030_people.sql": frozenset(
        {"dd1bf0e11a80ec116b7d0fe5b1603b755ac1dc3340935bf6d339d4f5444f2890"}
    ),
    "052_change_log.sql": frozenset(
        {"7ed45df64e11236fc54f1ff09af945506841b3becee8159199c1dd85f7cafaa4"}
    ),
    "054_change_log_prune.sql": frozenset(
        {"c90969f81587d734ac253027419c6dc399ecad7d74daa14cccf08de9e2171896"}
    ),
}
BOOKKEEPING_TABLE = AppliedSqlFile._meta.db_table


class SqlFileError(Exception):
    """A file of sql/ cannot be applied; the message says which and why."""


@dataclass(frozen=True)
class SqlFile:
    path: Path
    function: bool = False  # a file of sql/functions/, applied again whenever it changes

    @property
    def name(self) -> str:
        """The name recorded in schema_sql_files: ``010_x.sql`` or ``functions/<name>.sql``."""
        return f"{FUNCTIONS_DIR}/{self.path.name}" if self.function else self.path.name

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


def function_files(directory: Path = SQL_DIR) -> list[SqlFile]:
    """The files of sql/functions/ in name order; each must define the function it is named for."""
    files: list[SqlFile] = []
    for path in sorted((directory / FUNCTIONS_DIR).glob("*.sql")):
        if not FUNCTION_FILE_RE.match(path.name):
            raise SqlFileError(f"{FUNCTIONS_DIR}/{path.name}: not named <function_name>.sql")
        sql_file = SqlFile(path, function=True)
        if not re.search(
            rf"CREATE OR REPLACE FUNCTION {re.escape(path.stem)}\(", sql_file.text, re.IGNORECASE
        ):
            raise SqlFileError(
                f"{sql_file.name} must hold CREATE OR REPLACE FUNCTION {path.stem}(...)"
            )
        files.append(sql_file)
    return files


def function_body(sql_file: SqlFile) -> str:
    """The body of the function a file of sql/functions/ defines: the text between its $$."""
    match = re.search(r"\bAS \$\$(.*?)\$\$", sql_file.text, re.DOTALL)
    if not match:
        raise SqlFileError(f"{sql_file.name}: the body must be quoted as $$ ... $$")
    return match.group(1)


def _bookkeeping_exists() -> bool:
    return BOOKKEEPING_TABLE in connection.introspection.table_names()


def applied_checksums() -> dict[str, str]:
    if not _bookkeeping_exists():
        return {}
    return dict(AppliedSqlFile.objects.values_list("filename", "checksum"))


def pending_files(directory: Path = SQL_DIR) -> list[SqlFile]:
    """Files to apply: numbered files not applied yet, then function files that are new or changed.

    Raises SqlFileError if an applied numbered file changed since (a rewritten one aside).
    """
    applied = applied_checksums()
    pending = []
    for sql_file in sql_files(directory):
        recorded = applied.get(sql_file.name)
        if recorded is None:
            pending.append(sql_file)
        elif recorded != sql_file.checksum and recorded not in REWRITTEN.get(sql_file.name, ()):
            raise SqlFileError(
                f"{sql_file.name} was changed after it was applied "
                f"(applied checksum {recorded[:12]}, file now {sql_file.checksum[:12]}); "
                "restore it and put the change in a new numbered file"
            )
    pending.extend(
        sql_file
        for sql_file in function_files(directory)
        if applied.get(sql_file.name) != sql_file.checksum
    )
    return pending


def _record_rewritten(directory: Path) -> None:
    """A numbered file applied in a former text listed in REWRITTEN: record its text of now."""
    applied = applied_checksums()
    for sql_file in sql_files(directory):
        recorded = applied.get(sql_file.name)
        if recorded in REWRITTEN.get(sql_file.name, ()) and recorded != sql_file.checksum:
            AppliedSqlFile.objects.filter(filename=sql_file.name).update(checksum=sql_file.checksum)


def apply_pending(
    directory: Path = SQL_DIR, *, on_apply: Callable[[SqlFile], None] | None = None
) -> list[SqlFile]:
    """Apply every pending file, each in its own transaction; return the files applied."""
    done: list[SqlFile] = []
    pending = pending_files(directory)
    if _bookkeeping_exists():
        _record_rewritten(directory)
    for sql_file in pending:
        if on_apply:
            on_apply(sql_file)
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                if _statements(sql_file.text):
                    cursor.execute(sql_file.text)
                AppliedSqlFile.objects.update_or_create(
                    filename=sql_file.name, defaults={"checksum": sql_file.checksum}
                )
        except Exception as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
            raise SqlFileError(f"{sql_file.name} failed and was rolled back: {first}") from exc
        done.append(sql_file)
    return done


def _statements(text: str) -> str:
    """The text without its ``--`` comment lines: empty for a file that only says where its
    functions went."""
    return "\n".join(
        line for line in text.splitlines() if not line.lstrip().startswith("--")
    ).strip()
