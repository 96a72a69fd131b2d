"""Waking the workers: PostgreSQL ``NOTIFY`` when rows are queued, ``LISTEN`` in every worker.

The way procrastinate wakes its workers (its ``listen_notify``): the process that queues rows
sends ``NOTIFY scrapersky_queued, '<workflow>'`` once the rows are committed, and each worker
process keeps one connection that ``LISTEN``\\ s and wakes the workflow's lane of its loop at
once. A notification needs no broker round trip (the django-q2 task a kick used to enqueue) and
reaches every worker on every machine. The lanes' poll stays as the fallback (rows whose backoff
ends, a listener reconnecting), and so do the per-workflow schedules ``process_{workflow}_queue``
(a scheduled run only nudges the lane, see ``processing.tasks``). The same connection hears the
hosts' pauses (``NOTIFY scrapersky_host_pause``, see ``processing.engine.politeness``).
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

import psycopg
from django.db import connection

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

logger = logging.getLogger(__name__)

CHANNEL = "scrapersky_queued"
PAUSE_CHANNEL = "scrapersky_host_pause"  # sent by host_gate_pause (sql/functions)
RECONNECT_SECONDS = 2.0  # after the listening connection broke
CHECK_SECONDS = 0.5  # how quickly the listener notices its loop stopping


def notify(workflow_name: str) -> None:
    """Tell every listening worker that ``workflow_name`` has rows queued (this connection).

    Outside a transaction the notification goes out at once; inside one, at its commit (and
    never if it rolls back)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_notify(%s, %s)", [CHANNEL, workflow_name])


class Listener:
    """A thread holding one ``LISTEN`` connection; calls ``wake(workflow)`` per notification.

    After (re)connecting it wakes every lane in ``lanes``: a notification sent while it was not
    listening is lost, so the lanes look for themselves.
    """

    def __init__(
        self,
        wake: Callable[[str], object],
        lanes: Iterable[str],
        *,
        stopping: threading.Event,
        paused: Callable[[str], object] | None = None,
    ) -> None:
        self.wake = wake
        self.paused = paused  # called with a pause notification's payload
        self.lanes = list(lanes)
        self.stopping = stopping
        self.listening = threading.Event()  # set while the LISTEN connection is up
        self._thread = threading.Thread(target=self._run, name="wake-listener", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def _connect(self) -> psycopg.Connection:
        params = connection.get_connection_params()
        params.pop("cursor_factory", None)
        params.pop("context", None)
        conn = psycopg.connect(**params, autocommit=True)
        if self.paused is not None:
            conn.execute(f"LISTEN {PAUSE_CHANNEL}")
        conn.execute(f"LISTEN {CHANNEL}")  # last: what pg_stat_activity shows it doing
        return conn

    def _run(self) -> None:
        failing = False
        while not self.stopping.is_set():
            try:
                with self._connect() as conn:
                    self.listening.set()
                    if failing:
                        logger.warning("wake listener: listening again")
                        failing = False
                    for lane in self.lanes:
                        self.wake(lane)
                    while not self.stopping.is_set():
                        for notification in conn.notifies(timeout=CHECK_SECONDS):
                            if notification.channel == PAUSE_CHANNEL:
                                self.paused(notification.payload)
                            else:
                                self.wake(notification.payload)
            except Exception as exc:
                if not failing:
                    logger.warning("wake listener: %s; lanes poll until it reconnects", exc)
                failing = True
            finally:
                self.listening.clear()
            self.stopping.wait(RECONNECT_SECONDS)
