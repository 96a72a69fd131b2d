"""Scratch databases for the benchmarks, on the project's own server (embedded or DATABASE_URL).

Each bench script drops and recreates its own database, builds it as a user would (Django's
migrations, then sql/), and drops it again when it is done.
"""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent


def admin_url() -> str:
    """A URL of the server's maintenance database ``postgres``."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        return url.rsplit("/", 1)[0] + "/postgres"
    sys.path.insert(0, str(BASE))
    from scrapersky.embedded_pg import ensure_server

    data_dir = Path(os.environ.get("SCRAPERSKY_PGDATA", BASE / ".pgdata"))
    return ensure_server(data_dir).url("postgres")


def database_url(name: str) -> str:
    return admin_url().rsplit("/", 1)[0] + f"/{name}"


def recreate(name: str) -> str:
    """Drop and create database ``name``; return its URL."""
    import psycopg

    with psycopg.connect(admin_url(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return database_url(name)


def drop(name: str) -> None:
    import psycopg

    with psycopg.connect(admin_url(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def setup_django(name: str, **environ: str) -> None:
    """Recreate ``name``, point this process's Django at it, migrate and apply sql/."""
    os.environ["DATABASE_URL"] = recreate(name)
    os.environ.setdefault("SECRET_KEY", "bench-only")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrapersky.settings")
    os.environ["ALLOWED_HOSTS"] = "testserver,localhost,127.0.0.1"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.update(environ)
    sys.path.insert(0, str(BASE))
    import django

    # WhiteNoise warns when collectstatic has not run; irrelevant to these timings.
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
    django.setup()
    from django.core.management import call_command

    from ops.sqlfiles import apply_pending

    call_command("migrate", verbosity=0, skip_checks=True)
    apply_pending()


def superuser_client():
    """A Django test client logged in as a superuser of the scratch database."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    user = get_user_model().objects.create_superuser("bench", "bench@localhost", "bench")
    client = Client()
    client.force_login(user)
    return client
