"""manage.py requeue WORKFLOW: put errored and/or stuck rows back in the queue."""

from __future__ import annotations

import getpass
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone

from curation.models import Channel
from processing.engine import leases
from scrapersky.status import Status
from scrapersky.workflows import get_workflow


class Command(BaseCommand):
    help = (
        "Requeue a workflow's rows: --errored (through the curation service, audited, channel "
        "'command') and/or --stuck (Processing past their lease, through the engine's claims). "
        "Narrow with --ids and --older-than; --dry-run only counts."
    )

    def add_arguments(self, parser):
        parser.add_argument("workflow")
        parser.add_argument("--errored", action="store_true", help="rows in processing Error")
        parser.add_argument("--stuck", action="store_true", help="Processing past their lease")
        parser.add_argument("--ids", type=lambda v: [int(x) for x in v.split(",") if x.strip()])
        parser.add_argument(
            "--older-than", type=int, metavar="MINUTES", help="finished/started before this"
        )
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, workflow: str, errored: bool, stuck: bool, **options):
        try:
            wf = get_workflow(workflow)
        except LookupError as exc:
            raise CommandError(str(exc)) from None
        if not (errored or stuck):
            raise CommandError("say what to requeue: --errored and/or --stuck")
        now = timezone.now()
        base = wf.model.objects.all()
        if options["ids"]:
            base = base.filter(pk__in=options["ids"])
        older = options["older_than"]
        if errored:
            rows = base.filter(**{wf.names.processing_field: Status.ERROR})
            if older is not None:
                rows = rows.filter(
                    **{f"{wf.names.col('finished_at')}__lt": now - timedelta(minutes=older)}
                )
            self._requeue_errored(wf, rows, dry_run=options["dry_run"])
        if stuck:
            rows = base.filter(
                **{
                    wf.names.processing_field: Status.PROCESSING,
                    f"{wf.names.col('lease_expires_at')}__lt": now,
                }
            )
            if older is not None:
                # started_at is NULL for rows claimed but never started: their age is unknown.
                rows = rows.filter(
                    Q(**{f"{wf.names.col('started_at')}__lt": now - timedelta(minutes=older)})
                    | Q(**{f"{wf.names.col('started_at')}__isnull": True})
                )
            ids = list(rows.values_list("pk", flat=True))
            if options["dry_run"]:
                self.stdout.write(f"{wf.name}: would requeue {len(ids)} stuck rows")
            else:
                done = leases.requeue_stuck(wf, ids)
                self.stdout.write(f"{wf.name}: requeued {len(done)} stuck rows")

    def _requeue_errored(self, wf, rows, *, dry_run: bool) -> None:
        if dry_run:
            self.stdout.write(f"{wf.name}: would requeue {rows.count()} errored rows")
            return
        from curation.services import CurationError, set_curation_status

        try:
            result = set_curation_status(
                workflow=wf,
                status=Status.QUEUED,
                queryset=rows,
                actor=getpass.getuser(),
                channel=Channel.COMMAND,
            )
        except CurationError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"{wf.name}: requeued errored rows: {getattr(result, 'message', result)}")
