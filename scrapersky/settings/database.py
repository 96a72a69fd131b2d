"""The database: DATABASE_URL's server, or the project's own PostgreSQL.

Without DATABASE_URL, start (or join) the project's own PostgreSQL in SCRAPERSKY_PGDATA (default
.pgdata/ under the project): see scrapersky/embedded_pg.py. SCRAPERSKY_PG_START=false (set by
`manage.py pg`) only locates the server: `pg status` and `pg stop` must not start it.
The variables are read with the others; ``databases()`` runs after ``env.check()`` so a mistake
elsewhere never starts a server.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from scrapersky.settings.base import BASE_DIR, DATABASE_URL, env

PGDATA = Path(env.str("SCRAPERSKY_PGDATA") or BASE_DIR / ".pgdata")
PG_START = env.bool("SCRAPERSKY_PG_START", True)
DB_NAME = env.str("SCRAPERSKY_DB_NAME") or "scrapersky"
TEST_DB_NAME = env.str("SCRAPERSKY_TEST_DB_NAME") or None


def databases() -> tuple[dict, bool, Path | None]:
    """``(DATABASES, EMBEDDED_POSTGRES, EMBEDDED_PGDATA)``; starts the embedded server if asked."""
    url = DATABASE_URL
    if not url:
        from scrapersky.embedded_pg import ensure_server, locate_server

        server = ensure_server(PGDATA) if PG_START else locate_server(PGDATA)
        url = server.url(DB_NAME)
    try:
        default = dj_database_url.parse(url, conn_max_age=60)
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from None
    if default["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL (postgres://...)")
    default["CONN_HEALTH_CHECKS"] = True
    default.setdefault("OPTIONS", {})
    default["OPTIONS"].setdefault("connect_timeout", 5)
    default["TEST"] = {"NAME": TEST_DB_NAME}
    return {"default": default}, not DATABASE_URL, None if DATABASE_URL else PGDATA
