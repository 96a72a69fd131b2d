"""qcluster: django-q2's cluster, with a clean stop (SIGTERM ends every process, no orphans)."""

from __future__ import annotations

import os
import sys

from django.conf import settings
from django_q.management.commands.qcluster import Command as DjangoQCommand

from processing.cluster import run_cluster, supported


class Command(DjangoQCommand):
    help = (
        "Starts the django-q2 worker cluster. SIGTERM or SIGINT to this process (or its whole "
        "process group) stops it: rows in flight finish, the others are released, then every "
        "cluster process has exited; a second signal kills them at once."
    )
    # Workers start like a WSGI server, without Django's system checks: they would add half a
    # second to every restart. `manage.py check --database default` belongs to the deploy.
    requires_system_checks = []

    def handle(self, *args, **options):
        if not supported():  # no prctl: django-q2's own command
            return super().handle(*args, **options)
        settings.SECRET_KEY  # noqa: B018 - django-q2 signs task packages with it: fail early
        if options.get("cluster_name"):  # django-q2's multi-queue setup, as its command does
            os.environ["Q_CLUSTER_NAME"] = options["cluster_name"]
        stop_timeout = float(settings.Q_CLUSTER.get("timeout") or 300)
        status = run_cluster(run_once=options.get("run_once", False), stop_timeout=stop_timeout)
        if status:
            sys.exit(status)
