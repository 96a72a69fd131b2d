"""Receivers processing connects to curation's signals: waking the workers when rows are queued."""

import logging

logger = logging.getLogger(__name__)


def kick_on_queue(sender, *, workflow: str, **kwargs) -> None:
    """Wake the workflow's lanes in every worker now (``NOTIFY``, see processing.engine.wake);
    a failing notification must not fail the committed change."""
    from processing.engine import wake

    try:
        wake.notify(workflow)
    except Exception:
        # The rows are committed; the lanes' poll and the schedules are the safety net.
        logger.exception("waking the %s workers failed", workflow)
