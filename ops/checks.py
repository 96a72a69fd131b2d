"""System checks: the live schema agrees with the models (run with `check --database default`)."""

from __future__ import annotations

from django.core.checks import CheckMessage, Error, Tags, Warning, register
from django.db import connections
from django.db.utils import OperationalError

from ops.dbschema import compare, schema_applied
from ops.sqlfiles import SqlFileError, pending_files


@register(Tags.database)
def check_schema(app_configs=None, databases=None, **kwargs) -> list[CheckMessage]:
    if not databases or "default" not in databases:
        return []
    try:
        connections["default"].ensure_connection()
        if not schema_applied():
            return [
                Warning(
                    "the project's tables are not created yet",
                    hint="Run `bin/scrapersky apply_sql`.",
                    id="scrapersky.W001",
                )
            ]
        try:
            pending = pending_files()
        except SqlFileError as exc:
            return [Error(str(exc), id="scrapersky.E003")]
        if pending:
            # Expected after pulling new code: the models are ahead until the files are applied.
            names = ", ".join(f.name for f in pending)
            return [
                Warning(
                    f"sql/ files not applied yet: {names}",
                    hint="Run `bin/scrapersky apply_sql`.",
                    id="scrapersky.W002",
                )
            ]
        problems = compare()
    except OperationalError:
        # Not a schema problem: the command that needs the database reports it in one line.
        return []
    return [
        Error(
            problem,
            hint="Run `bin/scrapersky apply_sql`, or fix sql/ or the models so they agree.",
            id="scrapersky.E002",
        )
        for problem in problems
    ]
