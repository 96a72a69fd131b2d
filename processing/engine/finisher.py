"""The finisher of a consumer run: its threads write the outcomes of finished rows, many at once.

Outcomes are written as they come, as many in one transaction as finished while the last write
ran (``finish_sql.finish``), ``FINISH_WRITERS`` writes at a time. Rows whose ``persist()`` writes
go one per lock key (domain) per transaction, in key order (two writes at a time, or two workers,
take their locks in that one order: no deadlock); a write that fails for a machine fault is
retried with backoff, and a ``persist()`` that fails marks only its own row Error. The writes run
on the process's database threads (``processing.db_steps``): its threads hold no connection.
"""

from __future__ import annotations

import logging
import queue
import random
import threading
import time
from dataclasses import replace
from typing import TYPE_CHECKING

from django.db import connection

from processing.db_steps import on_db_thread
from processing.engine import finish_sql
from processing.engine.faults import drop_broken_connection, is_transient_db_error
from processing.engine.outcomes import error_message
from processing.engine.work import take

if TYPE_CHECKING:
    from collections.abc import Callable

    from processing.engine.holdings import Holdings
    from processing.engine.outcomes import RunResult
    from scrapersky.workflows import Knobs, Workflow

logger = logging.getLogger(__name__)

# Finished rows are written as many in one transaction as finished meanwhile, by this many
# threads at once: a row holds its domain's place under the deployment-wide host cap until its
# outcome is written (politeness), so a write waiting for the one before it kept sites' places
# taken by rows long done (issue 27: on a 200 ms web, 1.4 s on average behind one writer).
FINISH_GROUP_MAX = 200
FINISH_WRITERS = 2
# A write that failed for a machine fault (deadlock, connection lost, server restarting) is tried
# again with backoff for the lease (at least this long; only this long once stopping), then the
# rows are left to the lease: the reaper requeues them.
RETRY_MIN_SECONDS = 5.0
RETRY_DELAY_MAX = 2.0


class _GaveUp(Exception):
    """The database stayed unavailable for longer than a write may wait."""


class Finisher:
    """One thread writing outcomes; ``put`` them, ``close`` to write the last and stop."""

    def __init__(
        self,
        workflow: Workflow,
        knobs: Knobs,
        *,
        result: RunResult,
        holdings: Holdings,
        stopping: Callable[[], bool],
    ) -> None:
        self.workflow = workflow
        self.knobs = knobs
        self.result = result
        self.holdings = holdings
        self.stopping = stopping
        self._queue: queue.SimpleQueue = queue.SimpleQueue()  # (lock key, Outcome)
        self._threads = [
            threading.Thread(target=self._run, name=f"{workflow.name}-finish-{i}", daemon=True)
            for i in range(FINISH_WRITERS)
        ]

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def put(self, key: object, outcome: finish_sql.Outcome) -> None:
        self._queue.put((key, outcome))

    def backlog(self) -> int:
        """Finished rows not yet written."""
        return self._queue.qsize()

    def close(self) -> None:
        for _ in self._threads:
            self._queue.put(None)  # one end for each thread: take() stops at the first
        for thread in self._threads:
            thread.join()  # bounded: its retries give up after the lease

    def _run(self) -> None:
        try:
            last = False
            while not last:
                group, last = take(self._queue, FINISH_GROUP_MAX)
                if not group:
                    return
                try:
                    self._write(group)
                except Exception:
                    # Never lose the thread: these rows stay Processing until their lease ends.
                    logger.exception("%s: could not finish rows", self.workflow.name)
                    self.holdings.forget(outcome.row_id for _key, outcome in group)
        finally:
            connection.close()

    def _write(self, group: list[tuple[object, finish_sql.Outcome]]) -> None:
        plain = [outcome for _key, outcome in group if outcome.persist is None]
        if plain:
            self._write_outcomes(plain)
        # Rows that write: one per lock key (domain) per transaction, in key order. Every persist
        # writes its own keys sorted, so all transactions take row locks in one global order
        # (domain, then key) and never deadlock, however many finish at once.
        layers: list[dict] = []
        for key, outcome in group:
            if outcome.persist is None:
                continue
            layer = next((layer for layer in layers if key not in layer), None)
            if layer is None:
                layer = {}
                layers.append(layer)
            layer[key] = outcome
        for layer in layers:
            self._write_outcomes([layer[key] for key in sorted(layer)])

    def _write_outcomes(self, outcomes: list[finish_sql.Outcome]) -> None:
        try:
            written = self._retrying(
                lambda: on_db_thread(finish_sql.finish, self.workflow, outcomes)
            )
        except _GaveUp:
            self.holdings.forget(o.row_id for o in outcomes)
            self.result.count("unfinished", len(outcomes))
            return
        except Exception as exc:
            if len(outcomes) > 1:
                for outcome in outcomes:  # find the row whose persist() fails
                    self._write_outcomes([outcome])
                return
            [outcome] = outcomes
            if outcome.persist is None:
                raise
            logger.exception("%s: row %s persist failed", self.workflow.name, outcome.row_id)
            message = f"persist failed: {error_message(exc)}"
            self._write_outcomes([replace(outcome, kind="error", message=message, persist=None)])
            return
        self.holdings.forget(o.row_id for o in outcomes)
        self._count(outcomes, written)

    def _count(self, outcomes: list[finish_sql.Outcome], written: set[int]) -> None:
        wf = self.workflow.name
        counts = {"complete": 0, "retried": 0, "faulted": 0, "errored": 0, "lost": 0}
        for outcome in outcomes:
            if outcome.row_id not in written:
                counts["lost"] += 1
                logger.warning("%s: row %s lost its claim; result discarded", wf, outcome.row_id)
            elif outcome.kind == "complete":
                counts["complete"] += 1
            elif outcome.kind in ("retry", "fault"):
                counts["retried" if outcome.kind == "retry" else "faulted"] += 1
                logger.info("%s: row %s %s", wf, outcome.row_id, outcome.message)
            else:
                counts["errored"] += 1
                logger.info("%s: row %s error: %s", wf, outcome.row_id, outcome.message)
        for kind, n in counts.items():
            if n:
                self.result.count(kind, n)

    def _retrying(self, write: Callable[[], set[int]]) -> set[int]:
        """``write()``, tried again with backoff while it fails for a machine fault."""
        first = None
        delay = 0.05
        while True:
            try:
                return write()
            except Exception as exc:
                if not is_transient_db_error(exc):
                    raise
                drop_broken_connection()
                now = time.monotonic()
                first = first or now
                patience = RETRY_MIN_SECONDS
                if not self.stopping():
                    patience = max(patience, float(self.knobs.lease_seconds))
                if now - first >= patience:
                    logger.warning(
                        "%s: database unavailable for %.0f s, rows left to their lease: %s",
                        self.workflow.name,
                        now - first,
                        exc,
                    )
                    raise _GaveUp from exc
                log = logger.warning if first == now else logger.debug
                log("%s: write failed (%s), retrying", self.workflow.name, exc)
                time.sleep(random.uniform(delay / 2, delay))
                delay = min(delay * 2, RETRY_DELAY_MAX)
