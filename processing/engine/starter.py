"""The starter thread of a consumer run: counts the attempts of rows about to run, many at a time.

Row threads never talk to the database. A row thread about to run rows hands them to the starter
(``start``) and waits; the starter writes every start that arrived meanwhile on its own
connection (``claims.start``, one statement per claim token), so hundreds of rows in flight cost
one connection for their starts instead of one each.

A start that fails for a machine fault (the database restarting, no free connection) is tried
again at once and then with backoff, while the rows stay held (their lease is renewed): the rows
run as soon as the database answers again, so a shortage of connections slows a worker down
and never wedges it (issue 28.1: rows set aside until the end of a run that never ended). Only
when the run is stopping are they given back unstarted (released at the end of the run).
"""

from __future__ import annotations

import logging
import queue
import random
import threading
import time
from typing import TYPE_CHECKING

from django.db import connection

from processing.engine import claims
from processing.engine.faults import drop_broken_connection, is_transient_db_error
from processing.engine.work import take

if TYPE_CHECKING:
    from collections.abc import Callable

    from scrapersky.workflows import Workflow

logger = logging.getLogger(__name__)

# Starts written in one round: about what a thousand rows in flight ask for at once.
START_GROUP_MAX = 500
RETRY_DELAY_MAX = 1.0


class _Request:
    __slots__ = ("attempts", "done", "ids", "token")

    def __init__(self, ids: list[int], token: str) -> None:
        self.ids = ids
        self.token = token
        self.attempts: dict[int, int] | None = None  # None: not started (stopping)
        self.done = threading.Event()


class Starter:
    """One thread writing the starts of a run's rows; ``start`` blocks until they are written."""

    def __init__(self, workflow: Workflow, *, stopping: Callable[[], bool]) -> None:
        self.workflow = workflow
        self.stopping = stopping
        self.statements = 0  # start statements written (tests, logs)
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._thread = threading.Thread(
            target=self._run, name=f"{workflow.name}-start", daemon=True
        )

    def start_thread(self) -> None:
        self._thread.start()

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join()

    def start(self, ids: list[int], token: str) -> dict[int, int] | None:
        """Count the attempt of held rows ``ids``: ``{id: attempts}`` for the rows still held,
        or None when the run stopped before they could be started (give them back)."""
        request = _Request(ids, token)
        self._queue.put(request)
        request.done.wait()
        return request.attempts

    def _run(self) -> None:
        try:
            last = False
            while not last:
                group, last = take(self._queue, START_GROUP_MAX)
                if group:
                    self._write(group)
        finally:
            connection.close()

    def _write(self, group: list[_Request]) -> None:
        by_token: dict[str, list[_Request]] = {}
        for request in group:
            by_token.setdefault(request.token, []).append(request)
        for token, requests in by_token.items():
            ids = [row_id for request in requests for row_id in request.ids]
            attempts = self._retrying(ids, token)
            for request in requests:
                if attempts is not None:
                    request.attempts = {i: attempts[i] for i in request.ids if i in attempts}
                request.done.set()

    def _retrying(self, ids: list[int], token: str) -> dict[int, int] | None:
        """``claims.start``, tried again while it fails for a machine fault and the run goes on."""
        wf = self.workflow.name
        delay = 0.02
        failing_since = None
        while True:
            try:
                attempts = claims.start(self.workflow, ids, token=token)
                self.statements += 1
            except Exception as exc:
                drop_broken_connection()
                if not is_transient_db_error(exc):
                    logger.exception("%s: could not start rows %s", wf, ids)
                    return None
                if failing_since is None:
                    failing_since = time.monotonic()
                    logger.warning("%s: could not start rows (%s); trying again", wf, exc)
                if self.stopping():
                    return None
                time.sleep(random.uniform(delay / 2, delay))
                delay = min(delay * 2, RETRY_DELAY_MAX)
                continue
            if failing_since is not None:
                logger.warning(
                    "%s: rows started after %.1f s of failures",
                    wf,
                    time.monotonic() - failing_since,
                )
            return attempts
