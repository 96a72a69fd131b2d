"""manage.py up: prepare the database and run the web server and the workers together."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError

from ops.demo import DEFAULT_PORT, demo_environment
from ops.demo.wiring import PLACES_PORT_OFFSET


def _split_addr(addr: str) -> tuple[str, int]:
    host, _, port = addr.rpartition(":")
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise CommandError(f"--addr {addr!r}: expected HOST:PORT, e.g. 127.0.0.1:8000")
    return (host.strip("[]") or "127.0.0.1"), int(port)


class Command(BaseCommand):
    help = (
        "Bring ScraperSky up on this machine: migrate Django's tables, apply sql/ (explicitly, "
        "printing each file), create a first admin user, sync the worker schedules, then run the "
        "web server and a django-q2 worker cluster until Ctrl-C."
    )

    def add_arguments(self, parser):
        parser.add_argument("--addr", default="127.0.0.1:8000", help="host:port to serve on")
        parser.add_argument("--no-workers", action="store_true", help="do not start qcluster")
        parser.add_argument(
            "--prepare-only", action="store_true", help="prepare the database, then exit"
        )
        parser.add_argument(
            "--demo",
            action="store_true",
            help="also serve fictional websites on loopback, import their domains and point "
            "the workers at them (sitemaps and contact pages are queued automatically)",
        )
        parser.add_argument(
            "--demo-port",
            type=int,
            default=None,
            help="port of the demo sites (default 8401); the demo places service uses the next",
        )

    def handle(self, *args, addr: str, no_workers: bool, prepare_only: bool, **options):
        host, port = _split_addr(addr)
        demo_port = None
        if options.get("demo"):
            demo_port = options.get("demo_port") or DEFAULT_PORT
        if not prepare_only:
            # Before anything starts or migrates: a busy port is the commonest first-run failure.
            self._check_port_free(host, port, flag="--addr HOST:PORT")
            if demo_port is not None:
                places_port = demo_port + PLACES_PORT_OFFSET
                if port in (demo_port, places_port):
                    raise CommandError(
                        f"--demo-port {demo_port} uses ports {demo_port} (the demo websites) and "
                        f"{places_port} (the demo places service); the web server's port {port} "
                        "is one of them: pick another one"
                    )
                self._check_port_free("127.0.0.1", demo_port, flag="--demo-port PORT")
                self._check_port_free(
                    "127.0.0.1",
                    places_port,
                    flag="--demo-port PORT (the demo places service listens on PORT + 1)",
                )
        self.stdout.write("migrating Django's tables ...")
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("applying sql/ (the project's schema) ...")
        call_command("apply_sql", stdout=self.stdout)
        password = self._ensure_admin()
        if "setup_schedules" in get_commands():
            call_command("setup_schedules", stdout=self.stdout)
        if prepare_only:
            self._print_login(addr, password)
            return

        children: list[subprocess.Popen] = []
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        env = dict(os.environ)
        if demo_port is not None:
            env.update(demo_environment(demo_port))
            children.append(
                subprocess.Popen([*manage, "demo", "--serve", "--port", str(demo_port)])
            )
            call_command("demo", stdout=self.stdout)
        if not no_workers:
            # The workers log a line per consumer run at INFO, every minute even when idle:
            # on the terminal of `up`, only their warnings (LOG_LEVEL set by hand wins).
            worker_env = {**env, "LOG_LEVEL": os.environ.get("LOG_LEVEL") or "WARNING"}
            children.append(subprocess.Popen([*manage, "qcluster"], env=worker_env))
        # DEBUG: Django's development server (tracebacks, static files from the apps); else
        # the production server, gunicorn (`manage.py serve`).
        web = ["runserver", addr, "--noreload"] if settings.DEBUG else ["serve", "--addr", addr]
        children.append(subprocess.Popen([*manage, *web], env=env))
        # Last, once the web server has printed its banner: on screen when the start is over.
        self._wait_for_port(host, port, children)
        self.stdout.write(
            self.style.SUCCESS(f"ScraperSky is up: http://{addr}/admin/  (Ctrl-C stops it)")
        )
        self._print_login(addr, password)
        self._supervise(children)

    def _ensure_admin(self) -> str | None:
        """The new admin's password when this run created the first admin user, else None."""
        user_model = get_user_model()
        if user_model.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "an admin user exists (new password: bin/scrapersky changepassword NAME)"
            )
            return None
        password = secrets.token_urlsafe(12)
        user_model.objects.create_superuser("admin", "admin@localhost", password)
        self.stdout.write("created the first admin user (its password is shown below)")
        return password

    def _print_login(self, addr: str, password: str | None) -> None:
        if password is None:
            return
        lines = [
            "The first admin user (shown once):",
            "",
            f"  URL:       http://{addr}/admin/",
            "  username:  admin",
            f"  password:  {password}",
            "",
            "Change it with: bin/scrapersky changepassword admin",
        ]
        width = max(len(line) for line in lines)
        box = ["+" + "-" * (width + 2) + "+"]
        box += [f"| {line.ljust(width)} |" for line in lines]
        box.append(box[0])
        self.stdout.write(self.style.WARNING("\n".join(box)))

    def _wait_for_port(self, host: str, port: int, children, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and all(c.poll() is None for c in children):
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
                sock.settimeout(0.5)
                if sock.connect_ex((host, port)) == 0:
                    time.sleep(0.3)  # runserver prints its banner around the bind
                    return
            time.sleep(0.2)

    def _check_port_free(self, host: str, port: int, *, flag: str) -> None:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.settimeout(1)
            if sock.connect_ex((host, port)) == 0:
                raise CommandError(f"{host}:{port} is in use: stop what runs there or pass {flag}")

    def _supervise(self, children: list[subprocess.Popen]) -> None:
        stopping = False

        def stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        while not stopping and all(child.poll() is None for child in children):
            time.sleep(0.5)
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 30
        for child in children:
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
        failed = [c for c in children if c.returncode not in (0, -signal.SIGTERM, None)]
        if failed and not stopping:
            raise CommandError(f"{' '.join(failed[0].args[2:])} exited with {failed[0].returncode}")
