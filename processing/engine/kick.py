"""kick_consumer: wake a workflow's consumer now instead of waiting for its next poll or schedule.

In a cluster worker the kicked task wakes the workflow's lane of the worker loop (which also
polls every quarter second by itself); where no worker loop runs, the task drains the queue.
"""

from __future__ import annotations

import logging
import threading
import time

from django.db import connection

from scrapersky.conf import conf
from scrapersky.workflows import get_workflow

logger = logging.getLogger(__name__)

# A burst of curation calls (an admin action per page of results, an API client looping) must
# not put one consumer task per call on the broker: one wake-up serves the whole queue. Kicks
# within DEBOUNCE_SECONDS of the last one are folded into a single trailing kick, so rows
# committed just after a consumer found the queue empty still get a consumer within the window.
DEBOUNCE_SECONDS = 0.5

_lock = threading.Lock()
_last_kick: dict[str, float] = {}
_trailing: dict[str, threading.Timer] = {}


def kick_consumer(workflow_name: str, *, clock=time.monotonic) -> bool:
    """Enqueue ``processing.tasks.process_{workflow_name}_queue`` on the django-q2 broker.

    Call it from ``transaction.on_commit`` after queueing rows. Returns True when a task was
    enqueued now, False when the kick was folded into a pending trailing kick or kicks are off
    (``SCRAPERSKY_KICK_ON_QUEUE=False``). The schedule created by ``setup_schedules`` remains the
    safety net, so a lost kick delays rows by at most one schedule interval.
    """
    workflow = get_workflow(workflow_name)
    if not conf.kick_on_queue:
        return False
    now = clock()
    with _lock:
        last = _last_kick.get(workflow.name)
        if last is not None and now - last < DEBOUNCE_SECONDS:
            if workflow.name not in _trailing:
                delay = DEBOUNCE_SECONDS - (now - last)
                timer = threading.Timer(delay, _trailing_kick, args=(workflow.name,))
                timer.daemon = True
                _trailing[workflow.name] = timer
                timer.start()
            return False
        _last_kick[workflow.name] = now
    _enqueue(workflow.name)
    return True


def _trailing_kick(workflow_name: str) -> None:
    with _lock:
        _trailing.pop(workflow_name, None)
        _last_kick[workflow_name] = time.monotonic()
    try:
        _enqueue(workflow_name)
    finally:
        # This timer thread opened its own connection (ORM broker); do not leak it.
        connection.close()


def consumers_per_kick() -> int:
    """How many consumer tasks one kick enqueues: by default one. Every worker's loop already
    serves every workflow, so one wake-up is enough; more only help clusters without it."""
    return max(1, int(conf.kick_consumers or 1))


def _enqueue(workflow_name: str) -> None:
    from django_q.tasks import async_task

    workflow = get_workflow(workflow_name)
    try:
        for _ in range(consumers_per_kick()):
            async_task(
                workflow.names.task_path,
                task_name=f"kick:{workflow.name}",
                group=f"scrapersky:{workflow.name}",
            )
    except Exception:
        # A kick is a latency optimisation; the schedule still runs the consumer.
        logger.exception("%s: could not enqueue consumer kick", workflow.name)
        return
    logger.debug("%s: consumer kicked", workflow.name)


def reset_debounce() -> None:
    """Forget previous kicks and cancel trailing ones (tests)."""
    with _lock:
        for timer in _trailing.values():
            timer.cancel()
        _trailing.clear()
        _last_kick.clear()
