"""The rows a consumer run holds, and the process's heartbeat thread that renews their leases."""

from __future__ import annotations

import logging
import os
import threading
import time
from typing import TYPE_CHECKING

from django.db import connection

from processing.engine import leases
from processing.engine.faults import drop_broken_connection

if TYPE_CHECKING:
    from collections.abc import Iterable

    from scrapersky.workflows import Workflow

logger = logging.getLogger(__name__)


class Holdings:
    """Row id -> claim token of every row claimed and not yet finished, released or lost."""

    def __init__(self, workflow: Workflow, *, lease_seconds: float) -> None:
        self.workflow = workflow
        self.lease_seconds = lease_seconds
        self._rows: dict[int, str] = {}
        self._lock = threading.Lock()

    def hold(self, rows: Iterable, token: str) -> None:
        with self._lock:
            for row in rows:
                self._rows[row.pk] = token

    def forget(self, ids: Iterable[int]) -> None:
        with self._lock:
            for row_id in ids:
                self._rows.pop(row_id, None)

    def any(self) -> bool:
        with self._lock:
            return bool(self._rows)

    def by_token(self) -> dict[str, list[int]]:
        with self._lock:
            return group_by_token(self._rows.items())

    # --- the lease heartbeat -------------------------------------------------------------------
    def start_heartbeat(self) -> None:
        """Have the process's lease heartbeat renew this run's rows until ``stop_heartbeat``."""
        _renewer.add(self)

    def stop_heartbeat(self) -> None:
        _renewer.discard(self)

    def renew(self) -> None:
        for token, ids in self.by_token().items():
            leases.renew(self.workflow, ids, token=token, lease_seconds=self.lease_seconds)


class _Renewer:
    """The one lease heartbeat of a process: renews the rows of every run (every lane) in turn.

    One thread and one connection for the whole process, whatever the number of lanes running;
    each run's rows every third of its lease. It closes its connection when no run holds rows.
    """

    TICK = 0.5

    def __init__(self) -> None:
        self._runs: dict[Holdings, float] = {}  # run -> when its rows are renewed next
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._pid = 0

    def add(self, holdings: Holdings) -> None:
        every = max(self.TICK, holdings.lease_seconds / 3)
        with self._lock:
            self._runs[holdings] = time.monotonic() + every
            alive = self._thread is not None and self._thread.is_alive()
            if not alive or self._pid != os.getpid():
                self._pid = os.getpid()
                self._thread = threading.Thread(
                    target=self._run, name="lease-heartbeat", daemon=True
                )
                self._thread.start()

    def discard(self, holdings: Holdings) -> None:
        with self._lock:
            self._runs.pop(holdings, None)

    def _due(self) -> list[Holdings]:
        now = time.monotonic()
        with self._lock:
            due = [h for h, at in self._runs.items() if at <= now]
            for h in due:
                self._runs[h] = now + max(self.TICK, h.lease_seconds / 3)
            return due

    def _run(self) -> None:
        failing = False
        try:
            while True:
                self._wake.wait(self.TICK)
                with self._lock:
                    idle = not self._runs
                if idle:
                    connection.close()
                    continue
                for holdings in self._due():
                    wf = holdings.workflow.name
                    try:
                        holdings.renew()
                    except Exception as exc:
                        drop_broken_connection()
                        if not failing:  # once per outage, not once per beat
                            logger.warning("%s: lease renewal failed: %s", wf, exc)
                        failing = True
                        continue
                    if failing:
                        logger.warning("%s: lease renewal works again", wf)
                        failing = False
        finally:
            connection.close()


_renewer = _Renewer()


def group_by_token(pairs: Iterable[tuple[int, str]]) -> dict[str, list[int]]:
    """``(row id, token)`` pairs as ``{token: [row ids]}``."""
    by_token: dict[str, list[int]] = {}
    for row_id, token in pairs:
        by_token.setdefault(token, []).append(row_id)
    return by_token
