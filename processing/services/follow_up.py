"""Queueing the next workflow's rows automatically, when a setting asks for it."""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import QuerySet

from curation.models import Channel
from scrapersky.status import Status


def queue_follow_up(workflow: str, ids: Sequence[int] | QuerySet, *, actor: str) -> int:
    """Queue rows for ``workflow`` through the curation service (audited, channel "system")."""
    from curation.services import set_curation_status

    if isinstance(ids, QuerySet):
        result = set_curation_status(
            workflow=workflow,
            status=Status.QUEUED,
            queryset=ids,
            actor=actor,
            channel=Channel.SYSTEM,
        )
    else:
        if not ids:
            return 0
        result = set_curation_status(
            workflow=workflow,
            status=Status.QUEUED,
            ids=list(ids),
            actor=actor,
            channel=Channel.SYSTEM,
        )
    return len(result.queued_ids)
