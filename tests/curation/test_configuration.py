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


def test_bad_q_workers_is_one_error_line():
    result = run_manage("check", Q_WORKERS="abc")
    assert_one_line_error(result, "Q_WORKERS='abc' is not a whole number")


def test_every_mistake_gets_its_own_error_line():
    result = run_manage(
        "check", Q_WORKERS="abc", SCRAPERSKY_DASHBOARD_CACHE_SECONDS="soon", DEBUG="maybe"
    )
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert "Traceback" not in result.stderr
    assert all(line.startswith("error: ") for line in lines), lines
    assert len(lines) == 3, lines
    assert any("SCRAPERSKY_DASHBOARD_CACHE_SECONDS='soon' is not a number" in x for x in lines)


def test_knobs_of_every_block_are_reported_together():
    """The DNS, API, login and HTTPS knobs are read with the others, before the one check."""
    result = run_manage(
        "check",
        Q_WORKERS="abc",
        SCRAPERSKY_DNS_TIMEOUT="fast",
        SCRAPERSKY_API_THROTTLE_USER="lots",
        SECURE_HSTS_SECONDS="a year",
        SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO",
    )
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert all(line.startswith("error: ") for line in lines), lines
    assert len(lines) == 5, lines


def test_bad_json_and_choice_name_the_variable():
    result = run_manage("check", SCRAPERSKY_WORKFLOWS_JSON="[1]")
    assert_one_line_error(result, "SCRAPERSKY_WORKFLOWS_JSON='[1]' is not a JSON object")
    result = run_manage("check", SCRAPERSKY_AUTO_QUEUE_PAGES="some")
    assert_one_line_error(result, "one of none, contact, all")


def test_good_values_and_defaults_still_work():
    code = (
        "from django.conf import settings as s; "
        "print(s.Q_CLUSTER['workers'], s.Q_TIMEOUT, s.SCRAPERSKY_KICK_ON_QUEUE, "
        "s.SCRAPERSKY_DASHBOARD_CACHE_SECONDS, s.SCRAPERSKY_WORKFLOWS, s.DEBUG, "
        "s.LOGGING['loggers']['django-q']['level'])"
    )
    result = run_manage(
        "shell",
        "-c",
        code,
        Q_WORKERS="3",
        SCRAPERSKY_WORKFLOWS_JSON='{"page_curation": {"batch_size": 5}}',
        DEBUG="yes",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        "3 300 True 5.0 {'page_curation': {'batch_size': 5}} True WARNING"
    )


def test_pg_status_after_pg_stop_says_stopped_and_does_not_start_it():
    """`pg status` and `pg stop` only look at the server: settings must not start it for them."""
    import shutil
    import tempfile

    from scrapersky.embedded_pg import server_running, stop_server

    parent = Path(tempfile.mkdtemp(prefix="scrapersky-pg-"))
    parent.chmod(0o755)  # the cluster runs as `nobody` when the tests run as root
    data = parent / "pgdata"
    try:
        never = run_manage("pg", "status", SCRAPERSKY_PGDATA=str(data))
        assert never.returncode == 0, never.stderr
        assert never.stdout.startswith("stopped"), never.stdout
        assert not (data / "PG_VERSION").exists()  # not even initialised

        assert run_manage("check", SCRAPERSKY_PGDATA=str(data)).returncode == 0  # starts it
        assert run_manage("pg", "status", SCRAPERSKY_PGDATA=str(data)).stdout.startswith(
            "running on 127.0.0.1:"
        )
        stop = run_manage("pg", "stop", SCRAPERSKY_PGDATA=str(data))
        assert stop.stdout.strip() == "stopped", stop.stderr
        status = run_manage("pg", "status", SCRAPERSKY_PGDATA=str(data))
        assert status.stdout.startswith("stopped"), status.stdout
        assert not server_running(data)
        assert run_manage("pg", "stop", SCRAPERSKY_PGDATA=str(data)).stdout.strip() == (
            "not running"
        )
    finally:
        stop_server(data)
        shutil.rmtree(parent, ignore_errors=True)
