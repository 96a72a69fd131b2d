"""The reaper: rescue rows whose worker died (lease expired) in every workflow."""

from __future__ import annotations

import logging

from processing.engine import claims
from scrapersky.workflows import all_workflows

logger = logging.getLogger(__name__)


def reap_expired_leases() -> dict[str, dict[str, list[int]]]:
    """Requeue Processing rows whose lease expired, or set them Error after max_attempts.

    A live worker renews its leases (heartbeat), so only rows of dead or wedged workers are
    touched. Returns ``{workflow: {"requeued": [ids], "errored": [ids]}}``.
    """
    report: dict[str, dict[str, list[int]]] = {}
    for workflow in all_workflows():
        reaped = claims.reap(workflow, max_attempts=workflow.settings.max_attempts)
        report[workflow.name] = {"requeued": reaped.requeued, "errored": reaped.errored}
        if reaped.requeued:
            logger.warning("%s: requeued rows %s (lease expired)", workflow.name, reaped.requeued)
        if reaped.errored:
            logger.warning(
                "%s: rows %s set Error (lease expired, attempts exhausted)",
                workflow.name,
                reaped.errored,
            )
    return report
