"""*Sync again*: send domains' leads to every destination even if unchanged.

One write path, like the curation service it calls: in one transaction, the hashes of what the
destinations last accepted are forgotten (``lead_deliveries.lead_hash``), so the next sync sends,
and the domains are queued for ``lead_sync`` through :func:`curation.services.set_curation_status`
(audited; rows a worker holds are skipped, as always).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from curation.models import Channel, Domain, LeadDelivery
from curation.services import set_curation_status
from curation.status_results import StatusChangeResult
from scrapersky.status import Status

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.db.models import QuerySet


def sync_again(
    *, queryset: QuerySet[Domain], actor: AbstractBaseUser | str, channel: Channel
) -> StatusChangeResult:
    """Forget what the destinations have of these domains and queue them for lead_sync."""
    with transaction.atomic():
        LeadDelivery.objects.filter(domain_id__in=queryset.order_by().values("pk")).update(
            lead_hash=""
        )
        return set_curation_status(
            workflow="lead_sync",
            status=Status.QUEUED,
            queryset=queryset,
            actor=actor,
            channel=channel,
        )
