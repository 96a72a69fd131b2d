"""The dashboard's contacts card: how many contacts there are, how many are new, of which kind.

Read through the contacts' indexes: the per-kind totals come from ``contacts_kind_idx`` (or the
planner's estimates on a table bigger than ``SCRAPERSKY_DASHBOARD_EXACT_ROWS``, like the
workflow cards), the new-contact counts from ``contacts_created_at_idx``.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from curation.models import Contact, ContactKind
from insights.counts import estimated_counts, grouped_counts, is_big

# (one, many) for the card: "1 email", "3 social profiles".
KIND_LABELS = {
    "email": ("email", "emails"),
    "phone": ("phone", "phones"),
    "social": ("social profile", "social profiles"),
}


def contact_figures(now: datetime | None = None) -> dict:
    """Totals by kind, and contacts created in the last hour and the last day."""
    now = now or timezone.now()
    estimated = is_big("contacts")
    if estimated:
        counts = estimated_counts("contacts", "kind")
    else:
        counts = grouped_counts(Contact.objects, "kind")
    by_kind = {kind: int(counts.get(kind, 0)) for kind in ContactKind.values}
    recent = Contact.objects.filter(created_at__gt=now - timedelta(days=1))
    return {
        "total": sum(by_kind.values()),
        "estimated": estimated,
        "by_kind": by_kind,
        "kind_labels": KIND_LABELS,
        "new_last_hour": recent.filter(created_at__gt=now - timedelta(hours=1)).count(),
        "new_last_day": recent.count(),
    }
