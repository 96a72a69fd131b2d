"""The rows a consumer run holds, and the heartbeat thread that renews their leases."""

from __future__ import annotations

import logging
import threading
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
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

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
        name = f"{self.workflow.name}-heartbeat"
        self._thread = threading.Thread(target=self._heartbeat, name=name, daemon=True)
        self._thread.start()

    def stop_heartbeat(self) -> None:
        self._stop.set()
        if self._thread is None:
            return
        self._thread.join(timeout=10)
        if self._thread.is_alive():
            logger.warning("%s: lease heartbeat still running after teardown", self.workflow.name)

    def _heartbeat(self) -> None:
        wf = self.workflow.name
        every = max(0.5, self.lease_seconds / 3)
        failing = False
        try:
            while not self._stop.wait(every):
                try:
                    for token, ids in self.by_token().items():
                        leases.renew(
                            self.workflow, ids, token=token, lease_seconds=self.lease_seconds
                        )
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


def group_by_token(pairs: Iterable[tuple[int, str]]) -> dict[str, list[int]]:
    """``(row id, token)`` pairs as ``{token: [row ids]}``."""
    by_token: dict[str, list[int]] = {}
    for row_id, token in pairs:
        by_token.setdefault(token, []).append(row_id)
    return by_token
