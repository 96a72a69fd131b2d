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
        parser.add_argument("--demo-port", type=int, default=None, help="port of the demo sites")

    def handle(self, *args, addr: str, no_workers: bool, prepare_only: bool, **options):
        self.stdout.write("migrating Django's tables ...")
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("applying sql/ (the project's schema) ...")
        call_command("apply_sql", stdout=self.stdout)
        self._ensure_admin()
        if "setup_schedules" in get_commands():
            call_command("setup_schedules", stdout=self.stdout)
        if prepare_only:
            return
        host, _, port = addr.rpartition(":")
        self._check_port_free(host or "127.0.0.1", int(port))

        children: list[subprocess.Popen] = []
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        env = dict(os.environ)
        if options.get("demo"):
            from curation.management.commands.demo import DEFAULT_PORT, demo_environment

            port = options.get("demo_port") or DEFAULT_PORT
            env.update(demo_environment(port))
            children.append(subprocess.Popen([*manage, "demo", "--serve", "--port", str(port)]))
            call_command("demo", stdout=self.stdout)
        if not no_workers:
            children.append(subprocess.Popen([*manage, "qcluster"], env=env))
        children.append(subprocess.Popen([*manage, "runserver", addr, "--noreload"], env=env))
        self.stdout.write(
            self.style.SUCCESS(f"ScraperSky is up: http://{addr}/admin/  (Ctrl-C stops it)")
        )
        self._supervise(children)

    def _ensure_admin(self) -> None:
        user_model = get_user_model()
        if user_model.objects.filter(is_superuser=True).exists():
            self.stdout.write("an admin user exists (reset: python manage.py changepassword NAME)")
            return
        password = secrets.token_urlsafe(12)
        user_model.objects.create_superuser("admin", "admin@localhost", password)
        self.stdout.write(
            self.style.WARNING(
                f"created the first admin user:  username: admin   password: {password}\n"
                "(shown once; change it with: python manage.py changepassword admin)"
            )
        )

    def _check_port_free(self, host: str, port: int) -> None:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            if sock.connect_ex((host, port)) == 0:
                raise CommandError(f"{host}:{port} is in use: stop what runs there or pass --addr")

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
