"""Entry point wrapper: bad configuration ends in one readable line, not a traceback wall."""

from __future__ import annotations

import os
import sys

# Commands that must not start the embedded PostgreSQL when the settings load.
NO_PG_START = {"pg"}


def run(argv: list[str]) -> None:
    if argv[1:2] and argv[1] in NO_PG_START:
        os.environ["SCRAPERSKY_PG_START"] = "false"
    from django.core.exceptions import ImproperlyConfigured

    from scrapersky.embedded_pg import EmbeddedPostgresError

    try:
        from django.core.management import execute_from_command_line
        from django.db.utils import OperationalError

        try:
            execute_from_command_line(argv)
        except OperationalError as exc:
            raise SystemExit(f"error: cannot use the database: {_first_line(exc)}") from None
    except ImproperlyConfigured as exc:
        # Settings report every mistake, one per line (scrapersky/env.py).
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        raise SystemExit("\n".join(f"error: {line}" for line in lines or [repr(exc)])) from None
    except EmbeddedPostgresError as exc:
        raise SystemExit(f"error: {_first_line(exc)}") from None
    except KeyboardInterrupt:
        sys.exit(130)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or exc.__class__.__name__
    first = text.splitlines()[0]
    if os.environ.get("DATABASE_URL") and "connection" in first:
        from urllib.parse import urlsplit

        parts = urlsplit(os.environ["DATABASE_URL"])
        first = f"{parts.hostname}:{parts.port or 5432}: {first}"
    return first
