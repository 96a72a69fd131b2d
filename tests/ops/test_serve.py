"""`manage.py serve`: gunicorn serves the application; SIGTERM stops it cleanly."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from django.conf import settings

from tests.qcluster import database_url

pytestmark = [pytest.mark.django_db]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_runs_gunicorn_and_stops_on_sigterm(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "SECRET_KEY": settings.SECRET_KEY,
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    log = open(tmp_path / "serve.log", "wb")  # noqa: SIM115 - closed in the finally
    proc = subprocess.Popen(
        [
            sys.executable,
            str(settings.BASE_DIR / "manage.py"),
            "serve",
            "--addr",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "2",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 30
        response = None
        while time.monotonic() < deadline and response is None:
            with contextlib.suppress(OSError):
                response = urllib.request.urlopen(f"http://127.0.0.1:{port}/health/?check=web")
            time.sleep(0.2)
        assert response is not None, (tmp_path / "serve.log").read_text()
        assert response.status == 200
        assert response.headers["Server"] == "gunicorn"
        assert b'"status": "ok"' in response.read()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=40) == 0
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()
    assert "Booting worker" in (tmp_path / "serve.log").read_text()


def test_bad_worker_count_is_one_line():
    env = {**os.environ, "WEB_CONCURRENCY": "many"}
    result = subprocess.run(
        [sys.executable, str(settings.BASE_DIR / "manage.py"), "serve"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "WEB_CONCURRENCY='many'" in result.stderr
