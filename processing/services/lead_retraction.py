"""Workflow `lead_retraction`: Tell each destination that a delivered lead (or part of one) was
deleted: a signed lead.deleted webhook event, HubSpot archives, or the lead synced again.

Source table: `lead_retractions`; destination: updates the source rows. Estimated time per
record: < 1 second. Fields needed: id, kind, domain_id, domain, destination, lead_hash,
remote_ids. Validation: the destination is still configured; HubSpot ids come from what it
accepted.

Rows are written, already queued, by triggers in the deleting transaction (sql/093), so a delete
and the work it leaves commit together and nothing is lost when a worker dies: a row whose
worker died is claimed again after its lease, and each step is idempotent.

- kind ``lead`` (a delivered domain was deleted), per destination: a webhook gets the signed
  event ``lead.deleted`` (:func:`processing.delivery.webhook.deleted_event`; its
  ``Idempotency-Key`` ``lead-<id>-deleted`` is the same on every retry); HubSpot archives the
  contacts and the company we created there (:func:`processing.delivery.hubspot_sync.archive_lead`).
- kind ``resync`` (a contact or person of a delivered lead was deleted): the domain is queued for
  ``lead_sync`` through the curation service (audited, channel ``system``), which sends the new
  version and archives in HubSpot the contacts that are gone. A domain a worker is syncing right
  now is retried later (that sync may have read the lead before the delete).

Failures are the delivery client's (``TransientError`` retried with backoff, ``PermanentError``
an ``Error`` with the destination's answer). The row records the calls and when it was sent.
"""

from __future__ import annotations

from django.utils import timezone

from curation.models import Channel
from curation.models.deliveries import LeadRetraction, LeadRetractionKind
from processing.db_steps import db_step
from processing.delivery.config import DeliveryConfigError, hubspot_config, webhook_configs
from processing.delivery.webhook import deleted_event, post_event
from processing.errors import PermanentError, TransientError
from processing.persist import Persist
from processing.services.lead_sync import delivery_http

#: a domain being synced when its contact was deleted is queued again after this wait
BUSY_RETRY_SECONDS = 30.0


def process_single_lead_retraction_for_lead_retraction(row: LeadRetraction) -> Persist | None:
    """Tell ``row.destination`` that the lead is gone, or queue the changed lead's sync."""
    if row.kind == LeadRetractionKind.RESYNC:
        db_step(_queue_sync, row)  # on a database thread (db_steps): no connection held here
        return None
    try:
        calls = _retract(row)
    except DeliveryConfigError as exc:
        raise PermanentError(f"delivery settings: {exc}") from None
    sent_at = timezone.now()

    def persist() -> None:
        LeadRetraction.objects.filter(pk=row.pk).update(calls=calls, sent_at=sent_at)

    return persist


def _retract(row: LeadRetraction) -> int:
    """Send the retraction to the row's destination; the HTTP calls it took."""
    http = delivery_http()
    if row.destination == "hubspot":
        config = hubspot_config()
        if config is None:
            raise PermanentError(
                "HubSpot is no longer configured (SCRAPERSKY_HUBSPOT_TOKEN): nothing archived"
            )
        from processing.delivery.hubspot_sync import archive_lead

        return archive_lead(http, config, row.remote_ids)
    hook = next((h for h in webhook_configs() if h.key == row.destination), None)
    if hook is None:
        raise PermanentError(
            f"{row.destination} is no longer configured (SCRAPERSKY_WEBHOOKS_JSON): "
            "lead.deleted not sent"
        )
    body = deleted_event(
        domain_id=row.domain_id,
        domain=row.domain,
        lead_hash=row.lead_hash,
        deleted_at=row.created_at.isoformat().replace("+00:00", "Z"),
    )
    return post_event(http, hook, "lead.deleted", body, f"lead-{row.domain_id}-deleted").calls


def _queue_sync(row: LeadRetraction) -> None:
    from curation.services import set_curation_status

    result = set_curation_status(
        workflow="lead_sync",
        status="Queued",
        ids=[row.domain_id],
        actor="lead_retraction",
        channel=Channel.SYSTEM,
    )
    if result.skipped:
        raise TransientError(
            f"domain {row.domain or row.domain_id} is being synced: queued again later "
            f"({result.message})",
            retry_after=BUSY_RETRY_SECONDS,
        )
