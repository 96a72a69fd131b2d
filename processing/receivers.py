"""Receivers processing connects to curation's signals: the consumer kick when rows are queued."""

import logging

logger = logging.getLogger(__name__)


def kick_on_queue(sender, *, workflow: str, **kwargs) -> None:
    """Start the workflow's consumer now; a failing kick must not fail the committed change."""
    # Looked up at call time: tests replace processing.engine.kick_consumer.
    from processing import engine

    try:
        engine.kick_consumer(workflow)
    except Exception:
        # The rows are committed and the scheduled consumer is the safety net.
        logger.exception("kicking the %s consumer failed", workflow)
