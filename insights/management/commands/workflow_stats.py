"""manage.py workflow_stats: queue health of every workflow."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand

from insights.stats import all_stats


class Command(BaseCommand):
    help = (
        "Per workflow: counts by curation and processing status, oldest queued age, rows "
        "finished in the last N minutes, and stuck rows (Processing past their lease)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--minutes", type=int, default=60, help="window for 'finished'")
        parser.add_argument("--json", action="store_true", help="print JSON")

    def handle(self, *args, minutes: int, **options):
        stats = all_stats(minutes=minutes)
        if options["json"]:
            self.stdout.write(json.dumps([s.as_dict() for s in stats], indent=2))
            return
        for s in stats:
            age = "-" if s.oldest_queued_seconds is None else f"{s.oldest_queued_seconds:.0f}s"
            self.stdout.write(self.style.MIGRATE_HEADING(f"{s.workflow} ({s.table})"))
            self.stdout.write(f"  curation:   {_counts(s.curation)}")
            self.stdout.write(f"  processing: {_counts(s.processing)}")
            self.stdout.write(
                f"  queued ready: {s.queued_ready}   oldest queued: {age}   "
                f"finished in last {minutes} min: {s.finished_recently}   stuck: {s.stuck}"
            )


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "(no rows)"
