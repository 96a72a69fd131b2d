"""manage.py setup_schedules: sync the django-q2 schedules of the workflow consumers and reaper."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from processing.engine.schedules import sync_schedules


class Command(BaseCommand):
    help = (
        "Create, update and remove the 'scrapersky:' django-q2 schedules (one consumer per "
        "workflow, the lease reaper) to match the registry. Idempotent; never duplicates."
    )

    def handle(self, *args, **options):
        actions = sync_schedules()
        for line in actions:
            self.stdout.write(line)
        if not actions:
            self.stdout.write("schedules are up to date")
