"""Test-wide fixtures: the test database is built from sql/, and committed rows are cleaned."""

from __future__ import annotations

import os

import pytest
from django.db import connection

from ops.dbschema import project_models

# Fixtures shared by several test packages.
pytest_plugins = ["tests.dnsserver"]


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """One test database per pytest process, so runs side by side never share one."""
    from django.conf import settings

    test = settings.DATABASES["default"].setdefault("TEST", {})
    base = test.get("NAME") or f"test_{settings.DATABASES['default']['NAME']}"
    test["NAME"] = f"{base}_p{os.getpid()}"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """After Django's migrations, build the project's tables from sql/, as a user would."""
    from ops.sqlfiles import apply_pending

    with django_db_blocker.unblock():
        apply_pending()


@pytest.fixture(scope="session", autouse=True)
def _database_threads_end():
    """The engine's database threads close their connections before the test database goes."""
    yield
    from processing.db_steps import shutdown

    shutdown()


def truncate_project_tables() -> None:
    """Empty the sql/ tables: Django's flush ignores unmanaged tables."""
    tables = sorted({model._meta.db_table for model in project_models()} - {"schema_sql_files"})
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")


@pytest.fixture(autouse=True)
def _clean_committed_rows(request):
    """Tests that commit (workers, locking) leave no rows behind for the next test."""
    yield
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction")) or any(
        name in request.fixturenames for name in ("transactional_db", "live_server")
    )
    if transactional:
        request.getfixturevalue("django_db_blocker").unblock()
        try:
            truncate_project_tables()
        finally:
            request.getfixturevalue("django_db_blocker").restore()


@pytest.fixture(autouse=True)
def _import_jobs_in_tmp(settings, tmp_path_factory):
    """Import jobs (uploads and reports) go to a temporary directory, not the project's var/."""
    settings.SCRAPERSKY_IMPORT_DIR = tmp_path_factory.mktemp("imports")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The dashboard caches its figures for seconds: one test's figures must not be the next's."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def import_settings(settings, tmp_path):
    """The import tests' settings: fast passwords, no kick on queue, uploads under tmp_path
    (``pytestmark = pytest.mark.usefixtures("import_settings")``)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SCRAPERSKY_KICK_ON_QUEUE = False
    settings.SCRAPERSKY_IMPORT_DIR = tmp_path / "imports"
