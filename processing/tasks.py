"""django-q2 task entry points: one consumer per registered workflow, and the reaper.

In a cluster worker the worker loop (``processing.engine.worker_loop``) already serves every
workflow, so a consumer task there only wakes the workflow's lane (a kick, or the schedule's
safety net) and returns at once; elsewhere (a process without the loop) it drains the queue.

The consumer functions are generated from the registry at import, as module attributes named
``process_{workflow_name}_queue``, so django-q2 finds them by dotted path
(``processing.tasks.process_page_curation_queue``) and a new workflow needs no code here.
"""

from __future__ import annotations

from processing import heartbeat
from processing.engine import reaper, runner, worker_loop
from scrapersky.workflows import all_workflows


def run_workflow_queue(workflow_name: str) -> dict:
    """Wake the workflow's lane of this worker's loop, or drain its queue (a consumer run)."""
    loop = worker_loop.current()
    if loop is not None:
        loop.nudge(workflow_name)
        return {"workflow": workflow_name, "worker_loop": loop.reason or "running"}
    return runner.run_consumer(workflow_name).as_dict()


def reap_expired_leases() -> dict:
    """Rescue rows whose worker died (scheduled every minute as a safety net: the worker loops
    reap every second); forget long-gone workers; prune the change feed's old entries."""
    from curation import changes

    result = reaper.reap_expired_leases()
    heartbeat.prune()
    changes.prune()
    return result


def _consumer(workflow_name: str):
    def task() -> dict:
        return run_workflow_queue(workflow_name)

    task.__name__ = task.__qualname__ = f"process_{workflow_name}_queue"
    task.__module__ = __name__
    task.__doc__ = f"Consumer of the {workflow_name} queue (generated from the registry)."
    return task


for _workflow in all_workflows():
    globals()[_workflow.names.task_name] = _consumer(_workflow.name)
del _workflow
