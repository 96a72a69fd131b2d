"""Starting rows: the attempts of rows about to run are counted many at a time, by one thread.

Row threads never talk to the database. A row thread about to run rows hands them to its run's
``Starter`` (``start``) and waits; the process's one start writer writes every start that
arrived meanwhile, of every run, on its own connection (``claims.start``, one statement per claim
token), so hundreds of rows in flight cost one connection for their starts instead of one each.

A start that fails for a machine fault (the database restarting, no free connection) is tried
again at once and then with backoff, while the rows stay held (their lease is renewed): the rows
run as soon as the database answers again, so a shortage of connections slows a worker down
and never wedges it (issue 28.1: rows set aside until the end of a run that never ended). Only
when the run is stopping are they given back unstarted (released at the end of the run).
"""

from __future__ import annotations

import logging
import os
import queue
import random
import threading
import time
from typing import TYPE_CHECKING

from django.db import connection

from processing.engine import claims
from processing.engine.faults import drop_broken_connection, is_transient_db_error

if TYPE_CHECKING:
    from collections.abc import Callable

    from scrapersky.workflows import Workflow

logger = logging.getLogger(__name__)

# Starts written in one round: about what a thousand rows in flight ask for at once.
START_GROUP_MAX = 500
RETRY_DELAY_MAX = 1.0
IDLE_SECONDS = 5.0


class _Request:
    __slots__ = ("attempts", "done", "ids", "starter", "token")

    def __init__(self, starter: Starter, ids: list[int], token: str) -> None:
        self.starter = starter
        self.ids = ids
        self.token = token
        self.attempts: dict[int, int] | None = None  # None: not started (stopping)
        self.done = threading.Event()


class Starter:
    """A run's access to the process's start writer; ``start`` blocks until the rows started."""

    def __init__(self, workflow: Workflow, *, stopping: Callable[[], bool]) -> None:
        self.workflow = workflow
        self.stopping = stopping
        self.statements = 0  # start statements written for this run (tests, logs)

    def start_thread(self) -> None:
        _writer.ensure_running()

    def close(self) -> None:
        """Nothing to stop: the writer serves every run of the process and idles on its own."""

    def start(self, ids: list[int], token: str) -> dict[int, int] | None:
        """Count the attempt of held rows ``ids``: ``{id: attempts}`` for the rows still held,
        or None when the run stopped before they could be started (give them back)."""
        request = _Request(self, ids, token)
        _writer.put(request)
        request.done.wait()
        return request.attempts


class _Writer:
    """The one thread of a process writing starts, for every run (every lane) at once.

    One connection for the starts of the whole process: a worker's connections do not grow
    with its lanes. It closes its connection after ``IDLE_SECONDS`` without a start.
    """

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._pid = 0

    def ensure_running(self) -> None:
        with self._lock:
            alive = self._thread is not None and self._thread.is_alive()
            if alive and self._pid == os.getpid():
                return
            if self._pid != os.getpid():  # forked: the parent's thread is not ours
                self._queue = queue.SimpleQueue()
            self._pid = os.getpid()
            self._thread = threading.Thread(target=self._run, name="row-starts", daemon=True)
            self._thread.start()

    def put(self, request: _Request) -> None:
        self.ensure_running()
        self._queue.put(request)

    def _take(self) -> list[_Request]:
        try:
            first = self._queue.get(timeout=IDLE_SECONDS)
        except queue.Empty:
            connection.close()  # idle: give the connection back
            first = self._queue.get()
        group = [first]
        while len(group) < START_GROUP_MAX:
            try:
                group.append(self._queue.get_nowait())
            except queue.Empty:
                break
        return group

    def _run(self) -> None:
        try:
            while True:
                group = self._take()
                try:
                    self._write(group)
                except Exception:  # never lose the thread (nor leave a row thread waiting)
                    logger.exception("could not start rows")
                    for request in group:
                        request.done.set()
        finally:
            connection.close()

    def _write(self, group: list[_Request]) -> None:
        by_claim: dict[tuple[int, str], list[_Request]] = {}
        for request in group:
            by_claim.setdefault((id(request.starter), request.token), []).append(request)
        for requests in by_claim.values():
            starter = requests[0].starter
            ids = [row_id for request in requests for row_id in request.ids]
            attempts = self._retrying(starter, ids, requests[0].token)
            for request in requests:
                if attempts is not None:
                    request.attempts = {i: attempts[i] for i in request.ids if i in attempts}
                request.done.set()

    def _retrying(self, starter: Starter, ids: list[int], token: str) -> dict[int, int] | None:
        """``claims.start``, tried again while it fails for a machine fault and the run goes on.

        While it is tried again, starts of other runs wait too: they would meet the same fault.
        """
        wf = starter.workflow.name
        delay = 0.02
        failing_since = None
        while True:
            try:
                attempts = claims.start(starter.workflow, ids, token=token)
                starter.statements += 1
            except Exception as exc:
                drop_broken_connection()
                if not is_transient_db_error(exc):
                    logger.exception("%s: could not start rows %s", wf, ids)
                    return None
                if failing_since is None:
                    failing_since = time.monotonic()
                    logger.warning("%s: could not start rows (%s); trying again", wf, exc)
                if starter.stopping():
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


_writer = _Writer()
