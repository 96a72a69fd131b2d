"""Benchmark of a big import through the admin: the request returns, a worker imports the file.

    .venv/bin/python bench/import_background.py [--rows 1000000] [--baseline-rows 200000]

Builds a scratch database ``scrapersky_bench_import`` (dropped and recreated: migrate + sql/),
writes a CSV of ``--rows`` domains with company names (plus a repeated and an invalid row), and
starts a real web server (``manage.py runserver --noreload``) and a one-worker django-q2 cluster
on it. Through HTTP, as a browser would, it logs in, uploads the file (step 1: stored and its
columns read), confirms the preview (step 2: handed to the worker) and polls the result page.

Figures:

- the upload and the confirm request times (they must not grow with the file's rows);
- the web server's resident memory before and after, and its peak (``VmHWM``);
- the worker's import time and rows/s, its process's peak memory;
- rows in the table and lines in the per-row report (one per input row, plus the header).

Baseline, measured in the same run: the path the admin took before (read the whole upload, then
``import_rows`` in one transaction, in the request) on ``--baseline-rows`` rows of the same
shape, in a fresh process: its time and peak memory.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import scratch

BASE = Path(__file__).resolve().parent.parent
DB = "scrapersky_bench_import"


def write_csv(path: Path, rows: int) -> None:
    with open(path, "w") as handle:
        handle.write("Company,Web Site\n")
        for i in range(rows):
            handle.write(f"Company {i},https://www.site-{i}.example/\n")
        handle.write("Again,site-7.example\nNobody,not a domain\n")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def memory(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of ``pid`` in MB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) // 1024
    return fields


def descendants(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children = (task / "children").read_text().split()
        for child in map(int, children):
            out += [child, *descendants(child)]
    return out


BASELINE = """
import os, resource, sys, time
sys.path.insert(0, {base!r})
os.environ["DJANGO_SETTINGS_MODULE"] = "scrapersky.settings"
import django
django.setup()
from curation.intake.importing import import_rows
from curation.intake.tables import read_bytes
started = time.monotonic()
data = open({path!r}, "rb").read()
report = import_rows(read_bytes(data, "domains"), kind="domains", source="baseline",
                     actor="bench", channel="command")
print(len(report.rows), round(time.monotonic() - started, 1),
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--baseline-rows", type=int, default=200_000)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="scrapersky-bench-import-"))
    imports = tmp / "imports"
    scratch.setup_django(DB, SCRAPERSKY_IMPORT_DIR=str(imports))
    from django.contrib.auth import get_user_model

    from curation.intake import import_jobs
    from curation.models import Domain

    get_user_model().objects.create_superuser("bench", "bench@localhost", "bench-password")
    big = tmp / "big.csv"
    write_csv(big, args.rows)
    print(f"file: {args.rows:,} rows, {big.stat().st_size / 1e6:.1f} MB")

    port = free_port()
    env = {
        **os.environ,
        "SCRAPERSKY_IMPORT_DIR": str(imports),
        "SCRAPERSKY_KICK_ON_QUEUE": "false",
        "Q_WORKERS": "1",
        "DEBUG": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
    }
    manage = [sys.executable, str(BASE / "manage.py")]
    web = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    cluster = subprocess.Popen(
        [*manage, "qcluster"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        client = httpx.Client(base_url=url, timeout=600)
        for _ in range(200):
            try:
                client.get("/admin/login/")
                break
            except httpx.TransportError:
                time.sleep(0.1)
        login = client.get("/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text)[1]
        client.post(
            "/admin/login/?next=/admin/",
            data={"csrfmiddlewaretoken": token, "username": "bench", "password": "bench-password"},
        )
        client.get("/admin/curation/domain/")  # warm the admin up
        before = memory(web.pid)

        form = client.get("/admin/curation/domain/import/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)[1]
        started = time.monotonic()
        with open(big, "rb") as handle:
            uploaded = client.post(
                "/admin/curation/domain/import/",
                data={"csrfmiddlewaretoken": token, "source": "bench"},
                files={"file": ("big.csv", handle, "text/csv")},
            )
        upload_s = time.monotonic() - started
        job_url = uploaded.headers["location"]
        preview = client.get(job_url)
        assert 'id="import-preview"' in preview.text, preview.text[:500]
        started = time.monotonic()
        confirmed = client.post(
            job_url, data={"csrfmiddlewaretoken": client.cookies["csrftoken"], "_import": "1"}
        )
        confirm_s = time.monotonic() - started
        assert confirmed.status_code == 302, confirmed.status_code
        job = import_jobs.load_job(job_url.rstrip("/").rsplit("/", 1)[1])
        began = time.monotonic()
        worker_peak = 0
        while job.state in import_jobs.RUNNING:
            time.sleep(0.5)
            client.get(job_url)  # the result page, as the browser refreshes it
            for pid in descendants(cluster.pid):
                with contextlib.suppress(OSError):  # a worker may have just been recycled
                    worker_peak = max(worker_peak, memory(pid).get("VmHWM", 0))
            job = import_jobs.load_job(job.token)
        import_s = time.monotonic() - began
        after = memory(web.pid)
        with open(job.report_path, "rb") as report:
            report_lines = sum(1 for _ in report)
        print(f"upload request (store + read the columns): {upload_s:.2f} s")
        print(f"confirm request (hand to the worker):      {confirm_s:.3f} s")
        print(
            f"web process: {before['VmRSS']} MB before, {after['VmRSS']} MB after, "
            f"peak {after['VmHWM']} MB"
        )
        print(
            f"worker import: {import_s:.1f} s ({job.status['rows'] / import_s:,.0f} rows/s), "
            f"{job.status['runs']} task run(s), worker peak {worker_peak} MB"
        )
        print(f"result: {job.summary} ({job.state})")
        print(f"rows in domains: {Domain.objects.count():,}; report lines: {report_lines:,}")
    finally:
        for proc in (web, cluster):
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()

    small = tmp / "baseline.csv"
    write_csv(small, args.baseline_rows)
    Domain.objects.all().delete()
    out = subprocess.run(
        [sys.executable, "-c", BASELINE.format(base=str(BASE), path=str(small))],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        check=True,
    )
    rows, seconds, peak = out.stdout.split()
    print(
        f"baseline (whole file in one process and one transaction, as the request did): "
        f"{int(rows):,} rows in {seconds} s, peak {peak} MB"
    )
    from django.db import connections

    connections.close_all()
    scratch.drop(DB)


if __name__ == "__main__":
    main()
