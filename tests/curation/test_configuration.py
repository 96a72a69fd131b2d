"""Bad configuration ends in one clear line, not a traceback wall."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

MANAGE = str(Path(settings.BASE_DIR) / "manage.py")


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY"}}
    return subprocess.run(
        [sys.executable, MANAGE, *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def assert_one_line_error(result: subprocess.CompletedProcess, fragment: str) -> None:
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert fragment in lines[0]
    assert "Traceback" not in result.stderr


def test_unreachable_database_url_is_one_line():
    result = run_manage(
        "migrate", DATABASE_URL="postgres://scrapersky@127.0.0.1:1/scrapersky", SECRET_KEY="x"
    )
    assert_one_line_error(result, "127.0.0.1:1")


def test_non_postgres_database_url_is_one_line():
    result = run_manage("check", DATABASE_URL="mysql://u@localhost/db", SECRET_KEY="x")
    assert_one_line_error(result, "must point at PostgreSQL")


def test_deployment_without_secret_key_is_one_line():
    result = run_manage("check", DATABASE_URL="postgres://u@127.0.0.1:1/db")
    assert_one_line_error(result, "SECRET_KEY is not set")


def test_unwritable_data_directory_is_one_line(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    result = run_manage("check", SCRAPERSKY_PGDATA=str(blocker / "pgdata"))
    assert_one_line_error(result, "data directory")


def test_data_directory_that_is_not_postgres_is_one_line(tmp_path):
    (tmp_path / "pgdata").mkdir()
    (tmp_path / "pgdata" / "stray.txt").write_text("something else lives here")
    result = run_manage("check", SCRAPERSKY_PGDATA=str(tmp_path / "pgdata"))
    assert_one_line_error(result, "not a PostgreSQL data directory")


def test_invalid_boolean_is_one_line():
    result = run_manage("check", DEBUG="maybe")
    assert_one_line_error(result, "DEBUG='maybe' is not a boolean")
