"""Workflow `contact_validation`: Check that a contact can be reached: email syntax, mail exchangers
and disposable domains; phone validity and line type; social profile shape.

Source table: `contacts`; destination: updates the source rows. Estimated time per record: < 1
second (one DNS lookup per email domain, cached per run). Fields needed: kind, value,
classification. Validation: Check for valid email format, a mail exchanger for the domain, a
dialable phone number, a well-formed profile URL.

The checks live in ``processing.validation`` (one module per kind); this service runs them on
the stored value and writes the verdict, its reason, when it was checked and the refreshed
classification (role/free/company, the phone's line type, the network). A DNS failure (timeout,
SERVFAIL) raises ``DnsLookupError``, a ``TransientError``: the engine retries the row with
backoff. NXDOMAIN, a null MX and "no mail exchanger" are verdicts (``invalid``), not errors.
No SMTP connection is made and no social network is asked.
"""

from __future__ import annotations

from django.utils import timezone

from curation.models.contacts import Contact
from processing.persist import Persist
from processing.validation import validate_contact
from scrapersky.conf import conf


def process_single_contact_for_contact_validation(row: Contact) -> Persist:
    """Validate one contact as stored; the verdict is written by ``persist()``."""
    check = validate_contact(
        kind=row.kind, value=row.value, default_region=conf.default_phone_region
    )
    checked_at = timezone.now()

    def persist() -> None:
        values = {
            "verdict": check.verdict,
            "verdict_reason": check.reason[:500],
            "verdict_checked_at": checked_at,
        }
        if check.classification:
            values["classification"] = check.classification
        Contact.objects.filter(pk=row.pk).update(**values)

    return persist
