"""Worker liveness: heartbeats written by worker processes, read by health checks and the reaper."""

from __future__ import annotations

import logging
import os
import secrets
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


# A worker is known by ``host:pid:nonce``: the nonce is random per process (drawn again in every
# forked child), so two machines or containers sharing a hostname and a pid are still two
# workers. Whether a worker is dead is only ever decided where its pid means something: same
# boot id (the same running kernel) and same pid namespace (``certainly_dead``).
_nonce = ""


def _new_nonce() -> None:
    global _nonce
    _nonce = secrets.token_hex(6)


_new_nonce()
os.register_at_fork(after_in_child=_new_nonce)


def worker_identity() -> str:
    """This process's worker identity, ``host:pid:nonce`` (claim tokens start with it)."""
    return f"{socket.gethostname()}:{os.getpid()}:{_nonce}"


def _read(path: str) -> str:
    try:
        with open(path) as handle:
            return handle.read().strip()
    except OSError:
        return ""


def boot_id() -> str:
    """The running kernel's boot id (Linux), "" where there is none."""
    return _read("/proc/sys/kernel/random/boot_id")


def pid_namespace() -> str:
    """This process's pid namespace (``pid:[4026531836]`` on Linux), "" where there is none."""
    try:
        return os.readlink("/proc/self/ns/pid")
    except OSError:
        return ""


def _identity() -> tuple[str, str, int]:
    return worker_identity(), socket.gethostname(), os.getpid()


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
            boot_id=boot_id(),
            pid_namespace=pid_namespace(),
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
                        boot_id=boot_id(),
                        pid_namespace=pid_namespace(),
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
    """The worker that wrote a claim token: ``host:pid:nonce`` of ``host:pid:nonce:run:batch``
    (``host:pid`` of an older worker's ``host:pid:run:batch``), None when unreadable."""
    parts = token.split(":")
    if len(parts) < 3 or not parts[1].isdigit():
        return None
    if len(parts) >= 5:
        return ":".join(parts[:3])
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
    """The workers (``host:pid:nonce``) among ``workers`` that cannot be alive.

    Proof needs all of: the worker's heartbeat says it ran under this kernel (boot id) in this
    pid namespace, on this host; its pid is gone here; and its heartbeat has been silent for
    ``dead_after()``. A worker on another machine or in another container (even one sharing this
    hostname), one that never wrote a heartbeat, one of an older version (``host:pid``), or one
    whose pid exists (even reused by another program) is never declared dead here: its rows wait
    for their lease to end.
    """
    host = socket.gethostname()
    me = worker_identity()
    candidates: set[str] = set()
    for worker in set(workers):
        parts = worker.split(":")
        if len(parts) != 3 or parts[0] != host or not parts[1].isdigit() or worker == me:
            continue
        if process_gone(int(parts[1])):
            candidates.add(worker)
    if not candidates:
        return set()
    here = (boot_id(), pid_namespace())
    if not all(here):
        return set()  # nothing to compare with: no proof
    now = now or timezone.now()
    silent_since = now - dead_after()
    rows = WorkerHeartbeat.objects.filter(worker__in=candidates).values_list(
        "worker", "seen_at", "boot_id", "pid_namespace"
    )
    return {
        worker
        for worker, seen_at, boot, namespace in rows
        if (boot, namespace) == here and seen_at < silent_since
    }


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
        # Only where this process's pids mean something: this kernel, this pid namespace.
        rows = WorkerHeartbeat.objects.filter(
            hostname=hostname, boot_id=boot_id(), pid_namespace=pid_namespace()
        ).values_list("worker", "pid")
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
