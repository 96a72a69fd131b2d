"""Benchmark of an API burst on the production server (gunicorn) beside the development server.

    .venv/bin/python bench/api_burst.py [--domains 1000000] [--requests 2000] [--clients 20]

Builds a scratch database ``scrapersky_bench_api`` (dropped and recreated: migrate + sql/) with
``--domains`` domains (a tenth of them Error for sitemap discovery), an API user and its token.
Starts, one after the other on the same database, ``manage.py runserver --noreload`` (Django's
development server) and ``manage.py serve`` (gunicorn, its default workers and threads), with
``DEBUG=false`` and the per-user throttle off, warms each up with 200 requests (not counted), and
sends each the same burst: ``--requests``
requests from ``--clients`` concurrent clients (each its own keep-alive connection), cycling
through a list page, a status-filtered list, a search, a cursor's next page and a detail.

Figures per server: wall time and requests/s, latency p50/p95/p99/max, answers that were not
200, and the server's resident memory (all its processes) after the burst.
"""

from __future__ import annotations

import argparse
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import scratch

BASE = Path(__file__).resolve().parent.parent
DB = "scrapersky_bench_api"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_mb(pid: int) -> int:
    """Resident memory of ``pid`` and its descendants, in MB."""
    total = 0
    pids = [pid]
    while pids:
        p = pids.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            for task in Path(f"/proc/{p}/task").iterdir():
                pids += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total // 1024


def populate(domains: int) -> str:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from rest_framework.authtoken.models import Token

    started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO domains (domain, company_name, source)
            SELECT 'site-' || g || '.example', 'Company ' || g, 'bench'
              FROM generate_series(1, %s) AS g""",
            [domains],
        )
        cursor.execute(
            """
            UPDATE domains SET sitemap_discovery_curation_status = 'Error',
                               sitemap_discovery_processing_status = 'Error',
                               sitemap_discovery_processing_error = 'HTTP 503'
             WHERE id % 10 = 0"""
        )
        cursor.execute("ANALYZE domains")
    print(f"database: {domains:,} domains in {time.monotonic() - started:.0f} s")
    user = get_user_model().objects.create_user("bench-api", "api@localhost", "unused")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="view_domain"))
    return Token.objects.create(user=user).key


def paths(domains: int) -> list[str]:
    return [
        "/api/v3/domains/",
        "/api/v3/domains/?sitemap_discovery_processing_status=Error&page_size=50",
        "/api/v3/domains/?domain=site-4242.example",
        "/api/v3/domains/?ordering=id&page_size=100",
        f"/api/v3/domains/{domains // 2}/",
    ]


def burst(url: str, token: str, *, requests: int, clients: int, domains: int) -> dict:
    todo = paths(domains)
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    counter = iter(range(requests))

    host, port = url.removeprefix("http://").split(":")
    headers = {"Authorization": f"Token {token}"}

    def client() -> None:
        # One keep-alive connection per client (http.client: the standard library's).
        conn = http.client.HTTPConnection(host, int(port), timeout=120)
        for i in counter:  # next() on a shared iterator: each request once
            began = time.perf_counter()
            try:
                conn.request("GET", todo[i % len(todo)], headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
            except (OSError, http.client.HTTPException):
                conn.close()
                status = 0
            elapsed = time.perf_counter() - began
            with lock:
                latencies.append(elapsed)
                statuses[status] = statuses.get(status, 0) + 1
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    q = statistics.quantiles(latencies, n=100)
    return {
        "wall_s": round(wall, 1),
        "req_per_s": round(len(latencies) / wall, 1),
        "p50_ms": round(q[49] * 1000),
        "p95_ms": round(q[94] * 1000),
        "p99_ms": round(q[98] * 1000),
        "max_ms": round(max(latencies) * 1000),
        "not_200": {k: v for k, v in statuses.items() if k != 200},
    }


def serve(kind: str, port: int, env: dict, workers: int | None = None) -> subprocess.Popen:
    manage = [sys.executable, str(BASE / "manage.py")]
    addr = f"127.0.0.1:{port}"
    argv = ["runserver", addr, "--noreload"] if kind == "dev" else ["serve", "--addr", addr]
    if kind != "dev" and workers:
        argv += ["--workers", str(workers)]
    proc = subprocess.Popen(
        [*manage, *argv],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    for _ in range(300):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/health/?check=web")
            conn.getresponse().read()
            conn.close()
            return proc
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"{kind} server did not start")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--domains", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=2_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument(
        "--workers", type=int, default=None, help="gunicorn workers (default: serve's own)"
    )
    args = parser.parse_args()

    scratch.setup_django(DB)
    try:
        token = populate(args.domains)
        env = {
            **os.environ,
            "DEBUG": "false",
            "SCRAPERSKY_API_THROTTLE_USER": "off",
            "LOG_LEVEL": "WARNING",
        }
        results = {}
        configurations = [
            ("runserver (development)", "dev", None),
            ("gunicorn (manage.py serve)", "production", None),
        ]
        if args.workers:
            configurations.append(
                (f"gunicorn --workers {args.workers}", "production", args.workers)
            )
        for label, kind, workers in configurations:
            port = free_port()
            proc = serve(kind, port, env, workers)
            try:
                # Warm-up, not counted: every process's imports, connections and plan caches.
                burst(
                    f"http://127.0.0.1:{port}",
                    token,
                    requests=200,
                    clients=args.clients,
                    domains=args.domains,
                )
                figures = burst(
                    f"http://127.0.0.1:{port}",
                    token,
                    requests=args.requests,
                    clients=args.clients,
                    domains=args.domains,
                )
                figures["server_rss_mb"] = rss_mb(proc.pid)
                results[label] = figures
            finally:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=60)
        print(
            f"burst: {args.requests:,} requests, {args.clients} clients, "
            f"{args.domains:,} domains, same run"
        )
        for label, figures in results.items():
            print(f"  {label:28} " + "  ".join(f"{k}={v}" for k, v in figures.items()))
    finally:
        from django.db import connections

        connections.close_all()
        scratch.drop(DB)


if __name__ == "__main__":
    main()
