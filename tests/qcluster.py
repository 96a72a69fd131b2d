"""A real django-q2 cluster in a subprocess for tests, stopped with SIGTERM as a process manager
stops it (then the whole process group is killed, so nothing outlives the test)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]


#: The marks of a browser test that runs a real cluster beside the live server.
BROWSER_WITH_WORKERS = [
    pytest.mark.browser,
    pytest.mark.workers,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]


def database_url() -> str:
    d = connection.settings_dict
    auth = d["USER"] + (f":{d['PASSWORD']}" if d["PASSWORD"] else "")
    return f"postgresql://{auth}@{d['HOST']}:{d['PORT']}/{d['NAME']}"


def start_demo_cluster(environment: dict[str, str], log: Path) -> subprocess.Popen:
    """``manage.py qcluster`` (Q_WORKERS=2) on the test database with the demo's
    ``environment``, in its own session; its log to ``log``. Stop it with ``stop_cluster``."""
    from django.conf import settings

    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "SECRET_KEY": settings.SECRET_KEY,  # django-q2 signs task packages with it
        "Q_WORKERS": "2",
        "PYTHONWARNINGS": "ignore",
        **environment,
    }
    with open(log, "wb") as log_file:
        return subprocess.Popen(
            [sys.executable, str(settings.BASE_DIR / "manage.py"), "qcluster"],
            env=env,
            cwd=settings.BASE_DIR,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=log_file,
        )


def stop_cluster(proc: subprocess.Popen) -> None:
    """SIGTERM to the main process, as a process manager stops it; then the whole group."""
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        pass
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)


@contextlib.contextmanager
def qcluster(log: Path | None = None, **env: str) -> Iterator[subprocess.Popen]:
    """``manage.py qcluster`` on the test database with ``env`` added; stopped on exit."""
    from django.conf import settings

    full = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "SECRET_KEY": settings.SECRET_KEY,  # tasks are signed with it
        **env,
    }
    with open(log or os.devnull, "w") as log_file:
        cluster = subprocess.Popen(
            [sys.executable, str(ROOT / "manage.py"), "qcluster"],
            env=full,
            stdout=subprocess.DEVNULL,
            stderr=log_file,
            start_new_session=True,
        )
        try:
            yield cluster
        finally:
            cluster.send_signal(signal.SIGTERM)
            try:
                cluster.wait(timeout=60)
            finally:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(cluster.pid, signal.SIGKILL)
