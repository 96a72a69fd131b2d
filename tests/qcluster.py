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

from django.db import connection

ROOT = Path(__file__).resolve().parents[1]


def database_url() -> str:
    d = connection.settings_dict
    return f"postgresql://{d['USER']}@{d['HOST']}:{d['PORT']}/{d['NAME']}"


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
