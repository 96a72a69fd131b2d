"""manage.py reap: run the lease reaper now."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from processing.engine.reaper import reap_expired_leases


class Command(BaseCommand):
    help = "Requeue (or set Error after max attempts) Processing rows whose lease has expired."

    def handle(self, *args, **options):
        for workflow, report in reap_expired_leases().items():
            self.stdout.write(
                f"{workflow}: requeued {len(report['requeued'])}, errored {len(report['errored'])}"
            )
