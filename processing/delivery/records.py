"""``lead_deliveries``: what each destination accepted, written as soon as it accepted it.

Written at once (autocommit), not in the engine's ``persist()``: a destination that accepted a
lead has it whatever later happens to the row (another destination failing, the worker dying,
the lease lost), and the record is what keeps a retry from sending it there again. Each write is
an upsert on (domain, destination), so writing the same fact twice does no harm.

Each write first locks the domain's row (``FOR NO KEY UPDATE``: it waits for a delete in
progress). A domain deleted while its lead was in flight has no row: what the destination took
then becomes the domain's retraction (``lead_retractions``, queued, as the delete trigger of
sql/093 writes them for the deliveries recorded before the delete), so the destination hears of
the delete too; a failure with nothing taken is dropped.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from curation.models import Domain, LeadDelivery, LeadRetraction, LeadRetractionKind
from processing.delivery.lead import SCHEMA_VERSION, Lead


def delivered(domain_id: int) -> dict[str, tuple[str, dict]]:
    """``{destination: (lead_hash, remote_ids)}``: what each destination last accepted for the
    domain, and the ids it holds (also those of a partial delivery)."""
    rows = LeadDelivery.objects.filter(domain_id=domain_id).values_list(
        "destination", "lead_hash", "remote_ids"
    )
    return {destination: (lead_hash, remote_ids) for destination, lead_hash, remote_ids in rows}


def record_success(
    *, domain_id: int, destination: str, lead: Lead, remote_ids: dict, calls: int
) -> None:
    now = timezone.now()
    values = {
        "lead_hash": lead.hash,
        "schema_version": SCHEMA_VERSION,
        "remote_ids": remote_ids,
        "summary": lead.summary(),
        "calls": calls,
        "sent_at": now,
        "last_attempt_at": now,
    }  # last_error stays: the dashboard shows a destination's last error; sent_at is later
    with transaction.atomic():
        if not _domain_still_there(domain_id, destination, lead.hash, remote_ids):
            return
        updated = LeadDelivery.objects.filter(domain_id=domain_id, destination=destination).update(
            sends=F("sends") + 1, **values
        )
        if not updated:
            LeadDelivery.objects.bulk_create(
                [LeadDelivery(domain_id=domain_id, destination=destination, sends=1, **values)],
                update_conflicts=True,
                unique_fields=["domain", "destination"],
                update_fields=list(values),
            )


def record_failure(
    *, domain_id: int, destination: str, error: str, remote_ids: dict | None = None
) -> None:
    """The attempt failed; ``remote_ids``: what the destination took of it all the same (a
    partial delivery), so the retry sends only the rest. The accepted version stays as it was."""
    now = timezone.now()
    values = {"last_attempt_at": now, "last_error": error[:1000], "last_error_at": now}
    if remote_ids is not None:
        values["remote_ids"] = remote_ids
    with transaction.atomic():
        if not _domain_still_there(domain_id, destination, "", remote_ids or {}, sent=False):
            return
        LeadDelivery.objects.bulk_create(
            [LeadDelivery(domain_id=domain_id, destination=destination, **values)],
            update_conflicts=True,
            unique_fields=["domain", "destination"],
            update_fields=list(values),
        )


def _domain_still_there(
    domain_id: int, destination: str, lead_hash: str, remote_ids: dict, *, sent: bool = True
) -> bool:
    """Lock the domain's row; if it was deleted, queue the retraction of what the destination
    took (a sent lead, or part of one) and say so."""
    if Domain.objects.select_for_update(no_key=True).filter(pk=domain_id).exists():
        return True
    if sent or remote_ids:
        now = timezone.now()
        LeadRetraction.objects.create(
            kind=LeadRetractionKind.LEAD,
            domain_id=domain_id,
            destination=destination,
            lead_hash=lead_hash,
            remote_ids=remote_ids,
            lead_retraction_curation_status="Queued",
            lead_retraction_processing_status="Queued",
            lead_retraction_queued_at=now,
        )
    return False


def forget_hashes(domain_ids) -> int:
    """Make the next sync of these domains send again (*Sync again*)."""
    return LeadDelivery.objects.filter(domain_id__in=domain_ids).update(lead_hash="")
