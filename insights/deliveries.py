"""The dashboard's destinations card: per destination, its last success and last error, the
domains waiting to be synced, and the deletes (lead retractions) waiting or failed.

Read through ``lead_deliveries``' indexes (``(destination, sent_at)`` and the partial
``(destination, last_error_at)``) and lead_sync's partial queue index.
"""

from __future__ import annotations

from django.db.models import Max

from curation.models import Domain, LeadDelivery, LeadRetraction
from processing.delivery.config import DeliveryConfigError, destination_keys
from scrapersky.status import Status


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def delivery_figures() -> dict:
    """``{"destinations": [...], "waiting": n, "errored": n, "config_error": str|None}``."""
    config_error = None
    try:
        keys = destination_keys()
    except DeliveryConfigError as exc:
        keys, config_error = [], str(exc)
    # Destinations as configured now: the card is about where leads go.
    destinations = []
    for key in keys:
        rows = LeadDelivery.objects.filter(destination=key)
        last_success = rows.aggregate(at=Max("sent_at"))["at"]
        error = (
            rows.filter(last_error_at__isnull=False)
            .order_by("-last_error_at")
            .values("last_error", "last_error_at", "domain_id")
            .first()
        )
        destinations.append(
            {
                "key": key,
                "last_success": _iso(last_success),
                "last_error": {
                    "at": _iso(error["last_error_at"]),
                    "message": error["last_error"][:300],
                    "domain_id": error["domain_id"],
                    "current": not last_success or error["last_error_at"] > last_success,
                }
                if error
                else None,
            }
        )
    return {
        "destinations": destinations,
        "waiting": Domain.objects.filter(lead_sync_processing_status=Status.QUEUED).count(),
        "errored": Domain.objects.filter(lead_sync_processing_status=Status.ERROR).count(),
        "deletes_waiting": LeadRetraction.objects.filter(
            lead_retraction_processing_status__in=[Status.QUEUED, Status.PROCESSING]
        ).count(),
        "deletes_errored": LeadRetraction.objects.filter(
            lead_retraction_processing_status=Status.ERROR
        ).count(),
        "config_error": config_error,
    }
