"""The reaper: rescue rows whose worker died (lease expired, or the worker proven dead)."""

from __future__ import annotations

import logging

from processing import heartbeat
from processing.engine import leases
from scrapersky.status import Status
from scrapersky.workflows import Workflow, all_workflows

logger = logging.getLogger(__name__)


def dead_holders(workflow: Workflow) -> set[str]:
    """Workers (``host:pid``) holding Processing rows of ``workflow`` that are proven dead.

    The distinct claim tokens are read through the partial lease index (rows in flight only).
    ``order_by()`` drops the model's default ordering, which DISTINCT would otherwise take into
    its select list (``-id``: one "distinct" token per row, sorted, 11 ms a call at load).
    """
    tokens = (
        workflow.model.objects.filter(**{workflow.names.processing_field: Status.PROCESSING})
        .order_by()
        .values_list(workflow.names.col("worker"), flat=True)
        .distinct()
    )
    holders = {heartbeat.identity_of(token) for token in tokens if token}
    return heartbeat.certainly_dead(holders - {None})


def reap_expired_leases() -> dict[str, dict[str, list[int]]]:
    """Requeue Processing rows whose lease expired, or set them Error after max_attempts.

    A live worker renews its leases (heartbeat), so only rows of dead or wedged workers are
    touched. Rows of a worker proven dead (``heartbeat.certainly_dead``: its process is gone from
    this host and its heartbeat is silent) have their lease ended first, so they are rescued at
    once instead of after the whole lease. Returns ``{workflow: {"requeued": [ids], "errored":
    [ids]}}``.
    """
    report: dict[str, dict[str, list[int]]] = {}
    for workflow in all_workflows():
        dead = dead_holders(workflow)
        if dead:
            ended = leases.end_leases_of(workflow, sorted(dead))
            if ended:
                logger.warning(
                    "%s: workers %s are gone; ending the leases of rows %s",
                    workflow.name,
                    sorted(dead),
                    ended,
                )
        reaped = leases.reap(workflow, max_attempts=workflow.effective_knobs.max_attempts)
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
