"""manage.py up: ports checked before anything starts, the first password printed last in a box."""

from __future__ import annotations

import io
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from ops.management.commands.up import Command

MANAGE = str(Path(settings.BASE_DIR) / "manage.py")


@pytest.fixture
def busy_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


def run_up(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, MANAGE, "up", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_busy_web_port_is_refused_before_migrating(busy_port):
    result = run_up("--addr", f"127.0.0.1:{busy_port}")
    assert result.returncode != 0
    assert "migrating" not in result.stdout
    assert result.stderr.strip() == (
        f"CommandError: 127.0.0.1:{busy_port} is in use: stop what runs there or pass "
        "--addr HOST:PORT"
    )


def test_busy_demo_port_names_the_demo_port_flag(busy_port):
    result = run_up("--demo", "--addr", f"127.0.0.1:{free_port()}", "--demo-port", str(busy_port))
    assert result.returncode != 0
    assert "migrating" not in result.stdout
    assert "ScraperSky is up" not in result.stdout
    assert f"127.0.0.1:{busy_port} is in use" in result.stderr
    assert "--demo-port PORT" in result.stderr


def test_busy_places_port_is_refused_naming_it():
    """The demo places service listens on the demo port + 1: checked before anything starts."""
    for _ in range(50):
        demo_port = free_port()
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
            try:
                busy.bind(("127.0.0.1", demo_port + 1))
            except OSError:
                continue
            busy.listen()
            result = run_up(
                "--demo", "--addr", f"127.0.0.1:{free_port()}", "--demo-port", str(demo_port)
            )
            break
    assert result.returncode != 0
    assert "migrating" not in result.stdout
    assert f"127.0.0.1:{demo_port + 1} is in use" in result.stderr
    assert "the demo places service listens on PORT + 1" in result.stderr


def test_bad_addr_is_one_line():
    result = run_up("--addr", "localhost")
    assert result.returncode != 0
    assert "expected HOST:PORT" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.django_db
def test_first_admin_password_is_printed_in_a_box_naming_bin_scrapersky():
    out = io.StringIO()
    command = Command(stdout=out)
    password = command._ensure_admin()
    command._print_login("127.0.0.1:8000", password)
    assert get_user_model().objects.get(username="admin").check_password(password)
    lines = out.getvalue().strip().splitlines()
    box = lines[lines.index(next(x for x in lines if x.startswith("+"))) :]
    assert box[0] == box[-1] and set(box[0]) == {"+", "-"}
    assert all(line.startswith("| ") and line.endswith(" |") for line in box[1:-1])
    assert len({len(line) for line in box}) == 1
    assert any(f"password:  {password}" in line for line in box)
    assert any("bin/scrapersky changepassword admin" in line for line in box)
    assert "python manage.py" not in out.getvalue()

    again = io.StringIO()
    assert Command(stdout=again)._ensure_admin() is None
    assert "bin/scrapersky changepassword NAME" in again.getvalue()


@pytest.mark.django_db(transaction=True)  # up writes its admin user and schedules: flushed after
def test_up_outside_debug_serves_with_gunicorn():
    import os
    import signal
    import time
    import urllib.request

    from tests.qcluster import database_url

    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "SECRET_KEY": settings.SECRET_KEY,
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    proc = subprocess.Popen(
        [sys.executable, MANAGE, "up", "--no-workers", "--addr", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        server = None
        deadline = time.monotonic() + 60
        while server is None and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/?check=web") as r:
                    server = r.headers["Server"]
            except OSError:
                time.sleep(0.2)
        assert server == "gunicorn"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)
