"""Workflow `lead_sync`: Deliver a domain's lead (the company with its contacts) to every enabled
destination: signed webhooks and HubSpot.

Source table: `domains`; destination: updates the source rows. Estimated time per record: < 1 second
(one HTTP call per destination). Fields needed: id, domain, company_name. Validation: A destination
is configured by the operator; an unchanged lead is not sent again.

The engine calls ``process_single_domain_for_lead_sync(row)`` outside any transaction with a claimed
``Domain`` row. Do the slow work (I/O) here, then return a ``persist()`` callable that writes the
results; the engine runs it and marks the row Complete in one transaction. Raise ``TransientError``
for failures worth retrying (timeouts, 5xx) and ``PermanentError`` for the rest: the row ends
``Error`` with your message.
"""

from __future__ import annotations

from collections.abc import Callable

from curation.models.domains import Domain
from processing.errors import PermanentError, TransientError  # noqa: F401  (for your code)


def process_single_domain_for_lead_sync(row: Domain) -> Callable[[], None] | None:
    """Process one ``domains`` row for lead_sync.

    Until you fill this in, a row is accepted as it is: it completes without changes.
    """
    return None
