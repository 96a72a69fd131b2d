"""Steps the delivery tests share: sync a domain's lead through the workflow, as a curator would."""

from __future__ import annotations

from curation.models import Domain
from curation.services import set_curation_status
from processing.engine.runner import run_consumer


def sync(domain: Domain) -> Domain:
    """Queue ``domain`` for lead_sync, run the consumer once, return it as it ended."""
    set_curation_status(
        workflow="lead_sync", status="Queued", ids=[domain.pk], actor="test", channel="command"
    )
    run_consumer("lead_sync", handle_signals=False)
    domain.refresh_from_db()
    return domain
