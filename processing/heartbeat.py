"""Worker liveness: heartbeats written by worker processes, read by health checks and the reaper."""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterable
from datetime import datetime, timedelta

import psutil
from django.db import DatabaseError
from django.db.models import F
from django.utils import timezone

from processing.models import WorkerHeartbeat
from scrapersky.conf import conf
from scrapersky.workflows import all_workflows

logger = logging.getLogger(__name__)


def _identity() -> tuple[str, str, int]:
    hostname = socket.gethostname()
    pid = os.getpid()
    return f"{hostname}:{pid}", hostname, pid


_paused: dict[str, dict[str, str]] = {}  # this process's paused lanes, sent with each beat


def pause_lane(workflow: str, *, reason: str, until: datetime) -> None:
    """Say (with the next beats) that this process's lane of ``workflow`` pauses until ``until``
    because of ``reason`` (a burst of machine faults); the dashboard shows it."""
    _paused[workflow] = {"reason": reason, "until": until.isoformat()}


def resume_lane(workflow: str) -> None:
    _paused.pop(workflow, None)


def beat(*, task_run: bool = False) -> bool:
    """Record that this process is alive (an upsert; never raises into the caller's task).

    Returns False when the database refused it (the caller may drop its connection)."""
    worker, hostname, pid = _identity()
    now = timezone.now()
    known = known_workflows()
    try:
        updated = WorkerHeartbeat.objects.filter(worker=worker).update(
            seen_at=now,
            tasks_run=F("tasks_run") + (1 if task_run else 0),
            workflows=known,
            paused_lanes=dict(_paused),
        )
        if not updated:
            WorkerHeartbeat.objects.bulk_create(
                [
                    WorkerHeartbeat(
                        worker=worker,
                        hostname=hostname,
                        pid=pid,
                        started_at=now,
                        seen_at=now,
                        tasks_run=1 if task_run else 0,
                        workflows=known,
                        paused_lanes=dict(_paused),
                    )
                ],
                ignore_conflicts=True,
            )
    except DatabaseError:
        logger.warning("could not record the worker heartbeat", exc_info=True)
        return False
    return True


def known_workflows() -> list[str]:
    """The workflows this process loaded (the registry as it was when the process started)."""
    return sorted(w.name for w in all_workflows())


def unknown_workflows(workers: Iterable[WorkerHeartbeat]) -> list[str]:
    """The registry's workflows that no worker among ``workers`` knows (started before the
    workflow was added), ignoring workers that did not say what they know."""
    told = [set(w.workflows) for w in workers if w.workflows is not None]
    if not told:
        return []
    known = set().union(*told)
    return [w.name for w in all_workflows() if w.name not in known]


def max_age() -> timedelta:
    """How old a heartbeat may be for its worker to count as alive."""
    return timedelta(seconds=conf.heartbeat_max_age)


def dead_after() -> timedelta:
    """How long a heartbeat must be silent before its worker may be declared dead (the worker
    engine beats every second; see ``certainly_dead``)."""
    return timedelta(seconds=conf.heartbeat_dead_after)


def identity_of(token: str) -> str | None:
    """The worker (``host:pid``) that wrote a claim token ``host:pid:run:batch``, if readable."""
    parts = token.split(":")
    if len(parts) < 3 or not parts[1].isdigit():
        return None
    return f"{parts[0]}:{parts[1]}"


def process_gone(pid: int) -> bool:
    """True when no process ``pid`` runs on this machine (a zombie counts as gone)."""
    try:
        return psutil.Process(pid).status() in (psutil.STATUS_ZOMBIE, psutil.STATUS_DEAD)
    except psutil.NoSuchProcess:
        return True
    except psutil.Error:
        return False  # e.g. access denied: it exists


def certainly_dead(workers: Iterable[str], *, now=None) -> set[str]:
    """The workers (``host:pid``) among ``workers`` that cannot be alive.

    Proof needs both: the worker ran on this host and its process is gone, and its heartbeat
    (if it ever wrote one) has been silent for ``dead_after()``. A worker on another host, or
    whose pid exists (even reused by another program), is never declared dead here: its rows
    wait for their lease. The heartbeat condition guards against a second pid namespace that
    shares this hostname (a container with the host's name), where a live worker's pid would
    look gone.
    """
    host = socket.gethostname()
    candidates: set[str] = set()
    for worker in set(workers):
        name, _, pid = worker.rpartition(":")
        if name == host and pid.isdigit() and int(pid) != os.getpid() and process_gone(int(pid)):
            candidates.add(worker)
    if not candidates:
        return set()
    now = now or timezone.now()
    fresh = WorkerHeartbeat.objects.filter(
        worker__in=candidates, seen_at__gte=now - dead_after()
    ).values_list("worker", flat=True)
    return candidates - set(fresh)


def alive_workers(now=None) -> list[WorkerHeartbeat]:
    now = now or timezone.now()
    return list(WorkerHeartbeat.objects.filter(seen_at__gte=now - max_age()))


def prune(older_than: timedelta = timedelta(days=1)) -> int:
    """Forget workers not seen for a day (restarts leave one row per old pid)."""
    deleted, _ = WorkerHeartbeat.objects.filter(seen_at__lt=timezone.now() - older_than).delete()
    return deleted


def forget_stopped() -> int:
    """Remove the heartbeats of this host's workers whose process is gone; the count removed.

    Called by ``qcluster`` once its stop has reaped every worker: health and the dashboard see
    the stop at once instead of after ``max_age()``. Live workers of another cluster on this
    host keep theirs; a killed cluster runs nothing, and its heartbeats age out.
    """
    hostname = socket.gethostname()
    try:
        rows = WorkerHeartbeat.objects.filter(hostname=hostname).values_list("worker", "pid")
        gone = [worker for worker, pid in rows if process_gone(pid)]
        if gone:
            WorkerHeartbeat.objects.filter(worker__in=gone).delete()
    except DatabaseError:
        logger.warning("could not remove the stopped workers' heartbeats", exc_info=True)
        return 0
    return len(gone)


def on_spawn(sender, proc_name=None, **kwargs) -> None:
    beat()


def on_execute(sender, func=None, task=None, **kwargs) -> None:
    beat(task_run=True)
