"""serve: the production web server (gunicorn) on the project's WSGI application."""

from __future__ import annotations

import os
import sys

from django.core.management.base import BaseCommand, CommandError

from ops.management.commands.up import _split_addr


def default_workers() -> int:
    """``WEB_CONCURRENCY`` when set (gunicorn's and the PaaS convention), else 2 x cores + 1
    capped at 8: each worker holds a database connection per thread (``conn_max_age``)."""
    raw = os.environ.get("WEB_CONCURRENCY", "").strip()
    if raw:
        if not raw.isdigit() or int(raw) < 1:
            raise CommandError(f"WEB_CONCURRENCY={raw!r} is not a whole number from 1")
        return int(raw)
    return min(8, 2 * (os.cpu_count() or 1) + 1)


def gunicorn_argv(addr: str, *, workers: int, threads: int, timeout: int) -> list[str]:
    """The gunicorn command line ``serve`` runs (one place, so ``up`` runs the same)."""
    host, port = _split_addr(addr)
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "scrapersky.wsgi:application",
        "--bind",
        bind,
        "--workers",
        str(workers),
        # Threads: a worker waiting on the database or a slow client still serves others.
        "--worker-class",
        "gthread",
        "--threads",
        str(threads),
        "--timeout",
        str(timeout),
        "--graceful-timeout",
        "30",
        # A worker is replaced after about this many requests: memory a request left behind
        # (a big import preview, an export) does not accumulate for days.
        "--max-requests",
        "2000",
        "--max-requests-jitter",
        "200",
        "--access-logfile",
        "-",
        "--forwarded-allow-ips",
        os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
    ]


class Command(BaseCommand):
    help = (
        "Serve the web application with gunicorn (the production server; `up` uses it unless "
        "DEBUG is on). Workers: --workers or WEB_CONCURRENCY (default 2 x cores + 1, at most 8), "
        "each with --threads threads. SIGTERM stops it gracefully."
    )
    requires_system_checks = []  # `manage.py check --deploy` belongs to the deploy

    def add_arguments(self, parser):
        parser.add_argument("--addr", default="127.0.0.1:8000", help="host:port to serve on")
        parser.add_argument("--workers", type=int, default=None, help="worker processes")
        parser.add_argument("--threads", type=int, default=4, help="threads per worker")
        parser.add_argument(
            "--timeout", type=int, default=60, help="seconds before a silent worker is restarted"
        )

    def handle(self, *args, addr: str, workers: int | None, threads: int, timeout: int, **opts):
        if threads < 1 or timeout < 1 or (workers is not None and workers < 1):
            raise CommandError("--workers, --threads and --timeout must be at least 1")
        argv = gunicorn_argv(
            addr, workers=workers or default_workers(), threads=threads, timeout=timeout
        )
        sys.stdout.flush()
        # gunicorn replaces this process: signals reach it directly, no shell in between.
        os.execv(argv[0], argv)  # noqa: S606
