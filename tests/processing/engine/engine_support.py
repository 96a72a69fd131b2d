"""Engine test helpers (used by the tests and conftest.py): queued rows, worker subprocesses."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest
from django.conf import settings
from django.db import connection

from scrapersky.workflows import get_workflow

HERE = Path(__file__).resolve().parent
WORKFLOW = "sitemap_discovery"  # domains: the simplest source table


def claimed_ids(workflow, **claim) -> list[int]:
    """Claim rows as a worker does (``claims.claim_rows``); their ids, ascending."""
    from processing.engine import claims

    return sorted(row.pk for row in claims.claim_rows(workflow, **claim))


def queue_rows(n: int, workflow: str = WORKFLOW) -> list[int]:
    """Insert ``n`` domains queued for ``workflow``, oldest first by id; return their ids."""
    wf = get_workflow(workflow)
    assert wf.table == "domains"
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO domains (domain)
            SELECT 'q' || g || '-' || md5(random()::text) || '.example'
              FROM generate_series(1, %s) g
            RETURNING id""",
            [n],
        )
        ids = sorted(r[0] for r in cursor.fetchall())
        cursor.execute(
            f"""
            UPDATE domains SET {wf.names.curation_field} = 'Queued',
                   {wf.names.processing_field} = 'Queued',
                   {wf.names.col("queued_at")}
                     = now() - interval '1 hour' + id * interval '1 millisecond'
             WHERE id = ANY(%s)""",
            [ids],
        )
    return ids


def statuses(workflow: str = WORKFLOW) -> dict[str, int]:
    wf = get_workflow(workflow)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {wf.names.processing_field}::text, count(*) FROM domains GROUP BY 1 ORDER BY 1"
        )
        return {str(k): v for k, v in cursor.fetchall()}


def test_database_url() -> str:
    d = connection.settings_dict
    auth = d["USER"] + (f":{d['PASSWORD']}" if d["PASSWORD"] else "")
    return f"postgresql://{auth}@{d['HOST']}:{d['PORT']}/{d['NAME']}"


test_database_url.__test__ = False


@pytest.fixture
def record_file(tmp_path, monkeypatch):
    path = tmp_path / "calls.txt"
    path.touch()
    monkeypatch.setenv("ENGINE_RECORD_FILE", str(path))
    return path


@pytest.fixture
def recording(settings, record_file):
    """Route WORKFLOW to the recording service in this process."""
    settings.SCRAPERSKY_WORKFLOWS = {WORKFLOW: {"service": "engine_recording.record"}}
    return record_file


def worker_env(overrides: dict, record_file: Path, **extra: str) -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=test_database_url(),
        SECRET_KEY=settings.SECRET_KEY,  # django-q2 signs task packages with it
        SCRAPERSKY_WORKFLOWS_JSON=json.dumps(overrides),
        ENGINE_RECORD_FILE=str(record_file),
        PYTHONPATH=os.pathsep.join(filter(None, [str(HERE), env.get("PYTHONPATH")])),
        PYTHONWARNINGS="ignore",
    )
    env.update(extra)
    return env


class Workers:
    """Subprocesses in their own sessions, so a test can signal or kill a whole cluster."""

    def __init__(self, log_dir: Path):
        self.procs: list[subprocess.Popen] = []
        self.log_dir = log_dir

    def _log(self):
        return open(self.log_dir / f"worker-{len(self.procs)}.log", "wb")

    def log(self, proc: subprocess.Popen) -> str:
        index = self.procs.index(proc)
        return (self.log_dir / f"worker-{index}.log").read_text(errors="replace")[-3000:]

    def start(
        self, args: list[str], env: dict, *, prefix: tuple[str, ...] = ()
    ) -> subprocess.Popen:
        """``manage.py args`` in its own session; ``prefix`` runs it under a wrapper
        (``unshare --pid --fork --mount-proc``: a pid namespace of its own)."""
        log = self._log()
        proc = subprocess.Popen(
            [*prefix, sys.executable, str(settings.BASE_DIR / "manage.py"), *args],
            env=env,
            cwd=settings.BASE_DIR,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        log.close()
        self.procs.append(proc)
        return proc

    def python(self, code: str, env: dict) -> subprocess.Popen:
        setup = (
            "import django, os\n"
            "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'scrapersky.settings')\n"
            "django.setup()\n"
        )
        log = self._log()
        proc = subprocess.Popen(
            [sys.executable, "-c", setup + code],
            env=env,
            cwd=settings.BASE_DIR,
            start_new_session=True,
            stderr=log,
        )
        log.close()
        self.procs.append(proc)
        return proc

    def session_pids(self, proc: subprocess.Popen) -> list[int]:
        """Live processes of ``proc``'s session (it was started in its own): the whole cluster,
        orphans included, whoever their parent now is."""
        pids = []
        for pid in psutil.pids():
            with contextlib.suppress(psutil.Error, OSError):
                if os.getsid(pid) == proc.pid and psutil.Process(pid).status() != "zombie":
                    pids.append(pid)
        return pids

    def signal_group(self, proc: subprocess.Popen, signum: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signum)

    def stop_all(self) -> None:
        for proc in self.procs:
            self.signal_group(proc, signal.SIGKILL)
            proc.wait(timeout=10)
            for pid in self.session_pids(proc):  # orphans that left the process group
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)


@pytest.fixture
def workers(tmp_path):
    w = Workers(tmp_path)
    yield w
    w.stop_all()


def wait_for(predicate, timeout: float, every: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    return predicate()


def start_thread(target) -> threading.Thread:
    """Run ``target`` in a thread that closes its own database connection when done."""

    def run():
        try:
            target()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def queue_pages_by_site(per_site: dict[str, int]) -> dict[str, tuple[int, list[int]]]:
    """Pages queued for page_curation site after site (as sitemap imports queue them): each
    site's domain id and its page ids, oldest first."""
    wf = get_workflow("page_curation")
    queued: dict[str, tuple[int, list[int]]] = {}
    with connection.cursor() as cursor:
        for site, n in per_site.items():
            cursor.execute(
                "INSERT INTO domains (domain) VALUES (%s) RETURNING id", [f"{site}.example"]
            )
            [domain_id] = cursor.fetchone()
            cursor.execute(
                f"""
                INSERT INTO pages (domain_id, url, {wf.names.curation_field},
                                   {wf.names.processing_field}, {wf.names.col("queued_at")})
                SELECT %s, 'http://' || %s || '.example/p' || g, 'Queued', 'Queued',
                       clock_timestamp()
                  FROM generate_series(1, %s) g
                RETURNING id""",
                [domain_id, site, n],
            )
            queued[site] = (domain_id, sorted(r[0] for r in cursor.fetchall()))
    return queued
