"""Workbook bombs against a real web server (issue 28.6): ``manage.py serve`` (gunicorn, one
worker process) takes the uploads, the preview and the start of an import; its worker's peak
RSS (VmHWM) and CPU are read from /proc, not the test process's."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
import requests
from django.conf import settings

from curation.intake import import_jobs, xlsx
from tests.factories import UserFactory
from tests.qcluster import database_url
from tests.workbooks import many_rows, one_huge_cell, random_cell, varied_rows

pytestmark = [pytest.mark.django_db(transaction=True)]

IMPORT = "/admin/curation/domain/import/"


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def peak_rss_mb(pid: int) -> float:
    text = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", text).group(1)) / 1024


def cpu_seconds(pid: int) -> float:
    times = psutil.Process(pid).cpu_times()
    return times.user + times.system


@contextlib.contextmanager
def web_server(tmp_path: Path):
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "SECRET_KEY": settings.SECRET_KEY,
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "SCRAPERSKY_IMPORT_DIR": str(tmp_path / "imports"),
        "SCRAPERSKY_KICK_ON_QUEUE": "false",
        "SCRAPERSKY_IMPORT_INLINE_BYTES": str(64 * 1024),  # workbooks over it go to a worker
    }
    log = open(tmp_path / "serve.log", "wb")  # noqa: SIM115 - closed in the finally
    proc = subprocess.Popen(
        [
            *(sys.executable, str(settings.BASE_DIR / "manage.py"), "serve"),
            *("--addr", f"127.0.0.1:{port}", "--workers", "1", "--threads", "2"),
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with contextlib.suppress(requests.ConnectionError):
                if requests.get(f"{base}/health/?check=web", timeout=5).ok:
                    break
            time.sleep(0.2)
        [worker] = psutil.Process(proc.pid).children()
        yield base, worker.pid
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        log.close()


def login(base: str, user) -> requests.Session:
    session = requests.Session()
    session.get(f"{base}/admin/login/", timeout=30)
    response = session.post(
        f"{base}/admin/login/",
        data={
            "username": user.username,
            "password": "correct horse battery",
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
            "next": "/admin/",
        },
        headers={"Referer": f"{base}/admin/login/"},
        timeout=30,
    )
    assert response.ok and "sessionid" in session.cookies, response.text[:500]
    return session


def upload(session: requests.Session, base: str, content: bytes) -> requests.Response:
    session.get(f"{base}{IMPORT}", timeout=30)
    return session.post(
        f"{base}{IMPORT}",
        data={"source": "fair", "csrfmiddlewaretoken": session.cookies["csrftoken"]},
        files={"file": ("leads.xlsx", content)},
        headers={"Referer": f"{base}{IMPORT}"},
        timeout=120,
    )


def test_workbook_bombs_take_little_of_a_real_web_server(tmp_path, monkeypatch):
    user = UserFactory(perms=["curation.view_domain", "curation.add_domain"])
    bombs = {
        # The two: refused from the zip's directory, nothing inflated.
        "one 900 MB cell": (one_huge_cell(900), "inflates to 900 MB, more than the 512 MB"),
        "5.5M rows": (many_rows(5_500_000), "zip bomb"),
        # One that no ratio check sees: refused at Excel's cell limit while streaming.
        "a 24 MB random cell": (random_cell(24), "longer than Excel&#x27;s 32,767 characters"),
    }
    with web_server(tmp_path) as (base, worker):
        session = login(base, user)
        for name, (content, message) in bombs.items():
            cpu = cpu_seconds(worker)
            response = upload(session, base, content)
            cpu = cpu_seconds(worker) - cpu
            errors = re.findall(r"errorlist[^>]*>(.*?)</ul>", response.text, re.S)
            assert response.status_code == 200 and message in response.text, (name, errors)
            assert cpu < 1.0, (name, cpu)
        # A workbook past the (here lowered) row limit that deflates like a real one: the web
        # server stores it, previews its first rows and hands the import on; the worker (this
        # test process) ends it with the limit's message.
        response = upload(session, base, varied_rows(20_000))
        assert response.status_code == 200 and "Preview" in response.text
        assert "site-" in response.text
        job_url = response.url
        token = job_url.rstrip("/").rsplit("/", 1)[-1]
        response = session.post(
            job_url,
            data={"_import": "1", "csrfmiddlewaretoken": session.cookies["csrftoken"]},
            headers={"Referer": job_url},
            timeout=60,
        )
        assert response.ok
        peak = peak_rss_mb(worker)
    print(f"web worker peak RSS {peak:.0f} MB")
    assert peak < 200, f"web worker peak RSS {peak:.0f} MB"
    monkeypatch.setattr(xlsx, "MAX_ROWS", 10_000)
    monkeypatch.setattr(settings, "SCRAPERSKY_IMPORT_DIR", tmp_path / "imports")
    assert import_jobs.run_import_job(token).startswith("failed")
    job = import_jobs.load_job(token)
    assert "more than 10,000 rows (Excel's limit)" in job.status["error"]
